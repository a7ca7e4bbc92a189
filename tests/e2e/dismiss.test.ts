import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/settings/schema';
import {
  BROWSERS,
  FIXTURE_PAGES_DIR,
  HIGHLIGHT_NAME,
  ifSet,
  inPage,
  launchBrowser,
  markedRanges,
  openExtensionPage,
  poll,
  scrollToMark,
  startStaticServer,
  waitForCard,
  waitForScan,
  writeSettings,
  type DriverPage,
  type LaunchedBrowser,
  type StaticServer,
  type TestPage,
} from './harness';
import { clickInCard } from './harness/card-checks';

/** The extension API inside our extension pages (Chrome's name; Firefox has it too). */
declare const chrome: typeof import('wxt/browser').browser;

/**
 * What a reader can put away from the card — "Hide marks for this phrase", "Hide this finding", "Off on this site",
 * "This mark is wrong" — and how each comes back from the options page; and the allow-list site mode ("only on
 * sites I list") with the popup's switch. Real clicks on the card, real pages of the extension, both browsers.
 */

const SITE = '127.0.0.1';
/** The article's marks (tests/fixtures/pages/article.html), for the expectations below. */
// One mark: the sentence names the drills twice ("navies", "naval drills"), and one point made twice in a clause is
// one mark. Its only finding is joint-exercises.
const DRILLS = 'Russian and Chinese navies held joint naval drills';
const DRILLS_SENTENCE =
  'The Russian and Chinese navies held joint naval drills, and both capitals promoted trade in national currencies.';

describe.each(BROWSERS)('dismissals and the allow list in %s', (browserName) => {
  let server: StaticServer;
  let browser: LaunchedBrowser;
  let article: TestPage;
  let articleTab: number;
  /** An extension page kept open for chrome.* (storage, tabs). */
  let extension: DriverPage;
  let allMarks: string[];

  const stored = () =>
    extension.evaluate(async () => (await chrome.storage.local.get('settings')).settings as Settings, undefined);
  const saveSettings = (changes: Partial<Settings> = {}) => writeSettings(browser, changes);
  const tabIds = () => extension.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.id!), undefined);

  /** Waits until the article's marks are exactly `expected` (document order). */
  const marksBecome = (page: TestPage, expected: string[], what: string) =>
    poll(what, async () => {
      const texts = (await markedRanges(page)).map((mark) => mark.text);
      return JSON.stringify(texts) === JSON.stringify(expected);
    });

  /** Opens the card of the article's mark `text` with a click and picks `action` from its "Hide…" menu. */
  async function dismissFromCard(text: string, action: string) {
    const n = (await markedRanges(article)).findIndex((mark) => mark.text === text);
    expect(n, text).toBeGreaterThanOrEqual(0);
    // High in the viewport: room below for the card and its menu.
    const point = await scrollToMark(article, n, 0.25);
    await article.click(point.x, point.y);
    await waitForCard(article);
    await clickInCard(article, 'Hide…');
    await clickInCard(article, action);
  }

  /** Clicks the options page's button named `label` (aria-label) once it is there. */
  async function clickInOptions(options: DriverPage, label: string) {
    await inPage(
      options,
      `“${label}” on the options page`,
      (label) => {
        const button = document.querySelector<HTMLElement>(`button[aria-label="${label}"]`);
        button?.click();
        return !!button;
      },
      label,
    );
  }

  beforeAll(async () => {
    server = await startStaticServer([FIXTURE_PAGES_DIR]);
    browser = await launchBrowser(browserName);
    extension = await openExtensionPage(browser, 'options.html');
    await inPage(extension, 'the extension page', () => typeof chrome === 'object' && !!chrome.tabs, undefined);
    // Tab URLs are hidden from us (no `tabs` permission): the article's tab is the one that appears when it opens.
    const before = new Set(await tabIds());
    article = await browser.newPage();
    await article.goto(`${server.origin}/article.html`);
    await waitForScan(article);
    allMarks = (await markedRanges(article)).map((mark) => mark.text);
    expect(allMarks).toEqual(expect.arrayContaining([DRILLS, 'axis of convenience']));
    const added = (await tabIds()).filter((id) => !before.has(id));
    expect(added).toHaveLength(1);
    articleTab = added[0]!;
  });

  afterAll(async () => {
    await ifSet(browser)?.close();
    await ifSet(server)?.close();
  });

  /** A fresh start for each case: default settings, the article loaded and marked. */
  async function freshArticle() {
    await saveSettings();
    await article.goto(`${server.origin}/article.html`);
    await waitForScan(article);
    await marksBecome(article, allMarks, 'every mark of the article');
  }

  it('“Hide marks for this phrase” hides that phrase only; the card’s Undo and the options page bring it back', async () => {
    await freshArticle();
    await dismissFromCard(DRILLS, 'Hide marks for this phrase');
    const without = allMarks.filter((text) => text !== DRILLS);
    await marksBecome(article, without, 'the phrase’s mark to go');
    expect((await stored()).hiddenPhrases).toEqual([DRILLS]);

    // Undo from the card itself.
    await clickInCard(article, 'Undo');
    await marksBecome(article, allMarks, 'the phrase’s mark to return (card Undo)');
    expect((await stored()).hiddenPhrases).toEqual([]);
    await article.press('Escape');
    await waitForCard(article, false);

    // Hidden again, and shown again from the options page.
    await dismissFromCard(DRILLS, 'Hide marks for this phrase');
    await marksBecome(article, without, 'the phrase’s mark to go again');
    const options = await openExtensionPage(browser, 'options.html');
    try {
      await clickInOptions(options, `Show marks for “${DRILLS}” again`);
      await marksBecome(article, allMarks, 'the phrase’s mark to return (options page)');
      expect((await stored()).hiddenPhrases).toEqual([]);
    } finally {
      await options.close();
    }
  });

  it('“Hide this finding” hides every mark of that finding; the options page shows it again', async () => {
    await freshArticle();
    await dismissFromCard(DRILLS, 'Hide this finding');
    // The mark whose only finding is joint-exercises goes; the others stay.
    await marksBecome(
      article,
      allMarks.filter((text) => text !== DRILLS),
      'the finding’s marks to go',
    );
    expect((await stored()).hiddenFindings).toEqual(['joint-exercises']);
    const options = await openExtensionPage(browser, 'options.html');
    try {
      const listed = await inPage(
        options,
        'the hidden finding',
        () => document.querySelector('[data-hidden-finding="joint-exercises"]')?.textContent ?? null,
        undefined,
      );
      expect(listed).toContain('Show again');
      await clickInOptions(
        options,
        await options.evaluate(
          () => document.querySelector('[data-hidden-finding="joint-exercises"] button')!.getAttribute('aria-label')!,
          undefined,
        ),
      );
      await marksBecome(article, allMarks, 'the finding’s marks to return');
      expect((await stored()).hiddenFindings).toEqual([]);
    } finally {
      await options.close();
    }
  });

  it('“Off on this site” switches the site off; removing its rule on the options page switches it on again', async () => {
    await freshArticle();
    await dismissFromCard(DRILLS, 'Off on this site');
    await marksBecome(article, [], 'every mark to go');
    expect((await stored()).sites).toEqual({ [SITE]: false });
    const options = await openExtensionPage(browser, 'options.html');
    try {
      await clickInOptions(options, `Remove the rule for ${SITE}`);
      await marksBecome(article, allMarks, 'the marks to return');
      expect((await stored()).sites).toEqual({});
    } finally {
      await options.close();
    }
  });

  it('“This mark is wrong” records the phrase, its sentence and the finding here, keeps that mark away, undone from the options page', async () => {
    await freshArticle();
    await dismissFromCard(DRILLS, 'This mark is wrong');
    const without = allMarks.filter((text) => text !== DRILLS);
    await marksBecome(article, without, 'the wrong mark to go');
    const [record, ...more] = (await stored()).wrongMarks;
    expect(more).toEqual([]);
    expect(record).toMatchObject({
      phrase: DRILLS,
      sentence: DRILLS_SENTENCE,
      findingId: 'joint-exercises',
      site: SITE,
    });

    // It stays away on the next visit.
    await article.goto(`${server.origin}/article.html`);
    await waitForScan(article);
    await marksBecome(article, without, 'the wrong mark to stay away after a reload');

    const options = await openExtensionPage(browser, 'options.html');
    try {
      const listed = await inPage(
        options,
        'the wrong mark on the options page',
        (phrase) => document.querySelector(`[data-wrong-mark="${phrase}"]`)?.textContent ?? null,
        DRILLS,
      );
      expect(listed).toContain(DRILLS_SENTENCE);
      await clickInOptions(options, `Show the mark “${DRILLS}” again`);
      await marksBecome(article, allMarks, 'the mark to return');
      expect((await stored()).wrongMarks).toEqual([]);
    } finally {
      await options.close();
    }
  });

  it('allow list: off everywhere but the listed sites, and the popup’s switch lists and unlists the site', async () => {
    await freshArticle();
    // The site mode is chosen on the options page: the open article follows at once.
    const options = await openExtensionPage(browser, 'options.html');
    try {
      await inPage(
        options,
        'the allow-list choice',
        () => {
          const radio = document.querySelector<HTMLInputElement>('input[name="siteMode"][value="listed"]');
          radio?.click();
          return !!radio;
        },
        undefined,
      );
      await marksBecome(article, [], 'the unlisted site’s marks to go');
      expect((await stored()).siteMode).toBe('listed');

      // Loaded again, the unlisted site is looked at (the sentinel registers the empty highlight once the background
      // refuses the engine) and stays bare; a listed site (the same page at another host name) is marked.
      await article.goto(`${server.origin}/article.html`);
      await waitForScan(article);
      expect(await markedRanges(article)).toEqual([]);
      const listed = await browser.newPage();
      try {
        await inPage(
          options,
          'the site form',
          () => {
            const input = document.querySelector<HTMLInputElement>('#add-site');
            if (!input) return false;
            input.value = 'localhost';
            input.dispatchEvent(new Event('input', { bubbles: true }));
            return true;
          },
          undefined,
        );
        await inPage(
          options,
          'the rule to be added',
          () => {
            document.querySelector<HTMLInputElement>('#add-site')?.form?.requestSubmit();
            return document.querySelector('[data-site="localhost"]')?.textContent.includes('On') ?? false;
          },
          undefined,
        );
        await listed.goto(`${server.origin.replace(SITE, 'localhost')}/article.html`);
        await waitForScan(listed);
        await marksBecome(listed, allMarks, 'the listed site’s marks');
        expect(await article.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, HIGHLIGHT_NAME)).toBe(0);
      } finally {
        await listed.close();
      }
    } finally {
      await options.close();
    }

    // The popup's switch: off for the unlisted site; one click lists it and the page is marked; another unlists it.
    const popup = await openExtensionPage(browser, `popup.html?tab=${articleTab}`);
    try {
      expect(await waitForLabel(popup, `Off for ${SITE}`)).toBe(true);
      await popup.evaluate(() => document.querySelector<HTMLElement>('[role=switch]')!.click(), undefined);
      expect(await waitForLabel(popup, `On for ${SITE}`)).toBe(true);
      await marksBecome(article, allMarks, 'the marks once the site is listed');
      expect((await stored()).sites).toMatchObject({ localhost: true, [SITE]: true });
      await popup.evaluate(() => document.querySelector<HTMLElement>('[role=switch]')!.click(), undefined);
      expect(await waitForLabel(popup, `Off for ${SITE}`)).toBe(true);
      await marksBecome(article, [], 'the marks to go once the site is unlisted');
      expect((await stored()).sites[SITE]).not.toBe(true);
    } finally {
      await popup.close();
      await saveSettings();
    }
  });
});

/** Waits until the popup's site switch reads `text`. */
function waitForLabel(popup: DriverPage, text: string): Promise<true> {
  return inPage(
    popup,
    `the switch to read “${text}”`,
    (text) => document.querySelector('[role=switch]')?.textContent === text,
    text,
  ) as Promise<true>;
}
