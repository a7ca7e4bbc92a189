import { describe, expect, it } from 'vitest';
import {
  concedes,
  JOIN_GAP,
  JOIN_MAX,
  joinedRuns,
  joinSegments,
  runEnd,
  runFindings,
  runLead,
  type JoinableMark,
} from '../../../src/matching/join';

/** Marks on `text` at the first occurrence of each phrase, with its finding. */
function marks(text: string, ...phrases: [string, string][]): (JoinableMark & { phrase: string })[] {
  return phrases.map(([phrase, finding]) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" is not in the text`);
    return { phrase, start, end: start + phrase.length, finding };
  });
}

/** The runs as the texts of their marks. */
function runs(text: string, ...phrases: [string, string][]): string[][] {
  return joinedRuns(text, marks(text, ...phrases)).map((run) => run.map((m) => m.phrase));
}

describe('joinedRuns', () => {
  it('joins one point made twice in a clause', () => {
    const text = 'China sent drone parts and body armour to Russia.';
    expect(runs(text, ['drone parts', 'dual-use'], ['body armour', 'dual-use'])).toEqual([
      ['drone parts', 'body armour'],
    ]);
  });

  it('joins marks of different findings in one clause, and the run lists both', () => {
    const text = 'It spans military-technical cooperation and coordination on foreign policy.';
    const found = marks(
      text,
      ['military-technical cooperation', 'exercises'],
      ['coordination on foreign policy', 'bloc'],
    );
    const [run, ...rest] = joinedRuns(text, found);
    expect(rest).toEqual([]);
    expect(run).toHaveLength(2);
    expect(runFindings(text, run!)).toEqual(['exercises', 'bloc']);
    expect(text.slice(run![0]!.start, runEnd(run!))).toBe(
      'military-technical cooperation and coordination on foreign policy',
    );
  });

  it('keeps marks in different sentences or across a semicolon apart, whatever their findings', () => {
    const sentences = 'They held drills. New drills follow.';
    expect(runs(sentences, ['held drills', 'exercises'], ['New drills', 'exercises'])).toEqual([
      ['held drills'],
      ['New drills'],
    ]);
    const quoted = 'They called it “no limits.” A limitless friendship.';
    expect(runs(quoted, ['no limits', 'limits'], ['limitless friendship', 'limits'])).toHaveLength(2);
    const semicolon = 'Sanctions on Russia; yuan payments grew.';
    expect(runs(semicolon, ['Sanctions', 'sanctions'], ['yuan payments', 'yuan'])).toHaveLength(2);
  });

  it('keeps marks of different findings in two clauses apart, but joins one finding across them', () => {
    const but = 'Beijing refused to condemn the invasion but kept ties with Europe.';
    expect(runs(but, ['refused to condemn the invasion', 'ukraine'], ['ties with Europe', 'europe'])).toHaveLength(2);
    const subject = 'They hold joint exercises, Putin is wary of Chinese influence.';
    expect(runs(subject, ['joint exercises', 'exercises'], ['wary of Chinese influence', 'trust'])).toHaveLength(2);
    const and = 'It refused to endorse the war, and Beijing kept up its ties with Europe.';
    expect(runs(and, ['refused to endorse the war', 'ukraine'], ['ties with Europe', 'europe'])).toHaveLength(2);
    const same = 'Beijing sent drone parts, but also body armour.';
    expect(runs(same, ['drone parts', 'dual-use'], ['body armour', 'dual-use'])).toHaveLength(1);
    // A list or an apposition after a comma goes on: one clause.
    const list = 'Sanctions on Russian banks, officials and firms, along with export restrictions.';
    expect(runs(list, ['Sanctions on Russian banks', 'sanctions'], ['export restrictions', 'dual-use'])).toHaveLength(
      1,
    );
  });

  it('keeps marks too far apart, or too long together, apart', () => {
    const far = `Drills ${'x'.repeat(JOIN_GAP + 1)} drills again.`;
    expect(runs(far, ['Drills', 'exercises'], ['drills again', 'exercises'])).toHaveLength(2);
    const near = `Drills ${'x'.repeat(JOIN_GAP - 2)} drills again.`;
    expect(runs(near, ['Drills', 'exercises'], ['drills again', 'exercises'])).toHaveLength(1);
    const first = 'a'.repeat(JOIN_MAX - 20);
    const long = `${first} and ${'b'.repeat(20)}.`;
    expect(runs(long, [first, 'exercises'], ['b'.repeat(20), 'exercises'])).toHaveLength(2);
  });

  it('carries at most three findings in one run', () => {
    const text = 'sanctions and drills and yuan and chips';
    const four = marks(text, ['sanctions', 's'], ['drills', 'd'], ['yuan', 'y'], ['chips', 'c']);
    expect(joinedRuns(text, four).map((run) => runFindings(text, run))).toEqual([['s', 'd', 'y'], ['c']]);
  });

  it('orders the runs and their marks by position, and a mark inside another does not shorten the run', () => {
    const text = 'the joint naval drills began';
    const found = marks(text, ['naval drills', 'exercises'], ['joint naval drills', 'exercises']);
    const [run] = joinedRuns(text, found);
    expect(run!.map((m) => m.phrase)).toEqual(['joint naval drills', 'naval drills']);
    expect(text.slice(run![0]!.start, runEnd(run!))).toBe('joint naval drills');
    expect(joinedRuns(text, [])).toEqual([]);
  });
});

describe('runLead', () => {
  it('is the first mark, unless a later one is negated: the clause makes its point there', () => {
    const plain = "Beijing is exploiting Moscow's isolation to buy cheap oil.";
    const both = marks(plain, ['exploiting', 'transactional'], ['buy cheap oil', 'energy']);
    expect(runLead(plain, both).finding).toBe('transactional');
    expect(runFindings(plain, both)).toEqual(['transactional', 'energy']);
    const negated = 'An unbreakable friendship does not stand up to scrutiny.';
    const run = marks(negated, ['unbreakable friendship', 'limits'], ['does not stand up to scrutiny', 'trust']);
    expect(runLead(negated, run).finding).toBe('trust');
    expect(runFindings(negated, run)).toEqual(['trust', 'limits']);
    const contrast = 'It rests on convenience rather than trust.';
    expect(
      runLead(contrast, marks(contrast, ['rests on convenience', 'axis'], ['rather than trust', 'trust'])).finding,
    ).toBe('trust');
  });

  it("keeps the report's own coinage first, even before a negated mark", () => {
    const text = 'Officials call it an axis of convenience rather than a formal alliance.';
    const run = marks(text, ['axis of convenience', 'axis'], ['formal alliance', 'trust']);
    expect(runLead(text, run).finding).toBe('trust');
    const coined = [{ ...run[0]!, coinage: true }, run[1]!];
    expect(runLead(text, coined).finding).toBe('axis');
    expect(runFindings(text, coined)).toEqual(['axis', 'trust']);
  });
});

describe('joinSegments', () => {
  it('puts a separator between blocks, none between segments of one block', () => {
    const joined = joinSegments([
      { text: 'a', block: 0 },
      { text: 'b', block: 0 },
      { text: 'c', block: 1 },
    ]);
    expect(joined).toEqual({ text: 'ab\nc', starts: [0, 1, 3] });
  });
});

describe('concedes', () => {
  /** Whether the mark `first` is a concession to the mark `then`, both found in `text`. */
  const conceded = (text: string, first: string, then: string) =>
    concedes(text, text.indexOf(first) + first.length, text.indexOf(then));

  it('reads "X, but Y" and "X, yet Y" in one sentence as granting X and asserting Y', () => {
    const text = 'Ties have never been better, “but the two are not an alliance,” she said.';
    expect(conceded(text, 'never been better', 'not an alliance')).toBe(true);
    expect(conceded('Trade grew, yet China avoided sanctioned banks.', 'Trade grew', 'sanctioned banks')).toBe(true);
    // Only what comes after the contrast is its point.
    expect(conceded(text, 'not an alliance', 'never been better')).toBe(false);
  });

  it('does not read a contrast across sentences, without the comma, or without one', () => {
    expect(conceded('Trade grew. But China avoided sanctioned banks.', 'Trade grew', 'sanctioned banks')).toBe(false);
    expect(conceded('A rival in cars but a source of oil.', 'rival in cars', 'source of oil')).toBe(false);
    expect(conceded('Trade grew, and China avoided sanctioned banks.', 'Trade grew', 'sanctioned banks')).toBe(false);
    expect(conceded('Trade grew, butter did not.', 'Trade grew', 'did not')).toBe(false);
  });
});
