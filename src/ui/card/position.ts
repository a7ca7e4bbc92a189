import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** Gap between the marked line and the card, px. */
const GAP = 6;
/** Distance the card keeps from the viewport's edges, px. */
const EDGE = 8;
/** Tallest the card grows before it scrolls inside (only an expanded "more" list gets there), px. */
const CARD_MAX_HEIGHT = 420;

/** Index of the line box (of the non-empty `lines`) that holds `y`, else the nearest one. */
function lineIndexAt(lines: readonly DOMRectReadOnly[], y: number): number {
  let best = 0;
  let bestDistance = Infinity;
  lines.forEach((rect, i) => {
    const distance = y < rect.top ? rect.top - y : y > rect.bottom ? y - rect.bottom : 0;
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  });
  return best;
}

/**
 * A reference for @floating-ui/dom made from a text range (no element of the page is touched). With `pointerY`
 * (the pointer's y when the card opened) the reference is the one line box of the phrase the pointer was on: a
 * phrase that wraps onto two lines gets its card against the line the reader is looking at. The line is chosen
 * once, so that scrolling moves the card with it. Without a pointer (keyboard), the first line. The reference reaches
 * up to the phrase's first line, so that a card placed above never covers the lines of the phrase before the pointer's.
 */
export function rangeReference(
  getRange: () => Range,
  contextElement: Element | undefined,
  pointerY?: number,
): VirtualElement {
  let lineIndex: number | undefined;
  const line = (): DOMRect => {
    const range = getRange();
    const lines = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
    if (lines.length === 0) return range.getBoundingClientRect();
    lineIndex ??= pointerY === undefined ? 0 : lineIndexAt(lines, pointerY);
    const index = Math.min(lineIndex, lines.length - 1);
    const at = lines[index] ?? range.getBoundingClientRect();
    // Across, the pointer's line; down, from the phrase's first line to the pointer's: a card below opens under the
    // pointer's line, one above (no room below) opens over the phrase's first line, never over its earlier lines.
    const top = Math.min(...lines.slice(0, index + 1).map((rect) => rect.top));
    return new DOMRect(at.x, top, at.width, at.bottom - top);
  };
  return {
    getBoundingClientRect: line,
    getClientRects: () => [line()],
    contextElement,
  };
}

/**
 * Places `card` against the line: below it, else above when there is no room below; only ever moved sideways along
 * the line (shift on the x axis), so it never covers the marked line itself. Its height shrinks to the room left.
 * Follows scrolling and resizing until the returned function is called.
 */
export function followReference(reference: VirtualElement, card: HTMLElement): () => void {
  const update = async () => {
    const { x, y } = await computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(GAP),
        flip({ fallbackPlacements: ['top-start', 'bottom-end', 'top-end'], padding: EDGE }),
        shift({ padding: EDGE, crossAxis: false }),
        size({
          padding: EDGE,
          apply({ availableHeight }) {
            card.style.maxHeight = `${Math.max(120, Math.min(availableHeight, CARD_MAX_HEIGHT))}px`;
          },
        }),
      ],
    });
    card.style.left = `${Math.round(x)}px`;
    card.style.top = `${Math.round(y)}px`;
  };
  return autoUpdate(reference, card, () => void update(), { animationFrame: false });
}
