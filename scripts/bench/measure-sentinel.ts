/**
 * The page without the subject (`"subject": false` in `pages[]`): the bare text walk (`floor_ms`) and the
 * sentinel's main-thread time on it (`sentinel_ms`: evaluating its script, then the subject check over the page's
 * text), each on a freshly loaded tab, a warm-up first, then the median of `runs`. How many of our scripts the page
 * gets (`scripts_loaded`) is counted with the built extension (extension-check.ts).
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { RunnerBundles } from './bundle';
import { closePage, openPage } from './browser';
import { median } from '../lib/lists';

export interface NoSubjectPageResult {
  subject: false;
  size_kb: number;
  floor_ms: number;
  sentinel_ms: number;
  /** Our scripts the built extension ran in the page (the sentinel alone: 1); null without the extension check. */
  scripts_loaded: number | null;
}

type Tools = { floor(): { ms: number } };
type Sentinel = { run(): Promise<{ ms: number; passed: boolean }> };
declare const __benchTools: Tools;
declare const __benchSentinel: Sentinel;

/** Evaluates the sentinel runner as an inline script (timed: the sentinel pays for it on every page), then runs it. */
async function runSentinel(page: Page, bundle: string): Promise<{ ms: number; evalMs: number; passed: boolean }> {
  return page.evaluate(async (source) => {
    const start = performance.now();
    const script = document.createElement('script');
    script.textContent = source;
    document.head.append(script);
    const loadMs = performance.now() - start;
    const result = await __benchSentinel.run();
    return { ms: loadMs + result.ms, evalMs: loadMs, passed: result.passed };
  }, bundle);
}

export async function measureNoSubjectPage(
  context: BrowserContext,
  bundles: RunnerBundles,
  target: { url: string; textChars: number },
  options: { runs: number; log: (line: string) => void },
): Promise<{ result: NoSubjectPageResult; details: { evalMs: number } }> {
  const sizeKb = Math.round(target.textChars / 1024);
  const times = async (label: string, once: (page: Page) => Promise<number>) => {
    options.log(`  ${sizeKb} KB without the subject: ${label}`);
    const out: number[] = [];
    for (let i = 0; i <= options.runs; i++) {
      const { page } = await openPage(context, target.url, bundles.tools);
      const ms = await once(page);
      await closePage(page);
      if (i > 0) out.push(ms); // the first is the warm-up
    }
    return median(out);
  };
  const floor = await times('floor', async (page) => (await page.evaluate(() => __benchTools.floor())).ms);
  const evalTimes: number[] = [];
  const sentinel = await times('sentinel', async (page) => {
    const run = await runSentinel(page, bundles.sentinel);
    if (run.passed) throw new Error('the page without the subject passed the subject check: fix the generator');
    evalTimes.push(run.evalMs);
    return run.ms;
  });
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    result: {
      subject: false,
      size_kb: sizeKb,
      floor_ms: round(floor),
      sentinel_ms: round(sentinel),
      scripts_loaded: null,
    },
    details: { evalMs: round(median(evalTimes.slice(1))) },
  };
}
