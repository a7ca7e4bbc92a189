/**
 * Cross-check with the shipped build: the built extension (.output/chrome-mv3) loaded into the system Chromium
 * opens each benchmark page; we read back what its content script registered under `fact-context-mention`
 * (must be the planted mentions) and when, counted from DOMContentLoaded (the sentinel runs at document_end).
 * On the page without the subject it counts the extension's scripts the page ran (the sentinel alone, if all is
 * well): the sentinel registers an empty highlight there once its check has failed.
 *
 * Like every other figure, a warm-up first (a blank page: the extension's service worker and scripts are ready,
 * as in a browser that has been running), then `runs` rounds over all pages, each a fresh tab; the figures are
 * medians (until session 10 one cold run per page: the first page of a fresh browser swung 300–1,200 ms).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { itemAt, median } from '../lib/lists';
import { CHROMIUM_ARGS, CHROMIUM_HEADLESS_ARG, CHROMIUM_PATH, loadExtensionArgs } from '../lib/browsers';

export interface ExtensionCheck {
  url: string;
  /** Marked texts in document order, or undefined if the marks never appeared. */
  found?: string[];
  /** From DOMContentLoaded to the highlight being registered, ms (the sentinel starts at document_end). */
  ms?: number;
  /** Our timeline marks (src/content/timeline.ts), ms after DOMContentLoaded, by name. */
  timeline?: Record<string, number>;
  /**
   * When the page's first frame after DOMContentLoaded began, ms after it: the end of the page's own style and
   * layout that Chromium runs at the end of parsing, before any document_end script (ours included) can start.
   */
  firstFrameMs?: number;
  /** `ms` of every run (the figures above are their medians). */
  runsMs?: number[];
  /** Distinct scripts of the extension parsed in the page (when counted). */
  scripts?: number;
  error?: string;
}

export interface ExtensionCheckPage {
  url: string;
  /** Count our scripts (the Debugger domain is on for this page only: it slows script parsing a little). */
  countScripts?: boolean;
}

/** After the page has been looked at, how long to keep counting scripts (an engine injected late would show). */
const SCRIPT_SETTLE_MS = 1500;

declare global {
  interface Window {
    __benchDcl?: number;
    __benchMarked?: number;
    __benchFirstFrame?: number;
  }
}

/**
 * Notes when DOMContentLoaded fires, when the first frame after it begins (its requestAnimationFrame callbacks run
 * once the task that ends parsing, with the page's forced style and layout, is done) and when our highlight first
 * appears in the document's registry.
 */
const MARK_WATCHER = `
  document.addEventListener('DOMContentLoaded', () => {
    window.__benchDcl = performance.now();
    requestAnimationFrame(() => { window.__benchFirstFrame = performance.now(); });
  });
  const watch = () => {
    if (CSS.highlights.has('fact-context-mention')) window.__benchMarked = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`;

export async function checkExtension(
  extensionDir: string,
  pages: ExtensionCheckPage[],
  timeoutMs: number,
  runs = 1,
  warmUpUrl?: string,
): Promise<ExtensionCheck[]> {
  const profile = await mkdtemp(join(tmpdir(), 'fact-context-bench-ext-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: false,
    args: [CHROMIUM_HEADLESS_ARG, ...CHROMIUM_ARGS, ...loadExtensionArgs(extensionDir)],
  });
  try {
    if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker', { timeout: 30_000 });
    if (warmUpUrl !== undefined) {
      const page = await context.newPage();
      await page.goto(warmUpUrl, { waitUntil: 'load', timeout: timeoutMs }).catch(() => undefined);
      await page.close().catch(() => undefined);
    }
    const rounds: ExtensionCheck[][] = [];
    for (let run = 0; run < Math.max(1, runs); run++) rounds.push(await checkOnce(context, pages, timeoutMs));
    return pages.map((_, i) => mediansOf(rounds.map((round) => itemAt(round, i))));
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * A page's checks from every run folded into one: medians of the times, the most scripts any run saw, the marks
 * of the first run (or of a run whose marks differ from them, so that a run that marked otherwise shows); the
 * first failed run if any failed.
 */
function mediansOf(checks: ExtensionCheck[]): ExtensionCheck {
  const failed = checks.find((check) => check.error !== undefined);
  if (failed) return failed;
  const first = itemAt(checks, 0);
  const marks = (check: ExtensionCheck) => (check.found ?? []).join('\u0000');
  const shown = checks.find((check) => marks(check) !== marks(first)) ?? first;
  const runsMs = checks.flatMap((check) => (check.ms === undefined ? [] : [check.ms]));
  const names = [...new Set(checks.flatMap((check) => Object.keys(check.timeline ?? {})))];
  const timeline = Object.fromEntries(
    names.map((name) => [name, median(checks.flatMap((check) => check.timeline?.[name] ?? []))]),
  );
  const frames = checks.flatMap((check) => (check.firstFrameMs === undefined ? [] : [check.firstFrameMs]));
  const scripts = checks.flatMap((check) => (check.scripts === undefined ? [] : [check.scripts]));
  return {
    url: first.url,
    found: shown.found,
    ms: median(runsMs),
    timeline,
    ...(frames.length > 0 ? { firstFrameMs: median(frames) } : {}),
    runsMs,
    // The most scripts any run saw: one engine injected in one run is one too many.
    ...(scripts.length > 0 ? { scripts: Math.max(...scripts) } : {}),
  };
}

async function checkOnce(
  context: BrowserContext,
  pages: ExtensionCheckPage[],
  timeoutMs: number,
): Promise<ExtensionCheck[]> {
  const out: ExtensionCheck[] = [];
  for (const { url, countScripts } of pages) {
    const page = await context.newPage();
    const scripts = new Set<string>();
    try {
      if (countScripts) {
        const cdp = await context.newCDPSession(page);
        cdp.on('Debugger.scriptParsed', (event) => {
          if (event.url.startsWith('chrome-extension://')) scripts.add(event.url);
        });
        await cdp.send('Debugger.enable');
      }
      // A string, not a function: tsx would wrap a named inner function in a helper the page does not have.
      await page.addInitScript(MARK_WATCHER);
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
      await page.waitForFunction(() => window.__benchMarked !== undefined, undefined, { timeout: timeoutMs });
      const result = await page.evaluate(() => {
        const highlight = CSS.highlights.get('fact-context-mention');
        const marked = window.__benchMarked;
        if (!highlight || marked === undefined) throw new Error('the extension marked nothing on this page');
        const ranges = [...highlight].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range;
        });
        ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
        const dcl = window.__benchDcl ?? 0;
        // The first of each name (a later run of the overlay marks again).
        const timeline: Record<string, number> = {};
        for (const mark of performance.getEntriesByType('mark')) {
          const name = mark.name.slice('fact-context:'.length);
          if (mark.name.startsWith('fact-context:') && !(name in timeline)) timeline[name] = mark.startTime - dcl;
        }
        const frame = window.__benchFirstFrame;
        return {
          found: ranges.map((range) => range.toString()),
          ms: marked - dcl,
          timeline,
          ...(frame === undefined ? {} : { firstFrameMs: frame - dcl }),
        };
      });
      if (countScripts) await page.waitForTimeout(SCRIPT_SETTLE_MS);
      out.push({ url, ...result, ...(countScripts ? { scripts: scripts.size } : {}) });
    } catch (error) {
      out.push({ url, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  return out;
}
