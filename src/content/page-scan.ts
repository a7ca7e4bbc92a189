import type { Engine } from '../matching/engine';
import { CARD_HOST_TAG } from '../ui/card/bundle';
import { OWN_UI_ATTRIBUTE } from '../checks/extract-rules';
import { MentionIndex } from '../dom/hit-test';
import { MarkLayer } from '../dom/marks';
import { watchMutations } from '../dom/mutations';
import { PageText } from '../dom/page-text';
import type { PlacedMention } from '../dom/placement';

export interface PageScanEvents {
  /** Marks came or went (after the first scan, after each rescan of changed text). */
  changed?: (count: number) => void;
  /** The first scan is done and the highlight is registered (even when empty). */
  scanned?: (count: number) => void;
}

/** One page's scan: what the content script and the benchmark both run (`startPageScan`). */
export interface PageScan {
  readonly marks: MarkLayer;
  readonly index: MentionIndex;
  /** Resolves once the first scan is done and registered; rejects with Cancelled when the signal aborts first. */
  readonly firstScan: Promise<void>;
  /** Every placed mention, in no particular order (empty until the first scan has placed some). */
  placed(): Iterable<PlacedMention>;
}

/**
 * The scan pipeline: extraction and the engine over `root` (in slices), the marks into `CSS.highlights` once the
 * first scan is done (`CSS.highlights.has('fact-context-mention')` then means "scanned"), then rescans of the text
 * that changes (batched, mutations.ts). The page's highlight stylesheet must already be in place: registering the
 * marks then restyles nothing. Everything stops when `signal` aborts; the caller removes the marks (`marks.detach()`).
 */
export function startPageScan(
  root: HTMLElement,
  engine: Engine,
  events: PageScanEvents,
  signal: AbortSignal,
  options: { watch?: boolean } = {},
): PageScan {
  const marks = new MarkLayer();
  const index = new MentionIndex();
  const text = new PageText(
    root,
    engine.createSession(),
    {}, // visibility: markup rules, then checkVisibility() for the elements that hold a mention
    {
      added: (placed) => {
        for (const one of placed) {
          marks.add(one);
          index.add(one);
        }
      },
      removed: (placed) => {
        for (const one of placed) {
          marks.remove(one);
          index.remove(one);
        }
      },
    },
    signal,
  );
  const firstScan = text.scanAll().then(() => {
    signal.throwIfAborted();
    marks.attach();
    events.scanned?.(marks.size);
  });
  // Watch from the start: text that changes while the first scan runs is read again after it.
  if (options.watch !== false)
    watchMutations(root, {
      signal,
      isOwn: isOwnNode,
      onBatch: async (batch) => {
        await firstScan;
        const before = marks.size;
        await text.rescan(batch.changed, batch.removals, batch.styled);
        marks.attach();
        if (marks.size !== before || batch.removals) events.changed?.(marks.size);
      },
    });
  return { marks, index, firstScan, placed: () => text.marks() };
}

/**
 * Our card host, our stylesheet, or a node directly in them. Called for every mutation record, so it looks at one
 * element only, never up the tree: the watched root is the page's <body>, and our nodes live outside it (the card
 * host beside <body>, the stylesheet in <head>; the card's own tree is in a shadow root no observer of the page
 * sees). Only a page that moves them into <body> sends their records here.
 */
function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return element !== null && (element.localName === CARD_HOST_TAG || element.hasAttribute(OWN_UI_ATTRIBUTE));
}
