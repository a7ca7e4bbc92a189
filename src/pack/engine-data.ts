import Fuse from 'fuse.js';
import type { CompiledMatcher } from '../matching/compile';
import type { CompiledPack } from './compile';
import { FUSE_KEYS, type SearchDoc } from './search-doc';

/** What the ranking searches of a finding: its title and keywords (src/pack/ranking.ts). */
export type RankDoc = Pick<SearchDoc, 'id' | 'title' | 'keywords'>;

/**
 * What the scanning engine bundles (src/pack/generated/engine.json, written by `npm run compile-pack`), instead of
 * the whole compiled pack: the matcher without its patterns — the automaton compiled at build time
 * (automaton.json) already holds them — and the ranking's fuse.js index over titles and keywords only. No card
 * texts: the card asks the background for them (src/background/finding-texts.ts).
 */
export interface EngineData {
  formatVersion: 1;
  /** For `createCompiledEngine` only: its patterns are empty, so building an automaton from it finds nothing. */
  matcher: CompiledMatcher;
  rankDocs: RankDoc[];
  /** `Fuse.createIndex(FUSE_KEYS, rankDocs).toJSON()`: the same keys and weights as the pack's search index. */
  rankIndex: unknown;
}

/** Pure and deterministic (build time): the engine's part of a compiled pack. */
export function engineDataOf(compiled: CompiledPack): EngineData {
  const { matcher } = compiled;
  const rankDocs = compiled.searchDocs.map(({ id, title, keywords }) => ({ id, title, keywords }));
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
              terms: matcher.concepts.terms.map(({ concepts }) => ({ patterns: [], concepts })),
            },
          }
        : {}),
    },
    rankDocs,
    // Same keys and weights as the full index: fuse normalises key weights over the key list, so a ranking query
    // on title and keywords scores exactly as it does over the full pack.
    rankIndex: Fuse.createIndex(FUSE_KEYS, rankDocs).toJSON(),
  };
}
