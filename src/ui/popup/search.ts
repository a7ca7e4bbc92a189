import type { FuseResultMatch, RangeTuple } from 'fuse.js';
import type Fuse from 'fuse.js';
import type { SearchDoc } from '../../pack/search-doc';

/** A piece of text and the [start, end] (inclusive, fuse's convention) ranges to emphasise in it. */
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

const FIELD_LABELS: Record<string, string> = {
  phrases: 'Phrase',
  keywords: 'Keyword',
  summary: 'Summary',
  quotes: 'In the report',
};
const SNIPPET_PREFERENCE = ['phrases', 'keywords', 'quotes', 'summary'];
const SNIPPET_CONTEXT = 60;

export function searchFindings(fuse: Fuse<SearchDoc>, query: string, limit = 20): SearchResult[] {
  const q = query.trim();
  if (q === '') return [];
  return fuse.search(q, { limit }).map(({ item, matches = [] }) => {
    const titleMatch = matches.find((m) => m.key === 'title');
    // Trigger variants in pattern form ("(economic|economy) growth") would read as noise: show plain values only.
    const readable = matches.filter((m) => !(m.key === 'phrases' && /[()|]/.test(m.value ?? '')));
    const other = SNIPPET_PREFERENCE.map((key) => readable.find((m) => m.key === key)).find(Boolean);
    return {
      id: item.id,
      title: { text: item.title, ranges: titleMatch?.indices ?? [] },
      ...(other ? { snippet: { ...trimAround(other), field: FIELD_LABELS[other.key ?? ''] ?? 'Match' } } : {}),
    };
  });
}

/** Cuts a long value to a window around its first matched range, shifting the ranges to match. */
export function trimAround(match: Pick<FuseResultMatch, 'value' | 'indices'>): MarkedText {
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
