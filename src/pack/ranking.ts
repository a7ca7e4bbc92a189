import type Fuse from 'fuse.js';
import type { EngineSource } from '../matching/engine';
import { createRanker, type FindingSearch, type Ranker } from '../matching/rank';
import type { CompiledPack } from './compile';
import type { SearchDoc } from './search-doc';
import { createFindingSearch } from './search';

/**
 * The finding search the engine's ranking asks (src/matching/rank.ts), over the pack's bundled fuse.js index:
 * titles and keywords only — short fields, so a query costs microseconds, and the words a pack author chose.
 */
function packFindingSearch(pack: CompiledPack): FindingSearch {
  let fuse: Fuse<SearchDoc> | undefined; // created on first use: pages without mentions never pay for it
  return {
    *vocabularyTexts() {
      for (const doc of pack.searchDocs) yield* [doc.title, ...doc.keywords];
    },
    search(text) {
      fuse ??= createFindingSearch(pack);
      return fuse
        .search({ $or: [{ title: text }, { keywords: text }] })
        .map((hit) => ({ id: hit.item.id, score: hit.score ?? 1 }));
    },
  };
}

export function createPackRanker(pack: CompiledPack): Ranker {
  return createRanker(pack.matcher.triggers, packFindingSearch(pack));
}

/** What an engine over this pack is made of: its compiled matcher and the fuse.js ranking. */
export function packEngineSource(pack: CompiledPack): EngineSource {
  return { matcher: pack.matcher, ranker: createPackRanker(pack) };
}
