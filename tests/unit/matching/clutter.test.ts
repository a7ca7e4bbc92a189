import { describe, expect, it } from 'vitest';
import {
  chooseWithinBudget,
  CLUTTER_WINDOW,
  ClutterGuard,
  countWords,
  DensityBudget,
  MARKS_PER_WORD,
  MIN_PAGE_MARKS,
} from '../../../src/matching/clutter';

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

  it('counts words as runs of non-space characters', () => {
    expect(countWords('  China and\u00a0Russia —\n in 2024 ')).toBe(6); // the dash too, as eval counts words
    expect(countWords('')).toBe(0);
  });
});

describe('chooseWithinBudget', () => {
  const none = (_finding: string) => false;
  const option = (findings: string[], words: number, shownElsewhere = none) => ({ findings, words, shownElsewhere });

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
});
