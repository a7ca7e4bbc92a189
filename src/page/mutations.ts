/** Quiet time after the last DOM change before a batch is scanned, ms (a live ticker is scanned a few times a second at most). */
const MUTATION_BATCH_DELAY_MS = 200;

export interface MutationBatch {
  /** Text nodes that changed, elements that were added, and elements that lost or gained loose text. */
  changed: Set<Node>;
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

/**
 * Watches `root` for text changes and added/removed nodes and hands them over in batches, never one scan per
 * change. Attribute changes are not observed: they do not change text (hidden-ness changes are caught on the next
 * text change of the block).
 */
export function watchMutations(root: Node, options: MutationWatchOptions): void {
  let pending: MutationBatch = { changed: new Set(), removals: false };
  let timer: number | undefined;
  let running = false;

  const flush = async () => {
    timer = undefined;
    if (options.signal.aborted || pending.changed.size === 0) return;
    const batch = pending;
    pending = { changed: new Set(), removals: false };
    running = true;
    try {
      await options.onBatch(batch);
    } finally {
      running = false;
      if (pending.changed.size > 0) schedule();
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
    for (const record of records) {
      const target = record.target;
      if (options.isOwn(target)) continue;
      if (record.type === 'characterData') {
        pending.changed.add(target);
        continue;
      }
      // Added elements are read on their own (their text is all new); only loose text or inline elements added
      // to a block, or anything removed from one, make the surrounding block be read again.
      let rereadTarget = false;
      for (const node of record.addedNodes) {
        if (options.isOwn(node)) continue;
        if (node.nodeType === 1) pending.changed.add(node);
        else if (node.nodeType === 3) rereadTarget = true;
      }
      for (const node of record.removedNodes) {
        if (options.isOwn(node)) continue;
        pending.removals = true;
        rereadTarget = true;
      }
      if (rereadTarget) pending.changed.add(target);
    }
    schedule();
  });
  observer.observe(root, { childList: true, characterData: true, subtree: true });
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    if (timer !== undefined) window.clearTimeout(timer);
  });
}
