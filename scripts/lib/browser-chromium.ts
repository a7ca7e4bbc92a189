import { chromium, type BrowserContext, type Page } from 'playwright-core';
import {
  CHROME_EXTENSION_DIR,
  CHROMIUM_ARGS,
  CHROMIUM_HEADLESS_ARG,
  CHROMIUM_PATH,
  loadExtensionArgs,
} from './browsers';
import { tempProfile } from './browser-profile';
import type { ExtensionBrowser, TestPage } from './browser-types';

export interface ChromiumOptions {
  extensionDir?: string;
  /** Show a window (demo with a DISPLAY); default headless. */
  headed?: boolean;
  viewport?: { width: number; height: number };
  /** More command-line flags (e.g. a proxy for the privacy test). */
  extraArgs?: string[];
  /** Leave the first-run tab (opened on install) open; by default it is closed so tests start with a known tab set. */
  keepFirstRun?: boolean;
}

/** The shared page operations over a Playwright page. */
export function wrapPlaywrightPage(page: Page): TestPage {
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    async screenshot(file, fullPage = false) {
      await page.screenshot({ path: file, fullPage });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/**
 * The background opens welcome.html once, on install — in every fresh profile. Waits for it and closes it, so it never
 * takes focus or shows up among a test's tabs later. (A build without the page just costs the wait.)
 */
async function closeFirstRunTab<P extends { url(): string; close(): Promise<unknown> }>(
  pages: () => P[] | Promise<P[]>,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const welcome = (await pages()).find((page) => page.url().endsWith('/welcome.html'));
    if (welcome) {
      await welcome.close();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Chromium with the built extension loaded, in a fresh temporary profile. */
export async function launchChromium(
  options: ChromiumOptions = {},
): Promise<ExtensionBrowser & { context: BrowserContext }> {
  const extensionDir = options.extensionDir ?? CHROME_EXTENSION_DIR;
  const profile = await tempProfile('chromium');
  const context = await chromium.launchPersistentContext(profile.dir, {
    executablePath: CHROMIUM_PATH,
    headless: false, // extensions need the new headless mode, passed as a flag below
    viewport: options.viewport ?? { width: 1280, height: 900 },
    args: [
      ...(options.headed ? [] : [CHROMIUM_HEADLESS_ARG]),
      ...loadExtensionArgs(extensionDir),
      ...CHROMIUM_ARGS,
      ...(options.extraArgs ?? []),
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
  // Node gives non-special schemes an opaque origin ("null"): build it from the host.
  const extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  if (!options.keepFirstRun) await closeFirstRunTab(() => context.pages());
  // Opened first, so that every test page opened later is the focused tab (keyboard focus needs it).
  const extensionPage = await context.newPage();
  await extensionPage.goto(`${extensionOrigin}/popup.html`);

  return {
    name: 'chromium',
    context,
    extensionOrigin,
    async newPage() {
      return wrapPlaywrightPage(await context.newPage());
    },
    evaluateInExtension: (fn, arg) => extensionPage.evaluate(fn as never, arg) as never,
    async close() {
      // Playwright owns the browser process and kills it on close (and on our exit).
      await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
      await profile.remove();
    },
  };
}
