/**
 * Measures one generated page: every figure of `pages[]`, each run on a freshly loaded tab (a content script runs
 * once per page load, on a cold page), a warm-up first, then the median of `runs`.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { RunnerBundles } from './bundle';
import { closePage, heapAfterGc, openPage } from './browser';
import type { PlantedMention } from './generate';
import { startTrace, tasksBetween } from './trace';
import { itemAt, median } from '../lib/lists';
import { HIGHLIGHT_NAME } from '../../src/dom/highlight-style';

export interface PageResult {
  /** A page about the subject (planted mentions); the page without it is a NoSubjectPageResult. */
  subject: true;
  size_kb: number;
  floor_ms: number;
  ours_ms: number;
  markjs_ms: number;
  fuse_naive_ms: number;
  max_task_ms: number;
  long_tasks: number;
  highlight_frame_ms: number;
  /** The same registration (the same ranges) with our stylesheet already there, timed the same way. */
  highlight_frame_base_ms: number;
  /** From DOMContentLoaded to our marks in CSS.highlights, the built extension; null without the extension check. */
  marks_after_dcl_ms: number | null;
  /** marks_after_dcl_ms of every run of the built extension (it is their median). */
  marks_after_dcl_runs_ms?: number[];
  /**
   * When the page's first frame after DOMContentLoaded began (built extension, median): the page's own style and
   * layout at the end of parsing, which Chromium runs before any document_end script can start.
   */
  first_frame_after_dcl_ms?: number;
  mutation_ms: number;
  mutation_base_ms: number;
  heap_kb: number;
  mentions_expected: number;
  mentions_found: number;
}

/** What the table's notes need beyond the JSON keys. */
export interface PageDetails {
  fuseCapped: boolean;
  fuseSearched: string;
  markjsCount: number;
  markjsCapped: boolean;
  /** Figures measured with fewer runs because one run was very slow. */
  slow: string[];
  /** Planted mentions not found, and found mentions that were not planted (first few of each). */
  missing: string[];
  extra: string[];
  correct: boolean;
  liveRanges: number;
  tasksTraced: number;
  /** The biggest trace events nested in the longest task (nested events overlap: a FunctionCall holds a style recalc). */
  longestTaskInside: string;
  loadMs: number;
  engineMs: number;
  /** A DOM change with our marks in place but without our mutation watcher, ms. */
  mutationMarksOnlyMs: number;
  /** A DOM change with only an empty MutationObserver of our watch's options on the page (no marks), ms. */
  mutationEmptyObserverMs: number;
  /** The same with an empty observer of childList + subtree only (the least a watch for later text needs), ms. */
  mutationMinimalObserverMs: number;
  /** Single cold runs of the pieces: extraction with/without the computed-style check, createEngine, engine.scan. */
  parts: { extractMs: number; extractNoStyleMs: number; createEngineMs: number; scanMs: number };
}

export interface PageToMeasure {
  url: string;
  textChars: number;
  planted: PlantedMention[];
}

export interface MeasureOptions {
  runs: number;
  /** Cap of one run of fuse.js and of mark.js, ms (reported as the cap). */
  capMs: number;
  mutationCount: number;
  /** fuse.js already hit the cap on a smaller page. */
  fuseCappedBefore?: boolean;
  log: (line: string) => void;
}

export type Tools = {
  floor(): { ms: number };
  markjs(): Promise<{ ms: number; count: number }>;
  fuseNaive(capMs: number): { ms: number; capped: boolean; sentences: number; searched: number };
  frameCost(): Promise<number>;
  highlightFrameBase(name: string): Promise<number>;
  startLongTasks(): void;
  stopLongTasks(): Promise<{ count: number; max: number }>;
  mutations(count: number): Promise<number>;
  emptyObserver(minimal?: boolean): void;
  quiet(): Promise<void>;
  breakdown(): { extractMs: number; extractNoStyleMs: number; createEngineMs: number; scanMs: number };
};
type Ours = {
  run(options: { watch: boolean }): Promise<{ ms: number; engineMs: number; mentions: string[]; ranges: number }>;
};
declare const __benchTools: Tools;
declare const __benchOurs: Ours;

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

/**
 * Injects the content script's bundle as an inline script (evaluated synchronously on insertion) and runs it;
 * the evaluation time is part of ours_ms, since the content script pays it on every page.
 */
export async function runOurs(
  page: Page,
  bundle: string,
  watch = true,
): Promise<{ ms: number; loadMs: number; engineMs: number; frame: number; mentions: string[]; ranges: number }> {
  return page.evaluate(
    async ({ source, watch }) => {
      performance.mark('bench-ours-start');
      const start = performance.now();
      const script = document.createElement('script');
      script.textContent = source;
      document.head.append(script);
      const loadMs = performance.now() - start;
      const result = await __benchOurs.run({ watch });
      performance.mark('bench-ours-end');
      // In the same task as the registration: the next frame is the one that paints the highlights.
      const frame = await __benchTools.frameCost();
      return { ...result, loadMs, frame, ms: result.ms + loadMs };
    },
    { source: bundle, watch },
  );
}

/** A run slower than this is not repeated five times (the whole benchmark must finish within minutes). */
const SLOW_RUN_MS = 15_000;

/**
 * A warm-up (the browser's caches, not the page's: every run is a fresh tab), then `runs` runs — or a single
 * one when the warm-up was slower than SLOW_RUN_MS (reported in the notes).
 */
async function repeat<T>(runs: number, once: () => Promise<T>, slow: string[], label: string): Promise<T[]> {
  const started = Date.now();
  await once();
  const warmUp = Date.now() - started;
  const count = warmUp > SLOW_RUN_MS ? 1 : runs;
  if (count < runs) slow.push(`${label}: 1 run (the warm-up took ${(warmUp / 1000).toFixed(0)} s)`);
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(await once());
  return out;
}

/** Resolves with the page's answer, or with undefined after `ms` (the tab is then closed: its renderer may be stuck). */
async function withCap<T>(page: Page, work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const cap = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  const result = await Promise.race([work.catch(() => undefined), cap]);
  clearTimeout(timer);
  if (result === undefined) await closePage(page);
  return result;
}

export async function measurePage(
  context: BrowserContext,
  bundles: RunnerBundles,
  target: PageToMeasure,
  options: MeasureOptions,
): Promise<{ result: PageResult; details: PageDetails }> {
  const { runs, log } = options;
  const open = () => openPage(context, target.url, bundles.tools);
  // Where our scan runs, the page has our highlight stylesheet from the start, as the manifest declares it.
  const openForOurs = () => openPage(context, `${target.url}?declared`, bundles.tools);
  const sizeKb = Math.round(target.textChars / 1024);

  log(`  ${sizeKb} KB: floor`);
  const slow: string[] = [];
  const floor = await repeat(
    runs,
    async () => {
      const { page } = await open();
      const { ms } = await page.evaluate(() => __benchTools.floor());
      await closePage(page);
      return ms;
    },
    slow,
    'floor',
  );

  log(`  ${sizeKb} KB: ours`);
  const ours = await repeat(
    runs,
    async () => {
      const { page, cdp } = await openForOurs();
      const heapBefore = await heapAfterGc(cdp);
      await page.evaluate(() => __benchTools.startLongTasks());
      const run = await runOurs(page, bundles.ours);
      const longTasks = await page.evaluate(() => __benchTools.stopLongTasks());
      const heapAfter = await heapAfterGc(cdp);
      const frameBase = await page.evaluate((name) => __benchTools.highlightFrameBase(name), HIGHLIGHT_NAME);
      await closePage(page);
      return { ...run, longTasks, frameBase, heapKb: (heapAfter - heapBefore) / 1024 };
    },
    slow,
    'ours',
  );
  log(`    ours: ${ours.map((run) => (run.ms / 1000).toFixed(2)).join(', ')} s`);

  log(`  ${sizeKb} KB: longest task (trace)`);
  const traced = await (async () => {
    const { page, cdp } = await openForOurs();
    const stop = await startTrace(cdp);
    await runOurs(page, bundles.ours);
    const tasks = tasksBetween(await stop(), 'bench-ours-start', 'bench-ours-end');
    await closePage(page);
    return tasks;
  })();

  log(`  ${sizeKb} KB: DOM changes without and with our marks`);
  // Each timed run starts on a quiet page: the rescan of the previous run's changes (ours, 200 ms after them) is
  // done and the garbage of earlier work collected — base and ours alike — so that a run times the changes and
  // the observers on the page, not a garbage collection that happens to fall into it.
  const timedChanges = async (page: Page, cdp: CDPSession) => {
    await page.evaluate(() => __benchTools.mutations(100));
    const values: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.evaluate(() => __benchTools.quiet());
      await heapAfterGc(cdp);
      values.push(await page.evaluate((n) => __benchTools.mutations(n), options.mutationCount));
    }
    return median(values);
  };
  const mutationBase = await (async () => {
    const { page, cdp } = await open();
    const ms = await timedChanges(page, cdp);
    await closePage(page);
    return ms;
  })();
  const mutationOf = async (watch: boolean) => {
    const { page, cdp } = await openForOurs();
    await runOurs(page, bundles.ours, watch);
    await page.evaluate(() => __benchTools.frameCost());
    const ms = await timedChanges(page, cdp);
    await closePage(page);
    return ms;
  };
  const mutationOurs = await mutationOf(true);
  const mutationMarksOnly = await mutationOf(false);
  const mutationEmptyObserver = async (minimal: boolean) => {
    const { page, cdp } = await open();
    await page.evaluate((only) => __benchTools.emptyObserver(only), minimal);
    const ms = await timedChanges(page, cdp);
    await closePage(page);
    return ms;
  };
  const mutationWatchOptionsObserver = await mutationEmptyObserver(false);
  const mutationMinimalObserver = await mutationEmptyObserver(true);

  log(`  ${sizeKb} KB: where the time goes`);
  const parts = await (async () => {
    const { page } = await open();
    const result = await page.evaluate(() => __benchTools.breakdown());
    await closePage(page);
    return result;
  })();

  log(`  ${sizeKb} KB: mark.js`);
  const markjs = await repeat(
    runs,
    async () => {
      const { page } = await open();
      const result = await withCap(
        page,
        page.evaluate(() => __benchTools.markjs()),
        options.capMs,
      );
      await closePage(page);
      return result ?? { ms: options.capMs, count: -1 };
    },
    slow,
    'mark.js',
  );
  const markjsCapped = markjs.some((run) => run.count < 0);

  if (!options.fuseCappedBefore) log(`  ${sizeKb} KB: fuse.js per sentence (cap ${options.capMs / 1000} s)`);
  const fuse: { ms: number; capped: boolean; sentences: number; searched: number }[] = [];
  // A capped run is not repeated: the cap is the result. Capped on a smaller page, it is capped here too (the same
  // search per sentence, more sentences): not run again.
  if (options.fuseCappedBefore) fuse.push({ ms: options.capMs, capped: true, sentences: 0, searched: -1 });
  for (let i = 0; i <= runs && !options.fuseCappedBefore; i++) {
    const { page } = await open();
    const result = await page.evaluate((cap) => __benchTools.fuseNaive(cap), options.capMs);
    await closePage(page);
    if (i > 0 || result.capped) fuse.push(result);
    if (result.capped) break;
  }
  const fuseCapped = fuse.some((run) => run.capped);

  // Correctness: the planted mentions, in document order, and nothing else.
  const expected = target.planted.map((p) => normalise(p.text));
  const found = itemAt(ours, 0).mentions.map(normalise);
  const consistent = ours.every((run) => run.mentions.length === found.length);
  const { missing, extra } = diff(expected, found);

  const result: PageResult = {
    subject: true,
    size_kb: sizeKb,
    floor_ms: round(median(floor)),
    ours_ms: round(median(ours.map((run) => run.ms))),
    markjs_ms: round(median(markjs.map((run) => run.ms))),
    fuse_naive_ms: round(fuseCapped ? options.capMs : median(fuse.map((run) => run.ms))),
    max_task_ms: round(traced?.max ?? median(ours.map((run) => run.longTasks.max))),
    long_tasks: Math.max(...ours.map((run) => run.longTasks.count)),
    highlight_frame_ms: round(median(ours.map((run) => run.frame))),
    highlight_frame_base_ms: round(median(ours.map((run) => run.frameBase))),
    marks_after_dcl_ms: null,
    mutation_ms: round(mutationOurs, 4),
    mutation_base_ms: round(mutationBase, 4),
    heap_kb: Math.round(median(ours.map((run) => run.heapKb))),
    mentions_expected: expected.length,
    mentions_found: found.length,
  };
  const details: PageDetails = {
    fuseCapped,
    fuseSearched:
      itemAt(fuse, 0).searched < 0
        ? 'nothing (capped on the smaller page already)'
        : fuseCapped
          ? `${itemAt(fuse, 0).searched} of ${itemAt(fuse, 0).sentences} sentences`
          : `${fuse[0]?.sentences ?? 0} sentences`,
    markjsCount: itemAt(markjs, 0).count,
    markjsCapped,
    slow,
    missing: missing.slice(0, 5),
    extra: extra.slice(0, 5),
    correct: consistent && expected.join('\n') === found.join('\n'),
    liveRanges: itemAt(ours, 0).ranges,
    tasksTraced: traced?.tasks ?? 0,
    longestTaskInside: traced?.inside ?? '',
    loadMs: round(median(ours.map((run) => run.loadMs))),
    engineMs: round(median(ours.map((run) => run.engineMs))),
    mutationMarksOnlyMs: round(mutationMarksOnly, 4),
    mutationEmptyObserverMs: round(mutationWatchOptionsObserver, 4),
    mutationMinimalObserverMs: round(mutationMinimalObserver, 4),
    parts: {
      extractMs: round(parts.extractMs),
      extractNoStyleMs: round(parts.extractNoStyleMs),
      createEngineMs: round(parts.createEngineMs),
      scanMs: round(parts.scanMs),
    },
  };
  return { result, details };
}

function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Which expected texts were not found and which found texts were not expected (as multisets). */
function diff(expected: string[], found: string[]): { missing: string[]; extra: string[] } {
  const counts = new Map<string, number>();
  for (const text of expected) counts.set(text, (counts.get(text) ?? 0) + 1);
  const extra: string[] = [];
  for (const text of found) {
    const left = counts.get(text) ?? 0;
    if (left > 0) counts.set(text, left - 1);
    else extra.push(text);
  }
  const missing = [...counts].flatMap(([text, n]) => Array<string>(n).fill(text));
  return { missing, extra };
}
