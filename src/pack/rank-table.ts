/**
 * The ranking without fuse.js, for the engine's content script: src/matching/rank.ts asks a FindingSearch for the
 * hits of a mention's own text and of the pack's words in its sentence. The pack's words are a fixed set, searched
 * at build time (engine.json `rankHits`); a mention's text is searched by the background before the mention's
 * findings are first read (src/messaging/ranking.ts). No fuse.js here: this file is what the content script bundles.
 */
import type { CompiledTrigger } from '../matching/compile';
import { normalizePhrase } from '../matching/normalize';
import type { FindingSearch } from '../matching/rank';
import type { RankDoc, RankHit } from './engine-data';

/** fuse.js's pattern limit: a longer query is cut to this many characters before it is searched. */
export const FUSE_PATTERN_LIMIT = 32;

/** rank.ts's query for a mention's own text: normalised, cut to fuse.js's pattern limit. */
export function mentionQuery(mentionText: string): string {
  return normalizePhrase(mentionText).slice(0, FUSE_PATTERN_LIMIT);
}

/** The texts the ranking draws its pack words from (FindingSearch.vocabularyTexts): titles and keywords. */
export function* vocabularyTextsOf(docs: readonly RankDoc[]): Iterable<string> {
  for (const doc of docs) yield* [doc.title, ...doc.keywords];
}

/**
 * Every word the ranking can ask about as a sentence word (its vocabulary is made of these: rank.ts), for the
 * build-time table of their hits (engine-data.ts): the words of the titles, keywords and trigger phrases.
 */
export function rankingWords(docs: readonly RankDoc[], triggers: readonly CompiledTrigger[]): string[] {
  const words = new Set<string>();
  for (const text of [...vocabularyTextsOf(docs), ...triggers.map((trigger) => trigger.phrase)]) {
    for (const word of normalizePhrase(text).split(' ')) if (word) words.add(word);
  }
  return [...words].sort();
}

/**
 * A finding search from hits found beforehand: the build-time table of the pack's words, then `answered` (the
 * background's hits for mention texts). A query in neither has no hits.
 */
export function tableFindingSearch(
  docs: readonly RankDoc[],
  table: Readonly<Record<string, readonly RankHit[]>>,
  answered: ReadonlyMap<string, readonly RankHit[]>,
): FindingSearch {
  return {
    vocabularyTexts: () => vocabularyTextsOf(docs),
    search: (text) => (Object.hasOwn(table, text) ? (table[text] ?? []) : (answered.get(text) ?? [])),
  };
}
