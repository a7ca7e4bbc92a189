import { isHiddenInlineStyle } from '../checks/extract-rules';

/** Quiet time after the last DOM change before a batch is scanned, ms (a live ticker is scanned a few times a second at most). */
const MUTATION_BATCH_DELAY_MS = 200;

export interface MutationBatch {
  /**
   * Text nodes that changed, elements that were added, elements that lost or gained loose text, and elements that
   * the markup rules stopped hiding (`hidden` or `aria-hidden` removed, an inline `display: none` dropped, a
   * `<details>` opened): their text is new to the reader.
   */
  changed: Set<Node>;
  /** Elements whose class or inline style changed: CSS may now show text that was hidden (PageText.rescan). */
  styled: Set<Element>;
  /** Whether any node was removed (tracked blocks may have left the page). */
  removals: boolean;
}

export interface MutationWatchOptions {
  signal: AbortSignal;
  /** Our own nodes (card host, style): changes to them or inside them are never scanned. */
  isOwn: (node: Node) => boolean;
  /** Handles one batch; the next batch waits until it is done (no overlapping scans). */
  onBatch: (batch: MutationBatch) => Promise<void>;
}

/** The attributes that can show or hide text. */
const VISIBILITY_ATTRIBUTES = ['class', 'style', 'hidden', 'open', 'aria-hidden'];

/** What the watch observes under its root (`npm run bench` times an empty observer with the same options). */
export const WATCH_OPTIONS: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  attributes: true,
  attributeFilter: VISIBILITY_ATTRIBUTES,
  attributeOldValue: true,
};

/**
 * Watches `root` for text changes, added/removed nodes and the attribute changes that can show hidden text, and
 * hands them over in batches, never one scan per change. The document element's class and style are watched too
 * (pages that hide themselves while loading set them there).
 */
export function watchMutations(root: Node, options: MutationWatchOptions): void {
  // The observer's callback runs after every change the page makes (once per microtask checkpoint): it only keeps
  // the records. They are sorted into a batch when the batch is due, off the page's own change path.
  let queued: MutationRecord[][] = [];
  let timer: number | undefined;
  let running = false;

  const flush = async () => {
    timer = undefined;
    if (options.signal.aborted) return;
    const batch = sortRecords(queued, options.isOwn);
    queued = [];
    if (isEmpty(batch)) return;
    running = true;
    try {
      await options.onBatch(batch);
    } finally {
      running = false;
      if (queued.length > 0) schedule();
    }
  };

  function schedule(): void {
    if (timer !== undefined || running || options.signal.aborted) return;
    timer = window.setTimeout(() => {
      flush().catch((error: unknown) => {
        if (!options.signal.aborted) console.error('[Fact Context] rescanning changed text failed:', error);
      });
    }, MUTATION_BATCH_DELAY_MS);
  }

  const observer = new MutationObserver((records) => {
    queued.push(records);
    if (timer === undefined && !running) schedule();
  });
  observer.observe(root, WATCH_OPTIONS);
  const top = root.ownerDocument?.documentElement;
  if (top && top !== root) {
    observer.observe(top, { attributes: true, attributeFilter: ['class', 'style'], attributeOldValue: true });
  }
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    queued = [];
    if (timer !== undefined) window.clearTimeout(timer);
  });
}

/** The batch that the queued records make: what changed, what was restyled, whether anything was removed. */
function sortRecords(queued: readonly MutationRecord[][], isOwn: (node: Node) => boolean): MutationBatch {
  const batch: MutationBatch = { changed: new Set(), styled: new Set(), removals: false };
  for (const records of queued)
    for (const record of records) {
      const target = record.target;
      if (isOwn(target)) continue;
      if (record.type === 'characterData') {
        batch.changed.add(target);
        continue;
      }
      if (record.type === 'attributes') {
        noteAttributeChange(record, batch);
        continue;
      }
      // Added elements are read on their own (their text is all new); only loose text or inline elements added
      // to a block, or anything removed from one, make the surrounding block be read again.
      let rereadTarget = false;
      for (const node of record.addedNodes) {
        if (isOwn(node)) continue;
        if (node.nodeType === 1) batch.changed.add(node);
        else if (node.nodeType === 3) rereadTarget = true;
      }
      for (const node of record.removedNodes) {
        if (isOwn(node)) continue;
        batch.removals = true;
        rereadTarget = true;
      }
      if (rereadTarget) batch.changed.add(target);
    }
  return batch;
}

function isEmpty(batch: MutationBatch): boolean {
  return batch.changed.size === 0 && batch.styled.size === 0;
}

/** Sorts one attribute change: a markup-rule reveal is new text; a class or style change may be a CSS reveal. */
function noteAttributeChange(record: MutationRecord, pending: MutationBatch): void {
  const element = record.target as Element;
  const old = record.oldValue;
  switch (record.attributeName) {
    case 'hidden':
      if (old !== null && !element.hasAttribute('hidden')) pending.changed.add(element);
      return;
    case 'aria-hidden':
      if (old === 'true' && element.getAttribute('aria-hidden') !== 'true') pending.changed.add(element);
      return;
    case 'open':
      if (element.hasAttribute('open')) pending.changed.add(element);
      return;
    case 'style':
      if (isHiddenInlineStyle(old) && !isHiddenInlineStyle(element.getAttribute('style'))) pending.changed.add(element);
      pending.styled.add(element);
      return;
    default:
      pending.styled.add(element);
  }
}
