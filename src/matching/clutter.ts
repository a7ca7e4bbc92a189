/**
 * The clutter rule: a page that says "sanctions" forty times is not covered in marks.
 *
 * Rule: a phrase (as normalised: "Sanctions", "sanctions" and "sanctions’" are one phrase) is marked at its
 * first occurrence, and marked again only where no mark of the same phrase lies within CLUTTER_WINDOW blocks
 * (paragraphs, headings, list items) before or after it — at most one mark per phrase per block, and a phrase
 * repeated paragraph after paragraph is marked every CLUTTER_WINDOW-th block at most. Different phrases are
 * marked independently, even when they speak to the same finding.
 */
export const CLUTTER_WINDOW = 6;

export class ClutterGuard {
  private readonly kept = new Map<string, Set<number>>();

  /** Whether a mention of `phrase` (normalised) in `block` may be marked; if so, it is recorded. */
  admit(phrase: string, block: number): boolean {
    let blocks = this.kept.get(phrase);
    if (blocks) {
      // Block numbers are integers in document order (see TextSegment.block): look only at the window.
      for (let b = block - CLUTTER_WINDOW + 1; b < block + CLUTTER_WINDOW; b++) if (blocks.has(b)) return false;
    } else {
      blocks = new Set();
      this.kept.set(phrase, blocks);
    }
    blocks.add(block);
    return true;
  }

  /** Forgets a mark (its block changed or left the page). */
  release(phrase: string, block: number): void {
    this.kept.get(phrase)?.delete(block);
  }
}
