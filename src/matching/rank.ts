/**
 * Ranking of a mention's findings: the trigger's owner first, then its `also` findings, then the findings a
 * finding search (`FindingSearch`: the pack's fuse.js index, src/pack/ranking.ts) finds for the mention and for the
 * words of its sentence that the pack itself uses (titles, keywords, trigger phrases). A finding found only by
 * sentence words needs two of them, so one common word ("trade") does not bring in a finding. Every search is a
 * single phrase or word and is cached for the life of the engine, so a page pays at most one search per distinct
 * pack word, however many mentions it has. No search library here: the engine stays pure and small.
 */
import type { CompiledTrigger } from './compile';
import { normalizePhrase } from './normalize';

/** How many findings a mention carries at most (the card shows the first few). */
const MAX_FINDINGS = 4;
/** Pack words taken from the mention's sentence. */
const MAX_SENTENCE_WORDS = 6;
/** Fuse scores above this (0 = perfect) are too loose to rank a finding by. */
const MAX_SCORE = 0.1;
/** Summed weight a finding needs to be added (a weight is 1 − fuse score: two good sentence words, or the mention). */
const MIN_SCORE = 1.6;
/** fuse.js patterns are capped at 32 characters. */
const MAX_QUERY = 32;

const STOP_WORDS = new Set(
  (
    'the and but for with from that this these those their them they have has had been were was are not nor than ' +
    'then there which who whom what when where while would could should will can may might also into over under ' +
    'about after before between said says more most other some such only own same very just both each any all ' +
    'china chinese beijing russia russian moscow kremlin putin jinping sino'
  ).split(' '),
);

/** Sentence around [start, end) in a block's text: from after the previous . ! ? to the next one. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !isSentenceEnd(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !isSentenceEnd(text.charCodeAt(to))) to++;
  return text.slice(from, to);
}

function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63; // . ! ?
}

export interface Ranker {
  rank(trigger: CompiledTrigger, mentionText: string, sentence: string): string[];
}

/** A fuzzy search over the findings' titles and keywords (the words a pack author chose). */
export interface FindingSearch {
  /** The texts searched (titles and keywords): their words are the pack words a sentence contributes. */
  vocabularyTexts(): Iterable<string>;
  /** Findings matching `text`, with a score from 0 (perfect) to 1; called once per distinct query. */
  search(text: string): readonly { id: string; score: number }[];
}

/** The ranking over the matcher's triggers and a finding search. */
export function createRanker(triggers: readonly CompiledTrigger[], search: FindingSearch): Ranker {
  const hits = new Map<string, { id: string; weight: number }[]>();
  const vocabulary = new Set<string>();
  for (const text of [...search.vocabularyTexts(), ...triggers.map((trigger) => trigger.phrase)]) {
    for (const word of normalizePhrase(text).split(' ')) {
      if (word.length >= 4 && !STOP_WORDS.has(word)) vocabulary.add(word);
    }
  }

  function query(text: string): { id: string; weight: number }[] {
    let found = hits.get(text);
    if (!found) {
      found = search
        .search(text)
        .filter((hit) => hit.score <= MAX_SCORE)
        .map((hit) => ({ id: hit.id, weight: 1 - hit.score }));
      hits.set(text, found);
    }
    return found;
  }

  return {
    rank(trigger, mentionText, sentence) {
      const ranked = [trigger.finding, ...trigger.also];
      const mention = normalizePhrase(mentionText);
      const queries = [mention.slice(0, MAX_QUERY)];
      for (const word of normalizePhrase(sentence).split(' ')) {
        if (queries.length > MAX_SENTENCE_WORDS) break;
        if (vocabulary.has(word) && !mention.includes(word) && !queries.includes(word)) queries.push(word);
      }
      const scores = new Map<string, number>();
      queries.forEach((q, index) => {
        // The mention's own query counts double: it alone can bring a finding in.
        for (const { id, weight } of query(q)) scores.set(id, (scores.get(id) ?? 0) + (index === 0 ? 2 : 1) * weight);
      });
      const others = [...scores.entries()]
        .filter(([id, score]) => score >= MIN_SCORE && !ranked.includes(id))
        .sort((a, b) => b[1] - a[1]);
      for (const [id] of others) {
        if (ranked.length >= MAX_FINDINGS) break;
        ranked.push(id);
      }
      return ranked;
    },
  };
}
