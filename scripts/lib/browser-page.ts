import type { TestPage } from './browser-types';

/** The contract names other tools rely on (issue 3). */
export const HIGHLIGHT_NAME = 'fact-context-mention';
export const CARD_HOST_TAG = 'fact-context-card';

/** Polls `probe` in the page until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function waitFor<T, A = undefined>(
  page: TestPage,
  what: string,
  probe: (arg: A) => T | Promise<T>,
  arg?: A,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await page.evaluate(probe, arg);
      if (value) return value;
      last = value;
    } catch (error) {
      last = error; // navigation in progress, context not ready...
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the content script finished its first scan (it registers the highlight then, even when empty). */
export function waitForScan(page: TestPage): Promise<boolean> {
  return waitFor(page, 'the first scan', (name) => CSS.highlights.has(name), HIGHLIGHT_NAME);
}

export interface MarkedRange {
  text: string;
  /** Viewport rect of the first line box of the mark. */
  rect: { x: number; y: number; width: number; height: number } | null;
}

/** The texts (and first rects) of every range in our highlight, in document order. */
export function markedRanges(page: TestPage): Promise<MarkedRange[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    const ranges = [...highlight].map((abstract) => {
      const range = document.createRange();
      range.setStart(abstract.startContainer, abstract.startOffset);
      range.setEnd(abstract.endContainer, abstract.endOffset);
      return range;
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((range) => {
      const first = range.getClientRects()[0];
      return {
        text: range.toString(),
        rect: first ? { x: first.x, y: first.y, width: first.width, height: first.height } : null,
      };
    });
  }, HIGHLIGHT_NAME);
}

/**
 * Scrolls the page so that the n-th mark (document order) stands at `at` × the viewport height (0.5: the middle),
 * waits for two frames, and returns the centre of the mark's first line box.
 */
export async function scrollToMark(page: TestPage, n: number, at = 0.5): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    async ({ name, n, at }) => {
      const highlight = CSS.highlights.get(name);
      if (!highlight) return null;
      const ranges = [...highlight].map((abstract) => {
        const range = document.createRange();
        range.setStart(abstract.startContainer, abstract.startOffset);
        range.setEnd(abstract.endContainer, abstract.endOffset);
        return range;
      });
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[n];
      if (!range) return null;
      const top = range.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: Math.max(0, top - innerHeight * at), behavior: 'instant' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    },
    { name: HIGHLIGHT_NAME, n, at },
  );
  if (!point) throw new Error(`no mark number ${n} on the page`);
  return point;
}

export interface CardState {
  open: boolean;
  findingIds: string[];
  label: string | null;
  /** Whether keyboard focus is inside the card. */
  focused: boolean;
  rect: { x: number; y: number; width: number; height: number } | null;
}

/** What the card shows now (read through its open shadow root). */
export function cardState(page: TestPage): Promise<CardState> {
  return page.evaluate((tag) => {
    const host = document.querySelector(tag);
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"]');
    if (!host || !dialog) return { open: false, findingIds: [], label: null, focused: false, rect: null };
    const rect = dialog.getBoundingClientRect();
    return {
      open: true,
      findingIds: [...dialog.querySelectorAll('[data-finding-id]')].map(
        (element) => element.getAttribute('data-finding-id') ?? '',
      ),
      label: dialog.getAttribute('aria-label'),
      focused: document.activeElement === host && host.shadowRoot?.activeElement !== null,
      rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    };
  }, CARD_HOST_TAG);
}

export function waitForCard(page: TestPage, open = true): Promise<unknown> {
  return waitFor(
    page,
    open ? 'the card to open' : 'the card to close',
    ({ tag, open }) => {
      const isOpen = document.querySelector(tag)?.shadowRoot?.querySelector('[role="dialog"]') != null;
      return isOpen === open;
    },
    { tag: CARD_HOST_TAG, open },
  );
}

/** Waits until the open card's animations (its entry animation) have finished, e.g. before a screenshot. */
async function waitForCardAnimations(page: TestPage): Promise<void> {
  await page.evaluate(async (tag) => {
    const animations = document.querySelector(tag)?.shadowRoot?.getAnimations() ?? [];
    await Promise.all(animations.map((animation) => animation.finished));
  }, CARD_HOST_TAG);
}

/**
 * Hovers the first mark whose text matches `phrase` (else the first mark), scrolled to the upper third so that the
 * card has room to open below it as it usually does when reading; waits for the card and its entry animation.
 */
export async function hoverToOpenCard(page: TestPage, phrase: RegExp): Promise<{ mark: MarkedRange; card: CardState }> {
  const marks = await markedRanges(page);
  const which = Math.max(
    0,
    marks.findIndex((mark) => phrase.test(mark.text)),
  );
  const mark = marks[which];
  if (!mark) throw new Error('no mark on the page to hover');
  const target = await scrollToMark(page, which, 0.3);
  await page.mouseMove(target.x, target.y);
  await waitForCard(page);
  await waitForCardAnimations(page);
  return { mark, card: await cardState(page) };
}
