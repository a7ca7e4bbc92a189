import { matchedRanges, matchWord, queryWords, wordsOf, type Word } from '../../pack/search-index';

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
    const start = points[i] as number;
    const end = points[i + 1] as number;
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

/**
 * Every place the query occurs in the text, by the popup's rules (src/pack/search-index.ts): the query's words as
 * consecutive whole words, prefixes or near-misses of words of the text — never a piece from inside a word.
 */
export function findOccurrences(text: string, query: string): Layer[] {
  const words = queryWords(query);
  if (words.length === 0 || query.trim().length < 2) return [];
  if (words.length === 1) {
    return matchedRanges(text, words).map(([start, end]) => ({ start, end: end + 1, kind: 'hit' as const }));
  }
  // Several words: runs of consecutive words of the text, each matching the query word at its place.
  const plain = wordsOf(text).filter((word) => !/[^\p{L}\p{N}]/u.test(text.slice(word.start, word.end)));
  const layers: Layer[] = [];
  for (let i = 0; i + words.length <= plain.length; i++) {
    if (!words.every((q, k) => matchWord(q, (plain[i + k] as Word).term) !== undefined)) continue;
    layers.push({ start: (plain[i] as Word).start, end: (plain[i + words.length - 1] as Word).end, kind: 'hit' });
    i += words.length - 1;
  }
  return layers;
}
