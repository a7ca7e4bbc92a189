import { describe, expect, it } from 'vitest';
import { expandPattern, parsePattern, PatternError } from '../../../src/matching/patterns';
import { spellings } from '../../../src/matching/morphology';
import { inflectPattern, wordForms } from '../../../src/matching/inflect';
import { makePack } from './helpers';

describe('pattern syntax', () => {
  it('expands alternatives and optional words', () => {
    expect(expandPattern('(no|without) limits')).toEqual(['no limits', 'without limits']);
    expect(expandPattern('(the|) deal of the century')).toEqual(['the deal of the century', 'deal of the century']);
  });

  it('expands nested groups of several words', () => {
    expect(expandPattern('(joint (naval|air) |)drills')).toEqual(['joint naval drills', 'joint air drills', 'drills']);
  });

  it('rejects malformed patterns with the pattern named', () => {
    expect(() => parsePattern('(no|without limits')).toThrow(PatternError);
    expect(() => parsePattern('no limits)')).toThrow(/no limits\)/);
    expect(() => parsePattern('  ')).toThrow(PatternError);
  });
});

describe('spelling and inflection variants', () => {
  it('pairs British and American spellings both ways', () => {
    expect(spellings('dedollarisation')).toContain('dedollarization');
    expect(spellings('dedollarization')).toContain('dedollarisation');
    expect(spellings('rouble')).toContain('ruble');
    expect(spellings('manoeuvres')).toContain('maneuvers');
    expect(spellings('defence')).toContain('defense');
    expect(spellings('armour')).toContain('armor');
    expect(spellings('theatres')).toContain('theaters');
  });

  it('makes plurals and singulars of a last word (compromise, at build time)', () => {
    expect(wordForms('exercise')).toContain('exercises');
    expect(wordForms('drills')).toContain('drill');
    expect(wordForms('sanction')).toContain('sanctions');
    expect(wordForms('currencies')).toContain('currency');
    expect(wordForms('ally')).toContain('allies');
    expect(wordForms('exercise', false)).not.toContain('exercises');
  });

  it('makes verb forms of -ing and -ed words, irregular ones included', () => {
    expect(wordForms('supplying')).toEqual(expect.arrayContaining(['supply', 'supplies', 'supplied']));
    expect(wordForms('restricted')).toEqual(expect.arrayContaining(['restrict', 'restricts', 'restricting']));
    expect(wordForms('shipping')).toEqual(expect.arrayContaining(['ship', 'shipped']));
    expect(wordForms('striking')).toEqual(expect.arrayContaining(['strike', 'struck']));
    expect(wordForms('limits', false)).toEqual(['limits']);
  });

  it('spells every form both ways', () => {
    expect(wordForms('criticised')).toEqual(expect.arrayContaining(['criticize', 'criticizes', 'criticising']));
  });

  it('adds variants to whole words only', () => {
    expect(expandPattern(inflectPattern('joint exercise'))).toContain('joint exercises');
    // "marriage" is glued to a group: left as written, so the group decides its ending.
    expect(inflectPattern('marriage(s|)')).toBe('marriage(s|)');
    expect(expandPattern(inflectPattern('limitless partnership'))).toContain('limitless partnerships');
  });
});

describe('pattern errors in a pack', () => {
  it('name the trigger field', () => {
    expect(() => makePack({ a: [{ phrase: 'fine', variants: ['ok', '(broken|'] }] })).toThrow(
      /findings\[0\]\.triggers\[0\]\.variants\[1\]: unclosed/,
    );
  });
});
