import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../scripts/lib/corpus';

const ROOT = resolve(import.meta.dirname, '../../..');

/** The quality targets on the labelled corpus are part of the test suite: a rule change that loses them fails. */
describe.skipIf(!existsSync(corpusDir()))('npm run eval on the labelled corpus', { timeout: 120_000 }, () => {
  it('meets every target', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number | boolean>;
    expect(report.articles).toBe(15);
    expect(report.themeRecall).toBeGreaterThanOrEqual(0.95);
    expect(report.spanRecall).toBeGreaterThanOrEqual(0.8);
    expect(report.negativePages).toBe(0);
    expect(report.mustNotHits).toBe(0);
    expect(run.status).toBe(0);
  });
});
