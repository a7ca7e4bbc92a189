import type { BrowserContext } from 'playwright-core';
import type { Browser } from 'puppeteer-core';
import type { ExtensionBrowser } from '../../../scripts/lib/browser-types';

/** The part of Playwright's and puppeteer's Page that both spell the same way. */
export interface DriverPage {
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  keyboard: { type(text: string): Promise<void>; press(key: string): Promise<void> };
  url(): string;
  close(): Promise<void>;
}

export type LaunchedBrowser = ExtensionBrowser & { context?: BrowserContext; browser?: Browser };

/** Opens an extension page in a new tab. Firefox's goto of moz-extension:// never resolves: start it, then poll. */
export async function openExtensionPage(browser: LaunchedBrowser, path: string): Promise<DriverPage> {
  const url = `${browser.extensionOrigin}/${path}`;
  if (browser.context) {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  }
  const page = await browser.browser!.newPage();
  void page.goto(url).catch(() => undefined);
  return page as unknown as DriverPage;
}

/** Every open tab of the browser, as driver pages. */
export async function openPages(browser: LaunchedBrowser): Promise<DriverPage[]> {
  if (browser.context) return browser.context.pages();
  return (await browser.browser!.pages()) as unknown as DriverPage[];
}

/** Polls `probe` until it returns something truthy (errors count as not yet: the page may still be loading). */
export async function poll<T>(what: string, probe: () => Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Evaluates in an extension page once its document and our UI are there. */
export function inPage<T, A>(
  page: DriverPage,
  what: string,
  fn: (arg: A) => T | Promise<T>,
  arg: A,
): Promise<NonNullable<T>> {
  return poll(what, () => page.evaluate(fn, arg));
}
