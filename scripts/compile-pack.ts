/**
 * Build step: validate assets/pack/assessment.yaml and write src/pack/generated/compiled.json,
 * which the extension bundles, and src/pack/generated/subject-terms.json, the few words the sentinel content script
 * checks a page for (src/page/subject-check.ts) — so that the script every page gets does not carry the pack. `--check` only verifies that the committed file is up to date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadPack, PackError } from '../src/pack/load';
import { compilePack } from '../src/pack/compile';
import { subjectTerms } from '../src/page/subject-check';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACK_YAML = resolve(root, 'assets/pack/assessment.yaml');
export const COMPILED_JSON = resolve(root, 'src/pack/generated/compiled.json');
export const SUBJECT_TERMS_JSON = resolve(root, 'src/pack/generated/subject-terms.json');

/** The sentinel's words, from the compiled pack's matcher (the text of compiled.json). */
export function subjectTermsJson(compiledJson: string): string {
  const { matcher } = JSON.parse(compiledJson) as ReturnType<typeof compilePack>;
  return `${JSON.stringify(subjectTerms(matcher))}\n`;
}

export function compileFromDisk(): string {
  const yamlText = readFileSync(PACK_YAML, 'utf8');
  // The source file is named inside the pack; read that name before the full validation needs the text.
  const named = (parseYaml(yamlText) as { report?: { source_file?: unknown } } | null)?.report?.source_file;
  const sourceFile = typeof named === 'string' ? named : 'assessment.txt';
  const sourceText = readFileSync(resolve(dirname(PACK_YAML), sourceFile), 'utf8');
  return `${JSON.stringify(compilePack(loadPack(yamlText, sourceText), sourceText))}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const json = compileFromDisk();
    mkdirSync(dirname(COMPILED_JSON), { recursive: true });
    writeFileSync(COMPILED_JSON, json);
    writeFileSync(SUBJECT_TERMS_JSON, subjectTermsJson(json));
    console.error(`compiled ${PACK_YAML} → ${COMPILED_JSON}`);
  } catch (error) {
    console.error(error instanceof PackError ? error.message : error);
    process.exit(1);
  }
}
