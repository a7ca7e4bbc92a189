/**
 * The findings search: a token index over the search documents (titles, trigger phrases, keywords, summaries,
 * quotes). A query word matches a word of a finding when it is that word, the start of it ("sanc" → "sanctions"),
 * or either of those with a typo (one edit from 4 letters, two from 8: "alliancce", "sanctoins"). It never
 * matches inside a word: "drones" finds no "zones", "alliance" no "balancing". Every query word must match.
 *
 * Why not fuse.js for this: its bitap scoring rates a query against any fragment of a field ("alliance" ≈
 * "b-alanc-ing act"), which is the noise this replaces; here a field counts only through whole-word matches,
 * weighted by field and by how exact the match is. Per keystroke the cost is the postings of the terms that
 * start like the query words (a binary search in the sorted terms) plus a typo check over the terms that share
 * their first letter and length — not a pass over every document.
 */
import type { SearchDoc } from './search-doc';

type SearchField = 'title' | 'phrases' | 'keywords' | 'summary' | 'quotes';
const FIELDS: readonly SearchField[] = ['title', 'phrases', 'keywords', 'summary', 'quotes'];
/** A hit on a title or trigger phrase says more than one deep in a quote. */
const FIELD_WEIGHT: Record<SearchField, number> = { title: 3, phrases: 3, keywords: 2, summary: 1, quotes: 1 };

/** How good a word match is: the word itself, its start, or either with a typo. */
const MATCH_QUALITY = { exact: 1, prefix: 0.8, typo: 0.6, typoPrefix: 0.45 } as const;
export type MatchKind = keyof typeof MATCH_QUALITY;

/** A word of a text: its folded form and where it stands (end exclusive). */
export interface Word {
  term: string;
  start: number;
  end: number;
  /** A hyphenated compound joined (its parts are words of their own). */
  compound?: true;
}

const WORD = /[\p{L}\p{N}]+/gu;
const HYPHEN = /^[-\u2010\u2011]$/;

const folds = new Map<string, string>();

/** Lower case without accents ("Élysée" → "elysee"), as both the index and the query see words. */
function foldWord(word: string): string {
  let folded = folds.get(word);
  if (folded === undefined) {
    folded = word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    if (folds.size < 50_000) folds.set(word, folded); // words repeat a lot; the cap bounds a hostile pack
  }
  return folded;
}

/**
 * The words of a text; a hyphenated compound also stands joined ("de-dollarisation" gives "de",
 * "dollarisation" and "dedollarisation", the last spanning the whole compound).
 */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let compound: Word | undefined;
  let previous: Word | undefined;
  for (const match of text.matchAll(WORD)) {
    const word = { term: foldWord(match[0]), start: match.index, end: match.index + match[0].length };
    if (previous && word.start === previous.end + 1 && HYPHEN.test(text.charAt(previous.end))) {
      compound = {
        term: (compound ?? previous).term + word.term,
        start: (compound ?? previous).start,
        end: word.end,
        compound: true,
      };
      words.push(compound);
    } else compound = undefined;
    words.push(word);
    previous = word;
  }
  return words;
}

/** Edits allowed for a query word of this length (none below 4 letters: too many short words are one apart). */
function allowedEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Optimal-string-alignment distance between a and b, or max + 1 once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1);
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  let next = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    next[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (before[j - 2] as number) + 1);
      }
      next[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    [before, row, next] = [row, next, before];
  }
  return Math.min(row[b.length] as number, max + 1);
}

/**
 * How a query word matches a word of a finding, or undefined. `prefix`: the query word may be the start of the
 * word (the word being typed, or any word of a query).
 */
export function matchWord(query: string, term: string): MatchKind | undefined {
  if (term === query) return 'exact';
  if (term.startsWith(query)) return 'prefix';
  const edits = allowedEdits(query.length);
  if (edits === 0 || term.charCodeAt(0) !== query.charCodeAt(0)) return undefined;
  if (editDistance(query, term, edits) <= edits) return 'typo';
  if (term.length > query.length && editDistance(query, term.slice(0, query.length), edits) <= edits) {
    return 'typoPrefix';
  }
  return undefined;
}

/** The folded words of a query, in order (repeats kept: "no no" asks for the same word twice, harmlessly). */
export function queryWords(query: string): string[] {
  return [...query.matchAll(WORD)].map((m) => foldWord(m[0]));
}

export interface FindingIndex {
  readonly docs: readonly SearchDoc[];
  /** Distinct terms, sorted (prefix ranges by binary search). */
  readonly terms: readonly string[];
  /** Per term: [doc, field weight] pairs, one per document (its best field). */
  readonly postings: readonly Int32Array[];
  /** Per document: [term, field weight] pairs (to check a few documents instead of many postings). */
  readonly docTerms: readonly Int32Array[];
}

export function createFindingIndex(docs: readonly SearchDoc[]): FindingIndex {
  const byTerm = new Map<string, Map<number, number>>();
  docs.forEach((doc, d) => {
    for (const field of FIELDS) {
      const value = doc[field];
      for (const text of typeof value === 'string' ? [value] : value) {
        for (const { term } of wordsOf(text)) {
          let docsOfTerm = byTerm.get(term);
          if (!docsOfTerm) byTerm.set(term, (docsOfTerm = new Map<number, number>()));
          docsOfTerm.set(d, Math.max(docsOfTerm.get(d) ?? 0, FIELD_WEIGHT[field]));
        }
      }
    }
  });
  const terms = [...byTerm.keys()].sort();
  const postings = terms.map((term) => {
    const docsOfTerm = byTerm.get(term) as Map<number, number>;
    const flat = new Int32Array(docsOfTerm.size * 2);
    let k = 0;
    for (const [d, weight] of docsOfTerm) {
      flat[k++] = d;
      flat[k++] = weight;
    }
    return flat;
  });
  const perDoc: number[][] = docs.map(() => []);
  terms.forEach((term, t) => {
    const flat = postings[t] as Int32Array;
    for (let k = 0; k < flat.length; k += 2) (perDoc[flat[k] as number] as number[]).push(t, flat[k + 1] as number);
  });
  return { docs, terms, postings, docTerms: perDoc.map((pairs) => Int32Array.from(pairs)) };
}

/** First index in the sorted terms that is >= key. */
function lowerBound(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((terms[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Terms matching a query word, with the match quality. */
function candidateTerms(index: FindingIndex, word: string, loose: boolean): [number, number][] {
  const out: [number, number][] = [];
  const { terms } = index;
  const from = lowerBound(terms, word);
  const to = lowerBound(terms, `${word}\uffff`);
  for (let t = from; t < to; t++) out.push([t, terms[t] === word ? MATCH_QUALITY.exact : MATCH_QUALITY.prefix]);
  const edits = allowedEdits(word.length) + (loose && word.length >= 5 ? 1 : 0);
  if (edits === 0 || word.length < 3) return out;
  // Typos: only terms with the same first letter (most typos are later in the word; and "alliance" is not
  // "balance", even for a suggestion).
  const first = word.charAt(0);
  const start = lowerBound(terms, first);
  const end = lowerBound(terms, `${first}\uffff`);
  for (let t = start; t < end; t++) {
    if (t >= from && t < to) continue;
    const term = terms[t] as string;
    if (term.length < word.length - edits) continue;
    if (term.length <= word.length + edits && editDistance(word, term, edits) <= edits) {
      out.push([t, MATCH_QUALITY.typo]);
    } else if (term.length > word.length && editDistance(word, term.slice(0, word.length), edits) <= edits) {
      out.push([t, MATCH_QUALITY.typoPrefix]);
    }
  }
  return out;
}

export interface IndexHit {
  doc: SearchDoc;
  score: number;
}

/**
 * Each word's best score per document (quality × field weight) in `scores`; returns the documents touched.
 * `only`: the documents still in the running (every earlier word matched them); when they are few and the
 * word's postings many (a one-letter prefix), their own terms are checked instead.
 */
function wordScores(
  index: FindingIndex,
  word: string,
  loose: boolean,
  scores: Float64Array,
  only?: readonly number[],
): number[] {
  scores.fill(0);
  const touched: number[] = [];
  const candidates = candidateTerms(index, word, loose);
  if (only) {
    let volume = 0;
    for (const [t] of candidates) volume += (index.postings[t] as Int32Array).length;
    let checks = 0;
    for (const d of only) checks += (index.docTerms[d] as Int32Array).length;
    if (checks < volume) {
      const quality = new Map(candidates);
      for (const d of only) {
        const pairs = index.docTerms[d] as Int32Array;
        let best = 0;
        for (let k = 0; k < pairs.length; k += 2) {
          const q = quality.get(pairs[k] as number);
          if (q !== undefined) best = Math.max(best, q * (pairs[k + 1] as number));
        }
        if (best > 0) {
          scores[d] = best;
          touched.push(d);
        }
      }
      return touched;
    }
  }
  for (const [t, quality] of candidates) {
    const postings = index.postings[t] as Int32Array;
    for (let k = 0; k < postings.length; k += 2) {
      const d = postings[k] as number;
      const score = quality * (postings[k + 1] as number);
      const before = scores[d] as number;
      if (before === 0) touched.push(d);
      if (score > before) scores[d] = score;
    }
  }
  return touched;
}

/**
 * Adds up the words' scores per document; `all`: only documents every word matched. Typed arrays and one
 * bounded top list, not a Map and a sort over thousands of documents per keystroke.
 */
function score(index: FindingIndex, words: readonly string[], all: boolean, limit: number): IndexHit[] {
  const n = index.docs.length;
  const total = new Float64Array(n);
  const matched = new Uint16Array(n);
  const scratch = new Float64Array(n);
  let candidates: number[] = [];
  words.forEach((word, w) => {
    const touched = wordScores(index, word, !all, scratch, all && w > 0 ? candidates : undefined);
    for (const d of touched) {
      if (all && matched[d] !== w) continue;
      if (matched[d] === 0) candidates.push(d);
      matched[d] = (matched[d] as number) + 1;
      total[d] = (total[d] as number) + (scratch[d] as number);
    }
    if (all) candidates = candidates.filter((d) => matched[d] === w + 1);
  });
  // The best `limit`, best first, ties in pack order.
  const top: number[] = [];
  const better = (a: number, b: number) =>
    (total[a] as number) > (total[b] as number) || (total[a] === total[b] && a < b);
  for (const d of candidates) {
    if (top.length === limit && !better(d, top[limit - 1] as number)) continue;
    let at = top.length === limit ? limit - 1 : top.length;
    while (at > 0 && better(d, top[at - 1] as number)) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = d;
  }
  return top.map((d) => ({ doc: index.docs[d] as SearchDoc, score: total[d] as number }));
}

/** Findings matching every query word, best first (ties in pack order). */
export function searchIndex(index: FindingIndex, query: string, limit = 20): IndexHit[] {
  const words = queryWords(query);
  if (words.length === 0 || query.trim().length < 2) return [];
  return score(index, words, true, limit);
}

/**
 * For a query with no results: findings that match some of its words, with one typo more allowed from 5 letters
 * ("sxnctoinz" → "sanctions", "kremlin alliance" → the alliance findings). Best first; at most `limit`.
 */
export function suggestFromIndex(index: FindingIndex, query: string, limit = 3): IndexHit[] {
  const words = queryWords(query).filter((word) => word.length >= 3);
  return words.length === 0 ? [] : score(index, words, false, limit);
}

/**
 * Where the query's words stand in a text, as inclusive [start, end] ranges: a whole word for an exact or typo
 * match, the typed start of the word for a prefix match. Never a piece from inside a word.
 */
export function matchedRanges(text: string, query: string | readonly string[]): [number, number][] {
  const words = typeof query === 'string' ? queryWords(query) : query;
  const ranges: { start: number; end: number; compound: boolean }[] = [];
  for (const word of wordsOf(text)) {
    let best: MatchKind | undefined;
    let bestWord = '';
    for (const q of words) {
      const kind = matchWord(q, word.term);
      if (kind && (!best || MATCH_QUALITY[kind] > MATCH_QUALITY[best])) {
        best = kind;
        bestWord = q;
      }
    }
    if (!best) continue;
    // A prefix is marked as typed, when folding kept the word's length (else the whole word).
    const sameLength = word.term.length === word.end - word.start;
    const end = best === 'prefix' && sameLength ? word.start + bestWord.length : word.end;
    ranges.push({ start: word.start, end: end - 1, compound: word.compound === true });
  }
  // A compound counts only where none of its parts matched ("dedollarization" marks "de-dollarisation").
  return ranges
    .filter(
      ({ compound, start, end }) => !compound || !ranges.some((r) => !r.compound && r.start >= start && r.end <= end),
    )
    .map(({ start, end }): [number, number] => [start, end]);
}
