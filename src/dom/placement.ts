import { segmentStarts } from '../matching/join';
import type { Mention } from '../matching/types';
import type { NodeSegment } from './extract';

/** A DOM boundary point inside a text node. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * A mention placed in the DOM: where it starts and ends, and every text node it touches (for hit-testing).
 * Only offsets are kept; Range objects are made on demand (see MarkLayer), because every live Range slows down
 * each later DOM change of the page.
 */
export interface PlacedMention {
  mention: Mention;
  start: TextPoint;
  end: TextPoint;
  nodes: Text[];
}

/** Index of the last segment starting at or before `offset` (binary search over ascending starts). */
function segmentAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? Infinity) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Maps engine mentions (offsets into `joinSegments(segments).text`) back to text nodes and offsets.
 * Mentions whose offsets fall outside the segments (a stale scan) are dropped rather than guessed.
 */
export function placeMentions(segments: readonly NodeSegment[], mentions: readonly Mention[]): PlacedMention[] {
  if (segments.length === 0) return [];
  const starts = segmentStarts(segments);
  const placed: PlacedMention[] = [];
  for (const mention of mentions) {
    const first = segmentAt(starts, mention.start);
    // The end is exclusive: a mention ending exactly at a segment's end belongs to that segment.
    const last = segmentAt(starts, Math.max(mention.start, mention.end - 1));
    const startSegment = segments[first];
    const endSegment = segments[last];
    const firstStart = starts[first];
    const lastStart = starts[last];
    if (!startSegment || !endSegment || firstStart === undefined || lastStart === undefined) continue;
    const startOffset = mention.start - firstStart;
    const endOffset = mention.end - lastStart;
    if (startOffset < 0 || startOffset > startSegment.text.length || endOffset > endSegment.text.length) continue;
    placed.push({
      mention,
      start: { node: startSegment.node, offset: startOffset },
      end: { node: endSegment.node, offset: endOffset },
      nodes: segments.slice(first, last + 1).map((segment) => segment.node),
    });
  }
  return placed;
}

/** Sort comparator: document order of the mentions' starts. */
export function compareDocumentOrder(a: PlacedMention, b: PlacedMention): number {
  if (a.start.node === b.start.node) return a.start.offset - b.start.offset;
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
  return a.start.node.compareDocumentPosition(b.start.node) & 4 ? -1 : 1;
}
