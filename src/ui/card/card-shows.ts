import type { FindingTexts, FindingTextsLoader } from '../../pack/finding-texts';

/** What the card layer does with the page (its shadow root): draw one card, or none. */
export interface CardView {
  /** Draws a card with these texts; `key` is new for every show (the card remounts, its focus effect runs again). */
  draw(key: number, texts: FindingTexts): void;
  clear(): void;
}

export interface CardShows {
  /** Draws at once (in this task) when the texts of `ids` are cached, else once they arrive — if still the latest. */
  show(ids: readonly string[], draw: CardView['draw']): void;
  hide(): void;
  /** Shown, or waiting for its texts (a hide() still cancels it). */
  readonly isOpen: boolean;
}

/**
 * When the layer draws which card. The texts are prefetched for the page's marks after every scan, so a card
 * (above all one the keyboard opens and focuses, #9) is drawn in the task that opens it. A mark whose texts are
 * not cached yet gets its card when they arrive, unless a hide() or another show() came first: never another
 * mark's texts, never an empty card (no finding the pack knows: no card).
 */
export function createCardShows(texts: FindingTextsLoader, clear: CardView['clear']): CardShows {
  let shows = 0;
  let open = false;
  const drawOrClose = (key: number, found: FindingTexts, draw: CardView['draw']) => {
    if (found.findings.length > 0) {
      draw(key, found);
      return;
    }
    clear();
    open = false;
  };
  return {
    show(ids, draw) {
      const key = ++shows;
      open = true;
      const cached = texts.cached(ids);
      if (cached) {
        drawOrClose(key, cached, draw);
        return;
      }
      // The previous card goes now; this one comes with its texts.
      clear();
      texts.load(ids).then(
        (loaded) => {
          if (key === shows && open) drawOrClose(key, loaded, draw);
        },
        (error: unknown) => {
          if (key === shows) open = false;
          console.error('[Fact Context] the card’s texts could not be loaded:', error);
        },
      );
    },
    hide() {
      shows += 1;
      clear();
      open = false;
    },
    get isOpen() {
      return open;
    },
  };
}
