/**
 * Indexing that says what went wrong: `items[i]` is `T | undefined` under noUncheckedIndexedAccess, and a `!` would
 * turn a missing item into a confusing crash further on. For lists the caller knows are long enough.
 */
export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item at index ${index} of a list of ${items.length}`);
  return item;
}

/** The median of a list of numbers; NaN for an empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? itemAt(sorted, mid) : (itemAt(sorted, mid - 1) + itemAt(sorted, mid)) / 2;
}
