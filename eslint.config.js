// Lint rules that catch real bugs in this code (floating promises, `any`, unchecked non-null assertions,
// unused code) rather than style: formatting is Prettier's job (`npm run format:check`).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'out/', 'src/pack/generated/', 'tests/fixtures/hostile/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Template literals with numbers are everywhere in messages and CSS; they are not a bug.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Style, not bugs: `() => void f()` and `onClick={() => set(x)}` read fine.
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    // src/matching is pure (text in, offsets out) and the bottom layer: it imports nothing else from src — the
    // pack builds on the matcher, never the reverse (no import circle) — and no search library (the ranking is
    // handed one, src/pack/ranking.ts), so the engine that pages load stays small.
    files: ['src/matching/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'fuse.js', message: 'The engine gets its finding search through FindingSearch (rank.ts).' }],
          patterns: [{ group: ['../*'], message: 'src/matching imports nothing from the rest of src.' }],
        },
      ],
    },
  },
  {
    // In a test, a `!` on what the test just looked up is an assertion: if it is missing the test fails there.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
