import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  CARD_HOST_TAG,
  HIGHLIGHT_NAME,
  cardState,
  launchBrowser,
  markedAfterChange,
  markedRanges,
  scrollToMark,
  sendToTab,
  startStaticServer,
  waitFor,
  waitForCard,
  waitForScan,
  writeSettings,
  type ExtensionBrowser,
  type StaticServer,
  ifSet,
  poll,
} from './harness';
import { openWatchedPage, problems, type WatchedPage } from './harness/hardening-helpers';
import { badgeOfPage, markCount, marksInside, serveHostilePages, sleep } from '../fixtures/hostile/serve';

/** The default mark look (src/dom/highlight.css): a dotted underline. */
const DECLARED_LOOK = { line: 'underline', style: 'dotted' };

/**
 * Issue 6's hostile pages, cases 1–14 (case 15 needs an extension reload: hostile-reload.test.ts), in both
 * browsers: one browser launch per browser, one tab, one fixture page per case (tests/fixtures/hostile/).
 * Every case also fails on any console warning or error or uncaught page error: the fixtures themselves log none.
 */
describe.each(BROWSERS)('hostile pages in %s', (browserName) => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let page: WatchedPage;
  const url = (file: string) => `${server.origin}/hostile/${file}`;
  /** Removers of the init scripts the running case added: the cases share one page, and a case's script would
   * otherwise run in every later case's documents and frames (in Firefox, case 7's cross-origin frame, where it
   * threw 'Permission denied'). */
  let initScripts: (() => Promise<void>)[] = [];
  const addInitScript = async (fn: () => void) => {
    initScripts.push(await page.addInitScript(fn));
  };

  beforeAll(async () => {
    server = await startStaticServer();
    await serveHostilePages(server);
    browser = await launchBrowser(browserName);
    page = await openWatchedPage(browser);
  });

  afterAll(async () => {
    await ifSet(browser)?.close();
    await ifSet(server)?.close();
  });

  afterEach(async () => {
    for (const remove of initScripts) await remove();
    initScripts = [];
  });

  beforeEach(async () => {
    page.console.length = 0;
    page.errors.length = 0;
    await writeSettings(browser, {});
  });

  /** Problems in the console since the case started (the fixtures log none of their own). */
  const expectQuietConsole = () => expect(problems(page)).toEqual([]);

  /** How the first mark is drawn: its `::highlight()` style as the page computes it. */
  const markLook = (target: WatchedPage) =>
    target.evaluate((name) => {
      const [range] = [...(CSS.highlights.get(name) ?? [])];
      const element = range?.startContainer.parentElement;
      if (!element) return undefined;
      const style = getComputedStyle(element, `::highlight(${name})`);
      return { line: style.textDecorationLine, style: style.textDecorationStyle };
    }, HIGHLIGHT_NAME);

  it('1: text that looks like HTML or script next to a mention is shown as text, nothing executes', async () => {
    await page.goto(url('01-markup-text.html'));
    await waitForScan(page);
    const marks = await markedRanges(page);
    const target = marks.findIndex((mark) => mark.text === 'axis of convenience');
    expect(target).toBeGreaterThanOrEqual(0);
    const point = await scrollToMark(page, target);
    await page.click(point.x, point.y);
    await waitForCard(page);
    const card = await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      return {
        // The compact card names the phrase in its accessible name (it no longer repeats it as text).
        phrase: root.querySelector('[role="dialog"]')?.getAttribute('aria-label') ?? null,
        active: root.querySelectorAll(
          'img, script, iframe, object, embed, [onerror], [onmouseover], a[href^="javascript:"]',
        ).length,
      };
    }, CARD_HOST_TAG);
    expect(card.phrase).toBe('Fact Context: what the assessment says about “axis of convenience”');
    expect(card.active).toBe(0);
    // Hover every mark too (the hover path renders the same card).
    for (let i = 0; i < marks.length; i++) {
      const at = await scrollToMark(page, i);
      await page.mouseMove(at.x, at.y);
    }
    await page.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { __pwned: string[] }).__pwned)).toEqual([]);
    // The payload stays the page's text, unchanged.
    expect(await page.evaluate(() => document.getElementById('payload')!.children.length)).toBe(0);
    expectQuietConsole();
  });

  it('2: page CSS cannot hide, shrink or cover the card, nor take over our marks', async () => {
    await page.goto(url('02-hostile-css.html'));
    await waitForScan(page);
    expect(await markCount(page)).toBeGreaterThan(0);
    await page.bringToFront();
    expect(await sendToTab(browser, 'nextMention')).toBe(true);
    await waitForCard(page);
    const look = await page.evaluate((tag) => {
      const host = document.querySelector(tag)!;
      const card = host.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
      const rect = card.getBoundingClientRect();
      const style = getComputedStyle(card);
      const text = getComputedStyle(host.shadowRoot!.querySelector('.fc-finding-title')!);
      const hostStyle = getComputedStyle(host);
      return {
        size: [Math.round(rect.width), Math.round(rect.height)],
        inViewport: rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight,
        onTop: document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2) === host,
        topLayer: host.matches(':popover-open'),
        fontSize: parseFloat(text.fontSize),
        color: text.color,
        background: style.backgroundColor,
        hostDisplay: hostStyle.display,
        opacity: hostStyle.opacity,
        // The page's own highlight is untouched and ours is still ours.
        pageHighlight: CSS.highlights.get('page-own')?.size ?? 0,
      };
    }, CARD_HOST_TAG);
    expect(look.size[0]).toBeGreaterThan(200);
    expect(look.size[1]).toBeGreaterThan(80);
    expect(look.inViewport).toBe(true);
    expect(look.onTop).toBe(true);
    expect(look.fontSize).toBeGreaterThanOrEqual(12);
    expect(look.color).not.toBe(look.background);
    expect(look.hostDisplay).toBe('block');
    expect(look.opacity).toBe('1');
    expect(look.pageHighlight).toBe(1);
    // The page's own `text-decoration: none !important` for our highlight does not take our marks' look away.
    expect(await markLook(page)).toEqual(DECLARED_LOOK);
    const ours = await page.evaluate(
      (name) => [...CSS.highlights.get(name)!].map((range) => (range instanceof Range ? range.toString() : '')),
      HIGHLIGHT_NAME,
    );
    expect(ours.length).toBeGreaterThan(0);
    await page.press('Escape');
    await waitForCard(page, false);
    expectQuietConsole();
  });

  it('3: a server-rendered Preact page hydrates after our scan without warnings or errors', async () => {
    await page.goto(url('03-hydration.html'));
    await waitForScan(page);
    await waitFor(page, 'hydration', () => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
    // Marked before hydration, and still marked (the text nodes were adopted, not replaced).
    expect(await marksInside(page, '#story')).toBeGreaterThan(0);
    // The app is live: its button works.
    await page.evaluate(() => document.getElementById('like')!.click());
    await waitFor(page, 'the app to re-render', () => document.getElementById('like')!.textContent === 'Likes: 1');
    expectQuietConsole();
  });

  it('4: under a strict CSP the marks are still styled and we cause no CSP violation', async () => {
    await addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { __csp: string[] }).__csp = violations;
      document.addEventListener('securitypolicyviolation', (event) =>
        violations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    await page.goto(url('04-strict-csp.html'));
    await waitForScan(page);
    expect(await markCount(page)).toBeGreaterThan(0);
    // The marks are drawn despite the policy: their look is declared in the manifest with the sentinel
    // (src/dom/highlight.css), which no page CSP can block, and we add no <style> of our own for the default look.
    expect(await markLook(page)).toEqual(DECLARED_LOOK);
    expect(await page.evaluate(() => document.querySelectorAll('style[data-fact-context-ui]').length)).toBe(0);
    // A mark style the reader chose is our one <style>, over the declared look, under this policy too.
    await writeSettings(browser, { markStyle: 'underline' });
    await waitFor(
      page,
      'the chosen mark style',
      (name) => {
        const [range] = [...(CSS.highlights.get(name) ?? [])];
        const element = range?.startContainer.parentElement;
        return element && getComputedStyle(element, `::highlight(${name})`).textDecorationStyle === 'solid';
      },
      HIGHLIGHT_NAME,
    );
    expect(await page.evaluate(() => document.querySelectorAll('style[data-fact-context-ui]').length)).toBe(1);
    await writeSettings(browser, {});
    await waitFor(page, 'the default look back', () => !document.querySelector('style[data-fact-context-ui]'));
    expect(await markLook(page)).toEqual(DECLARED_LOOK);
    // Open a card too: its styles must load under the policy as well.
    await page.bringToFront();
    expect(await sendToTab(browser, 'nextMention')).toBe(true);
    await waitForCard(page);
    const cardStyled = await page.evaluate((tag) => {
      const card = document.querySelector(tag)!.shadowRoot!.querySelector('[role="dialog"]')!;
      return getComputedStyle(card).position === 'fixed';
    }, CARD_HOST_TAG);
    expect(cardStyled).toBe(true);
    await page.press('Escape');
    await waitForCard(page, false);
    // The browser's own favicon request is the page's business (Firefox reports it under img-src); nothing else.
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations.filter((line) => !line.endsWith('/favicon.ico'))).toEqual([]);
    expect(
      problems(page).filter((line) => /content.security|CSP/i.test(line) && !line.includes('/favicon.ico')),
    ).toEqual([]);
  });

  it('5: 5 MB of text in 100,000 text nodes: marks appear, and our script runs in short slices', async () => {
    await addInitScript(() => {
      // The page is shared by the cases after this one and init scripts run in every frame too: in case 7's
      // cross-origin frame (about:blank first, then navigated) this observer threw 'Permission denied' in Firefox.
      if (window !== window.top) return;
      const ours: number[] = [];
      (window as unknown as { __ourLongScripts: number[] }).__ourLongScripts = ours;
      try {
        // Long Animation Frames name the script that ran: ours is the extension's content script.
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {
            scripts?: { duration: number; sourceURL: string }[];
          }[]) {
            for (const script of entry.scripts ?? []) {
              if (/^(chrome|moz)-extension:/.test(script.sourceURL) && script.duration > 50)
                ours.push(Math.round(script.duration));
            }
          }
        }).observe({ type: 'long-animation-frame', buffered: true });
      } catch {
        // not supported: see below
      }
      (window as unknown as { __noLoaf: boolean }).__noLoaf =
        !PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
    });
    await page.goto(url('05-huge.html'));
    await waitFor(page, 'the first scan of 5 MB', (name) => CSS.highlights.has(name), HIGHLIGHT_NAME, 90_000);
    expect(await marksInside(page, '#story')).toBeGreaterThan(0);
    const measured = await page.evaluate(() => ({
      textNodes: document.evaluate('count(//text())', document, null, XPathResult.NUMBER_TYPE, null).numberValue,
      chars: document.body.textContent.length,
      ourLongScripts: (window as unknown as { __ourLongScripts: number[] }).__ourLongScripts,
      loaf: !(window as unknown as { __noLoaf?: boolean }).__noLoaf,
    }));
    console.info(`[case 5 ${browserName}]`, JSON.stringify(measured));
    expect(measured.textNodes).toBeGreaterThanOrEqual(100_000);
    expect(measured.chars).toBeGreaterThanOrEqual(5_000_000);
    // Where the browser attributes long frames to scripts (Chromium's Long Animation Frames), none of ours ran
    // over 50 ms in one go. Not a timed assertion of ours: the browser's own 50 ms long-frame threshold, against a
    // 12 ms slice budget (src/dom/scheduler.ts); it held on this 2-core machine at load 12–16.
    // FACT_CONTEXT_LENIENT_TIMING=1 reports instead of failing (a starved CI machine).
    if (measured.loaf && process.env.FACT_CONTEXT_LENIENT_TIMING !== '1') expect(measured.ourLongScripts).toEqual([]);
    expectQuietConsole();
  });

  it('6: a ticker rewriting its text every 50 ms: bounded marks, no reaction to our own changes, the final text marked', async () => {
    await page.goto(`${url('06-ticker.html')}?ms=4000`);
    await waitForScan(page);
    await waitFor(
      page,
      'the ticker to stop',
      () => (window as unknown as { __tickerDone: boolean }).__tickerDone,
      undefined,
      30_000,
    );
    await waitFor(page, 'the final text marked', () => {
      const ticker = document.getElementById('ticker')!;
      return [...(CSS.highlights.get('fact-context-mention') ?? [])].some((range) =>
        ticker.contains(range.startContainer),
      );
    });
    const after = await page.evaluate(() => {
      const w = window as unknown as { __ticks: number; __pageRecords: number; __maxMarks: number };
      return { ticks: w.__ticks, records: w.__pageRecords, maxMarks: w.__maxMarks };
    });
    // Every DOM change the page saw was its own (one record per tick): we added nothing to the page.
    expect(after.records).toBe(after.ticks);
    // Never more marks than the page has mentions (no leak of stale ranges): the first paragraph's and the ticker's.
    expect(after.maxMarks).toBeLessThanOrEqual(4);
    // Quiet afterwards: no loop on our own changes. Once a paragraph added after it all is marked, the page's
    // observer has seen that one addition and nothing of ours.
    await markedAfterChange(page);
    expect(await page.evaluate(() => (window as unknown as { __pageRecords: number }).__pageRecords)).toBe(
      after.records + 1,
    );
    expectQuietConsole();
  });

  it('7: top frame and light DOM only: nothing marked in iframes or shadow roots, one card host', async () => {
    await page.goto(url('07-frames-shadow.html'));
    await waitForScan(page);
    expect(await marksInside(page, '#story')).toBeGreaterThan(0);
    // Policy: text in open shadow roots is not read (the highlight holds no range in a shadow tree).
    const inShadow = await page.evaluate((name) => {
      const root = document.getElementById('shadow-host')!.shadowRoot!;
      return [...(CSS.highlights.get(name) ?? [])].filter((range) => range.startContainer.getRootNode() === root)
        .length;
    }, HIGHLIGHT_NAME);
    expect(inShadow).toBe(0);
    // Policy: no content script in frames (same- or cross-origin): their documents have no highlight of ours. Each
    // frame answers for itself over postMessage once both have loaded: a driver evaluating in the cross-origin frame
    // can run in the realm of the about:blank it started as, which Firefox then denies ('Permission denied').
    await waitFor(
      page,
      'both frames loaded',
      () => (window as unknown as { __framesLoaded?: number }).__framesLoaded === 2,
    );
    const before = await frameReports(page);
    expect(before.map((report) => report.origin)).toHaveLength(2);
    expect(new Set(before.map((report) => report.origin)).size).toBe(2); // one same-origin, one cross-origin
    expect(before.map((report) => report.ours)).toEqual([0, 0]);
    await page.bringToFront();
    expect(await sendToTab(browser, 'nextMention')).toBe(true);
    await waitForCard(page);
    expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, CARD_HOST_TAG)).toBe(1);
    expect((await frameReports(page)).map((report) => report.ours)).toEqual([0, 0]);
    await page.press('Escape');
    expectQuietConsole();
  });

  it('8: textarea, input, contenteditable and a rich-text editor are never marked and typing is unaffected', async () => {
    await page.goto(url('08-editable.html'));
    await waitForScan(page);
    expect(await marksInside(page, '#plain')).toBeGreaterThan(0);
    await page.bringToFront();
    await page.evaluate(() => {
      const area = document.getElementById('area') as HTMLTextAreaElement;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
    for (const key of ' axis of convenience'.split('')) await page.press(key);
    await page.evaluate(() => {
      const rich = document.querySelector('#rich p')!;
      const selection = getSelection()!;
      (document.getElementById('rich') as HTMLElement).focus();
      selection.collapse(rich.lastChild, rich.lastChild!.textContent!.length);
    });
    for (const key of ' China and Russia'.split('')) await page.press(key);
    // Then a change we do mark: once it is marked, the rescans of everything typed before it are done too.
    await markedAfterChange(page);
    const state = await page.evaluate(() => ({
      area: (document.getElementById('area') as HTMLTextAreaElement).value,
      rich: document.getElementById('rich')!.innerHTML.replace(/\s+/g, ' ').trim(),
    }));
    expect(state.area).toBe('Xi and Putin declared a no limits partnership. axis of convenience');
    expect(state.rich).toBe(
      '<p>Rich text: Xi and Putin declared a <strong>no limits</strong> partnership. China and Russia</p>',
    );
    for (const selector of ['#area', '#field', '#editable', '#rich'])
      expect({ selector, marks: await marksInside(page, selector) }).toEqual({ selector, marks: 0 });
    expectQuietConsole();
  });

  it('9: right-to-left, vertical, a 200,000-character line and SVG text: no errors, sensible marks', async () => {
    await page.goto(url('09-scripts-and-writing-modes.html'));
    await waitForScan(page);
    expect(await marksInside(page, '#rtl')).toBeGreaterThan(0);
    expect(await marksInside(page, '#vertical')).toBeGreaterThan(0);
    expect(await marksInside(page, '#long')).toBeGreaterThan(0);
    // SVG text is graphics, not article text: not marked (extract-rules skips <svg>).
    expect(await marksInside(page, 'svg')).toBe(0);
    // Open the card of each mark: hit-testing and placement must cope with each writing mode.
    const count = await markCount(page);
    for (let i = 0; i < count; i++) {
      expect(await sendToTab(browser, 'revealMention', i)).toBe(true);
      await waitForCard(page);
      expect((await cardState(page)).findingIds.length).toBeGreaterThan(0);
      await page.press('Escape');
      await waitForCard(page, false);
    }
    expectQuietConsole();
  });

  it('10: off, on, off within a second ends off; on, off, on ends on', async () => {
    await page.goto(url('13-settings.html'));
    await waitForScan(page);
    const host = new URL(server.origin).hostname;
    for (const value of [false, true, false]) await writeSettings(browser, { sites: { [host]: value } });
    // The content script has taken the last of the three (it says so), and removed what it showed.
    await waitForPageState(false);
    await waitFor(
      page,
      'no marks',
      (name) => !CSS.highlights.has(name) || CSS.highlights.get(name)!.size === 0,
      HIGHLIGHT_NAME,
    );
    expect(await markCount(page)).toBe(0);
    for (const value of [true, false, true]) await writeSettings(browser, { sites: { [host]: value } });
    await waitForPageState(true);
    await waitFor(page, 'marks back', (name) => (CSS.highlights.get(name)?.size ?? 0) > 0, HIGHLIGHT_NAME);
    // Then a change we do mark: by then any run that the brief "off" cancelled would have added a <style>. The
    // default look is declared in the manifest: no run adds one, and the marks are drawn all the same.
    await markedAfterChange(page);
    expect(await page.evaluate(() => document.querySelectorAll('style[data-fact-context-ui]').length)).toBe(0);
    expect(await markLook(page)).toEqual(DECLARED_LOOK);
    expectQuietConsole();
  });

  it('11: a page that removes our card host and stylesheet: we stay out of the way, no errors, no loop', async () => {
    await page.goto(url('11-removes-our-ui.html'));
    await waitForScan(page);
    // It removes every <style> it did not write: the marks' look is declared in the manifest, out of its reach.
    expect(await markLook(page)).toEqual(DECLARED_LOOK);
    await page.bringToFront();
    // Ask for a card a few times: each time the page throws our host out.
    // Each request mounts a host and the page removes it: wait for that removal to be counted (an absent host
    // alone says nothing — the card may not have been asked for yet).
    for (let i = 0; i < 3; i++) {
      const removed = await page.evaluate(() => (window as unknown as { __removed: number }).__removed);
      await sendToTab(browser, 'nextMention');
      await waitFor(
        page,
        'the page to remove the card host we mounted',
        (count) =>
          (window as unknown as { __removed: number }).__removed > count &&
          document.querySelector('fact-context-card') === null,
        removed,
      );
    }
    const before = await page.evaluate(() => (window as unknown as { __removed: number }).__removed);
    // Then a change we do mark: once it is marked, our reactions to every removal before it have run.
    await markedAfterChange(page);
    const after = await page.evaluate(() => (window as unknown as { __removed: number }).__removed);
    // No fight: nothing of ours comes back by itself while nobody asks for it.
    expect(after).toBe(before);
    expect(before).toBeLessThanOrEqual(8);
    expectQuietConsole();
  });

  it('13: corrupt settings in storage: the page is still read, the rules that are valid still apply', async () => {
    const host = new URL(server.origin).hostname;
    await browser.evaluateInExtension(
      (value) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
        ).chrome.storage.local.set(value),
      { settings: { enabled: 'yes', sites: 42, cardOpen: ['x'], markStyle: { evil: true } }, settings$: { v: 2 } },
    );
    await page.goto(url('13-settings.html'));
    await waitForScan(page);
    expect(await markCount(page)).toBeGreaterThan(0);
    // A valid rule next to broken ones is kept: this site off → no marks.
    await browser.evaluateInExtension(
      (value) =>
        (
          globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }
        ).chrome.storage.local.set(value),
      { settings: { enabled: true, sites: { [host]: false, 'bad host!': 'maybe' }, cardOpen: 7 }, settings$: { v: 2 } },
    );
    await waitFor(page, 'the site switched off', (name) => (CSS.highlights.get(name)?.size ?? 0) === 0, HIGHLIGHT_NAME);
    await page.goto(url('13-settings.html'));
    // Looked at, and the engine refused for this site (the sentinel registers an empty highlight then).
    await waitForScan(page);
    expect(await markCount(page)).toBe(0);
    expectQuietConsole();
  });

  it('14: a page without the subject: zero marks, no card, only the quick check (measured)', async () => {
    // When the first scan ended, seen from the page (document start → our highlight registered), polled every 4 ms.
    await addInitScript(() => {
      const timer = setInterval(() => {
        if (!CSS.highlights.has('fact-context-mention')) return;
        (window as unknown as { __scannedAt: number }).__scannedAt = Math.round(performance.now());
        clearInterval(timer);
      }, 4);
    });
    const timings: Record<string, number> = {};
    for (const [name, expectMarks] of [
      ['14-off-topic.html', false],
      ['14-on-topic.html', true],
    ] as const) {
      await page.goto(url(name));
      await waitForScan(page);
      const marks = await markCount(page);
      expect({ name, marked: marks > 0 }).toEqual({ name, marked: expectMarks });
      timings[name] = (await waitFor(
        page,
        'the scan time',
        () => (window as unknown as { __scannedAt?: number }).__scannedAt,
      )) as number;
      // For scale: when the page itself had loaded (the content script starts at document idle, around then).
      timings[`${name} load event`] = await page.evaluate(() =>
        Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd),
      );
      if (!expectMarks) {
        // Nothing of ours on the page but the (empty) highlight and its stylesheet: no card host, no ranges.
        expect(await page.evaluate((tag) => document.querySelectorAll(tag).length, CARD_HOST_TAG)).toBe(0);
      }
    }
    console.info(`[case 14 ${browserName}] first scan done at (ms after document start)`, JSON.stringify(timings));
    expectQuietConsole();
  });

  // Last: after history.go() in Firefox, puppeteer's next goto may wait for a load event that it already missed.
  it('12: navigation, back/forward cache and in-app route changes: marks and badge follow the page', async () => {
    await page.goto(url('12-spa.html'));
    await waitForScan(page);
    const first = await markCount(page);
    expect(first).toBeGreaterThan(0);
    await waitForBadge(String(first));
    // In-app route to a page without the subject: no marks, empty badge.
    await page.evaluate(() => (window as unknown as { go(path: string): void }).go('/hostile/12-spa/garden'));
    await waitFor(
      page,
      'marks gone after the route change',
      (name) => (CSS.highlights.get(name)?.size ?? 0) === 0,
      HIGHLIGHT_NAME,
    );
    await waitForBadge('');
    // In-app route to a page with the subject: new marks, in the new text.
    await page.evaluate(() => (window as unknown as { go(path: string): void }).go('/hostile/12-spa/summit'));
    await waitFor(page, 'marks on the new route', (name) => (CSS.highlights.get(name)?.size ?? 0) > 0, HIGHLIGHT_NAME);
    const summit = await markCount(page);
    expect(await marksInside(page, '#app')).toBe(summit);
    await waitForBadge(String(summit));
    // A real navigation away and back (back/forward cache where the browser uses it).
    await page.goto(url('12-plain.html'));
    await waitForScan(page);
    await waitForBadge('');
    await page.goBack();
    // Restored from the cache, the old marks may show for a moment before the rescan clears and registers them
    // again (Firefox): wait until the marks and the badge agree, not for the first non-empty read.
    await poll('marks and badge that agree after going back', async () => {
      const back = await markCount(page);
      return back > 0 && (await badgeOfPage(browser)) === String(back);
    });
    await page.goForward();
    await waitForScan(page);
    expect(await markCount(page)).toBe(0);
    await waitForBadge('');
    expectQuietConsole();
  });

  /** Until the content script reports the site `enabled` (or not) and, when off, no mentions. */
  async function waitForPageState(enabled: boolean): Promise<void> {
    const deadline = Date.now() + 15_000;
    let last: unknown;
    while (Date.now() < deadline) {
      last = await sendToTab<{ enabled: boolean; mentions: unknown[] }>(browser, 'getPageState').catch(String);
      const state = last as { enabled?: boolean; mentions?: unknown[] };
      if (state.enabled === enabled && (enabled || state.mentions?.length === 0)) return;
      await sleep(150);
    }
    throw new Error(`page state: expected enabled ${String(enabled)}, last ${JSON.stringify(last)}`);
  }

  async function waitForBadge(expected: string): Promise<void> {
    const deadline = Date.now() + 15_000;
    let last = '';
    while (Date.now() < deadline) {
      last = await badgeOfPage(browser).catch(() => '(no answer)');
      if (last === expected) return;
      await sleep(150);
    }
    throw new Error(`badge: expected "${expected}", last "${last}"`);
  }
});

/** What of ours each iframe of the page holds (highlights, card hosts, styles), as each frame reports it itself. */
function frameReports(page: WatchedPage): Promise<{ origin: string; ours: number }[]> {
  return page.evaluate(
    () =>
      new Promise<{ origin: string; ours: number }[]>((resolve) => {
        const frames = [...document.querySelectorAll('iframe')];
        const reports: { origin: string; ours: number }[] = [];
        const onMessage = (event: MessageEvent<{ origin?: string; ours?: number }>) => {
          const { origin, ours } = event.data;
          if (origin === undefined || ours === undefined) return;
          reports.push({ origin, ours });
          if (reports.length < frames.length) return;
          removeEventListener('message', onMessage);
          resolve(reports);
        };
        addEventListener('message', onMessage);
        for (const frame of frames) frame.contentWindow?.postMessage('fact-context-test:report', '*');
      }),
    undefined,
  );
}
