import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
export const SOURCE_TEXT = readFileSync(resolve(ROOT, 'assets/pack/assessment.txt'), 'utf8');
export const PACK_YAML = readFileSync(resolve(ROOT, 'assets/pack/assessment.yaml'), 'utf8');
export const FIXTURES = resolve(ROOT, 'tests/fixtures/packs');
