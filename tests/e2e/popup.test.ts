import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  FIXTURE_PAGES_DIR,
  HIGHLIGHT_NAME,
  launchChromium,
  launchFirefox,
  startStaticServer,
  waitFor,
  waitForScan,
  type StaticServer,
  type TestPage,
  ifSet,
} from './harness';
import { inPage, openExtensionPage, poll, type DriverPage, type LaunchedBrowser } from './harness/extension-pages';

/** The extension API inside our extension pages (Chrome's name; Firefox has it too). */
declare const chrome: typeof import('wxt/browser').browser;

/**
 * The popup, the site switch and the badge in the real browsers. The popup is opened as a page
 * (`popup.html?tab=<id>`, the id of the article's tab) — a toolbar popup cannot be opened by a test in either browser.
 */

type Launched = LaunchedBrowser;

/** Runs `fn` in an extension page of ours (for chrome.* APIs): options.html, which asks nothing of any tab. */
function extensionEvaluator(browser: Launched) {
  let page: Promise<DriverPage> | undefined;
  return async <T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T> => {
    page ??= openExtensionPage(browser, 'options.html');
    const p = await page;
    await inPage(p, 'the extension page', () => typeof chrome === 'object' && !!chrome.storage, undefined);
    return p.evaluate(fn, arg);
  };
}

const highlightSize = (page: TestPage) => page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT_NAME);

describe.each(BROWSERS)('popup, site switch and badge in %s', (browserName) => {
  let browser: Launched;
  let server: StaticServer;
  let article: TestPage;
  let articleUrl: string;
  let tabId: number;
  let inExtension: ReturnType<typeof extensionEvaluator>;

  beforeAll(async () => {
    server = await startStaticServer([FIXTURE_PAGES_DIR]);
    browser = browserName === 'chromium' ? await launchChromium() : await launchFirefox();
    inExtension = extensionEvaluator(browser);
    // Tab URLs are hidden from us (no `tabs` permission): the article's tab is the one that appears when it opens.
    const tabIds = () => inExtension(async () => (await chrome.tabs.query({})).map((tab) => tab.id ?? -1), undefined);
    const before = new Set(await tabIds());
    article = await browser.newPage();
    articleUrl = `${server.origin}/article.html`;
    await article.goto(articleUrl);
    await waitForScan(article);
    await waitFor(article, 'marks', (name) => (CSS.highlights.get(name)?.size ?? 0) > 0, HIGHLIGHT_NAME);
    const added = (await tabIds()).filter((id) => !before.has(id));
    expect(added).toHaveLength(1);
    tabId = added[0]!;
    expect(tabId).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await ifSet(browser)?.close();
    await ifSet(server)?.close();
  });

  it('the badge shows the page’s mention count', async () => {
    const marks = await highlightSize(article);
    expect(marks).toBeGreaterThan(0);
    const badge = await poll('the badge', async () => {
      const text = await inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
      return text === String(marks) ? text : '';
    });
    expect(badge).toBe(String(marks));
  });

  it('the badge follows the page: kept through an in-page route change, emptied by a navigation', async () => {
    const badge = () => inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const marks = await highlightSize(article);
    await poll('the badge', async () => (await badge()) === String(marks));
    await article.evaluate((name) => {
      (window as unknown as { __beforeRoute: unknown }).__beforeRoute = CSS.highlights.get(name);
      history.pushState({}, '', '?section=2');
    }, HIGHLIGHT_NAME);
    // The route change restarts the scan of the same text: a new run registers a new highlight once it is done.
    await waitFor(
      article,
      'the rescan after the route change',
      (name) => {
        const now = CSS.highlights.get(name);
        return now !== undefined && now !== (window as unknown as { __beforeRoute: unknown }).__beforeRoute;
      },
      HIGHLIGHT_NAME,
    );
    // The same count must stand (the badge is sent as soon as the rescan is done).
    expect(await highlightSize(article)).toBe(marks);
    await poll('the badge after the rescan', async () => (await badge()) === String(marks));

    server.route('/plain.html', '<!doctype html><title>Weather</title><p>Sunny spells and light winds tomorrow.</p>');
    await article.goto(`${server.origin}/plain.html`);
    await waitForScan(article);
    await poll('the badge to empty', async () => (await badge()) === '');
    await article.goto(articleUrl);
    await waitForScan(article);
    await waitFor(article, 'marks', (name) => (CSS.highlights.get(name)?.size ?? 0) > 0, HIGHLIGHT_NAME);
    await poll('the badge again', async () => (await badge()) === String(marks));
  });

  it('searches the findings as you type, keyboard only, and opens a full finding', async () => {
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    try {
      await inPage(popup, 'the focused search box', () => document.activeElement?.id === 'finding-search', undefined);
      await popup.keyboard.type('no limits');
      const first = await inPage(
        popup,
        'search results',
        () => {
          const option = document.querySelector<HTMLElement>('#finding-results [role=option]');
          return option && document.querySelector<HTMLInputElement>('#finding-search')?.value === 'no limits'
            ? { id: option.dataset.findingId, marked: [...option.querySelectorAll('mark')].map((m) => m.textContent) }
            : null;
        },
        undefined,
      );
      expect(first.id).toBe('unlimited-partnership');
      expect(first.marked.join(' ').toLowerCase()).toContain('no limits');

      await popup.keyboard.press('Enter');
      const detail = await inPage(
        popup,
        'the finding',
        () => {
          // Focus moves into the finding after it renders (an effect): Esc is only meaningful from there.
          const article = document.querySelector<HTMLElement>('article.detail');
          return article?.contains(document.activeElement)
            ? {
                id: article.dataset.findingId,
                text: article.textContent,
                link: article.querySelector('a')?.getAttribute('href'),
              }
            : null;
        },
        undefined,
      );
      expect(detail.id).toBe('unlimited-partnership');
      expect(detail.text).toContain('unlimited partnership');
      expect(detail.link).toBe(`${browser.extensionOrigin}/report.html#unlimited-partnership`);

      await popup.keyboard.press('Escape');
      await inPage(popup, 'the search again', () => document.activeElement?.id === 'finding-search', undefined);

      const mentions = await inPage(
        popup,
        'the page’s mentions',
        () => {
          const count = document.querySelector('[data-testid=mention-count]')?.textContent;
          return count && count !== '0'
            ? { count: Number(count), buttons: document.querySelectorAll('button.mention').length }
            : null;
        },
        undefined,
      );
      expect(mentions.count).toBe(await highlightSize(article));
      expect(mentions.buttons).toBe(mentions.count);

      const size = await popup.evaluate(
        () => ({ width: document.body.scrollWidth, height: document.body.scrollHeight }),
        undefined,
      );
      expect(size.width).toBeLessThanOrEqual(800);
    } finally {
      await popup.close();
    }
  });

  it('the site switch removes every mark from the open tab at once, and brings them back', async () => {
    const before = await highlightSize(article);
    const popup = await openExtensionPage(browser, `popup.html?tab=${tabId}`);
    try {
      const label = await inPage(
        popup,
        'the switch',
        () => document.querySelector('[role=switch]')?.textContent ?? null,
        undefined,
      );
      expect(label).toBe('On for 127.0.0.1');
      await popup.evaluate(() => document.querySelector<HTMLElement>('[role=switch]')!.click(), undefined);
      await inPage(
        popup,
        'the switch to read Off',
        () => document.querySelector('[role=switch]')?.textContent === 'Off for 127.0.0.1',
        undefined,
      );

      await waitFor(article, 'the marks to go', (name) => (CSS.highlights.get(name)?.size ?? 0) === 0, HIGHLIGHT_NAME);
      await poll(
        'the badge to empty',
        async () => (await inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) === '',
      );
      const stored = await inExtension(async () => (await chrome.storage.local.get('settings')).settings, undefined);
      expect(stored).toMatchObject({ sites: { '127.0.0.1': false } });

      await popup.evaluate(() => document.querySelector<HTMLElement>('[role=switch]')!.click(), undefined);
      await waitFor(article, 'the marks to return', (n) => (CSS.highlights.get(n.name)?.size ?? 0) === n.before, {
        name: HIGHLIGHT_NAME,
        before,
      });
      await poll(
        'the badge to return',
        async () => (await inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId)) === String(before),
      );
      // The open popup follows too: its "On this page" list comes back with the marks.
      await inPage(
        popup,
        'the popup’s count to return',
        (n) => document.querySelector('[data-testid=mention-count]')?.textContent === String(n),
        before,
      );
    } finally {
      await popup.close();
    }
  });

  it('says so on a page where extensions cannot run', async () => {
    const popup = await openExtensionPage(browser, 'popup.html');
    try {
      // Opened as a page, the popup's own tab is the active one: an extension page, out of reach.
      const text = await inPage(
        popup,
        'the restriction notice',
        () => document.querySelector('.site-status.restricted')?.textContent ?? null,
        undefined,
      );
      expect(text).toMatch(/cannot|do not let/);
      expect(await popup.evaluate(() => document.querySelector('[role=switch]'), undefined)).toBeNull();
    } finally {
      await popup.close();
    }
  });

  it('the options page refuses a broken settings file with a specific error and changes nothing', async () => {
    const saved = { enabled: true, sites: { 'example.com': false }, cardOpen: 'click', markStyle: 'dotted' };
    await inExtension((value) => chrome.storage.local.set({ settings: value }), saved);
    const options = await openExtensionPage(browser, 'options.html');
    try {
      await inPage(
        options,
        'the site list',
        () => document.querySelector('[data-site="example.com"]') !== null,
        undefined,
      );
      for (const [text, message] of [
        ['{"format": "fact-context-settings", "version": 2, "settings": {', 'not valid JSON'],
        ['{"theme": "dark", "rules": []}', 'not a Fact Context settings file'],
      ] as const) {
        await options.evaluate((content) => {
          const input = document.querySelector<HTMLInputElement>('[data-testid=import-file]')!;
          const files = new DataTransfer();
          files.items.add(new File([content], 'broken.json', { type: 'application/json' }));
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        }, text);
        const alert = await inPage(
          options,
          'the import error',
          (expected) => {
            const shown = document.querySelector('[role=alert]')?.textContent ?? '';
            return shown.includes(expected) ? shown : null;
          },
          message,
        );
        expect(alert).toMatch(/^Nothing was changed\./);
        const stored = await inExtension(async () => (await chrome.storage.local.get('settings')).settings, undefined);
        expect(stored).toEqual(saved);
      }
    } finally {
      await options.close();
      await inExtension(() => chrome.storage.local.remove('settings'), undefined);
    }
  });

  it('the report page shows the text, emphasises the linked finding and searches from ?q=', async () => {
    const report = await openExtensionPage(browser, 'report.html?q=axis%20of%20convenience#weapons-requests');
    try {
      const state = await inPage(
        report,
        'the report',
        () => {
          const current = [...document.querySelectorAll('mark.current')].map((m) => m.textContent).join('');
          const anchor = document.getElementById('weapons-requests')?.getBoundingClientRect();
          return current
            ? {
                current,
                anchorInView: !!anchor && anchor.top >= 0 && anchor.top <= innerHeight,
                hits: [...document.querySelectorAll('mark.hit')].map((m) => m.textContent).join(' '),
                query: document.querySelector<HTMLInputElement>('#report-search')?.value,
              }
            : null;
        },
        undefined,
      );
      expect(state.current).toContain('Russian requests for advanced weapons');
      expect(state.anchorInView).toBe(true);
      expect(state.query).toBe('axis of convenience');
      expect(state.hits.toLowerCase()).toContain('axis of convenience');
    } finally {
      await report.close();
    }
  });
});
