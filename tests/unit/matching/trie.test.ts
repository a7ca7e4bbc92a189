/**
 * The spotter's word count (what the density bound counts a block by) is countWords's, exactly: on the corpus,
 * and on random text made of the characters where the two could part — every kind of space, the separators that
 * are no word space, ignorable characters, punctuation, letters that fold to several — around the pack's own
 * phrases, so that the walk runs on and the scan skips what the walk read.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, readCorpus } from '../../../scripts/lib/corpus';
import { itemAt } from '../../../scripts/lib/lists';
import { buildEngineTrie } from '../../../src/matching/engine';
import { countWords } from '../../../src/matching/normalize';
import { spot } from '../../../src/matching/trie';
import { PACK } from '../../../src/pack/index';

const trie = buildEngineTrie(PACK.matcher);
const ignore = { trigger: () => undefined, ref: () => undefined };
const wordsSpotted = (text: string, start = 0, end = text.length) => spot(trie, text, start, end, ignore);

const PIECES = [
  ' ',
  '\n',
  '\t',
  '\r',
  '\u00a0',
  '\u2009',
  '\u3000',
  '-',
  '—',
  '’',
  '"',
  '/',
  '\u00ad',
  '\u200b',
  ',',
  '.',
  '(',
  'ﬁ',
  'É',
  '\ud83d\ude00',
  'x',
  'Russia',
  'China',
  "China's",
  'no',
  'limits',
  'axis',
  'of',
  'convenience',
  'sanctions',
  'dual-use',
  'the',
  'two',
  'countries',
];

/** A deterministic generator (the test must not depend on the run). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

describe('spot counts words', () => {
  it('as countWords does, on every corpus article', () => {
    const corpus = [...readCorpus().articles, ...readCorpus(join(corpusDir(), 'batch-2')).articles];
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    for (const article of corpus) {
      const text = `${article.title}\n${article.body}`;
      expect(wordsSpotted(text)).toBe(countWords(text));
    }
  });

  it('as countWords does, on random text and any part of it', () => {
    const next = random(11);
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const pieces = 1 + Math.floor(next() * 30);
      for (let k = 0; k < pieces; k++) text += itemAt(PIECES, Math.floor(next() * PIECES.length));
      expect(wordsSpotted(text), JSON.stringify(text)).toBe(countWords(text));
      const start = Math.floor(next() * text.length);
      const end = start + Math.floor(next() * (text.length - start + 1));
      expect(wordsSpotted(text, start, end), JSON.stringify([text, start, end])).toBe(
        countWords(text.slice(start, end)),
      );
    }
  });
});
