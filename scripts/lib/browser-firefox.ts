import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_UUID, FIREFOX_PATH, FIREFOX_PREFS } from './browsers';
import { killProcessTree, tempProfile } from './browser-profile';
import type { ExtensionBrowser, TestPage } from './browser-types';

/** puppeteer presses one key at a time: 'Alt+Shift+KeyN' → down Alt, down Shift, press KeyN, up, up. */
async function pressCombo(page: Page, combo: string): Promise<void> {
  const keys = combo.split('+') as Parameters<Page['keyboard']['press']>[0][];
  const last = keys.pop();
  if (last === undefined) throw new Error(`no key in '${combo}'`);
  for (const key of keys) await page.keyboard.down(key);
  await page.keyboard.press(last);
  for (const key of keys.reverse()) await page.keyboard.up(key);
}

/**
 * Sets the page's viewport and waits until the page has that size. puppeteer's setViewport also sends
 * emulation.setScreenOrientationOverride, which Firefox ESR 140 does not know: that command fails while the viewport
 * command goes through, so exactly that error is tolerated and the size is read back from the page.
 */
export async function setFirefoxViewport(page: Page, width: number, height: number): Promise<void> {
  await page.setViewport({ width, height }).catch((error: unknown) => {
    if (!(error instanceof Error && error.message.includes('setScreenOrientationOverride'))) throw error;
  });
  await pollPage(page, ([w, h]) => innerWidth === w && innerHeight === h, [width, height], 'the viewport size');
}

/** Polls `probe` in the page until it returns true (the page may still be loading: errors count as false). */
async function pollPage<A>(page: Page, probe: (arg: A) => boolean, arg: A, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(probe as (arg: unknown) => boolean, arg).catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${String(timeoutMs)} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The shared page operations over a puppeteer page. */
export function wrapPuppeteerPage(page: Page): TestPage {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => pressCombo(page, key),
    async screenshot(file, fullPage = false) {
      await page.screenshot({ path: file, fullPage });
    },
    setViewport: (width, height) => setFirefoxViewport(page, width, height),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

export interface FirefoxOptions {
  extensionDir?: string;
  headed?: boolean;
  /** Leave the first-run tab (opened on install) open; by default it is closed, so tests start with a known tab set. */
  keepFirstRun?: boolean;
  /** More prefs (e.g. a proxy for the privacy test). */
  extraPrefs?: Record<string, unknown>;
}

/** Firefox ESR with the built extension installed as a temporary add-on, in a fresh profile. */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<ExtensionBrowser & { browser: Browser }> {
  const profile = await tempProfile('firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: !options.headed,
    userDataDir: profile.dir,
    // Lets puppeteer script moz-extension:// pages (evaluateInExtension).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { ...FIREFOX_PREFS, ...options.extraPrefs },
    defaultViewport: { width: 1280, height: 900 },
  });
  const pid = browser.process()?.pid;
  await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
  const extensionOrigin = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  // Opened first, so that every test page opened later is the focused tab (keyboard focus needs it).
  const extensionPage = await browser.newPage();
  // goto() on moz-extension:// never resolves here: start it, then wait for the page's APIs.
  void extensionPage.goto(`${extensionOrigin}/popup.html`).catch(() => undefined);
  // Polled with evaluate(), not waitForFunction(): puppeteer builds that predicate with Function(), which the
  // extension page's CSP blocks in Firefox ESR 140.
  await pollPage(
    extensionPage,
    () => location.protocol === 'moz-extension:' && 'browser' in globalThis,
    undefined,
    'the extension page',
  );
  // puppeteer reports moz-extension:// tabs as about:blank here: find the first-run tab through the tabs API instead.
  if (!options.keepFirstRun) {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const closed = await extensionPage.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof import('wxt/browser').browser }).browser;
        const ids = (await api.tabs.query({}))
          .filter((tab) => tab.url?.endsWith('/welcome.html'))
          .flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
        if (ids.length > 0) await api.tabs.remove(ids);
        return ids.length;
      });
      if (closed > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    name: 'firefox',
    browser,
    extensionOrigin,
    async newPage() {
      const page = await browser.newPage();
      await setFirefoxViewport(page, 1280, 900);
      return wrapPuppeteerPage(page);
    },
    evaluateInExtension: (fn, arg) => extensionPage.evaluate(fn as never, arg),
    async close() {
      await Promise.race([
        browser.close().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 15_000)),
      ]);
      killProcessTree(pid);
      await profile.remove();
    },
  };
}
