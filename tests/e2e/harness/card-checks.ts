import {
  CARD_HOST_TAG,
  HIGHLIGHT_NAME,
  openPages,
  poll,
  waitFor,
  waitForCard,
  type DriverPage,
  type LaunchedBrowser,
  type TestPage,
} from './index';

/**
 * The card as a reader sees it, for the card's own e2e suites (tests/e2e/card-*.test.ts): where its phrase's line
 * boxes are, where the card settled and whether anything in it scrolls, and a real pointer click on one of its
 * controls (inside the open shadow root).
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether `inner` lies inside `outer` (half a pixel of rounding allowed). */
export function inside(inner: Box, outer: Box): boolean {
  return (
    inner.left >= outer.left - 0.5 &&
    inner.top >= outer.top - 0.5 &&
    inner.right <= outer.right + 0.5 &&
    inner.bottom <= outer.bottom + 0.5
  );
}

/**
 * The viewport rects of the line boxes of the `occurrence`-th mark whose text is `text` (document order), after two
 * frames (so that a style change made just before has been laid out). Empty when there is no such mark.
 */
export function markLines(page: TestPage, text: string, occurrence = 0): Promise<Box[]> {
  return page.evaluate(
    async ({ name, text, occurrence }) => {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const ranges = [...(CSS.highlights.get(name) ?? [])].map((abstract) => {
        const range = document.createRange();
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        return range;
      });
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges.filter((candidate) => candidate.toString() === text)[occurrence];
      if (!range) return [];
      return [...range.getClientRects()]
        .filter((rect) => rect.width > 0 && rect.height > 0)
        .map(({ left, top, right, bottom }) => ({ left, top, right, bottom }));
    },
    { name: HIGHLIGHT_NAME, text, occurrence },
  );
}

export interface CardGeometry {
  card: Box;
  viewport: Box;
  /** The card itself or something inside it has more content than room and scrolls (class names). */
  scrollers: string[];
  findingIds: string[];
}

/**
 * Waits until the open card has been placed (floating-ui sets its top and left after the first frame) and its
 * entry animation is over (a transform moves the box meanwhile), then reads where it is.
 */
export async function settledCard(page: TestPage): Promise<CardGeometry> {
  const geometry: CardGeometry | null = await waitFor(
    page,
    'the card to settle',
    async (tag) => {
      const card = document.querySelector(tag)?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      if (!card || card.style.top === '' || card.style.left === '') return null;
      await Promise.all(card.getAnimations({ subtree: true }).map((animation) => animation.finished));
      const read = () => {
        const { left, top, right, bottom } = card.getBoundingClientRect();
        return { left, top, right, bottom };
      };
      const before = read();
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const after = read();
      if (JSON.stringify(before) !== JSON.stringify(after)) return null; // still moving
      const scrollers = [card, ...card.querySelectorAll<HTMLElement>('*')]
        .filter((element) => element.scrollHeight > element.clientHeight + 1 && element.clientHeight > 0)
        .filter((element) => ['auto', 'scroll'].includes(getComputedStyle(element).overflowY))
        .map((element) => element.className || element.tagName);
      return {
        card: after,
        viewport: { left: 0, top: 0, right: innerWidth, bottom: innerHeight },
        scrollers,
        findingIds: [...card.querySelectorAll('[data-finding-id]')].map((item) =>
          item.getAttribute('data-finding-id')!,
        ),
      };
    },
    CARD_HOST_TAG,
  );
  return geometry!; // waitFor returns only a truthy value
}

/** Clicks at `point` (a mark), waits for its card to settle, reads it, and closes it again with Esc. */
export async function openCardAt(page: TestPage, point: { x: number; y: number }): Promise<CardGeometry> {
  await page.click(point.x, point.y);
  await waitForCard(page);
  const geometry = await settledCard(page);
  await page.press('Escape');
  await waitForCard(page, false);
  return geometry;
}

/**
 * Clicks the card's control whose text is `label` (a button or link in the shadow root) with the real pointer, at
 * its centre, once it is there (scrolled into view first).
 */
export async function clickInCard(page: TestPage, label: string): Promise<void> {
  const point = await waitFor(
    page,
    `“${label}” in the card`,
    ({ tag, label }) => {
      const root = document.querySelector(tag)?.shadowRoot;
      const control = [...(root?.querySelectorAll<HTMLElement>('button, a') ?? [])].find(
        (element) => element.textContent.trim() === label,
      );
      if (!control) return null;
      // As a reader would scroll the card (or the page) to reach it.
      control.scrollIntoView({ block: 'nearest', behavior: 'instant' });
      const rect = control.getBoundingClientRect();
      return rect.width > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    { tag: CARD_HOST_TAG, label },
  );
  await page.click(point!.x, point!.y); // waitFor returns only a truthy value
}

/** The driver's own page (Playwright's or puppeteer's) showing `url`, for what TestPage does not do (hold a key, emulate media). */
export function driverPageAt(browser: LaunchedBrowser, url: string): Promise<DriverPage> {
  return poll(`the driver page at ${url}`, async () => {
    for (const page of await openPages(browser)) {
      if ((await page.evaluate(() => location.href, undefined).catch(() => '')) === url) return page;
    }
    return undefined;
  });
}

/**
 * Narrows paragraph `id` (styled with `css` first) from `maxWidth` down until its `phrase` (in its first text node)
 * breaks onto two line boxes, the second the longer (the break falls after the phrase's first word or two, whatever
 * the browser's font). Returns how many line boxes the phrase has then (2 when it worked).
 */
export function wrapOntoTwoLines(
  page: TestPage,
  id: string,
  phrase: string,
  { maxWidth, css = '' }: { maxWidth: number; css?: string },
): Promise<number> {
  return page.evaluate(
    async ({ id, phrase, maxWidth, css }) => {
      const paragraph = document.getElementById(id)!;
      const text = paragraph.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf(phrase));
      range.setEnd(text, text.data.indexOf(phrase) + phrase.length);
      const lines = () => [...range.getClientRects()].filter((rect) => rect.width > 0);
      paragraph.style.cssText = css;
      for (let width = maxWidth; width > 100; width -= 2) {
        paragraph.style.width = `${width}px`;
        if (lines().length === 2 && lines()[1]!.width > lines()[0]!.width) break;
      }
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return lines().length;
    },
    { id, phrase, maxWidth, css },
  );
}
