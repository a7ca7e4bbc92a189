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
 *   headings after the body): the reader meets the finding in the body, where its sentence explains it;
 * - a page carries at most MARKS_PER_WORD marks per word it has read (DensityBudget): a short page is not a wall of
 *   marks.
 */
import { concedes } from './join';
import { countWords } from './normalize';

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

  /** Whether a block other than `block` carries a mark of `finding`. */
  markedElsewhere(finding: string, block: number): boolean {
    const marked = this.findings.get(finding);
    if (marked) for (const other of marked.keys()) if (other !== block) return true;
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

/** Marks per word of article text a page may carry: 30 per 1,000 words. */
export const MARKS_PER_WORD = 0.03;
/** Marks any page may carry, however short: a brief of a few lines still shows what it speaks to. */
export const MIN_PAGE_MARKS = 4;

/**
 * The density rule: a page's marks stay within MARKS_PER_WORD of the words it has (or MIN_PAGE_MARKS), counted
 * over the text read so far, so whatever text comes next, or if none does, the page is within the bound. Marks are
 * never withdrawn: a page that arrives in pieces spends its budget as they come, one that arrives at once chooses
 * among all of its marks (session.ts). Words are counted in prose and headings only: a menu or a footer makes no
 * room for marks.
 */
export class DensityBudget {
  private readonly words = new Map<number, number>();
  private readonly marks = new Map<number, number>();
  private wordsAll = 0;
  private marksAll = 0;

  /** Records a block's words (a block seen again replaces its count). */
  setWords(block: number, words: number): void {
    this.wordsAll += words - (this.words.get(block) ?? 0);
    this.words.set(block, words);
  }

  /** Forgets a block (it changed or left the page) and its marks. */
  forget(block: number): void {
    this.wordsAll -= this.words.get(block) ?? 0;
    this.marksAll -= this.marks.get(block) ?? 0;
    this.words.delete(block);
    this.marks.delete(block);
  }

  /** Records marks shown in `block`. */
  addMarks(block: number, n: number): void {
    this.marks.set(block, (this.marks.get(block) ?? 0) + n);
    this.marksAll += n;
  }

  /** How many more marks the page may show. */
  allowance(): number {
    return Math.max(0, Math.max(MIN_PAGE_MARKS, Math.floor(this.wordsAll * MARKS_PER_WORD)) - this.marksAll);
  }
}

/** Findings of a mark that count for its choice: the card shows them first (join.ts JOIN_MAX_FINDINGS). */
const FINDINGS_SHOWN = 3;

/** A mark the density rule may show: the findings its card shows, best first, and where it is. */
export interface MarkOption {
  findings: readonly string[];
  /** Whether the page already shows `finding` in a mark outside this choice. */
  shownElsewhere: (finding: string) => boolean;
  /** Its block, that block's text and its offsets in it. */
  block: number;
  text: string;
  start: number;
  end: number;
}

/**
 * The marks to show when a page has room for only `allowance` of them (indices, in the order given).
 *
 * A reader of a dense page should meet every finding it speaks to once before meeting one again: the next mark is
 * the one whose card brings the most findings not yet shown; among equals, the longer one — a clause that states the
 * finding ("refused to endorse Russia's full-scale invasion") over a bare keyword ("sanctions") — then the first.
 *
 * A sentence that grants one thing and asserts another ("relations have never been better, but the two countries
 * are not an alliance": join.ts concedes) is hovered for what it asserts: its point is chosen for what the whole
 * sentence brings (the findings not yet shown of its own card and of the marks conceded to it, each once), and a
 * conceded mark comes after every other.
 */
export function chooseWithinBudget(options: readonly MarkOption[], allowance: number): number[] {
  const covered = new Set<string>();
  for (const option of options)
    for (const finding of option.findings.slice(0, FINDINGS_SHOWN))
      if (option.shownElsewhere(finding)) covered.add(finding);
  const words = options.map((o) => countWords(o.text.slice(o.start, o.end)));
  // For each mark, the marks of its sentence it is a concession to (only marks of one block can be), and those
  // conceded to it: a mark granted before several points is credited to the nearest.
  const byBlock = new Map<number, number[]>();
  options.forEach((o, k) => {
    const same = byBlock.get(o.block);
    if (same) same.push(k);
    else byBlock.set(o.block, [k]);
  });
  const pointsOf = options.map((o) =>
    (byBlock.get(o.block) as number[]).filter((j) => concedes(o.text, o.end, (options[j] as MarkOption).start)),
  );
  const nearest = (points: readonly number[]) =>
    points.reduce<number | undefined>(
      (best, j) =>
        best === undefined || (options[j] as MarkOption).start < (options[best] as MarkOption).start ? j : best,
      undefined,
    );
  const grantsOf = options.map((): number[] => []);
  pointsOf.forEach((points, k) => {
    const j = nearest(points);
    if (j !== undefined) grantsOf[j]?.push(k);
  });
  // The findings not yet shown that marks bring together, each once: a mark's lead counts FINDINGS_SHOWN times
  // (the reader meets it first), its others once.
  const newFindings = (marks: readonly number[]) => {
    const weights = new Map<string, number>();
    for (const k of marks) {
      const shown = (options[k] as MarkOption).findings.slice(0, FINDINGS_SHOWN);
      shown.forEach((f, at) => {
        if (!covered.has(f)) weights.set(f, Math.max(weights.get(f) ?? 0, at === 0 ? FINDINGS_SHOWN : 1));
      });
    }
    return [...weights.values()].reduce((n, w) => n + w, 0);
  };
  const left = options.map((_, k) => k);
  const chosen: number[] = [];
  while (chosen.length < allowance && left.length > 0) {
    let best = 0;
    let bestKey: readonly number[] = [];
    left.forEach((k, at) => {
      const granted = (grantsOf[k] as number[]).filter((g) => left.includes(g));
      const gain = newFindings([k, ...granted]);
      const key = [(pointsOf[k] as number[]).length > 0 ? 0 : 1, gain, words[k] as number];
      if (at === 0 || isBetter(key, bestKey)) [best, bestKey] = [at, key];
    });
    const [k] = left.splice(best, 1) as [number];
    chosen.push(k);
    for (const finding of (options[k] as MarkOption).findings.slice(0, FINDINGS_SHOWN)) covered.add(finding);
  }
  return chosen.sort((a, b) => a - b);
}

/** Whether a key is greater than another, compared element by element (equal keys: the earlier option stays). */
function isBetter(key: readonly number[], than: readonly number[]): boolean {
  for (let i = 0; i < key.length; i++) if (key[i] !== than[i]) return (key[i] as number) > (than[i] as number);
  return false;
}
