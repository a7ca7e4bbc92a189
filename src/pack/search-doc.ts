import type { Finding } from './schema';

/** What fuse.js searches for each finding: its words, our summary, the report's words and the trigger phrases. */
export interface SearchDoc {
  id: string;
  title: string;
  phrases: string[];
  keywords: string[];
  summary: string;
  quotes: string[];
}

/** Weights: a hit on a trigger phrase or title says more than one deep in a quote. */
export const FUSE_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'phrases', weight: 3 },
  { name: 'keywords', weight: 2 },
  { name: 'summary', weight: 1 },
  { name: 'quotes', weight: 1 },
];

export function toSearchDoc(finding: Finding): SearchDoc {
  return {
    id: finding.id,
    title: finding.title,
    // Canonical phrases only: variants are patterns for the matcher (`(a|b)`), noise to a fuzzy search, and they
    // would triple the bundled index. Keywords carry the everyday words.
    phrases: finding.triggers.map((t) => t.phrase),
    keywords: finding.keywords,
    summary: finding.summary,
    quotes: finding.quotes.map((q) => q.text),
  };
}
