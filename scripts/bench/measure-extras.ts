/**
 * The figures that are not per page: popup search latency per keystroke (real pack, 10,000 findings) and
 * matcher time vs number of triggers on the 1 MB page.
 */
import type { BrowserContext } from 'playwright-core';
import type { RunnerBundles } from './bundle';
import { closePage, openPage } from './browser';

type Latency = { median: number; p95: number; max: number; keystrokes: number };
type Tools = {
  searchLatency(which: 'real' | 'synthetic', findings: number): Latency;
  triggerScaling(counts: number[], runs: number): { triggers: number; ms: number; mentions: number }[];
};
declare const __benchTools: Tools;

export interface SearchResult {
  real_pack_ms: number;
  real_pack_p95_ms: number;
  findings_10000_ms: number;
  findings_10000_p95_ms: number;
  keystrokes: number;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function measureSearch(
  context: BrowserContext,
  bundles: RunnerBundles,
  url: string,
): Promise<SearchResult> {
  const { page } = await openPage(context, url, bundles.tools);
  const real = await page.evaluate(() => __benchTools.searchLatency('real', 0));
  const synthetic = await page.evaluate(() => __benchTools.searchLatency('synthetic', 10_000));
  await closePage(page);
  return {
    real_pack_ms: round(real.median, 3),
    real_pack_p95_ms: round(real.p95, 3),
    findings_10000_ms: round(synthetic.median),
    findings_10000_p95_ms: round(synthetic.p95),
    keystrokes: real.keystrokes,
  };
}

export async function measureTriggerScaling(
  context: BrowserContext,
  bundles: RunnerBundles,
  url: string,
  counts: number[],
  runs: number,
): Promise<{ triggers: number; ms: number; mentions: number }[]> {
  const { page } = await openPage(context, url, bundles.tools);
  const out = await page.evaluate(({ counts, runs }) => __benchTools.triggerScaling(counts, runs), { counts, runs });
  await closePage(page);
  return out.map((row) => ({ ...row, ms: round(row.ms, 1) }));
}
