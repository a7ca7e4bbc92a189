import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../../../scripts/lib/corpus';

const ROOT = resolve(import.meta.dirname, '../../..');

interface Figures {
  articles: number;
  marksPerSpan: number;
  maxMarksPer1000Words: number;
  pagesOverDensity: number;
  maxSpansPer1000Words: number;
  themeRecall: number;
  spanRecall: number;
  negativePages: number;
  mustNotHits: number;
}

/** The quality targets on the labelled corpus are part of the test suite: a rule change that loses them fails. */
describe.skipIf(!existsSync(corpusDir()))('npm run eval on the labelled corpus', { timeout: 180_000 }, () => {
  it('reports both folders and the split, meets the targets on the first folder, span recall and the sense targets on all 45', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FACT_CONTEXT_CORPUS: undefined },
    });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout.trim().split('\n').pop()!) as Figures & {
      folders: Record<string, Figures>;
      split: Record<string, Figures>;
    };
    expect(report.articles).toBe(45);
    expect(Object.keys(report.folders)).toEqual(['top', 'batch-2']);
    expect(report.folders.top?.articles).toBe(15);
    expect(report.folders['batch-2']?.articles).toBe(30);
    const top = report.folders.top!;
    expect(top.themeRecall).toBeGreaterThanOrEqual(0.95);
    expect(top.spanRecall).toBeGreaterThanOrEqual(0.85);
    expect(report.themeRecall).toBeGreaterThanOrEqual(0.95);
    expect(report.spanRecall).toBeGreaterThanOrEqual(0.85);
    expect(report.folders['batch-2']?.spanRecall).toBeGreaterThanOrEqual(0.85);
    // Within the bound of 1.5 on all 45 (1.43 since one clause shows as one mark, join.ts; 1.59 before): recall is
    // not bought with more noise. Not yet on the first folder alone (1.53).
    expect(report.marksPerSpan).toBeLessThanOrEqual(1.45);
    // Nor more dense pages than today's 5 over 30 marks per 1,000 words (12 before joining). One page's labels alone
    // are 42.9 per 1,000 words (13 spans in 303 words), so the density bound cannot be met there without losing
    // labelled spans.
    expect(report.pagesOverDensity).toBeLessThanOrEqual(5);
    expect(report.maxSpansPer1000Words).toBeGreaterThan(30);
    expect(report.pagesOverDensity).toBe(
      Object.values(report.folders).reduce((n, folder) => n + folder.pagesOverDensity, 0),
    );
    // Sense on all 45 and in each folder: no negative page is marked, no tempting phrase is.
    for (const figures of [report, ...Object.values(report.folders)]) {
      expect(figures.negativePages).toBe(0);
      expect(figures.mustNotHits).toBe(0);
    }
    // The honest split is printed for every folder (rules are written from one half, checked on the other).
    expect(Object.keys(report.split)).toEqual(['top odd', 'top even', 'batch-2 odd', 'batch-2 even']);
    // Not yet met, so not asserted (see README "Quality"): theme ≥ 0.95 on batch-2 (0.937), and the noise bounds in
    // each folder (marks ≤ 1.5 × labelled spans: top 1.53; ≤ 30 marks per 1,000 words: 5 pages over).
  });
});
