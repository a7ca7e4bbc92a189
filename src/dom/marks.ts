import { HIGHLIGHT_NAME } from './highlight-style';
import type { PlacedMention } from './placement';

/**
 * Live Ranges the browser keeps updated on every DOM change; beyond this many we register StaticRanges, which cost
 * nothing on DOM changes (our MutationObserver re-places mentions of changed text anyway). News pages stay far
 * below the cap (the engine marks a finding once per section), so every Range there is a normal live Range that
 * other tools can read with `toString()`. `npm run bench` measures a DOM change on a 5 MB page with the cap reached.
 */
export const MAX_LIVE_RANGES = 200;

/** Whether a mention's nodes are still where the scan saw them (the page may have edited them since). */
export function isPlacementValid(placed: PlacedMention): boolean {
  return (
    placed.start.node.isConnected &&
    placed.end.node.isConnected &&
    placed.start.offset <= placed.start.node.length &&
    placed.end.offset <= placed.end.node.length
  );
}

/** A fresh, short-lived Range over a placed mention (for rects, scrolling, text). */
export function rangeOf(placed: PlacedMention): Range {
  const range = placed.start.node.ownerDocument.createRange();
  range.setStart(placed.start.node, placed.start.offset);
  range.setEnd(placed.end.node, placed.end.offset);
  return range;
}

/** Owns our entry in `CSS.highlights`: the marks on the page. */
export class MarkLayer {
  private readonly highlight: Highlight;
  private readonly ranges = new Map<PlacedMention, AbstractRange>();
  /** The entries that are live Ranges (tracked here: `instanceof` is unreliable across Firefox's Xray wrappers). */
  private readonly live = new Set<PlacedMention>();

  constructor() {
    this.highlight = new Highlight();
    // Below the page's own highlights, if it has any: we are the quieter layer.
    this.highlight.priority = -1;
  }

  /** Registers the highlight (idempotent); the page may have deleted it. */
  attach(): void {
    if (CSS.highlights.get(HIGHLIGHT_NAME) !== this.highlight) CSS.highlights.set(HIGHLIGHT_NAME, this.highlight);
  }

  detach(): void {
    if (CSS.highlights.get(HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(HIGHLIGHT_NAME);
    this.clear();
  }

  add(placed: PlacedMention): void {
    if (this.ranges.has(placed)) return;
    let range: AbstractRange;
    if (this.live.size < MAX_LIVE_RANGES) {
      range = rangeOf(placed);
      this.live.add(placed);
    } else {
      range = new StaticRange({
        startContainer: placed.start.node,
        startOffset: placed.start.offset,
        endContainer: placed.end.node,
        endOffset: placed.end.offset,
      });
    }
    this.ranges.set(placed, range);
    this.highlight.add(range);
  }

  remove(placed: PlacedMention): void {
    const range = this.ranges.get(placed);
    if (!range) return;
    this.highlight.delete(range);
    this.ranges.delete(placed);
    if (this.live.delete(placed)) {
      // Collapse it so that the browser has nothing left to update for it until it is collected.
      (range as Range).collapse(true);
    }
  }

  clear(): void {
    for (const placed of [...this.ranges.keys()]) this.remove(placed);
    this.highlight.clear();
  }

  get size(): number {
    return this.ranges.size;
  }
}
