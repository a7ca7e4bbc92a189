import type { BlockRole, TextSegment } from '../matching/types';
import type { StyleProbe } from './extract-visibility';
import { blockRole, countLetters, markupRole, type BlockTextParts, type MarkupRole } from '../checks/extract-roles';
import { isBlockElement, isBlockTag, isSkippedElement } from '../checks/extract-rules';

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

/** One block of readable text as the walk finishes it: what the engine's page session takes (BlockText) and its nodes. */
export interface ExtractedBlock {
  block: number;
  role: BlockRole;
  /** Its segments' texts concatenated (the text the engine matches in). */
  text: string;
  segments: NodeSegment[];
}

/**
 * Walks the readable text under `root` in document order, one block at a time, each with its role
 * (extract-roles.ts) and its text already joined: the content script matches each block as the walk finishes it,
 * with no second pass over a copy of the page's text. A generator, so a large page is walked in time slices.
 *
 * One plain child/sibling walk (every DOM — browsers, the scan's linkedom — runs it the same way; a rejected
 * element's subtree is never entered) that carries the nearest block element and the link/bold state down the
 * tree as it enters and leaves elements, so a text node costs no lookup up its ancestors.
 */
export function* walkBlocks(root: Node, options: ExtractOptions = {}): Generator<ExtractedBlock> {
  const { isHidden } = options;
  const roleOf = new Map<Element | null, MarkupRole>();
  /** Each element's own markup flags (markupRole): blocks of one container share its ancestors. */
  const flagsOf = new Map<Element, number>();
  let number = 0;
  /** The block element of the text being collected; undefined before the first text. */
  let previousBlockElement: Element | null | undefined;
  let pending: NodeSegment[] = [];
  const parts: BlockTextParts = { text: '', linkChars: 0, boldChars: 0 };
  const finish = (): ExtractedBlock => {
    const element = previousBlockElement ?? null;
    let markup = roleOf.get(element);
    if (markup === undefined && !roleOf.has(element)) {
      markup = markupRole(element, flagsOf);
      roleOf.set(element, markup);
    }
    const role = blockRole(markup, parts);
    for (const segment of pending) segment.role = role;
    const done: ExtractedBlock = { block: number, role, text: parts.text, segments: pending };
    pending = [];
    parts.text = '';
    parts.linkChars = 0;
    parts.boldChars = 0;
    return done;
  };
  // The context of the node being visited: its parent's nearest block element and link/bold state, saved on
  // entering an element and restored on leaving it.
  let blockElement = nearestBlock(root);
  let inline = inlineKind(root, blockElement);
  const savedBlocks: (Element | null)[] = [];
  const savedInline: number[] = [];
  let node: Node | null = root.firstChild;
  // Each DOM property is read once per node (every read is a call into the browser, and this loop is cold code).
  while (node) {
    const type = node.nodeType;
    if (type === 3) {
      const text = node as Text;
      const data = text.data;
      const sameBlock = blockElement === previousBlockElement;
      // Whitespace between inline elements separates words; at the start of a block it is only indentation.
      if (data.length > 0 && (sameBlock || !WHITESPACE_ONLY.test(data))) {
        if (!sameBlock && pending.length > 0) {
          yield finish();
          number += 1;
        }
        previousBlockElement = blockElement;
        parts.text += data;
        if (inline !== 0) {
          const visible = countLetters(data);
          if (inline & IN_LINK) parts.linkChars += visible;
          if (inline & IN_BOLD) parts.boldChars += visible;
        }
        pending.push({ text: data, block: number, role: 'prose', node: text });
      }
    } else if (type === 1) {
      const first = node.firstChild;
      const element = node as Element;
      if (first) {
        const tag = element.tagName.toUpperCase();
        if (!isSkippedElement(element, tag) && !isHidden?.(element)) {
          savedBlocks.push(blockElement);
          savedInline.push(inline);
          if (isBlockTag(tag)) {
            blockElement = element;
            inline = 0;
          } else inline |= ownInlineKind(element, tag);
          node = first;
          continue;
        }
      }
    }
    // Next: the sibling, or the sibling of the nearest ancestor that has one (leaving each element on the way).
    let next: Node | null = node.nextSibling;
    while (!next) {
      const parent: Node | null = node.parentNode;
      if (!parent || parent === root) break;
      node = parent;
      blockElement = savedBlocks.pop() ?? null;
      inline = savedInline.pop() ?? 0;
      next = node.nextSibling;
    }
    node = next;
  }
  if (pending.length > 0) yield finish();
}

const IN_LINK = 1;
const IN_BOLD = 2;

/** Whether an element itself makes its text link text or bold text (`tag`: its upper-case tag name). */
function ownInlineKind(element: Element, tag = element.tagName.toUpperCase()): number {
  if (tag === 'A') return element.hasAttribute('href') ? IN_LINK : 0;
  return tag === 'B' || tag === 'STRONG' ? IN_BOLD : 0;
}

/** Whether text directly under `node` sits in a link and/or bold text inside its block (`block`, excluded). */
function inlineKind(node: Node | null, block: Element | null): number {
  let kind = 0;
  for (let current = node; current && current !== block; current = current.parentNode)
    if (current.nodeType === 1) kind |= ownInlineKind(current as Element);
  return kind;
}

/** The closest block-level element at or above `node`. */
function nearestBlock(node: Node | null): Element | null {
  let current = node;
  while (current && !(current.nodeType === 1 && isBlockElement(current as Element))) current = current.parentNode;
  return (current as Element | null) ?? null;
}

/** All readable segments under `root`, one per text node, each with its block's role (walkBlocks, flattened). */
export function extractSegments(root: Node, options: ExtractOptions = {}): NodeSegment[] {
  const segments: NodeSegment[] = [];
  for (const block of walkBlocks(root, options)) for (const segment of block.segments) segments.push(segment);
  return segments;
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
