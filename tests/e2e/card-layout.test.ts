import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanHtml } from '../../scripts/lib/scan-core';
import {
  BROWSERS,
  FIXTURE_PAGES_DIR,
  ifSet,
  launchBrowser,
  markedRanges,
  scrollToMark,
  serveFixturePages,
  startStaticServer,
  waitForCard,
  waitForScan,
  type ExtensionBrowser,
  type FixturePage,
  type StaticServer,
  type TestPage,
} from './harness';
import {
  inside,
  markLines,
  openCardAt,
  overlaps,
  settledCard,
  wrapOntoTwoLines,
  type Box,
} from './harness/card-checks';

/**
 * The card's size and place in the real browsers (issue 12): compact (every default card of the demo and an article
 * at most 320 × 300 px at 1280 × 800, nothing scrolling inside), against the line box the pointer is on — also for a
 * phrase that wraps onto two lines, whose other line it never covers, even when it has to go above — below the line
 * when there is room, and inside the viewport at its edges (and in a narrow window), never over the pointer's line.
 * Clicks open the card here (pinned, no hover delay); one case hovers.
 */

const MAX_WIDTH = 320;
const MAX_HEIGHT = 300;
const WRAPPED = 'weeks before the invasion';
const AT_START = 'Axis of convenience';
const AT_END = 'dual-use goods';

const centre = (box: Box) => ({ x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 });

describe.each(BROWSERS)('the card’s size and place in %s', (browserName) => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let page: TestPage;
  let placementUrl: string;
  let pages: FixturePage[];

  beforeAll(async () => {
    server = await startStaticServer([FIXTURE_PAGES_DIR]);
    placementUrl = `${server.origin}/card-placement.html`;
    pages = serveFixturePages(server, { files: ['demo', 'article.html'], corpusIds: [] });

    browser = await launchBrowser(browserName);
    page = await browser.newPage();
    await page.setViewport(1280, 800);
  });

  afterAll(async () => {
    await ifSet(browser)?.close();
    await ifSet(server)?.close();
  });

  /** Pins paragraph `id` with `css` (e.g. to a viewport edge); `null` puts it back in the flow. */
  const styleParagraph = (id: string, css: string | null) =>
    page.evaluate(({ id, css }) => document.getElementById(id)!.setAttribute('style', css ?? ''), { id, css });

  it(`every default card of the demo and an article is at most ${MAX_WIDTH} × ${MAX_HEIGHT} px and scrolls nowhere inside`, async () => {
    const measured: { page: string; mark: string; width: number; height: number; scrollers: string[] }[] = [];
    const seen = new Set<string>();
    for (const fixture of pages) {
      await page.goto(fixture.url);
      await waitForScan(page);
      const marks = await markedRanges(page);
      // One card per set of findings (the card's content follows from them; the same set gives the same card).
      const mentions = scanHtml(fixture.html).mentions;
      expect(
        marks.map((mark) => mark.text),
        fixture.name,
      ).toEqual(mentions.map((mention) => mention.text));
      for (const [n, mark] of marks.entries()) {
        const key = mentions[n]!.findings.join(' ');
        if (seen.has(key)) continue;
        seen.add(key);
        const { card, scrollers, findingIds } = await openCardAt(page, await scrollToMark(page, n));
        expect(findingIds.length, mark.text).toBeGreaterThan(0);
        measured.push({
          page: fixture.name,
          mark: mark.text,
          width: Math.round(card.right - card.left),
          height: Math.round(card.bottom - card.top),
          scrollers,
        });
      }
    }
    const tooBig = measured
      .filter((card) => card.width > MAX_WIDTH || card.height > MAX_HEIGHT || card.scrollers.length > 0)
      .map(
        (card) =>
          `${card.page} “${card.mark}”: ${card.width} × ${card.height}${card.scrollers.length > 0 ? `, scrolls (${card.scrollers.join(', ')})` : ''}`,
      );
    expect(tooBig).toEqual([]);
  });

  it('opens below the line the pointer is on, beside the pointer, inside the viewport', async () => {
    await page.goto(placementUrl);
    await waitForScan(page);
    const [line] = await markLines(page, AT_START);
    expect(line).toBeDefined();
    const pointer = centre(line!);
    const { card, viewport } = await openCardAt(page, pointer);
    expect(inside(card, viewport)).toBe(true);
    expect(card.top).toBeGreaterThanOrEqual(line!.bottom); // the pointer's line and those above stay readable
    expect(card.top - line!.bottom).toBeLessThan(20); // against the line, not somewhere below it
    expect(pointer.x).toBeGreaterThanOrEqual(card.left);
    expect(pointer.x).toBeLessThanOrEqual(card.right);
  });

  it('a phrase that wraps onto two lines: the card goes against the line the pointer is on, covering neither', async () => {
    await page.goto(placementUrl);
    await waitForScan(page);
    const lines = await wrapOntoTwoLines(page, 'wrap', WRAPPED, { maxWidth: 680 });
    await page.evaluate(async () => {
      document.getElementById('wrap')!.scrollIntoView({ block: 'center', behavior: 'instant' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    });
    expect(lines).toBe(2);
    const [first, second] = await markLines(page, WRAPPED);
    expect(second, 'the mark covers both lines').toBeDefined();
    // Wrapped: the second line starts left of where the first one ends.
    expect(second!.left).toBeLessThan(first!.left);

    for (const [name, line] of [
      ['second line', second!],
      ['first line', first!],
    ] as const) {
      const pointer = centre(line);
      const { card, viewport } = await openCardAt(page, pointer);
      expect(inside(card, viewport), name).toBe(true);
      expect(card.top, `${name}: below the pointer’s line`).toBeGreaterThanOrEqual(line.bottom);
      expect(card.top - line.bottom, `${name}: against the pointer’s line`).toBeLessThan(20);
      expect(pointer.x, `${name}: beside the pointer`).toBeGreaterThanOrEqual(card.left);
      expect(pointer.x, `${name}: beside the pointer`).toBeLessThanOrEqual(card.right);
    }
    // On the second line, nothing of the phrase is covered.
    const { card } = await openCardAt(page, centre(second!));
    expect(overlaps(card, first!)).toBe(false);
    expect(overlaps(card, second!)).toBe(false);

    // Opened by hover too (the pointer's line is taken from the pointer when the hover delay ends).
    await page.mouseMove(5, 5);
    await page.mouseMove(centre(second!).x, centre(second!).y);
    await waitForCard(page);
    const hovered = await settledCard(page);
    expect(hovered.card.top).toBeGreaterThanOrEqual(second!.bottom);
    await page.mouseMove(5, 5);
    await waitForCard(page, false);
  });

  it('a wrapped phrase at the bottom of the viewport: the card goes above, over neither of its lines', async () => {
    await page.goto(placementUrl);
    await waitForScan(page);
    // Pinned to the viewport's bottom edge, no wider than the card: a card right above the second line would lie
    // over the first.
    const lines = await wrapOntoTwoLines(page, 'wrap', WRAPPED, {
      maxWidth: 300,
      css: 'position: fixed; left: 40px; bottom: 0; margin: 0;',
    });
    expect(lines).toBe(2);
    const [first, second] = await markLines(page, WRAPPED);
    expect(800 - second!.bottom, 'no room for the card below the phrase').toBeLessThan(200);
    const { card, viewport } = await openCardAt(page, centre(second!));
    expect(inside(card, viewport)).toBe(true);
    expect(overlaps(card, second!), 'the pointer’s line').toBe(false);
    expect(overlaps(card, first!), 'the phrase’s line just above it').toBe(false);
  });

  it('at the viewport’s edges: inside the viewport, never over the pointer’s line, below it when there is room', async () => {
    await page.goto(placementUrl);
    await waitForScan(page);
    const pinned = 'position: fixed; margin: 0; white-space: nowrap;';
    for (const [edge, id, phrase, css] of [
      ['top left', 'start', AT_START, 'left: 0; top: 0;'],
      ['top right', 'end', AT_END, 'right: 0; top: 0;'],
      ['bottom left', 'start', AT_START, 'left: 0; bottom: 0;'],
      ['bottom right', 'end', AT_END, 'right: 0; bottom: 0;'],
    ] as const) {
      await styleParagraph(id, `${pinned} ${css}`);
      const [line] = await markLines(page, phrase);
      expect(line, edge).toBeDefined();
      const pointer = centre(line!);
      const { card, viewport } = await openCardAt(page, pointer);
      await styleParagraph(id, null);
      expect(inside(card, viewport), `${edge}: inside the viewport`).toBe(true);
      expect(overlaps(card, line!), `${edge}: off the pointer’s line`).toBe(false);
      if (edge.startsWith('top')) {
        expect(card.top, `${edge}: below the line`).toBeGreaterThanOrEqual(line!.bottom);
      } else {
        expect(card.bottom, `${edge}: above the line, there is no room below`).toBeLessThanOrEqual(line!.top);
      }
      // Beside the pointer: the card reaches over the pointer's x (shifted along the line, never far away).
      expect(pointer.x, `${edge}: beside the pointer`).toBeGreaterThanOrEqual(card.left);
      expect(pointer.x, `${edge}: beside the pointer`).toBeLessThanOrEqual(card.right);
    }
  });

  it('in a 420 px wide window the card still fits inside it', async () => {
    await page.setViewport(420, 800);
    try {
      await page.goto(placementUrl);
      await waitForScan(page);
      for (const [id, phrase, css] of [
        ['start', AT_START, 'left: 0; top: 0;'],
        ['end', AT_END, 'right: 0; top: 40px;'],
      ] as const) {
        await styleParagraph(id, `position: fixed; margin: 0; white-space: nowrap; ${css}`);
        const [line] = await markLines(page, phrase);
        const { card, viewport } = await openCardAt(page, centre(line!));
        await styleParagraph(id, null);
        expect(inside(card, viewport), phrase).toBe(true);
        expect(overlaps(card, line!), phrase).toBe(false);
      }
    } finally {
      await page.setViewport(1280, 800);
    }
  });
});
