import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanHtml } from '../../scripts/lib/scan-core';
import {
  BROWSERS,
  cardState,
  launchBrowser,
  markedRanges,
  scrollToMark,
  sendToTab,
  serveFixturePages,
  startStaticServer,
  waitFor,
  waitForCard,
  waitForScan,
  writeSettings,
  type ExtensionBrowser,
  type FixturePage,
  type StaticServer,
  type TestPage,
  ifSet,
} from './harness';

/** Corpus articles turned into pages (README recipe): two positive, one negative. */
const CORPUS_IDS = ['001', '024', '038'];

describe.each(BROWSERS)('the overlay in %s', (browserName) => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let page: TestPage;
  let pages: FixturePage[];
  const pageNamed = (name: string) => pages.find((candidate) => candidate.name === name)!;

  beforeAll(async () => {
    server = await startStaticServer();
    pages = serveFixturePages(server, {
      files: ['article.html', 'editable.html', 'dynamic.html', 'spa.html', 'demo'],
      corpusIds: CORPUS_IDS,
    });
    browser = await launchBrowser(browserName);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await ifSet(browser)?.close();
    await ifSet(server)?.close();
  });

  it('marks exactly the mentions `npm run scan` reports for the same HTML', async () => {
    for (const fixture of pages.filter((candidate) => !['dynamic.html', 'spa.html'].includes(candidate.name))) {
      const expected = scanHtml(fixture.html).mentions.map((mention) => mention.text);
      await page.goto(fixture.url);
      await waitForScan(page);
      const marked = (await markedRanges(page)).map((range) => range.text);
      expect({ page: fixture.name, marked }).toEqual({ page: fixture.name, marked: expected });
    }
  });

  it('opens the card on hover with the best finding first, keeps it while the pointer is on it, closes on Esc', async () => {
    const fixture = pageNamed('article.html');
    const expected = scanHtml(fixture.html).mentions;
    const target = expected.findIndex((mention) => mention.text === 'axis of convenience');
    expect(target).toBeGreaterThanOrEqual(0);
    await page.goto(fixture.url);
    await waitForScan(page);
    const point = await scrollToMark(page, target);
    await page.mouseMove(point.x, point.y);
    await waitForCard(page);
    const card = await cardState(page);
    expect(card.findingIds[0]).toBe(expected[target]!.findings[0]);
    expect(card.findingIds).toEqual(expected[target]!.findings.slice(0, card.findingIds.length));
    expect(card.label).toContain('axis of convenience');
    // Never over the marked line: the card is entirely below or above the phrase.
    expect(card.rect!.y >= point.y || card.rect!.y + card.rect!.height <= point.y).toBe(true);

    // Onto the card: it stays open well past the close delay.
    await page.mouseMove(card.rect!.x + 20, card.rect!.y + 20);
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect((await cardState(page)).open).toBe(true);

    await page.press('Escape');
    await waitForCard(page, false);

    // Leaving the phrase closes the card after a delay.
    await page.mouseMove(point.x, point.y);
    await waitForCard(page);
    await page.mouseMove(5, 5);
    await waitForCard(page, false);

    // A click opens it too.
    await page.click(point.x, point.y);
    await waitForCard(page);
    await page.press('Escape');
    await waitForCard(page, false);

    // The page's own MutationObserver on the article saw nothing from us.
    expect(
      await page.evaluate(() => (window as unknown as { __articleMutations: string[] }).__articleMutations),
    ).toEqual([]);
  });

  it('jumps to the next mention on the keyboard command, focus inside the card, and Esc gives focus back', async () => {
    const fixture = pageNamed('article.html');
    await page.goto(fixture.url);
    await waitForScan(page);
    await page.bringToFront(); // the command acts in the focused tab
    expect(await sendToTab(browser, 'nextMention')).toBe(true);
    await waitForCard(page);
    // The layer moves focus in the same task that shows the card; poll the condition rather than read it once.
    await expect.poll(async () => (await cardState(page)).focused).toBe(true);
    await page.press('Tab');
    expect((await cardState(page)).focused).toBe(true);
    await page.press('Escape');
    await waitForCard(page, false);
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('FACT-CONTEXT-CARD');
  });

  it('opens the report page at the finding from "Read in the assessment"', async () => {
    const fixture = pageNamed('article.html');
    await page.goto(fixture.url);
    await waitForScan(page);
    const point = await scrollToMark(page, 0);
    await page.click(point.x, point.y);
    await waitForCard(page);
    const link = await page.evaluate((tag) => {
      const item = document.querySelector(tag)!.shadowRoot!.querySelector('[data-finding-id]')!;
      const rect = item.querySelector('a')!.getBoundingClientRect();
      return { id: item.getAttribute('data-finding-id')!, x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }, 'fact-context-card');
    await page.click(link.x, link.y);
    // The extension's own tabs, seen from an extension page (no `tabs` permission needed for our own pages).
    const deadline = Date.now() + 20_000;
    let opened = false;
    while (!opened && Date.now() < deadline) {
      opened = await browser.evaluateInExtension((hash) => {
        type Views = { extension: { getViews(filter: object): Window[] } };
        const api = (globalThis as { browser?: Views }).browser ?? (globalThis as unknown as { chrome: Views }).chrome;
        return api.extension
          .getViews({ type: 'tab' })
          .some((view) => view.location.pathname === '/report.html' && view.location.hash === hash);
      }, `#${link.id}`);
      if (!opened) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(opened).toBe(true);
    await page.bringToFront();
  });

  it('answers getPageState with the marks in document order', async () => {
    const fixture = pageNamed('article.html');
    await page.goto(fixture.url);
    await waitForScan(page);
    const state = await sendToTab<{
      enabled: boolean;
      mentions: { index: number; text: string; findings: string[] }[];
    }>(browser, 'getPageState');
    expect(state.enabled).toBe(true);
    expect(state.mentions.map((mention) => mention.text)).toEqual(
      (await markedRanges(page)).map((range) => range.text),
    );
  });

  it('marks text the page adds 2 s after load', async () => {
    const fixture = pageNamed('dynamic.html');
    await page.goto(fixture.url);
    await waitForScan(page);
    await waitFor(
      page,
      'the late paragraph',
      () => (window as unknown as { __lateAdded?: boolean }).__lateAdded === true,
    );
    await waitFor(
      page,
      'a mark in the late paragraph',
      (name) => {
        const late = document.getElementById('late');
        return [...(CSS.highlights.get(name) ?? [])].some((range) => late?.contains(range.startContainer));
      },
      'fact-context-mention',
    );
  });

  it('follows in-app navigation: the new article is marked, the old marks are gone', async () => {
    const fixture = pageNamed('spa.html');
    await page.goto(fixture.url);
    await waitForScan(page);
    const before = (await markedRanges(page)).map((range) => range.text);
    expect(before).toContain('axis of convenience');
    await page.evaluate(() => (window as unknown as { __navigate: () => void }).__navigate());
    await waitFor(
      page,
      'marks of the second story',
      (name) => {
        const ranges = [...(CSS.highlights.get(name) ?? [])];
        return (
          ranges.length > 0 &&
          ranges.every(
            (range) => range.startContainer.isConnected && document.querySelector('h1')!.textContent.includes('second'),
          )
        );
      },
      'fact-context-mention',
    );
    const after = (await markedRanges(page)).map((range) => range.text);
    expect(after).not.toContain('axis of convenience');
    expect(after.length).toBeGreaterThan(0);
  });

  it('never marks text in a textarea, an input, contenteditable or code', async () => {
    const fixture = pageNamed('editable.html');
    await page.goto(fixture.url);
    await waitForScan(page);
    const inside = await page.evaluate((name) => {
      const ranges = [...(CSS.highlights.get(name) ?? [])];
      const forbidden = ['#field', '#editor', '#code', '#pre', '#input'].map((selector) =>
        document.querySelector(selector)!,
      );
      return {
        total: ranges.length,
        forbidden: ranges.filter((range) => forbidden.some((element) => element.contains(range.startContainer))).length,
      };
    }, 'fact-context-mention');
    expect(inside.total).toBeGreaterThan(0); // the plain paragraph is marked: the page was scanned
    expect(inside.forbidden).toBe(0);
  });

  it('leaves a disabled site unmarked, and follows the site switch live', async () => {
    const fixture = pageNamed('article.html');
    const site = new URL(fixture.url).hostname;
    await writeSettings(browser, { sites: { [site]: false } });
    try {
      await page.goto(fixture.url);
      // The page has been looked at and the background refused the engine (the sentinel registers an empty
      // highlight then): there must be nothing to see.
      await waitForScan(page);
      expect(await page.evaluate((name) => CSS.highlights.get(name)?.size ?? 0, 'fact-context-mention')).toBe(0);
      expect(await page.evaluate((tag) => document.querySelector(tag) === null, 'fact-context-card')).toBe(true);

      await writeSettings(browser, { sites: {} });
      await waitFor(
        page,
        'marks after switching the site on',
        (name) => (CSS.highlights.get(name)?.size ?? 0) > 0,
        'fact-context-mention',
      );

      const point = await scrollToMark(page, 0);
      await page.click(point.x, point.y);
      await waitForCard(page);
      await writeSettings(browser, { sites: { [site]: false } });
      await waitFor(
        page,
        'marks and card gone after switching the site off',
        ({ name, tag }) => {
          const open = document.querySelector(tag)?.shadowRoot?.querySelector('[role="dialog"]') != null;
          return !CSS.highlights.has(name) && !open;
        },
        { name: 'fact-context-mention', tag: 'fact-context-card' },
      );
    } finally {
      await writeSettings(browser, { sites: {} });
    }
  });
});
