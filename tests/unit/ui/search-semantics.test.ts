/**
 * What the popup's and the report page's search match: whole words, starts of words and near-misses, never a
 * piece inside a word; every query word must match; an empty result offers close findings.
 */
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../src/pack/search-doc';
import { editDistance, matchedRanges, matchWord, wordsOf } from '../../../src/pack/search-index';
import { createPopupSearch, searchFindings, splitMarked, suggestFindings } from '../../../src/ui/popup/search';
import { findOccurrences } from '../../../src/ui/report/segments';

function doc(id: string, title: string, more: Partial<SearchDoc> = {}): SearchDoc {
  return { id, title, phrases: [], keywords: [], summary: '', quotes: [], ...more };
}

const DOCS = [
  doc('drones', 'Requests for drones and munitions', { phrases: ['attack drones'] }),
  doc('zones', 'No forbidden zones in cooperation', { summary: 'It does not say so.' }),
  doc('balance', 'A balancing act between partners', { keywords: ['balance'] }),
  doc('alliance', 'Not an alliance', { phrases: ['military alliance'], quotes: ['no formal alliance exists'] }),
  doc('dollar', 'Energy and de-dollarisation', { phrases: ['de-dollarisation'], keywords: ['yuan'] }),
  doc('sanctions', 'Sanctions evasion', { summary: 'Help with evading Western sanctions.' }),
];
const search = createPopupSearch({ searchDocs: DOCS });
const ids = (query: string) => searchFindings(search, query).map((r) => r.id);
const marked = (query: string) =>
  searchFindings(search, query).flatMap((r) =>
    [r.title, ...(r.snippet ? [r.snippet] : [])].flatMap((t) =>
      splitMarked(t)
        .filter((p) => p.marked)
        .map((p) => p.text),
    ),
  );

describe('whole words and prefixes', () => {
  it('"drones" finds the drones finding and highlights no "zones" or "does no"', () => {
    expect(ids('drones')).toEqual(['drones']);
    expect(marked('drones').map((m) => m.toLowerCase())).toEqual(['drones', 'drones']);
  });

  it('"alliance" highlights no fragment of "balancing act"', () => {
    expect(ids('alliance')).toEqual(['alliance']);
    expect(marked('alliance').every((m) => m.toLowerCase() === 'alliance')).toBe(true);
  });

  it('a word being typed matches the start of words, marked as typed', () => {
    expect(ids('sanc')).toEqual(['sanctions']);
    expect(marked('sanc')).toEqual(['Sanc', 'sanc']);
    expect(ids('bal')).toEqual(['balance']);
  });

  it('never matches inside a word', () => {
    expect(ids('ones')).toEqual([]);
    expect(ids('lance')).toEqual([]);
    expect(ids('ancing')).toEqual([]);
  });

  it('needs every query word', () => {
    expect(ids('attack drones')).toEqual(['drones']);
    expect(ids('attack zones')).toEqual([]);
  });

  it('ranks a title or phrase hit above a hit deep in a summary', () => {
    const both = createPopupSearch({
      searchDocs: [doc('deep', 'Other', { summary: 'about sanctions' }), doc('top', 'Sanctions')],
    });
    expect(searchFindings(both, 'sanctions').map((r) => r.id)).toEqual(['top', 'deep']);
  });

  it('takes hyphenated compounds apart and joined', () => {
    expect(ids('dedollarisation')).toEqual(['dollar']);
    expect(ids('de-dollarisation')).toEqual(['dollar']);
    expect(ids('dollarisation')).toEqual(['dollar']);
  });
});

describe('typos', () => {
  it('tolerates one edit from 4 letters and two from 8, as whole words and as prefixes', () => {
    expect(ids('sanctoins')).toEqual(['sanctions']); // transposition
    expect(ids('allaince')).toEqual(['alliance']);
    expect(ids('dronse')).toEqual(['drones']);
    expect(ids('sancti0ns evasoin')).toEqual(['sanctions']);
    expect(ids('allainc')).toEqual(['alliance']); // a typo in the part typed so far
  });

  it('does not stretch short words: no typos below 4 letters', () => {
    expect(matchWord('no', 'so')).toBeUndefined();
    expect(matchWord('yan', 'yuan')).toBeUndefined();
    expect(matchWord('yaun', 'yuan')).toBe('typo');
  });

  it('distance is bounded and counts a swap as one edit', () => {
    expect(editDistance('sanctoins', 'sanctions', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 2)).toBe(3); // over the bound: bound + 1
    expect(editDistance('abc', 'abc', 0)).toBe(0);
  });
});

describe('an empty result', () => {
  it('suggests close findings when not every word matches', () => {
    expect(ids('alliance yuan')).toEqual([]);
    expect(suggestFindings(search, 'alliance yuan').map((r) => r.id)).toEqual(['alliance', 'dollar']);
  });

  it('suggests with a looser typo allowance', () => {
    expect(ids('sxnctoinz')).toEqual([]);
    expect(suggestFindings(search, 'sxnctoinz').map((r) => r.id)).toEqual(['sanctions']);
  });

  it('suggests nothing for a query unlike anything', () => {
    expect(suggestFindings(search, 'qwertyuiop')).toEqual([]);
  });
});

describe('marks in text (report page and snippets)', () => {
  const text = 'A balancing act: no formal alliance, no-limits ties. Alliances do not exist.';

  it('marks whole words and typed prefixes only', () => {
    const parts = (query: string) => matchedRanges(text, query).map(([s, e]) => text.slice(s, e + 1));
    expect(parts('alliance')).toEqual(['alliance', 'Alliance']);
    expect(parts('no')).toEqual(['no', 'no', 'no']); // "no", "no-limits", "not": starts of words
    expect(parts('lance')).toEqual([]);
  });

  it('finds the query words as consecutive words on the report page', () => {
    const at = (query: string) => findOccurrences(text, query).map((l) => text.slice(l.start, l.end));
    expect(at('formal alliance')).toEqual(['formal alliance']);
    expect(at('no limits')).toEqual(['no-limits']);
    expect(at('alliance')).toEqual(['alliance', 'Alliance']);
    expect(at('balanc act')).toEqual(['balancing act']);
    expect(at('lance')).toEqual([]);
  });

  it('splits text into words with folded terms and compounds', () => {
    expect(wordsOf('Élysée de-dollarisation').map((w) => w.term)).toEqual([
      'elysee',
      'de',
      'dedollarisation',
      'dollarisation',
    ]);
  });
});
