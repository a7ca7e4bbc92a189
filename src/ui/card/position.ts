import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';

/** Gap between the marked line and the card, px. */
const GAP = 6;
/** Distance the card keeps from the viewport's edges, px. */
const EDGE = 8;

/** A reference for @floating-ui/dom made from a text range (no element of the page is touched). */
export function rangeReference(getRange: () => Range, contextElement: Element | undefined): VirtualElement {
  return {
    getBoundingClientRect: () => getRange().getBoundingClientRect(),
    getClientRects: () => getRange().getClientRects(),
    contextElement,
  };
}

/**
 * Places `card` beside the phrase: below it, or above when there is no room; only ever moved sideways along the
 * line (shift on the x axis), so it never covers the marked line itself. Its height shrinks to the room left.
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
            card.style.maxHeight = `${Math.max(120, Math.min(availableHeight, 520))}px`;
          },
        }),
      ],
    });
    card.style.left = `${Math.round(x)}px`;
    card.style.top = `${Math.round(y)}px`;
  };
  return autoUpdate(reference, card, () => void update(), { animationFrame: false });
}
