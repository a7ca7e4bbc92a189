/**
 * The clutter rule: a page that says "sanctions" forty times is not covered in marks.
 *
 * Rules, counted in prose blocks (headings and furniture between two paragraphs do not make them further apart):
 * - a phrase (as normalised: "Sanctions", "sanctions" and "sanctions’" are one phrase) is marked at its first
 *   occurrence, and again only where no mark of the same phrase lies within CLUTTER_WINDOW prose blocks before or
 *   after it;
 * - a block carries at most MARKS_PER_FINDING_PER_BLOCK marks per finding: a paragraph that restates one finding
 *   five ways gets the first few, the ones a reader meets first. Counted on the marks as shown, after joining
 *   (join.ts): a clause joined into one mark is one mark, of each of its findings;
 * - a headline is marked only for a finding that no paragraph of the page carries (`inProse`; session.ts decides
 *   headings after the body): the reader meets the finding in the body, where its sentence explains it.
 */
export const CLUTTER_WINDOW = 6;
/** Marks a block may carry per finding. */
const MARKS_PER_FINDING_PER_BLOCK = 3;
/** Block numbers further apart than this are far apart, whatever lies between (bounds the walk). */
const MAX_WALK = 256;

export class ClutterGuard {
  private readonly kept = new Map<string, Set<number>>();
  private readonly findings = new Map<string, Map<number, number>>();

  /** `isProse(b)`: whether block number `b` is a prose block of the page. */
  constructor(private readonly isProse: (block: number) => boolean) {}

  /** Prose blocks after the lower and up to the higher of two block numbers (adjacent paragraphs: 1). */
  private distance(a: number, b: number): number {
    const [low, high] = a < b ? [a, b] : [b, a];
    if (high - low > MAX_WALK) return CLUTTER_WINDOW;
    let n = 0;
    for (let k = low + 1; k <= high && n < CLUTTER_WINDOW; k++) if (this.isProse(k)) n++;
    return n;
  }

  /** Whether a mention of `phrase` (normalised) in `block` may be marked by the phrase rule; if so, it is recorded. */
  admitPhrase(phrase: string, block: number): boolean {
    const blocks = this.kept.get(phrase);
    if (blocks) {
      for (const other of blocks) if (other === block || this.distance(other, block) < CLUTTER_WINDOW) return false;
      blocks.add(block);
    } else {
      this.kept.set(phrase, new Set([block]));
    }
    return true;
  }

  /**
   * Whether a mark (joined or not) of these findings, its own first, may be shown in `block`: its own finding has
   * marks to spare there. If so, it is recorded as one mark of each of its findings.
   */
  admitMark(findings: readonly string[], block: number): boolean {
    if (this.marksOf(findings[0] as string, block) >= MARKS_PER_FINDING_PER_BLOCK) return false;
    for (const finding of findings) {
      let marked = this.findings.get(finding);
      if (!marked) this.findings.set(finding, (marked = new Map<number, number>()));
      marked.set(block, this.marksOf(finding, block) + 1);
    }
    return true;
  }

  private marksOf(finding: string, block: number): number {
    return this.findings.get(finding)?.get(block) ?? 0;
  }

  /** Whether a prose block carries a mark of `finding` (then a headline does not repeat it, see session.ts). */
  inProse(finding: string): boolean {
    const marked = this.findings.get(finding);
    if (marked) for (const block of marked.keys()) if (this.isProse(block)) return true;
    return false;
  }

  /** Forgets a phrase admitted in `block` (its block changed or left the page, or its mark was not shown). */
  releasePhrase(phrase: string, block: number): void {
    this.kept.get(phrase)?.delete(block);
  }

  /** Forgets a mark admitted in `block` (its block changed or left the page). */
  releaseMark(findings: readonly string[], block: number): void {
    for (const finding of findings) {
      const marked = this.findings.get(finding);
      const n = marked?.get(block) ?? 0;
      if (n > 1) marked?.set(block, n - 1);
      else marked?.delete(block);
    }
  }
}
