import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ifSet,
  BROWSERS,
  FIXTURE_PAGES_DIR,
  HIGHLIGHT_NAME,
  inPage,
  launchChromium,
  launchFirefox,
  openExtensionPage,
  openPages,
  poll,
  startStaticServer,
  waitFor,
  waitForScan,
  type DriverPage,
  type LaunchedBrowser,
  type StaticServer,
  type TestPage,
} from './harness';

/** The extension API inside our extension pages (Chrome's name; Firefox has it too). */
declare const chrome: typeof import('wxt/browser').browser;

/**
 * The extension pages as a reader meets them, in both browsers: the first-run page on install, the base type size
 * of every page (Chromium's own extension stylesheet shrinks `body` to 75 %), and the popup's layout — one scroll
 * container between a fixed head and foot, "On this page" first when the page has mentions.
 */

interface Layout {
  /** Elements that scroll (overflow auto/scroll and more content than room), by class. */
  scrollers: string[];
  /** The document itself scrolls (it must not: only the middle of the popup does). */
  documentScrolls: boolean;
  popupHeight: number;
  footerBottom: number;
  footerVisible: boolean;
  first: string;
  allOpen: boolean;
  count: string;
  text: string;
  shortcuts: string[];
}

/** Reads the popup's layout from inside it (runs in the popup page). */
function readLayout(): Layout | null {
  const scroll = document.querySelector<HTMLElement>('[data-testid=popup-scroll]');
  const footer = document.querySelector<HTMLElement>('.popup-foot');
  const popup = document.querySelector<HTMLElement>('.popup');
  if (!scroll || !footer || !popup || !scroll.firstElementChild) return null;
  const scrollers = [...document.querySelectorAll<HTMLElement>('*')]
    .filter((el) => {
      const overflow = getComputedStyle(el).overflowY;
      return (overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight + 1;
    })
    .map((el) => el.className || el.tagName);
  const root = document.scrollingElement ?? document.documentElement;
  const foot = footer.getBoundingClientRect();
  return {
    scrollers,
    documentScrolls: root.scrollHeight > root.clientHeight + 1 || document.body.getBoundingClientRect().height > 600.5,
    popupHeight: popup.getBoundingClientRect().height,
    footerBottom: foot.bottom,
    footerVisible: foot.height > 0 && foot.bottom <= popup.getBoundingClientRect().bottom + 0.5,
    first: scroll.firstElementChild.matches('section.on-page')
      ? 'on-page'
      : scroll.firstElementChild.matches('details.all-findings')
        ? 'all-findings'
        : scroll.firstElementChild.className,
    allOpen: document.querySelector<HTMLDetailsElement>('details.all-findings')?.open ?? false,
    count: document.querySelector('[data-testid=mention-count]')?.textContent ?? '',
    text: document.body.textContent,
    shortcuts: [...document.querySelectorAll('[data-testid=shortcuts] li')].map((li) => li.textContent),
  };
}

/** The computed font sizes (px) of the body and of its text blocks. */
function readFontSizes(selectors: string[]): Record<string, number> | null {
  const sizes: Record<string, number> = { body: parseFloat(getComputedStyle(document.body).fontSize) };
  for (const selector of selectors) {
    const el = document.querySelector(selector);
    if (!el) return null;
    sizes[selector] = parseFloat(getComputedStyle(el).fontSize);
  }
  return sizes;
}

describe.each(BROWSERS)('extension pages in %s', (browserName) => {
  let browser: LaunchedBrowser;
  let server: StaticServer;
  let article: TestPage;
  let tabId: number;
  let extensionPage: DriverPage;
  const inExtension = <T, A>(fn: (arg: A) => T | Promise<T>, arg: A) => extensionPage.evaluate(fn, arg);

  beforeAll(async () => {
    server = await startStaticServer([FIXTURE_PAGES_DIR]);
    // The first-run tab is what the first test looks at: keep it.
    browser =
      browserName === 'chromium'
        ? await launchChromium({ keepFirstRun: true })
        : await launchFirefox({ keepFirstRun: true });
    // The article the popup tests look at, and its tab id (tab URLs are hidden: no `tabs` permission).
    extensionPage = await openExtensionPage(browser, 'options.html');
    await inPage(extensionPage, 'the extension page', () => typeof chrome === 'object' && !!chrome.tabs, undefined);
    const tabIds = () => inExtension(async () => (await chrome.tabs.query({})).map((tab) => tab.id ?? -1), undefined);
    const before = new Set(await tabIds());
    article = await browser.newPage();
    await article.goto(`${server.origin}/article.html`);
    await waitForScan(article);
    await waitFor(article, 'marks', (name) => (CSS.highlights.get(name)?.size ?? 0) > 0, HIGHLIGHT_NAME);
    const added = (await tabIds()).filter((id) => !before.has(id));
    expect(added).toHaveLength(1);
    tabId = added[0]!;
  });

  afterAll(async () => {
    await ifSet(browser)?.close();
    await ifSet(server)?.close();
  });

  it('opens the first-run page on install, and it says what marks and cards are and that nothing leaves', async () => {
    // Found by its document's address: puppeteer reports Firefox's moz-extension:// tabs as about:blank.
    const welcome = await poll('the first-run tab', async () => {
      for (const page of await openPages(browser)) {
        const href = await page.evaluate(() => location.href, undefined).catch(() => '');
        if (href.endsWith('/welcome.html')) return page;
      }
      return undefined;
    });
    const page = await inPage(
      welcome,
      'the first-run page',
      () => {
        const h1 = document.querySelector('h1')?.textContent;
        return h1
          ? {
              h1,
              headings: [...document.querySelectorAll('h2')].map((h) => h.textContent),
              card: document.querySelector('.sample-card .fc-finding-summary')?.textContent ?? '',
              remote: [...document.querySelectorAll('[src], link[href]')]
                .map((el) => el.getAttribute('src') ?? el.getAttribute('href') ?? '')
                .filter((url) => /^(https?:)?\/\//.test(url)),
            }
          : null;
      },
      undefined,
    );
    expect(page.h1).toBe('Fact Context is ready');
    expect(page.headings).toEqual(['A mark', 'A card', 'Switching a site off', 'Nothing leaves your device']);
    expect(page.card.length).toBeGreaterThan(20);
    expect(page.remote).toEqual([]);
    await welcome.close();
  });

  it('every extension page sets its own base size (14–16 px), whatever the browser’s page stylesheet says', async () => {
    for (const [path, selectors] of [
      ['options.html', ['main h1 ~ *']],
      ['report.html', ['.assessment', '.report-search label']],
      ['welcome.html', ['.lead', '.sample-card .fc-finding-summary']],
      [`popup.html?tab=${tabId}`, ['#finding-search', '.result-title']],
    ] as const) {
      const page = await openExtensionPage(browser, path);
      try {
        const sizes = await inPage(page, `font sizes on ${path}`, readFontSizes, [...selectors]);
        expect(typeof sizes.body, path).toBe('number');
        expect(sizes.body, path).toBeGreaterThanOrEqual(14);
        expect(sizes.body, path).toBeLessThanOrEqual(16);
        for (const selector of selectors) expect(sizes[selector], `${path} ${selector}`).toBeGreaterThanOrEqual(14);
      } finally {
        await page.close();
      }
    }
  });

  it('the popup’s finding: summary and quote no smaller than their attribution', async () => {
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    try {
      await inPage(popup, 'the focused search box', () => document.activeElement?.id === 'finding-search', undefined);
      // Typed as an input event and opened by a click: this test is about type sizes, not the keyboard.
      await popup.evaluate(() => {
        const box = document.querySelector<HTMLInputElement>('#finding-search')!;
        box.value = 'no limits';
        box.dispatchEvent(new Event('input', { bubbles: true }));
      }, undefined);
      await inPage(
        popup,
        'a result',
        () => {
          const option = document.querySelector<HTMLElement>('#finding-results [role=option]');
          option?.click();
          return !!option;
        },
        undefined,
      );
      const sizes = await inPage(popup, 'the finding’s type', readFontSizes, [
        '.detail .fc-finding-summary',
        '.detail .fc-quote blockquote',
        '.detail .fc-quote figcaption',
      ]);
      expect(sizes['.detail .fc-finding-summary']).toBeGreaterThanOrEqual(14);
      expect(sizes['.detail .fc-finding-summary']).toBeGreaterThanOrEqual(sizes['.detail .fc-quote figcaption']!);
      expect(sizes['.detail .fc-quote blockquote']).toBeGreaterThanOrEqual(sizes['.detail .fc-quote figcaption']!);
    } finally {
      await popup.close();
    }
  });

  it('popup with mentions: “On this page” first, the full list folded, one scroll container, footer in view', async () => {
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    try {
      const layout = await poll('the popup with mentions', async () => {
        const read = await popup.evaluate(readLayout, undefined);
        return read && read.count !== '' && read.count !== '0' ? read : null;
      });
      expect(layout.first).toBe('on-page');
      expect(layout.allOpen).toBe(false);
      expect(layout.footerVisible).toBe(true);
      // The bindings as the browser has them: both suggested keys assigned on a fresh profile (a key the browser
      // refuses, as Chromium 150 refuses Alt+Shift+N, reads "not set" and fails here).
      expect(layout.shortcuts.join(' | ')).toBe(
        'Next marked phraseAlt+Shift+M | Switch this site on or offAlt+Shift+F',
      );

      // Unfolded, the list overflows: the middle scrolls, nothing else does, the footer stays on screen.
      await popup.evaluate(
        () => document.querySelector<HTMLElement>('details.all-findings > summary')!.click(),
        undefined,
      );
      const unfolded = await poll('the unfolded list', async () => {
        const read = await popup.evaluate(readLayout, undefined);
        return read?.allOpen ? read : null;
      });
      expect(unfolded.scrollers).toEqual(['popup-scroll']);
      // 600 px is the browsers' popup limit; layout reports fractions (Firefox once read 600.0000152).
      expect(unfolded.popupHeight).toBeLessThanOrEqual(600.5);
      expect(unfolded.documentScrolls).toBe(false);
      expect(unfolded.footerVisible).toBe(true);
      expect(unfolded.footerBottom).toBeLessThanOrEqual(600.5);
    } finally {
      await popup.close();
    }
  });

  it('popup without mentions: the full list first and unfolded, one scroll container, footer in view', async () => {
    server.route('/weather.html', '<!doctype html><title>Weather</title><p>Sunny spells and light winds tomorrow.</p>');
    await article.goto(`${server.origin}/weather.html`);
    await waitForScan(article);
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    try {
      const layout = await poll('the popup without mentions', async () => {
        const read = await popup.evaluate(readLayout, undefined);
        return read?.text.includes('Nothing on this page') ? read : null;
      });
      expect(layout.first).toBe('all-findings');
      expect(layout.allOpen).toBe(true);
      expect(layout.count).toBe('0');
      expect(layout.scrollers).toEqual(['popup-scroll']);
      expect(layout.documentScrolls).toBe(false);
      expect(layout.footerVisible).toBe(true);
    } finally {
      await popup.close();
    }
  });

  it('popup with the global switch off says so plainly, never “off for this site”', async () => {
    await inExtension(
      () =>
        chrome.storage.local.set({
          settings: { enabled: false, sites: {}, cardOpen: 'hover', markStyle: 'underline' },
        }),
      undefined,
    );
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    try {
      const text = await inPage(
        popup,
        'the global-off notice',
        () => {
          const notice = document.querySelector('[data-testid=global-off]');
          return notice ? document.body.textContent : null;
        },
        undefined,
      );
      expect(text).toContain('off everywhere');
      expect(text).not.toContain('off for this site');
    } finally {
      await popup.close();
      await inExtension(() => chrome.storage.local.remove('settings'), undefined);
    }
  });
});
