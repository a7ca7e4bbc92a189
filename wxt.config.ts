import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { createRequire } from 'node:module';

// WXT's own `browser` (the browser's namespace as is), without the polyfill that the rest of the extension uses.
const UNPOLYFILLED_BROWSER = createRequire(import.meta.url).resolve('wxt/browser');

/** The entry points built without the polyfill (see the hook below). */
const UNPOLYFILLED_ENTRIES = new Set(['sentinel', 'content', 'card']);

// Firefox needs a stable add-on id; the UUID of its moz-extension:// origin is pinned only in tests.
export const GECKO_ID = 'fact-context@fact-context.dev';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  hooks: {
    // The content scripts go without webextension-polyfill (10 kB of it, 3 kB gzipped): the sentinel runs on every
    // page and keeps to 5 kB gzipped, and the engine (with the card) is injected into every page that passes.
    // Neither needs a promise-returning listener (the only thing the polyfill adds that they could use): their
    // messages go through @webext-core/messaging, which works on `chrome.*` callbacks itself, and WXT's storage and
    // shadow-root UI call only APIs that return promises natively (Chrome MV3, Firefox's `browser`).
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.length !== 1 || !UNPOLYFILLED_ENTRIES.has(entrypoints[0]?.name ?? '')) return;
      const alias = config.resolve?.alias;
      const rest = Array.isArray(alias)
        ? (alias as { find: string | RegExp; replacement: string }[])
        : Object.entries((alias ?? {}) as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
      config.resolve = {
        ...config.resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: UNPOLYFILLED_BROWSER }, ...rest],
      };
    },
  },
  zip: {
    // The Firefox sources zip must rebuild to the same extension: ship what the build reads.
    // The root files too: without package.json, the lock file, tsconfig.json and this config there is nothing to build.
    includeSources: [
      'assets/**',
      'scripts/**',
      'src/**',
      'entrypoints/**',
      'public/**',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
    ],
    excludeSources: ['out/**', 'tests/**', '.output/**', 'node_modules/**'],
  },
  manifest: ({ browser }) => ({
    name: 'Fact Context',
    description:
      'Marks phrases in news about China and Russia that a declassified UK assessment speaks to, and shows what it found. Works offline.',
    // `scripting`: the background injects the engine into pages whose sentinel found the subject, and the card's
    // bundle when the engine first opens a card (no install warning).
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    // WXT declares public/icon/<size>.png as `icons`; the toolbar button names them too (Firefox does not fall back).
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' } },
    commands: {
      'next-mention': {
        // Not Alt+Shift+N: Chromium 150 leaves that one unassigned (commands.getAll reports no shortcut).
        suggested_key: { default: 'Alt+Shift+M' },
        description: 'Jump to the next marked phrase and open its card',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Turn Fact Context on or off for this site',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140: the ESR that Debian 12 ships (and the first with data_collection_permissions on desktop).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on (the linter warns below that).
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
