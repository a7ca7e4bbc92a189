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
    expect(top.spanRecall).toBeGreaterThanOrEqual(0.92);
    // The density bound costs one page its twelfth theme: batch-2/065's labels alone are 42.9 per 1,000 words (13
    // spans, 12 themes in 303 words), and the 9 marks its words allow carry at most 11 of them (0.956 before).
    expect(report.themeRecall).toBeGreaterThanOrEqual(0.94);
    // Span recall under the density bound, above the target on all 45 (0.884 before the bound; 0.835 with the bound
    // alone; 0.860 once clutter.ts chooseWithinBudget preferred a sentence's point; 0.866 with repeats lengthening
    // marks, still 0.866 once a repeat no longer leads its mark and a sentence's findings count once; 0.872 once
    // concept `words` were taken as written, session 9).
    expect(report.spanRecall).toBeGreaterThanOrEqual(0.87);
    expect(report.folders['batch-2']?.spanRecall).toBeGreaterThanOrEqual(0.84);
    // Within the bound of 1.5 on all 45 (1.43 since one clause shows as one mark, join.ts; 1.59 before): recall is
    // not bought with more noise. In each folder too (top 1.53 before the density rule, 1.40 with it).
    expect(report.marksPerSpan).toBeLessThanOrEqual(1.4);
    for (const folder of Object.values(report.folders)) expect(folder.marksPerSpan).toBeLessThanOrEqual(1.45);
    // No page above 30 marks per 1,000 words (5 before the density rule, src/matching/clutter.ts DensityBudget), though
    // one page's labels alone are 42.9 per 1,000 words: the bound cannot be met there without losing labelled spans.
    expect(report.pagesOverDensity).toBe(0);
    expect(report.maxMarksPer1000Words).toBeLessThanOrEqual(30);
    expect(report.maxSpansPer1000Words).toBeGreaterThan(30);
    for (const folder of Object.values(report.folders)) expect(folder.pagesOverDensity).toBe(0);
    // Sense on all 45 and in each folder: no negative page is marked, no tempting phrase is.
    for (const figures of [report, ...Object.values(report.folders)]) {
      expect(figures.negativePages).toBe(0);
      expect(figures.mustNotHits).toBe(0);
    }
    // The honest split is printed for every folder (rules are written from one half, checked on the other).
    expect(Object.keys(report.split)).toEqual(['top odd', 'top even', 'batch-2 odd', 'batch-2 even']);
    // Not yet met, so not asserted (see README "Quality"): theme ≥ 0.95 on batch-2 (0.921) and on all 45 (0.945),
    // span ≥ 0.85 on batch-2 (0.835).
  });
});
