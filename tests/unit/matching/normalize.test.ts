import { describe, expect, it } from 'vitest';
import { countWords, normalizePhrase } from '../../../src/matching/normalize';

describe('normalisation', () => {
  it('folds case, compatibility forms and accents', () => {
    expect(normalizePhrase('BRICS')).toBe('brics');
    expect(normalizePhrase('ＢＲＩＣＳ')).toBe('brics'); // fullwidth (NFKC)
    expect(normalizePhrase('Entente Cordiale à Pékin')).toBe('entente cordiale a pekin');
    expect(normalizePhrase('ﬁnal')).toBe('final'); // ligature folds to two letters
  });

  it('treats hyphens, dashes, quotes, apostrophes and every kind of space as one separator', () => {
    const expected = 'no limits partnership';
    for (const text of [
      'no-limits partnership',
      'no–limits partnership',
      'no—limits partnership',
      '‘no limits’ partnership',
      '"no limits" partnership',
      '“no-limits” partnership',
      'no\u00a0limits\u2009partnership',
      'no \n\t limits   partnership',
    ]) {
      expect(normalizePhrase(text), text).toBe(expected);
    }
    expect(normalizePhrase("China's")).toBe(normalizePhrase('China’s'));
  });

  it('skips soft hyphens and zero-width characters inside words', () => {
    expect(normalizePhrase('de\u00addollar\u200bisation')).toBe('dedollarisation');
  });

  it('keeps other punctuation, so phrases do not run across a comma', () => {
    expect(normalizePhrase('no limits, partnership')).toBe('no limits, partnership');
  });
});

describe('countWords', () => {
  it('counts words as runs of non-space characters', () => {
    expect(countWords('  China and\u00a0Russia —\n in 2024 ')).toBe(6); // the dash too, as eval counts words
    expect(countWords('China–Russia, “no-limits”')).toBe(2);
    expect(countWords('')).toBe(0);
  });
});
