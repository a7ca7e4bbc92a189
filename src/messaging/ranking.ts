import type { EngineSource } from '../matching/engine';
import { createRanker } from '../matching/rank';
import type { EngineData, RankHit } from '../pack/engine-data';
import { mentionQuery, tableFindingSearch } from '../pack/rank-table';
import { sendMessage } from './protocol';

/** A page's ranking, fuse.js in the background: the engine's source, and what must come before reading findings. */
export interface RemoteRanking {
  source: EngineSource;
  /** Fetches the background's hits for these mention texts (each query once); then their findings can be read. */
  prepare(mentionTexts: Iterable<string>): Promise<void>;
  /** Whether a mention with this text can be ranked now (its findings read) without a wrong, memoised answer. */
  ready(mentionText: string): boolean;
}

/**
 * The ranking of the engine's content script: the ranker of src/matching/rank.ts over a finding search answered
 * from engine.json's table (the pack's words) and the background's hits for the mentions' own texts
 * (`searchRanking`). A mention's findings are ranked on their first read and kept, so the overlay reads them only
 * once prepare() has fetched their text's hits: the ranking is then exactly fuse.js's.
 */
export function createRemoteRanking(data: EngineData, ask = askBackground): RemoteRanking {
  const answered = new Map<string, readonly RankHit[]>();
  const asking = new Map<string, Promise<void>>();
  const known = (query: string) => Object.hasOwn(data.rankHits, query) || answered.has(query);
  const ranker = createRanker(data.matcher.triggers, tableFindingSearch(data.rankDocs, data.rankHits, answered));
  return {
    source: { matcher: data.matcher, ranker },
    ready: (text) => known(mentionQuery(text)),
    async prepare(texts) {
      const queries = [...new Set([...texts].map(mentionQuery))];
      const missing = queries.filter((query) => !known(query) && !asking.has(query));
      if (missing.length > 0) {
        const request = ask(missing)
          .then((hits) => {
            for (const query of missing) answered.set(query, hits[query] ?? []);
          })
          .finally(() => missing.forEach((query) => asking.delete(query)));
        missing.forEach((query) => asking.set(query, request));
      }
      await Promise.all(new Set(queries.flatMap((query) => asking.get(query) ?? [])));
    },
  };
}

function askBackground(queries: string[]): Promise<Record<string, RankHit[]>> {
  return sendMessage('searchRanking', queries);
}
