/**
 * What the scanning content script bundles instead of the whole pack (src/pack/generated/engine.json): fresh, free
 * of the card's texts and the trigger patterns, and an engine made from it with the compiled automaton finds and
 * ranks exactly what an engine over the whole pack does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILED_JSON, ENGINE_JSON, engineJson } from '../../../scripts/compile-pack';
import { corpusDir, readCorpus } from '../../../scripts/lib/corpus';
import { createCompiledEngine, createEngine, type Engine } from '../../../src/matching/engine';
import type { TextSegment } from '../../../src/matching/types';
import { COMPILED_AUTOMATON } from '../../../src/pack/automaton';
import { ENGINE_DATA } from '../../../src/pack/engine';
import { PACK } from '../../../src/pack/index';
import { engineSourceOf, packEngineSource } from '../../../src/pack/ranking';

const corpus = [...readCorpus().articles, ...readCorpus(join(corpusDir(), 'batch-2')).articles];

describe('the engine data', { timeout: 60_000 }, () => {
  it('equals a fresh compile (run `npm run compile-pack` after editing the pack or engine-data.ts)', () => {
    expect(readFileSync(ENGINE_JSON, 'utf8')).toBe(engineJson(readFileSync(COMPILED_JSON, 'utf8')));
  });

  it('carries no card texts, no trigger patterns and no concept labels', () => {
    const text = readFileSync(ENGINE_JSON, 'utf8');
    for (const finding of PACK.findings) {
      expect(text).not.toContain(finding.summary);
      for (const quote of finding.quotes) expect(text).not.toContain(quote.text);
    }
    expect(ENGINE_DATA.matcher.triggers.every((trigger) => trigger.patterns.length === 0)).toBe(true);
    expect(ENGINE_DATA.matcher.concepts?.labels).toEqual([]); // read when the pack is compiled, not by the scan
    expect(ENGINE_DATA.matcher.triggers.map((t) => [t.phrase, t.finding, t.also, t.context])).toEqual(
      PACK.matcher.triggers.map((t) => [t.phrase, t.finding, t.also, t.context]),
    );
  });

  it('gives the same mentions and the same ranked findings as an engine over the whole pack, on the corpus', () => {
    const full = createEngine(packEngineSource(PACK));
    const shipped = createCompiledEngine(engineSourceOf(ENGINE_DATA), COMPILED_AUTOMATON);
    const seen = (engine: Engine, page: TextSegment[]) =>
      engine.scan(page).map((m) => [m.start, m.end, m.trigger, m.findings, m.concepts]);
    let mentions = 0;
    let extraRanked = 0;
    for (const article of corpus) {
      const page = `${article.title}\n${article.body}`.split('\n').map((text, block) => ({ text, block }));
      const expected = seen(full, page);
      mentions += expected.length;
      extraRanked += expected.filter((m) => (m[3] as string[]).length > 1).length;
      expect(seen(shipped, page), article.id).toEqual(expected);
    }
    expect(mentions).toBeGreaterThan(50); // the comparison saw real mentions, not two empty lists
    expect(extraRanked).toBeGreaterThan(5); // and rankings beyond the trigger's own finding
  });
});
