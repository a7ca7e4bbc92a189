import Fuse from 'fuse.js';
import type { Pack, ReportMeta } from './schema';
import { compileMatcher, type CompiledMatcher } from '../matching/compile';
import { FUSE_KEYS, toSearchDoc, type SearchDoc } from './search-doc';

/** A quote as shipped: its text, who says it, and where it stands in the source text (for the report page). */
export interface QuoteView {
  text: string;
  attribution?: string;
  start: number;
  end: number;
}

export interface FindingView {
  id: string;
  title: string;
  summary: string;
  quotes: QuoteView[];
}

/** What the build bundles into the extension (src/pack/generated/compiled.json). */
export interface CompiledPack {
  formatVersion: 1;
  report: ReportMeta;
  findings: FindingView[];
  /** The documents the fuse.js index was built over, in index order. */
  searchDocs: SearchDoc[];
  /** `Fuse.createIndex(FUSE_KEYS, searchDocs).toJSON()`, loaded with `Fuse.parseIndex`. */
  fuseIndex: unknown;
  /** The phrase matcher's compiled form (see src/matching/compile.ts). */
  matcher: CompiledMatcher;
}

/** Pure and deterministic: the same pack and source always give the same JSON. */
export function compilePack(pack: Pack, sourceText: string): CompiledPack {
  const findings: FindingView[] = pack.findings.map((finding) => ({
    id: finding.id,
    title: finding.title,
    summary: finding.summary,
    quotes: finding.quotes.map((quote) => {
      const start = sourceText.indexOf(quote.text);
      return {
        text: quote.text,
        ...(quote.attribution ? { attribution: quote.attribution } : {}),
        start,
        end: start + quote.text.length,
      };
    }),
  }));
  const searchDocs = pack.findings.map(toSearchDoc);
  const fuseIndex = Fuse.createIndex(FUSE_KEYS, searchDocs).toJSON();
  return { formatVersion: 1, report: pack.report, findings, searchDocs, fuseIndex, matcher: compileMatcher(pack) };
}
