import type { PageSession } from '../matching/session';
import type { BlockMention } from '../matching/types';
import { walkBlocks, type ExtractedBlock, type ExtractOptions, type NodeSegment } from './extract';
import { isBlockElement, isSkippedElement } from '../checks/extract-rules';
import { browserStyleProbe, isMentionShown, type StyleProbe } from './extract-visibility';
import { placeMentions, type PlacedMention } from './placement';
import { forEachSliced, yieldUnlessCancelled } from './scheduler';

/**
 * Blocks of about this many characters go to the engine per call: one call stays well inside a slice, and a
 * headline is decided after the body that follows it in the same call (the headline rule, matching/session.ts).
 */
const UPDATE_CHUNK_CHARS = 32_000;

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
  /**
   * Each tracked block's segments, by number. Its marks are in `marksOf`, only for blocks that have some: what a
   * block keeps alive is what the slices' garbage collections copy (77k blocks at 5 MB, few with marks).
   */
  private readonly blocks = new Map<number, NodeSegment[]>();
  private readonly marksOf = new Map<number, PlacedMention[]>();
  /** Each tracked block's first text node → its number (rescan finds a container's blocks from their first nodes). */
  private readonly blockOfFirstNode = new Map<Text, number>();
  /** Blocks walked but not yet sent to the engine (flushed at UPDATE_CHUNK_CHARS and at the end of a walk). */
  private chunk: ExtractedBlock[] = [];
  private chunkChars = 0;
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
    for (const marks of this.marksOf.values()) yield* marks;
  }

  /** The first scan: the whole root, walked and matched block by block as the walk goes, in slices. */
  async scanAll(): Promise<void> {
    // A fresh task: the slice budget is not added to whatever ran before in this one (loading the engine).
    await yieldUnlessCancelled(this.signal);
    await forEachSliced(walkBlocks(this.root, this.extractOptions), (block) => this.take(block), this.signal);
    // The last chunk, and the registration that follows the first scan, in a task of their own: after a full slice
    // they made the page's longest task (npm run bench at 5 MB: 49–56 ms).
    await yieldUnlessCancelled(this.signal);
    this.flush();
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
    const containers = outermost(all.map(blockContainer).filter((node): node is Element => node !== null)).filter(
      (container) => container.isConnected && !this.isInSkippedSubtree(container),
    );
    // The changed blocks first (their numbers are reused), then the ones that left the page, then the new text.
    const reused: number[][] = [];
    for (const container of containers) reused.push(await this.dropBlocksUnder(container));
    if (removals) await this.dropDisconnectedBlocks();
    for (const [at, container] of containers.entries()) {
      const numbers = reused[at] ?? [];
      // Renumber: the changed blocks keep their old numbers in order; extra ones are numbered after the last block
      // (an approximation for text inserted mid-page: the clutter window may count it as far from its neighbours).
      await forEachSliced(
        walkBlocks(container, this.extractOptions),
        (block) => {
          const number = numbers.shift() ?? this.nextBlock++;
          block.block = number;
          for (const segment of block.segments) segment.block = number;
          this.take(block);
        },
        this.signal,
      );
      for (const leftover of numbers) this.session.remove(leftover);
    }
    this.flush();
  }

  /** Tracks one walked block and queues it for the engine; sends the queue once it is long enough. */
  private take(walked: ExtractedBlock): void {
    const first = walked.segments[0];
    if (!first) return;
    this.blocks.set(walked.block, walked.segments);
    this.marksOf.delete(walked.block);
    this.blockOfFirstNode.set(first.node, walked.block);
    this.nextBlock = Math.max(this.nextBlock, walked.block + 1);
    this.chunk.push(walked);
    this.chunkChars += walked.text.length;
    if (this.chunkChars >= UPDATE_CHUNK_CHARS) this.flush();
  }

  /** Sends the queued blocks to the engine (their texts as walked: no copy) and places what it finds. */
  private flush(): void {
    if (this.chunk.length === 0) return;
    const blocks = this.chunk;
    this.chunk = [];
    this.chunkChars = 0;
    this.place(this.session.updateBlocks(blocks));
  }

  /** Places the engine's mentions (in block order) in the DOM, block by block, and keeps the shown ones. */
  private place(found: BlockMention[]): void {
    const placed: PlacedMention[] = [];
    for (let at = 0; at < found.length;) {
      const number = (found[at] as BlockMention).block;
      let end = at + 1;
      while (end < found.length && (found[end] as BlockMention).block === number) end++;
      const segments = this.blocks.get(number);
      if (segments) {
        for (const one of placeMentions(segments, found.slice(at, end))) {
          // Visibility is checked here, for the few elements that hold a mention, not for every element walked.
          if (!isMentionShown(one.nodes, this.probe, this.shown)) {
            const container = blockContainer(one.start.node);
            if (container) this.hiddenBlocks.set(number, container);
            continue;
          }
          const marks = this.marksOf.get(number);
          if (marks) marks.push(one);
          else this.marksOf.set(number, [one]);
          placed.push(one);
        }
      }
      at = end;
    }
    if (placed.length > 0) this.events.added(placed);
  }

  /** Forgets the blocks that have text nodes under `container`; returns their numbers in ascending order. */
  private async dropBlocksUnder(container: Element): Promise<number[]> {
    const numbers = new Set<number>();
    await forEachSliced(
      textNodesUnder(container),
      (node) => {
        const number = this.blockOfFirstNode.get(node);
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
      ([number, segments]) => {
        if (segments.some((segment) => !segment.node.isConnected)) gone.push(number);
      },
      this.signal,
    );
    for (const number of gone) this.dropBlock(number, true);
  }

  private dropBlock(number: number, fromSession: boolean): void {
    const segments = this.blocks.get(number);
    if (!segments) return;
    this.blocks.delete(number);
    const marks = this.marksOf.get(number);
    this.marksOf.delete(number);
    const first = segments[0]?.node;
    if (first && this.blockOfFirstNode.get(first) === number) this.blockOfFirstNode.delete(first);
    this.hiddenBlocks.delete(number);
    if (fromSession) this.session.remove(number);
    if (marks) this.events.removed(marks);
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
