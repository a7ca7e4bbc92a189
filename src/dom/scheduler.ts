/**
 * Cooperative time slicing: long jobs run in slices well under the 50 ms "long task" limit and give the page the
 * main thread between slices.
 */

/**
 * Work budget of one slice, ms: few, long slices (each yield and the page's tasks between cost time of their own),
 * with 20 ms of headroom below 50 ms for the last item's overrun and a garbage collection inside the slice (a
 * scavenge of 6–26 ms made one 40 ms slice in five a task over 50 ms at 5 MB; 30 ms slices cost no measurable
 * time). A job that must not add to work already done in the current task starts with a yield
 * (`yieldUnlessCancelled`, PageText.scanAll).
 */
const SLICE_BUDGET_MS = 30;

/** Resolves on the next macrotask, after pending input; `scheduler.yield()` where the browser has it. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    // A MessageChannel task is not clamped like a nested setTimeout(0).
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** `yieldToMain()`, then Cancelled if `signal` aborted meanwhile. */
export async function yieldUnlessCancelled(signal: AbortSignal): Promise<void> {
  await yieldToMain();
  if (signal.aborted) throw new Cancelled();
}

/** A deadline for one slice: `expired()` turns true after `budgetMs`. */
function sliceDeadline(budgetMs = SLICE_BUDGET_MS): { expired: () => boolean } {
  const end = performance.now() + budgetMs;
  return { expired: () => performance.now() >= end };
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * Consumes `items` in slices, calling `each` per item; yields to the page between slices.
 * Throws Cancelled once `signal` aborts (checked between slices).
 */
export async function forEachSliced<T>(
  items: Iterable<T>,
  each: (item: T) => void,
  signal: AbortSignal,
): Promise<void> {
  const iterator = items[Symbol.iterator]();
  for (;;) {
    if (signal.aborted) throw new Cancelled();
    const deadline = sliceDeadline();
    let step = 0;
    while (!deadline.expired() || step === 0) {
      const next = iterator.next();
      if (next.done) return;
      each(next.value);
      step += 1;
    }
    await yieldToMain();
  }
}
