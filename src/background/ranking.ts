import { onMessage } from '../messaging/protocol';
import { ENGINE_DATA } from '../pack/engine';
import type { RankHit } from '../pack/engine-data';
import { FUSE_PATTERN_LIMIT } from '../pack/rank-table';
import { fuseFindingSearch, rankIndexOf } from '../pack/ranking';

/** A page asks about the mention texts of one scan: more is cut, not refused (a later scan asks again). */
const MAX_QUERIES_PER_REQUEST = 5000;
/** Searches kept for the worker's life, so that a phrase read on many pages is searched once; then started over. */
const MAX_CACHED = 20_000;

/**
 * Searches mention texts for the engine's content script (src/messaging/ranking.ts), which ranks without fuse.js.
 * The same docs, keys and index as the ranking everywhere else, so the hits are exactly those fuse.js gives there.
 * Tolerates any input (a message is untrusted data).
 */
export function serveRanking(): void {
  const search = fuseFindingSearch(ENGINE_DATA.rankDocs, rankIndexOf(ENGINE_DATA.rankDocs));
  const cache = new Map<string, RankHit[]>();
  onMessage('searchRanking', ({ data }) => {
    const queries = Array.isArray(data) ? data.filter((query): query is string => typeof query === 'string') : [];
    const hits: Record<string, RankHit[]> = {};
    for (const query of queries.slice(0, MAX_QUERIES_PER_REQUEST)) {
      let found = cache.get(query);
      if (!found) {
        found = [...search.search(query.slice(0, FUSE_PATTERN_LIMIT))];
        if (cache.size >= MAX_CACHED) cache.clear();
        cache.set(query, found);
      }
      hits[query] = found;
    }
    return hits;
  });
}
