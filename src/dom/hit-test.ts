import { isPlacementValid, rangeOf } from './marks';
import type { PlacedMention } from './placement';

/** Slack around a mention's rects, px: the caret is found at glyph edges, the pointer is not that precise. */
const RECT_SLACK = 1;

/** The text position under a viewport point, or null: `caretPositionFromPoint`, else WebKit's `caretRangeFromPoint`. */
export function caretAt(document: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  // The pre-standard API, for engines without caretPositionFromPoint (Chromium before 128): read as a plain optional
  // property, since it may be missing; called with the document as `this` below.
  const legacy = (document as unknown as { caretRangeFromPoint?: (x: number, y: number) => Range | null })
    .caretRangeFromPoint;
  if (typeof legacy === 'function') {
    const range = legacy.call(document, x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

export function rectsContain(rects: Iterable<DOMRectReadOnly>, x: number, y: number, slack = RECT_SLACK): boolean {
  for (const rect of rects) {
    if (rect.width === 0 && rect.height === 0) continue;
    if (x >= rect.left - slack && x <= rect.right + slack && y >= rect.top - slack && y <= rect.bottom + slack)
      return true;
  }
  return false;
}

/** Which mentions touch each text node: the hit-test looks up the caret's node here. */
export class MentionIndex {
  private byNode = new WeakMap<Text, PlacedMention[]>();
  /** Mentions held: with none (most pages), the hit-test returns before asking the browser for a caret position. */
  private count = 0;

  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** Idempotent: adding a held mention again changes nothing (the dismissals re-filter every mark). */
  add(placed: PlacedMention): void {
    const first = placed.nodes[0];
    if (first && this.byNode.get(first)?.includes(placed)) return;
    this.count += 1;
    for (const node of placed.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(placed);
      else this.byNode.set(node, [placed]);
    }
  }

  remove(placed: PlacedMention): void {
    let held = false;
    for (const node of placed.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      held ||= list.includes(placed);
      const kept = list.filter((other) => other !== placed);
      if (kept.length > 0) this.byNode.set(node, kept);
      else this.byNode.delete(node);
    }
    if (held) this.count -= 1;
  }

  clear(): void {
    this.byNode = new WeakMap();
    this.count = 0;
  }

  at(node: Node): readonly PlacedMention[] {
    return node.nodeType === 3 ? (this.byNode.get(node as Text) ?? []) : [];
  }
}

/**
 * The mention under a viewport point. The caret position only says which text is nearest (it answers even in the
 * empty space after a line's end), so the answer is confirmed against the mention's own client rects.
 */
export function mentionAtPoint(document: Document, index: MentionIndex, x: number, y: number): PlacedMention | null {
  if (index.isEmpty) return null; // a page without marks costs no hit-test per pointer move
  const caret = caretAt(document, x, y);
  if (!caret) return null;
  for (const node of candidateNodes(document, caret.node, caret.offset)) {
    for (const placed of index.at(node)) {
      if (!isPlacementValid(placed)) continue;
      if (rectsContain(rangeOf(placed).getClientRects(), x, y)) return placed;
    }
  }
  return null;
}

/**
 * The caret's node, plus its neighbour text node when the caret sits on a node edge: over the right half of a
 * mention's last letter the caret may already be at offset 0 of the following text node.
 */
function candidateNodes(document: Document, node: Node, offset: number): Node[] {
  if (node.nodeType !== 3) return [node];
  const nodes: Node[] = [node];
  const walker = document.createTreeWalker(
    // querySelector, not document.body: lib.dom types body as always there; it is null in XHTML or SVG documents.
    document.querySelector('body') ?? document.documentElement,
    0x4 /* SHOW_TEXT */,
  );
  if (offset === 0) {
    walker.currentNode = node;
    const previous = walker.previousNode();
    if (previous) nodes.push(previous);
  }
  if (offset === (node as Text).length) {
    walker.currentNode = node;
    const next = walker.nextNode();
    if (next) nodes.push(next);
  }
  return nodes;
}
