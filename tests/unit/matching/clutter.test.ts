import { describe, expect, it } from 'vitest';
import {
  chooseWithinBudget,
  CLUTTER_WINDOW,
  ClutterGuard,
  DensityBudget,
  MARKS_PER_WORD,
  MIN_PAGE_MARKS,
} from '../../../src/matching/clutter';
import { createEngine } from '../../../src/matching/engine';
import { packEngineSource } from '../../../src/pack/ranking';
import { blocks, makePack, ON_TOPIC, ROOM } from './helpers';

describe('ClutterGuard', () => {
  const everyBlockProse = () => true;

  it('admits a phrase once per block and once per window of prose blocks', () => {
    const guard = new ClutterGuard(everyBlockProse);
    expect(guard.admitPhrase('sanctions', 0)).toBe(true);
    expect(guard.admitPhrase('sanctions', 0)).toBe(false);
    expect(guard.admitPhrase('sanctions', CLUTTER_WINDOW - 1)).toBe(false);
    expect(guard.admitPhrase('sanctions', CLUTTER_WINDOW)).toBe(true);
    guard.releasePhrase('sanctions', 0);
    expect(guard.admitPhrase('sanctions', 0)).toBe(true);
  });

  it('does not count headings and furniture between two paragraphs as distance', () => {
    const guard = new ClutterGuard((block) => block % 2 === 0);
    expect(guard.admitPhrase('yuan', 0)).toBe(true);
    expect(guard.admitPhrase('yuan', 2 * CLUTTER_WINDOW - 1)).toBe(false);
    expect(guard.admitPhrase('yuan', 2 * CLUTTER_WINDOW)).toBe(true);
  });

  it('admits three marks per finding per block, a joined mark counting once for each of its findings', () => {
    const guard = new ClutterGuard(everyBlockProse);
    expect(guard.admitMark(['limits', 'trust'], 3)).toBe(true);
    expect(guard.admitMark(['limits'], 3)).toBe(true);
    expect(guard.admitMark(['trust', 'limits'], 3)).toBe(true);
    // limits has its three marks in block 3; trust two, so a mark led by trust is still shown.
    expect(guard.admitMark(['limits'], 3)).toBe(false);
    expect(guard.admitMark(['trust'], 3)).toBe(true);
    expect(guard.admitMark(['trust'], 3)).toBe(false);
    expect(guard.admitMark(['limits'], 4)).toBe(true);
    guard.releaseMark(['limits', 'trust'], 3);
    expect(guard.admitMark(['limits'], 3)).toBe(true);
  });

  it('knows whether a prose block carries a finding (for the headline rule)', () => {
    const guard = new ClutterGuard((block) => block !== 0);
    guard.admitMark(['axis'], 0);
    expect(guard.inProse('axis')).toBe(false);
    guard.admitMark(['gas', 'axis'], 2);
    expect(guard.inProse('axis')).toBe(true);
    guard.releaseMark(['gas', 'axis'], 2);
    expect(guard.inProse('axis')).toBe(false);
  });
});

describe('DensityBudget', () => {
  it('allows 30 marks per 1,000 words of prose read so far, at least MIN_PAGE_MARKS', () => {
    const budget = new DensityBudget();
    budget.setWords(0, 100);
    expect(budget.allowance()).toBe(MIN_PAGE_MARKS);
    budget.setWords(1, 300);
    expect(budget.allowance()).toBe(400 * MARKS_PER_WORD);
    budget.addMarks(1, 10);
    expect(budget.allowance()).toBe(2);
    budget.setWords(1, 200); // the block changed: its words are counted again
    expect(budget.allowance()).toBe(0);
    budget.forget(1); // and its marks leave with it
    expect(budget.allowance()).toBe(MIN_PAGE_MARKS);
  });
});

describe('chooseWithinBudget', () => {
  const none = (_finding: string) => false;
  let block = 0;
  /** A mark of `words` words, alone in its block. */
  const option = (findings: string[], words: number, shownElsewhere = none) => {
    const text = Array.from({ length: words }, () => 'word').join(' ');
    return { findings, shownElsewhere, block: block++, text, start: 0, end: text.length };
  };
  /** Marks of one sentence (one block): `[phrase, findings]` at the phrase's first occurrence. */
  const inSentence = (text: string, ...marks: [string, string[]][]) => {
    const at = block++;
    return marks.map(([phrase, findings]) => {
      const start = text.indexOf(phrase);
      return { findings, shownElsewhere: none, block: at, text, start, end: start + phrase.length };
    });
  };

  it('takes the mark that brings the most findings not yet shown, then the longer, and returns them in order', () => {
    const options = [
      option(['limits'], 2),
      option(['drills', 'bloc'], 2),
      option(['gas'], 3),
      option(['limits'], 5),
      option(['bloc'], 9),
    ];
    // drills+bloc first (two new findings, one its lead), then the longer of the two gas/limits leads, then limits.
    expect(chooseWithinBudget(options, 3)).toEqual([1, 2, 3]);
    expect(chooseWithinBudget(options, 1)).toEqual([1]);
    expect(chooseWithinBudget(options, 9)).toEqual([0, 1, 2, 3, 4]);
  });

  it('counts a finding the page already shows elsewhere as shown', () => {
    const gasShown = (finding: string) => finding === 'gas';
    expect(chooseWithinBudget([option(['gas'], 9, gasShown), option(['limits'], 1, gasShown)], 1)).toEqual([1]);
  });

  it('counts only the findings a card shows first', () => {
    // The first card shows a, b, c: d is still new (were it counted, the longer third mark would come next).
    const options = [option(['a', 'b', 'c', 'd'], 1), option(['d'], 1), option(['a'], 5)];
    expect(chooseWithinBudget(options, 2)).toEqual([0, 1]);
  });

  it('keeps what a sentence asserts over what it grants first ("X, but Y")', () => {
    const sentence = inSentence(
      'Ties have never been better, but they are not an alliance.',
      ['never been better', ['limits']],
      ['not an alliance', ['trust']],
    );
    // The page shows trust elsewhere: by new findings alone, the first would be kept.
    const trustShown = (finding: string) => finding === 'trust';
    const [granted, point] = sentence.map((o) => ({ ...o, shownElsewhere: trustShown }));
    expect(chooseWithinBudget([granted!, point!], 1)).toEqual([1]);
    expect(chooseWithinBudget([granted!, point!], 2)).toEqual([0, 1]);
  });

  it('chooses a sentence’s point for the findings of the whole sentence, before a mark of another', () => {
    const trustShown = (finding: string) => finding === 'trust';
    const [granted, point] = inSentence(
      'They oppose sanctions, but lack the trust of allies.',
      ['oppose sanctions', ['sanctions']],
      ['trust of allies', ['trust', 'limits']],
    ).map((o) => ({ ...o, shownElsewhere: trustShown }));
    // Alone, the point brings one finding not yet shown (limits), the long mark of gas its lead: three.
    const gas = option(['gas'], 9, trustShown);
    expect(chooseWithinBudget([gas, point!], 1)).toEqual([0]);
    // With the sanctions it was granted, the point brings more; the granted mark comes last.
    expect(chooseWithinBudget([granted!, point!, gas], 1)).toEqual([1]);
    expect(chooseWithinBudget([granted!, point!, gas], 2)).toEqual([1, 2]);
  });

  it('counts each finding a sentence brings once, and a granted mark for the nearest point only', () => {
    // The point and what it grants bring one finding: as much as the long mark of gas, which then wins on length.
    const [granted, point] = inSentence(
      'They oppose sanctions, but back more sanctions.',
      ['oppose sanctions', ['sanctions']],
      ['more sanctions', ['sanctions']],
    );
    const gas = option(['gas'], 9);
    expect(chooseWithinBudget([granted!, point!, gas], 1)).toEqual([2]);
    // Granted before two points, the sanctions mark counts for the first: the second brings limits alone.
    const marks = inSentence(
      'They oppose sanctions, but lack trust and fear limits.',
      ['oppose sanctions', ['sanctions']],
      ['lack trust', ['trust']],
      ['fear limits', ['limits']],
    );
    expect(chooseWithinBudget([...marks, option(['gas'], 9)], 2)).toEqual([1, 3]);
  });
});

describe('the density rule on a page', () => {
  const engine = createEngine(
    packEngineSource(
      makePack({
        limits: [{ phrase: 'no limits partnership' }, { phrase: 'no forbidden zones' }],
        drills: [{ phrase: 'joint drills', also: ['bloc'] }],
        bloc: [{ phrase: 'anti-Western bloc' }],
        gas: [{ phrase: 'gas pipeline' }],
      }),
    ),
  );
  const page = [
    ON_TOPIC,
    'No forbidden zones.',
    'Joint drills.',
    'An anti-Western bloc.',
    'They built a gas pipeline, but there is no limits partnership.',
  ];

  it('keeps the point of a sentence that grants something first, when the page has no room for both', () => {
    // Five marks, room for four: the gas pipeline is what the last sentence grants, not what it says.
    expect(engine.scan(blocks(...page)).map((m) => m.text)).toEqual([
      'No forbidden zones',
      'Joint drills',
      'anti-Western bloc',
      'no limits partnership',
    ]);
    expect(engine.scan(blocks(...page, ROOM))).toHaveLength(5);
  });
});
