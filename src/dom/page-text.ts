import type { PageSession } from '../matching/session';
import type { BlockMention, TextSegment } from '../matching/types';
import { walkSegments, type ExtractOptions, type NodeSegment } from './extract';
import { isBlockElement, isSkippedElement } from '../checks/extract-rules';
import { browserStyleProbe, isMentionShown, type StyleProbe } from './extract-visibility';
import { placeMentions, type PlacedMention } from './placement';
import { forEachSliced } from './scheduler';

/** Text of about this many characters goes to the engine per call, so one call stays well inside a slice. */
const UPDATE_CHUNK_CHARS = 32_000;

interface TrackedBlock {
  segments: NodeSegment[];
  marks: PlacedMention[];
}

export interface PageTextEvents {
  added: (placed: PlacedMention[]) => void;
  removed: (placed: PlacedMention[]) => void;
}

/**
 * The page's readable text as the engine sees it: blocks of text nodes (numbered like src/dom/extract.ts numbers
 * them, so the first scan equals `npm run scan` on the same HTML), the engine's page session, and the mentions
 * placed in the DOM. Work is done in time slices; the caller's signal cancels it.
 */
export class PageText {
  private readonly blocks = new Map<number, TrackedBlock>();
  private readonly blockOfNode = new WeakMap<Text, number>();
  private nextBlock = 0;
  private readonly probe: StyleProbe;
  /** Elements judged hidden or shown for the current styles (cleared when styles may have changed). */
  private shown = new Map<Element, boolean>();
  /** Blocks with a mention that was hidden by CSS, by number: their container, re-read when styles change above it. */
  private readonly hiddenBlocks = new Map<number, Element>();

  constructor(
    private readonly root: HTMLElement,
    private readonly session: PageSession,
    private readonly extractOptions: ExtractOptions,
    private readonly events: PageTextEvents,
    private readonly signal: AbortSignal,
  ) {
    this.probe = extractOptions.styleProbe ?? browserStyleProbe(root.ownerDocument.defaultView ?? window);
  }

  /** Every mention currently placed, in no particular order. */
  *marks(): Iterable<PlacedMention> {
    for (const block of this.blocks.values()) yield* block.marks;
  }

  /** The first scan: the whole root, in slices. */
  async scanAll(): Promise<void> {
    const segments: NodeSegment[] = [];
    await forEachSliced(walkSegments(this.root, this.extractOptions), (segment) => segments.push(segment), this.signal);
    await this.feed(segments);
  }

  /**
   * Rescans the parts of the page under `roots` (elements or text nodes whose text changed or that were added),
   * and forgets blocks whose nodes left the page. Roots inside skipped subtrees (editors, code, our UI...) are
   * ignored, so typing in a form never costs a scan. `styled`: elements whose class or style changed — the blocks
   * below them whose mentions were hidden are read again (a page that shows what it hid gets its marks).
   */
  async rescan(roots: Iterable<Node>, removals: boolean, styled: Iterable<Element> = []): Promise<void> {
    const all = [...roots];
    const restyled = [...styled];
    if (restyled.length > 0) {
      this.shown = new Map();
      for (const [number, container] of this.hiddenBlocks) {
        if (!container.isConnected) this.hiddenBlocks.delete(number);
        else if (restyled.some((element) => element.contains(container))) all.push(container);
      }
    }
    const containers = outermost(all.map(blockContainer).filter((node): node is Element => node !== null));
    const fresh: NodeSegment[] = [];
    for (const container of containers) {
      if (!container.isConnected || this.isInSkippedSubtree(container)) continue;
      const reused = await this.dropBlocksUnder(container);
      const segments: NodeSegment[] = [];
      await forEachSliced(
        walkSegments(container, this.extractOptions),
        (segment) => segments.push(segment),
        this.signal,
      );
      // Renumber: the changed blocks keep their old numbers in order; extra ones are numbered after the last block
      // (an approximation for text inserted mid-page: the clutter window may count it as far from its neighbours).
      const numbers = new Map<number, number>();
      for (const segment of segments) {
        let number = numbers.get(segment.block);
        if (number === undefined) {
          number = reused.shift() ?? this.nextBlock++;
          numbers.set(segment.block, number);
        }
        fresh.push({ ...segment, block: number });
      }
      for (const leftover of reused) this.session.remove(leftover);
    }
    if (removals) await this.dropDisconnectedBlocks();
    await this.feed(fresh);
  }

  private async feed(segments: NodeSegment[]): Promise<void> {
    // Group by block (segments of a block are contiguous in document order).
    for (const segment of segments) {
      let block = this.blocks.get(segment.block);
      if (!block) {
        block = { segments: [], marks: [] };
        this.blocks.set(segment.block, block);
        this.nextBlock = Math.max(this.nextBlock, segment.block + 1);
      }
      block.segments.push(segment);
      this.blockOfNode.set(segment.node, segment.block);
    }
    // Chunks of about UPDATE_CHUNK_CHARS, cut only between blocks: a later update of the same block number would
    // replace the part sent before.
    const chunks: TextSegment[][] = [];
    let chunk: TextSegment[] = [];
    let size = 0;
    segments.forEach((segment, at) => {
      chunk.push({ text: segment.text, block: segment.block, role: segment.role });
      size += segment.text.length;
      const next = segments[at + 1];
      if (next && size >= UPDATE_CHUNK_CHARS && next.block !== segment.block) {
        chunks.push(chunk);
        chunk = [];
        size = 0;
      }
    });
    if (chunk.length > 0) chunks.push(chunk);
    await forEachSliced(chunks, (part) => this.place(this.session.update(part)), this.signal);
  }

  private place(found: BlockMention[]): void {
    const placed: PlacedMention[] = [];
    for (const mention of found) {
      const block = this.blocks.get(mention.block);
      if (!block) continue;
      const [one] = placeMentions(block.segments, [mention]);
      if (!one) continue;
      // Visibility is checked here, for the few elements that hold a mention, not for every element walked.
      if (!isMentionShown(one.nodes, this.probe, this.shown)) {
        const container = blockContainer(one.start.node);
        if (container) this.hiddenBlocks.set(mention.block, container);
        continue;
      }
      block.marks.push(one);
      placed.push(one);
    }
    if (placed.length > 0) this.events.added(placed);
  }

  /** Forgets the blocks that have text nodes under `container`; returns their numbers in ascending order. */
  private async dropBlocksUnder(container: Element): Promise<number[]> {
    const numbers = new Set<number>();
    await forEachSliced(
      textNodesUnder(container),
      (node) => {
        const number = this.blockOfNode.get(node);
        if (number !== undefined && this.blocks.has(number)) numbers.add(number);
      },
      this.signal,
    );
    const sorted = [...numbers].sort((a, b) => a - b);
    for (const number of sorted) this.dropBlock(number, false);
    return sorted;
  }

  private async dropDisconnectedBlocks(): Promise<void> {
    const gone: number[] = [];
    await forEachSliced(
      this.blocks,
      ([number, block]) => {
        if (block.segments.some((segment) => !segment.node.isConnected)) gone.push(number);
      },
      this.signal,
    );
    for (const number of gone) this.dropBlock(number, true);
  }

  private dropBlock(number: number, fromSession: boolean): void {
    const block = this.blocks.get(number);
    if (!block) return;
    this.blocks.delete(number);
    this.hiddenBlocks.delete(number);
    if (fromSession) this.session.remove(number);
    if (block.marks.length > 0) this.events.removed(block.marks);
  }

  private isInSkippedSubtree(element: Element): boolean {
    for (let current: Element | null = element; current && current !== this.root; current = current.parentElement) {
      if (isSkippedElement(current) || this.extractOptions.isHidden?.(current)) return true;
    }
    return !this.root.contains(element);
  }
}

/**
 * The element to re-read for a changed node: an added element itself when it is a block (all its text is new),
 * otherwise the nearest block around it, so that a block is always read whole (a change inside an <em> re-reads
 * the paragraph and keeps the paragraph's block number).
 */
function blockContainer(node: Node): Element | null {
  if (node.nodeType === 1 && isBlockElement(node as Element)) return node as Element;
  let current: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (current && !isBlockElement(current)) current = current.parentElement;
  return current;
}

function* textNodesUnder(container: Element): Generator<Text> {
  const walker = container.ownerDocument.createTreeWalker(container, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
}

/** Drops elements that lie inside another element of the list (ancestor walk: no pairwise comparison). */
function outermost(elements: Element[]): Element[] {
  const all = new Set(elements);
  return [...all].filter((element) => {
    for (let parent = element.parentElement; parent; parent = parent.parentElement) if (all.has(parent)) return false;
    return true;
  });
}
