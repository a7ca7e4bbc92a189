/**
 * The content script's ranking without fuse.js: engine.json's table of the pack's words plus the background's hits
 * for the mentions' own texts (the real handler, the one message map) rank exactly as fuse.js over the whole pack.
 */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { corpusDir, readCorpus } from '../../../scripts/lib/corpus';
import { serveRanking } from '../../../src/background/ranking';
import { createCompiledEngine, createEngine } from '../../../src/matching/engine';
import { createRemoteRanking } from '../../../src/messaging/ranking';
import { COMPILED_AUTOMATON } from '../../../src/pack/automaton';
import { ENGINE_DATA } from '../../../src/pack/engine';
import { PACK } from '../../../src/pack/index';
import { packEngineSource } from '../../../src/pack/ranking';

serveRanking();

const corpus = [...readCorpus().articles, ...readCorpus(join(corpusDir(), 'batch-2')).articles];

describe('the ranking through the background', { timeout: 60_000 }, () => {
  it('gives the same ranked findings as fuse.js over the whole pack, on the corpus, once prepared', async () => {
    const full = createEngine(packEngineSource(PACK));
    const ranking = createRemoteRanking(ENGINE_DATA);
    const shipped = createCompiledEngine(ranking.source, COMPILED_AUTOMATON);
    let mentions = 0;
    let extraRanked = 0;
    for (const article of corpus) {
      const page = `${article.title}\n${article.body}`.split('\n').map((text, block) => ({ text, block }));
      const expected = full.scan(page).map((m) => [m.start, m.end, m.findings]);
      const found = shipped.scan(page);
      await ranking.prepare(found.map((m) => m.text));
      expect(found.every((m) => ranking.ready(m.text))).toBe(true);
      expect(
        found.map((m) => [m.start, m.end, m.findings]),
        article.id,
      ).toEqual(expected);
      mentions += expected.length;
      extraRanked += expected.filter((m) => (m[2] as string[]).length > 1).length;
    }
    expect(mentions).toBeGreaterThan(50);
    expect(extraRanked).toBeGreaterThan(5); // rankings beyond the trigger's own finding were compared
  });

  it('asks each mention text once, and not at all for the pack words engine.json carries', async () => {
    const ask = vi.fn((queries: string[]) => Promise.resolve(Object.fromEntries(queries.map((q) => [q, []]))));
    const ranking = createRemoteRanking(ENGINE_DATA, ask);
    const word = Object.keys(ENGINE_DATA.rankHits)[0]!;
    expect(ranking.ready(word)).toBe(true);
    expect(ranking.ready('Axis of Convenience')).toBe(false);
    await Promise.all([ranking.prepare(['Axis of Convenience', word]), ranking.prepare(['axis of convenience'])]);
    expect(ask.mock.calls).toEqual([[['axis of convenience']]]);
    expect(ranking.ready('AXIS OF CONVENIENCE')).toBe(true);
  });
});
