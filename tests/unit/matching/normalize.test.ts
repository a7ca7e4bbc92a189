import { describe, expect, it } from 'vitest';
import { normalizePhrase, normalizeWithOffsets } from '../../../src/matching/normalize';

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

  it('maps every normalised character back to the original text', () => {
    const original = '  The “No-Limits” PARTNERSHIP';
    const { text, offsets } = normalizeWithOffsets(original);
    expect(text).toBe('the no limits partnership');
    expect(offsets).toHaveLength(text.length);
    const at = text.indexOf('partnership');
    expect(original.slice(offsets[at], (offsets[at + 'partnership'.length - 1] as number) + 1)).toBe('PARTNERSHIP');
    expect(original[offsets[text.indexOf('no')] as number]).toBe('N');
  });
});
