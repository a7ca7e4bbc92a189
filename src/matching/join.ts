import type { TextSegment } from './types';

/** Separator inserted between two blocks in the joined page text. */
export const BLOCK_SEPARATOR = '\n';

/**
 * The page text that mention offsets refer to: segments of one block are concatenated as they are,
 * and a BLOCK_SEPARATOR stands between blocks. Returns the text and each segment's start offset.
 */
export function joinSegments(segments: readonly TextSegment[]): { text: string; starts: number[] } {
  const parts: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  let previousBlock: number | undefined;
  for (const segment of segments) {
    if (previousBlock !== undefined && segment.block !== previousBlock) {
      parts.push(BLOCK_SEPARATOR);
      offset += BLOCK_SEPARATOR.length;
    }
    starts.push(offset);
    parts.push(segment.text);
    offset += segment.text.length;
    previousBlock = segment.block;
  }
  return { text: parts.join(''), starts };
}
