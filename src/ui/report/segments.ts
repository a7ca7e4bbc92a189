/** A span of the text to decorate: a finding's quote, or a place the search query occurs. */
export interface Layer {
  start: number;
  end: number;
  kind: 'quote' | 'hit';
  findingId?: string;
}

export interface Segment {
  start: number;
  end: number;
  /** Findings whose quotes cover this segment. */
  findingIds: string[];
  hit: boolean;
  /** Findings whose first quote starts here: their #<id> anchors go just before this segment. */
  anchors: string[];
}

/**
 * Cuts the text at every layer boundary, so overlapping quotes and search hits each keep their marks. Layers outside
 * the text (a quote the compiler could not find has start -1) are ignored.
 */
export function segmentText(
  length: number,
  layers: readonly Layer[],
  anchorAt: ReadonlyMap<string, number>,
): Segment[] {
  const valid = layers.filter((l) => l.start >= 0 && l.end > l.start && l.end <= length);
  const cuts = new Set<number>([0, length]);
  for (const l of valid) cuts.add(l.start).add(l.end);
  for (const at of anchorAt.values()) if (at >= 0 && at <= length) cuts.add(at);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (start === undefined || end === undefined) break;
    const covering = valid.filter((l) => l.start < end && l.end > start);
    segments.push({
      start,
      end,
      findingIds: [...new Set(covering.flatMap((l) => (l.kind === 'quote' && l.findingId ? [l.findingId] : [])))],
      hit: covering.some((l) => l.kind === 'hit'),
      anchors: [...anchorAt].filter(([, at]) => at === start).map(([id]) => id),
    });
  }
  return segments;
}

/** Every place the query occurs in the text, ignoring case and differences in white space. */
export function findOccurrences(text: string, query: string): Layer[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || query.trim().length < 2) return [];
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, kind: 'hit' as const }));
}
