import type { CompiledMatcher } from '../matching/compile';
import type { CompiledPack } from './compile';
import { rankingWords } from './rank-table';
import { fuseFindingSearch, rankIndexOf } from './ranking';
import type { SearchDoc } from './search-doc';

/** What the ranking searches of a finding: its title and keywords (src/pack/ranking.ts). */
export type RankDoc = Pick<SearchDoc, 'id' | 'title' | 'keywords'>;

/** One fuse.js hit of a ranking query: a finding and its score (0 = perfect). */
export interface RankHit {
  id: string;
  score: number;
}

/**
 * What the scanning engine bundles (src/pack/generated/engine.json, written by `npm run compile-pack`), instead of
 * the whole compiled pack: the matcher without its patterns — the automaton compiled at build time
 * (automaton.json) already holds them — the ranking's documents (titles and keywords) and the table of their words'
 * fuse.js hits. No card texts (the card asks the background for them, src/background/finding-texts.ts) and no
 * fuse.js (the background searches a mention's own text, src/background/ranking.ts).
 */
export interface EngineData {
  formatVersion: 1;
  /**
   * For `createCompiledEngine` only: its patterns and concept labels are empty (building an automaton from it
   * finds nothing).
   */
  matcher: CompiledMatcher;
  rankDocs: RankDoc[];
  /**
   * The fuse.js hits (scored ≤ RANK_TABLE_MAX_SCORE) of every word the ranking can ask about as a sentence word
   * (ranking.ts: rankingWords), so that the content script ranks without fuse.js: only a mention's own text is
   * searched at run time, by the background (src/messaging/ranking.ts).
   */
  rankHits: Record<string, RankHit[]>;
}

/**
 * The loosest hit the table keeps: src/matching/rank.ts ignores hits scored above its MAX_SCORE (0.1), so a table
 * cut here ranks exactly as fuse.js itself (tests/unit/messaging/ranking.test.ts compares both on the corpus).
 */
const RANK_TABLE_MAX_SCORE = 0.1;

/** Pure and deterministic (build time): the engine's part of a compiled pack. */
export function engineDataOf(compiled: CompiledPack): EngineData {
  const { matcher } = compiled;
  const rankDocs = compiled.searchDocs.map(({ id, title, keywords }) => ({ id, title, keywords }));
  const search = fuseFindingSearch(rankDocs, rankIndexOf(rankDocs));
  const rankHits = Object.fromEntries(
    rankingWords(rankDocs, matcher.triggers).flatMap((word) => {
      const hits = search.search(word).filter(({ score }) => score <= RANK_TABLE_MAX_SCORE);
      return hits.length > 0 ? [[word, hits]] : [];
    }),
  );
  return {
    formatVersion: 1,
    matcher: {
      ...matcher,
      triggers: matcher.triggers.map((trigger) => ({ ...trigger, patterns: [] })),
      blockers: [],
      topic: { china: [], russia: [], not: [], pair: [] },
      ...(matcher.concepts
        ? {
            concepts: {
              ...matcher.concepts,
              // The labels name concepts for the pack's compile and the report page, never for the scan.
              labels: [],
              terms: matcher.concepts.terms.map(({ concepts }) => ({ patterns: [], concepts })),
            },
          }
        : {}),
    },
    rankDocs,
    rankHits,
  };
}
