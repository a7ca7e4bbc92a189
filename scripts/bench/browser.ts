/**
 * The system Chromium, headless, in a fresh temporary profile (never a downloaded browser). Nothing here loads
 * the extension: the runners inject the same modules the content script is built from.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { tempProfile } from '../lib/browser-profile';
import { CHROMIUM_ARGS, CHROMIUM_HEADLESS_ARG, CHROMIUM_PATH } from '../lib/browsers';

const ARGS = [
  CHROMIUM_HEADLESS_ARG,
  ...CHROMIUM_ARGS,
  '--disable-extensions',
  '--enable-precise-memory-info',
  // The benchmark tab must not be throttled as a background tab.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export interface BenchBrowser {
  context: BrowserContext;
  version: string;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BenchBrowser> {
  const profile = await tempProfile('bench');
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // the new headless mode is passed as a flag
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown');
  return {
    context,
    version,
    async close() {
      await context.close().catch(() => undefined);
      await profile.remove();
    },
  };
}

/** A fresh tab on `url`, loaded and rendered (two frames), with the tools runner injected. */
export async function openPage(
  context: BrowserContext,
  url: string,
  tools: string,
): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.addScriptTag({ content: tools });
  const cdp = await context.newCDPSession(page);
  return { page, cdp };
}

/** JS heap in use after a full garbage collection, bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

export async function closePage(page: Page): Promise<void> {
  await page.close().catch(() => undefined);
}
