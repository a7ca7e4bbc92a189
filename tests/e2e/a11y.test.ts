import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  CARD_HOST_TAG,
  inPage,
  launchBrowser,
  openExtensionPage,
  sendToTab,
  serveFixturePages,
  startStaticServer,
  waitForCard,
  waitForScan,
  type LaunchedBrowser,
  type StaticServer,
  ifSet,
} from './harness';
import { driverPageAt } from './harness/card-checks';

/** axe-core's browser build (the installed npm package), evaluated in the page as a plain expression (no CSP applies). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; failureSummary?: string }[];
}

/** What axe needs of a page: evaluating a script (a string: axe's source) and a function. */
interface Evaluates {
  evaluate<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
}

/** Runs axe (WCAG 2.x A/AA and best practices) on `context` (a document, or part of a shadow tree) and returns the violations. */
async function axe(page: Evaluates, context: unknown = null): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE as never, undefined);
  const result = await page.evaluate(async (context) => {
    const { axe } = window as unknown as {
      axe: { run(c: unknown, o: object): Promise<{ violations: AxeViolation[] }> };
    };
    const { violations } = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
    }));
  }, context);
  return result;
}

/**
 * axe in both browsers on every page of ours, and on an open card (inside its shadow root); then the keyboard-only
 * walk through a card. Dark mode (colour contrast is checked per scheme) in Chromium only: puppeteer emulates
 * `prefers-color-scheme` through CDP alone, which Firefox does not speak.
 */
describe.each(BROWSERS)('accessibility in %s', (browserName) => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  const schemes = browserName === 'chromium' ? (['light', 'dark'] as const) : (['light'] as const);
  /** Switches the colour scheme of a Playwright page (Chromium; Firefox stays light, see above). */
  const useScheme = async (page: unknown, scheme: 'light' | 'dark') => {
    if (browserName === 'chromium')
      await (page as import('playwright-core').Page).emulateMedia({ colorScheme: scheme });
  };

  beforeAll(async () => {
    server = await startStaticServer();
    browser = await launchBrowser(browserName);
  });

  afterAll(async () => {
    await ifSet(browser)?.close();
    await ifSet(server)?.close();
  });

  for (const [path, ready] of [
    ['popup.html', 'input'],
    ['options.html', 'main, form, h1'],
    ['report.html', '[id]'],
    ['welcome.html', '.sample-card'],
  ] as const) {
    it(`${path}: no violations`, async () => {
      const page = await openExtensionPage(browser, path);
      try {
        await inPage(page, path, (selector) => document.querySelector(selector) !== null, ready);
        for (const scheme of schemes) {
          await useScheme(page, scheme);
          expect({ scheme, violations: await axe(page) }).toEqual({ scheme, violations: [] });
        }
      } finally {
        await page.close();
      }
    });
  }

  it('an open card: no violations inside its shadow root', async () => {
    const [article] = serveFixturePages(server, { files: ['article.html'], corpusIds: [] });
    const page = await browser.newPage();
    await page.goto(article!.url);
    await waitForScan(page);
    await page.bringToFront();
    const raw = await driverPageAt(browser, article!.url);
    for (const scheme of schemes) {
      await useScheme(raw, scheme);
      expect(await sendToTab(browser, 'nextMention')).toBe(true);
      await waitForCard(page);
      const violations = await axe(page, { include: [{ fromShadowDom: [CARD_HOST_TAG, '[role="dialog"]'] }] });
      expect({ scheme, violations }).toEqual({ scheme, violations: [] });
      await page.press('Escape');
      await waitForCard(page, false);
    }
    await page.close();
  });

  // Keyboard only: the next-mention command's message (what the background sends on Alt+Shift+M) opens a card with
  // focus inside; Tab and Shift+Tab visit every control of the card and never leave it; Esc closes it and focus goes
  // back where it was.
  it('opens a card by the command, moves through it, closes it, gets focus back', async () => {
    const [article] = serveFixturePages(server, { files: ['article.html'], corpusIds: [] });
    const page = await browser.newPage();
    await page.goto(article!.url);
    await waitForScan(page);
    await page.bringToFront();
    // The reader's focus is on the page's own link before the command.
    await page.evaluate(() => document.querySelector<HTMLAnchorElement>('header a')!.focus());
    expect(await sendToTab(browser, 'nextMention')).toBe(true);
    await waitForCard(page);
    const focusedInCard = () =>
      page.evaluate((tag) => {
        const host = document.querySelector(tag);
        const active = host?.shadowRoot?.activeElement;
        if (document.activeElement !== host || !active) return null;
        return active.getAttribute('aria-label') ?? active.textContent.trim().slice(0, 40);
      }, CARD_HOST_TAG);
    await expect.poll(focusedInCard).not.toBeNull();
    const controls = await page.evaluate(
      (tag) =>
        document
          .querySelector(tag)!
          .shadowRoot!.querySelectorAll('[role="dialog"] a[href], [role="dialog"] button:not([disabled])').length,
      CARD_HOST_TAG,
    );
    expect(controls).toBeGreaterThan(0);
    const forward = new Set<string>();
    for (let i = 0; i < controls + 1; i++) {
      await page.press('Tab');
      const now = await focusedInCard();
      expect(now).not.toBeNull(); // never leaves the card
      forward.add(now!);
    }
    expect(forward.size).toBe(controls); // every control reached, then round again
    for (let i = 0; i < controls + 1; i++) {
      await page.press('Shift+Tab');
      expect(await focusedInCard()).not.toBeNull();
    }
    await page.press('Escape');
    await waitForCard(page, false);
    expect(await page.evaluate(() => document.activeElement?.matches('header a') ?? false)).toBe(true);
    await page.close();
  });
});
