import path from 'node:path';
import { corpusDir } from '../../../scripts/lib/corpus';
import { REPO_ROOT } from '../../../scripts/lib/browsers';

export { CHROME_EXTENSION_DIR, DEMO_DIR, FIREFOX_EXTENSION_DIR, REPO_ROOT } from '../../../scripts/lib/browsers';

export const FIXTURE_PAGES_DIR = path.join(REPO_ROOT, 'tests/fixtures/pages');

/** The shared development corpus: `../shared/corpus` next to the repo, unless FACT_CONTEXT_CORPUS says otherwise. */
export const CORPUS_DIR = corpusDir();
