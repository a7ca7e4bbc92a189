import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Repository root (this file is tests/e2e/harness/paths.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The unpacked builds the harness loads; `globalSetup` (build.ts) produces them once per test run. */
export const CHROME_EXTENSION_DIR = path.join(REPO_ROOT, '.output/chrome-mv3');
export const FIREFOX_EXTENSION_DIR = path.join(REPO_ROOT, '.output/firefox-mv3');

export const FIXTURE_PAGES_DIR = path.join(REPO_ROOT, 'tests/fixtures/pages');
export const DEMO_DIR = path.join(REPO_ROOT, 'assets/demo');

/** The shared development corpus: `../shared/corpus` next to the repo, unless FACT_CONTEXT_CORPUS says otherwise. */
export const CORPUS_DIR = process.env.FACT_CONTEXT_CORPUS ?? path.resolve(REPO_ROOT, '../shared/corpus');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
