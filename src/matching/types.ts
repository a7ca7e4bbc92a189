/**
 * The engine's contract: pure data in, offsets out. No DOM here — src/dom maps offsets back to nodes.
 */

/** One run of page text, in document order (usually one DOM text node). */
export interface TextSegment {
  text: string;
  /**
   * Segments with the same block number belong to one block (paragraph, heading, list item, table cell...).
   * A mention may span segments of one block (inline tags) but never two blocks.
   */
  block: number;
  /**
   * What kind of block this is, as extraction judges it from markup (absent = `prose`, e.g. a text file):
   * - `prose`: an article-like paragraph or list item — the only blocks that open the topic gate and that the
   *   context windows (sense check, clutter rule) count;
   * - `heading`: a headline, subhead or title;
   * - `furniture`: page chrome inside or around the article — captions, bylines, labels ("Advertisement",
   *   "Continue reading"), separators, link lists ("What to Read Next"), short link-heavy blocks.
   */
  role?: BlockRole;
}

export type BlockRole = 'prose' | 'heading' | 'furniture';

/** A phrase on the page that the assessment speaks to. */
export interface Mention {
  /** Offsets into `joinSegments(segments)` (UTF-16 code units, like DOM offsets). */
  start: number;
  end: number;
  /** The page text as matched (the original characters, not normalised). */
  text: string;
  /** The canonical trigger phrase of the pack that matched. */
  trigger: string;
  /** Finding ids, best first (at least one). */
  findings: string[];
  /**
   * Present when a combination of concepts matched rather than a phrase (then `trigger` names the combination,
   * e.g. "supply + dual-use goods"): the concept ids that occur in its sentence, for the card's "why matched".
   */
  concepts?: string[];
}

/** A mention found by an incremental page session: offsets are into its block's own text (see engine.ts). */
export interface BlockMention extends Mention {
  /** The `block` number of the segments it was found in. */
  block: number;
}
