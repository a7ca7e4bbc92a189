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

/** A kept mark of a block, as joinedRuns sees it: its offsets into the block's text and its own finding. */
export interface JoinableMark {
  start: number;
  end: number;
  finding: string;
  /** The report's own coinage ("axis of convenience": a phrase trigger of context `any`), which keeps the lead. */
  coinage?: boolean;
  /** A phrase said again nearby (session.ts): it may lengthen a run, never lead it. */
  repeat?: boolean;
}

/** Characters between two marks that still read as one clause (see joinedRuns). */
export const JOIN_GAP = 60;
/** The longest mark joining makes. */
export const JOIN_MAX = 160;
/** Findings one joined mark may carry: the card shows them best first, eval counts the first three. */
const JOIN_MAX_FINDINGS = 3;

/** A sentence or clause break between two marks: . ! ? or ; (closing quotes and brackets may follow), then a space. */
const CLAUSE_BREAK = /[.!?;]["'”’)]*\s/;

/**
 * A word that opens another clause (contrast, condition, time, cause, a relative clause): marks of different findings
 * on either side of it are two points, each with its own mark ("refused to condemn the invasion but kept ties with
 * Europe"). Marks of one finding still join across it: the clause before and after makes the same point.
 */
const NEW_CLAUSE =
  /\b(?:but|while|whereas|although|though|yet|because|since|unless|after|before|when|where|which|who|whom|whose)\b/i;

/** A comma, then "but" or "yet" (a quote may open after the comma): the clause after it is the sentence's point. */
const CONTRAST = /,\s*["'“‘]?(?:but|yet)\b/i;

/**
 * Whether the words between two marks of one block (`text` from `end`, where the first ends, to `start`, where the
 * second begins) make the first a concession to the second: one sentence, "X, but Y" or "X, yet Y" ("relations
 * have never been better, but the two countries are not an alliance"; "they may strike better bargains, but will
 * balk at violating sanctions"). The reader is told Y; X is what the writer grants first.
 */
export function concedes(text: string, end: number, start: number): boolean {
  if (start < end) return false;
  const gap = text.slice(end, start);
  return !CLAUSE_BREAK.test(gap) && CONTRAST.test(gap);
}

/**
 * A comma, then a clause of its own: "and", "or" or "so" after it, or a subject ("…, Putin is wary of…", "…, she
 * argued that…"; a capital mid-sentence is a name). A list or an apposition goes on ("banks, officials and firms,
 * along with export restrictions").
 */
const NEW_SUBJECT = /,\s+(?:(?:and|or|so|he|she|it|they|we|this|that|these|those)\b|[A-Z])/;

/**
 * The kept marks of a block, in runs to be shown as one mark each: a clause that makes one point twice ("drone
 * parts and body armour", "dual-use components covered by Western export controls") or two points together
 * ("military-technical cooperation and coordination on foreign policy") is one thing to hover, not two; the card
 * of a joined mark lists every finding of the run. Marks join when they are in one sentence (no . ! ? or ; between
 * them), at most JOIN_GAP characters apart and JOIN_MAX long together; a mark of another finding than the run's
 * joins only within one clause (no NEW_CLAUSE word or NEW_SUBJECT between) and while the run carries at most
 * JOIN_MAX_FINDINGS findings. Runs are in document order, each run's marks too.
 */
export function joinedRuns<T extends JoinableMark>(text: string, marks: readonly T[]): T[][] {
  const runs: T[][] = [];
  const ordered = marks.length > 1 ? [...marks].sort((a, b) => a.start - b.start) : marks;
  for (const mark of ordered) {
    const run = runs.at(-1);
    if (run && joins(text, run, mark)) run.push(mark);
    else runs.push([mark]);
  }
  return runs;
}

function joins(text: string, run: readonly JoinableMark[], mark: JoinableMark): boolean {
  const first = run[0] as JoinableMark;
  const gap = text.slice(runEnd(run), mark.start); // empty where they overlap
  if (gap.length > JOIN_GAP || mark.end - first.start > JOIN_MAX || CLAUSE_BREAK.test(gap)) return false;
  const findings = new Set(run.map((m) => m.finding));
  if (findings.size === 1 && findings.has(mark.finding)) return true; // one point, made again
  if (NEW_CLAUSE.test(gap) || NEW_SUBJECT.test(gap)) return false;
  return findings.has(mark.finding) || findings.size < JOIN_MAX_FINDINGS;
}

/** A negated or contrasted statement ("not to be seen as an ally", "rather than trust", "does not stand up"). */
const NEGATED = /\b(?:not|never|without|rather than)\b|n[’']t\b/i;

/**
 * The mark that speaks for a run (its finding leads the joined mark's card): the first, unless a later one is
 * negated and the first is not one of the report's own coinages (a reader who hovers "axis of convenience rather
 * than a formal alliance" is shown the axis first, the alliance finding next). A clause that joins a plain mention
 * with a negated one makes its point in the negation ("an unbreakable friendship does not stand up to scrutiny",
 * "rests on convenience rather than trust"); otherwise the clause is about what it names first ("exploiting
 * Moscow's isolation to buy cheap oil"). A phrase said again (`repeat`) never leads.
 */
export function runLead<T extends JoinableMark>(text: string, run: readonly T[]): T {
  // A phrase said again only lengthens the run: the lead is one of the others (a run of repeats alone is not shown).
  const first = (run.find((m) => !m.repeat) ?? run[0]) as T;
  if (first.coinage) return first;
  // A later mark is read with the words that lead to it: "a gas deal, not an anti-Western bloc".
  const negated = run.find(
    (m, k) => !m.repeat && m !== first && NEGATED.test(text.slice(runEnd(run.slice(0, k)), m.end)),
  );
  return negated ?? first;
}

/** The findings of a run, each once: its lead's first (`lead`, when the caller has it), then the others' in order. */
export function runFindings(
  text: string,
  run: readonly JoinableMark[],
  lead: JoinableMark = runLead(text, run),
): string[] {
  return [...new Set([lead.finding, ...run.map((m) => m.finding)])];
}

/** Where a run's joined mark ends: its furthest end (a mark may lie inside the one before). */
export function runEnd(run: readonly JoinableMark[]): number {
  return run.reduce((end, m) => Math.max(end, m.end), 0);
}
