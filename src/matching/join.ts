import type { TextSegment } from './types';

/** Separator inserted between two blocks in the joined page text. */
export const BLOCK_SEPARATOR = '\n';

/**
 * Each segment's start offset in the joined page text (joinSegments), without building that text: segments of one
 * block follow each other as they are, and a BLOCK_SEPARATOR stands between blocks.
 */
export function segmentStarts(segments: readonly Pick<TextSegment, 'text' | 'block'>[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  let previousBlock: number | undefined;
  for (const segment of segments) {
    if (previousBlock !== undefined && segment.block !== previousBlock) offset += BLOCK_SEPARATOR.length;
    starts.push(offset);
    offset += segment.text.length;
    previousBlock = segment.block;
  }
  return starts;
}

/** The page text that mention offsets refer to (see segmentStarts), and each segment's start offset. */
export function joinSegments(segments: readonly TextSegment[]): { text: string; starts: number[] } {
  const starts = segmentStarts(segments);
  const parts: string[] = [];
  segments.forEach((segment, k) => {
    if (k > 0 && segment.block !== segments[k - 1]?.block) parts.push(BLOCK_SEPARATOR);
    parts.push(segment.text);
  });
  return { text: parts.join(''), starts };
}
