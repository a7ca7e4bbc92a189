import Fuse from 'fuse.js';
import type { EngineSource } from '../matching/engine';
import type { CompiledTrigger } from '../matching/compile';
import { createRanker, type FindingSearch, type Ranker } from '../matching/rank';
import type { CompiledPack } from './compile';
import type { EngineData, RankDoc } from './engine-data';
import { vocabularyTextsOf } from './rank-table';
import { createFindingSearch } from './search';
import { FUSE_KEYS } from './search-doc';

/** The fuse.js index of the ranking docs: the same keys and weights as the pack's search index (build time, tools). */
export function rankIndexOf(rankDocs: readonly RankDoc[]): unknown {
  // Same keys and weights as the full index: fuse normalises key weights over the key list, so a ranking query
  // on title and keywords scores exactly as it does over the full pack.
  return Fuse.createIndex(FUSE_KEYS, rankDocs).toJSON();
}

/**
 * The finding search the engine's ranking asks (src/matching/rank.ts), over a bundled fuse.js index: titles and
 * keywords only — short fields, so a query costs microseconds, and the words a pack author chose.
 */
export function fuseFindingSearch(docs: readonly RankDoc[], fuseIndex: unknown): FindingSearch {
  let fuse: Fuse<RankDoc> | undefined; // created on first use: pages without mentions never pay for it
  return {
    vocabularyTexts: () => vocabularyTextsOf(docs),
    search(text) {
      fuse ??= createFindingSearch({ searchDocs: docs, fuseIndex });
      return fuse
        .search({ $or: [{ title: text }, { keywords: text }] })
        .map((hit) => ({ id: hit.item.id, score: hit.score ?? 1 }));
    },
  };
}

function rankerOf(triggers: readonly CompiledTrigger[], docs: readonly RankDoc[], index: unknown): Ranker {
  return createRanker(triggers, fuseFindingSearch(docs, index));
}

/** The ranking over the whole compiled pack's search index (tests, tools, the scan command). */
export function createPackRanker(pack: CompiledPack): Ranker {
  return rankerOf(pack.matcher.triggers, pack.searchDocs, pack.fuseIndex);
}

/** An engine over this pack: its compiled matcher and the fuse.js ranking (createEngine builds the automaton). */
export function packEngineSource(pack: CompiledPack): EngineSource {
  return { matcher: pack.matcher, ranker: createPackRanker(pack) };
}

/** An engine from engine.json with fuse.js in the same context (tools, the benchmark's runner). */
export function engineSourceOf(data: EngineData): EngineSource {
  return { matcher: data.matcher, ranker: rankerOf(data.matcher.triggers, data.rankDocs, rankIndexOf(data.rankDocs)) };
}
