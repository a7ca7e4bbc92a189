import type { TextSegment } from '../matching/types';
import type { StyleProbe } from './extract-visibility';
import { blockRole, markupRole, type BlockTextParts, type MarkupRole } from '../checks/extract-roles';
import { isBlockElement, isSkippedElement } from '../checks/extract-rules';

/** A segment that remembers the DOM text node it came from, so offsets can be mapped back to ranges. */
export interface NodeSegment extends TextSegment {
  node: Text;
}

export interface ExtractOptions {
  /**
   * Extra check for elements hidden by CSS, per element while walking (computedStyleHidden). Costly, and not what
   * the content script or scan do any more: they read markup rules only and check the few elements that hold a
   * mention (`styleProbe`, extract-visibility.ts).
   */
  isHidden?: (element: Element) => boolean;
  /** The late visibility check for mentions (PageText); default: the browser's (browserStyleProbe). */
  styleProbe?: StyleProbe;
}

const WHITESPACE_ONLY = /^\s*$/;

/**
 * Walks the readable text under `root` in document order, one segment per text node, each with its block's role
 * (extract-roles.ts). A generator, so the content script can extract a large page in time slices; a block's
 * segments come out together once the block ends (its role depends on all of its text).
 */
export function* walkSegments(root: Node, options: ExtractOptions = {}): Generator<NodeSegment> {
  const { isHidden } = options;
  const blockOf = new Map<Node, Element | null>();
  const inlineOf = new Map<Node, number>();
  const roleOf = new Map<Element | null, MarkupRole>();
  let block = 0;
  let previousBlockElement: Element | null | undefined;
  let pending: NodeSegment[] = [];
  const parts: BlockTextParts = { text: '', linkChars: 0, boldChars: 0 };
  const finish = (): NodeSegment[] => {
    const done = pending;
    if (done.length === 0) return done;
    let markup = roleOf.get(previousBlockElement ?? null);
    if (markup === undefined && !roleOf.has(previousBlockElement ?? null)) {
      markup = markupRole(previousBlockElement ?? null);
      roleOf.set(previousBlockElement ?? null, markup);
    }
    const role = blockRole(markup, parts);
    for (const segment of done) segment.role = role;
    pending = [];
    parts.text = '';
    parts.linkChars = 0;
    parts.boldChars = 0;
    return done;
  };
  for (const text of readableTextNodes(root, isHidden)) {
    const data = text.data;
    if (data.length === 0) continue;
    const blockElement = nearestBlock(text.parentNode, blockOf);
    const sameBlock = blockElement === previousBlockElement;
    // Whitespace between inline elements separates words; at the start of a block it is only indentation.
    if (!sameBlock && WHITESPACE_ONLY.test(data)) continue;
    if (!sameBlock && previousBlockElement !== undefined) {
      yield* finish();
      block += 1;
    }
    previousBlockElement = blockElement;
    const inline = inlineKind(text.parentNode, blockElement, inlineOf);
    const visible = data.replace(/\s+/g, '').length;
    parts.text += data;
    if (inline & IN_LINK) parts.linkChars += visible;
    if (inline & IN_BOLD) parts.boldChars += visible;
    pending.push({ text: data, block, role: 'prose', node: text });
  }
  yield* finish();
}

/**
 * The text nodes under `root` outside skipped subtrees, in document order. A plain child/sibling walk rather than
 * a TreeWalker with a filter: every DOM (browsers, the scan's linkedom) runs it the same way, and a rejected
 * element's subtree is never entered.
 */
function* readableTextNodes(root: Node, isHidden: ((element: Element) => boolean) | undefined): Generator<Text> {
  let node: Node | null = root.firstChild;
  while (node) {
    let enter = false;
    if (node.nodeType === 3) yield node as Text;
    else if (node.nodeType === 1) enter = !isSkippedElement(node as Element) && !isHidden?.(node as Element);
    if (enter && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) return;
    node = node.nextSibling;
  }
}

const IN_LINK = 1;
const IN_BOLD = 2;

/** Whether text under `parent` sits in a link and/or bold text inside its block (cached per parent). */
function inlineKind(parent: Node | null, block: Element | null, cache: Map<Node, number>): number {
  if (!parent || parent === block) return 0;
  const cached = cache.get(parent);
  if (cached !== undefined) return cached;
  let kind = 0;
  if (parent.nodeType === 1) {
    const tag = (parent as Element).tagName.toUpperCase();
    if (tag === 'A' && (parent as Element).hasAttribute('href')) kind |= IN_LINK;
    else if (tag === 'B' || tag === 'STRONG') kind |= IN_BOLD;
  }
  kind |= inlineKind(parent.parentNode, block, cache);
  cache.set(parent, kind);
  return kind;
}

/** All readable segments under `root`. */
export function extractSegments(root: Node, options: ExtractOptions = {}): NodeSegment[] {
  return Array.from(walkSegments(root, options));
}

/** The closest block-level ancestor (cached per parent: siblings share it). */
function nearestBlock(parent: Node | null, cache: Map<Node, Element | null>): Element | null {
  if (!parent) return null;
  const cached = cache.get(parent);
  if (cached !== undefined) return cached;
  let current: Node | null = parent;
  while (current && !(current.nodeType === 1 && isBlockElement(current as Element))) current = current.parentNode;
  const found = (current as Element | null) ?? null;
  cache.set(parent, found);
  return found;
}

/** The part of a window that the CSS-hidden check needs (a browser window or happy-dom's). */
export interface StyleView {
  getComputedStyle(element: never): { display: string; visibility: string };
}

/**
 * The CSS-hidden check both environments pass as `isHidden`: the browser's own computed style in the content
 * script, happy-dom's in `npm run scan`.
 */
export function computedStyleHidden(view: StyleView): (element: Element) => boolean {
  return (element) => {
    // `never`: happy-dom's Element type is not the DOM lib's; both windows accept the element they created.
    const style = view.getComputedStyle(element as never);
    return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
  };
}
