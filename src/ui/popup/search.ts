import type { CompiledPack } from '../../pack/compile';
import type { SearchDoc } from '../../pack/search-doc';
import {
  createFindingIndex,
  matchedRanges,
  queryWords,
  searchIndex,
  suggestFromIndex,
  type FindingIndex,
  type IndexHit,
} from '../../pack/search-index';

/** [start, end], both inclusive (the convention the list's <mark> rendering has always used). */
export type RangeTuple = [number, number];

/** A piece of text and the [start, end] (inclusive) ranges to emphasise in it. */
export interface MarkedText {
  text: string;
  ranges: readonly RangeTuple[];
}

export interface SearchResult {
  id: string;
  title: MarkedText;
  /** Where else the query matched (a trigger phrase, the summary, a quote), trimmed around the match. */
  snippet?: MarkedText & { field: string };
}

/** The search behind the popup and the report page (src/pack/search-index.ts), built once per page. */
export type FindingSearch = FindingIndex;

export function createPopupSearch(pack: Pick<CompiledPack, 'searchDocs'>): FindingSearch {
  return createFindingIndex(pack.searchDocs);
}

const FIELD_LABELS: Record<string, string> = {
  phrases: 'Phrase',
  keywords: 'Keyword',
  summary: 'Summary',
  quotes: 'In the report',
};
const SNIPPET_PREFERENCE = ['phrases', 'keywords', 'quotes', 'summary'] as const;
const SNIPPET_CONTEXT = 60;

/** Findings matching every word of the query (whole words, prefixes, typos), best first, with their marks. */
export function searchFindings(search: FindingSearch, query: string, limit = 20): SearchResult[] {
  if (query.trim() === '') return [];
  return searchIndex(search, query, limit).map((hit) => toResult(hit, queryWords(query)));
}

/**
 * For a query with no results: close findings (some words matching, a typo more allowed), best first; empty
 * when nothing is close either.
 */
export function suggestFindings(search: FindingSearch, query: string, limit = 3): SearchResult[] {
  if (query.trim() === '') return [];
  return suggestFromIndex(search, query, limit).map((hit) => toResult(hit, queryWords(query)));
}

function toResult({ doc }: IndexHit, words: readonly string[]): SearchResult {
  const other = snippetOf(doc, words);
  return {
    id: doc.id,
    title: { text: doc.title, ranges: matchedRanges(doc.title, words) },
    ...(other ? { snippet: other } : {}),
  };
}

function snippetOf(doc: SearchDoc, words: readonly string[]): (MarkedText & { field: string }) | undefined {
  for (const field of SNIPPET_PREFERENCE) {
    const value = doc[field];
    for (const text of typeof value === 'string' ? [value] : value) {
      const ranges = matchedRanges(text, words);
      if (ranges.length > 0) {
        return { ...trimAround({ value: text, indices: ranges }), field: FIELD_LABELS[field] ?? 'Match' };
      }
    }
  }
  return undefined;
}

/** Cuts a long value to a window around its first matched range, shifting the ranges to match. */
export function trimAround(match: { value?: string; indices: readonly RangeTuple[] }): MarkedText {
  const text = match.value ?? '';
  const first = match.indices[0];
  if (!first || text.length <= SNIPPET_CONTEXT * 2) return { text, ranges: match.indices };
  const from = Math.max(0, first[0] - SNIPPET_CONTEXT);
  const to = Math.min(text.length, first[1] + 1 + SNIPPET_CONTEXT);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shift = prefix.length - from;
  const ranges = match.indices
    .filter(([start, end]) => start >= from && end < to)
    .map(([start, end]): RangeTuple => [start + shift, end + shift]);
  return { text: prefix + text.slice(from, to) + suffix, ranges };
}

/** Splits text into plain and emphasised parts (rendered as text nodes and <mark>, never as HTML). */
export function splitMarked({ text, ranges }: MarkedText): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at || end < start || start >= text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false });
    parts.push({ text: text.slice(start, end + 1), marked: true });
    at = end + 1;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return parts;
}
