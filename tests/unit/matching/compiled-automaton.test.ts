/**
 * The automaton as the build ships it (automaton-format.ts): serialised and loaded again, it spots exactly what
 * the automaton built from the patterns spots, for the shipped pack, a small pack with every kind of output, and
 * 30,000 triggers; a malformed one is refused with a clear error.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir, readCorpus } from '../../../scripts/lib/corpus';
import type { Automaton } from '../../../src/matching/automaton-builder';
import {
  AUTOMATON_OUTPUTS,
  AutomatonFormatError,
  decodeNumbers,
  encodeNumbers,
  loadAutomaton,
  serializeAutomaton,
  type SerializedAutomaton,
} from '../../../src/matching/automaton-format';
import { buildEngineTrie, createCompiledEngine, createEngine } from '../../../src/matching/engine';
import { buildTrie, spot, type Trie } from '../../../src/matching/trie';
import { PACK } from '../../../src/pack/index';
import { packEngineSource } from '../../../src/pack/ranking';
import { blocks, makePack, ON_TOPIC } from './helpers';

/** Every trigger and reference the walk reports, as comparable strings. */
function spotted(trie: Trie, text: string): string[] {
  const out: string[] = [];
  spot(trie, text, 0, text.length, {
    trigger: (index, start, end) => out.push(`trigger ${index} ${start}-${end}`),
    ref: (flags, start, end) => out.push(`ref ${flags} ${start}-${end}`),
  });
  return out;
}

/** Through JSON, as the bundle carries it. */
function roundTrip(automaton: Automaton): Automaton {
  return loadAutomaton(JSON.parse(JSON.stringify(serializeAutomaton(automaton))) as SerializedAutomaton);
}

const corpus = [...readCorpus().articles, ...readCorpus(join(corpusDir(), 'batch-2')).articles].map(
  (article) => `${article.title}\n${article.body}`,
);

describe('the serialised automaton of the shipped pack', () => {
  const built = buildEngineTrie(PACK.matcher); // what compile-pack serialises
  const loaded = roundTrip(built);

  it('spots the same triggers and references as the built one on every corpus article', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    let events = 0;
    for (const text of corpus) {
      const expected = spotted(built, text);
      events += expected.length;
      expect(spotted(loaded, text)).toEqual(expected);
    }
    expect(events).toBeGreaterThan(100); // the comparison saw real matches, not two empty lists
  });

  it('is smaller than the built one (equivalent states merged) and keeps its root table', () => {
    expect(loaded.first.length).toBeLessThan(built.first.length);
    expect(Array.from(loaded.rootAscii).map((t) => t !== -1)).toEqual(Array.from(built.rootAscii).map((t) => t !== -1));
  });

  // Built here, beside `built`: constructing an engine builds its automaton again (the slow part, ~0.3 s, and
  // several seconds on a loaded 2-core machine), which is set-up, not what the test below checks.
  const source = packEngineSource(PACK);
  const buildingEngine = createEngine(source);
  const compiledEngine = createCompiledEngine(source, serializeAutomaton(built));

  it('gives the engine the same mentions as an engine that builds the automaton', () => {
    const page = blocks(ON_TOPIC, ...corpus.slice(0, 20).flatMap((text) => text.split('\n')));
    const simplify = (engine: ReturnType<typeof createEngine>) =>
      engine.scan(page).map((m) => [m.start, m.end, m.trigger, m.findings]);
    const expected = simplify(buildingEngine);
    expect(expected.length).toBeGreaterThan(10);
    expect(simplify(compiledEngine)).toEqual(expected);
  });

  it('serialises every per-state output of the automaton (a new output must be added to NODE_OUTPUTS)', () => {
    const states = built.first.length;
    const perState = Object.entries(built)
      .filter(([, value]) => ArrayBuffer.isView(value) && (value as Int32Array).length === states)
      .map(([name]) => name)
      .filter((name) => name !== 'first' && name !== 'count');
    expect(perState.sort()).toEqual([...AUTOMATON_OUTPUTS].sort());
  });
});

describe('a small pack with inflections, groups, blockers and references', () => {
  const pack = makePack({
    limits: [{ phrase: 'no limits partnership', variants: ['(no|without) limit(s|) (friendship|ties)'] }],
    exports: [{ phrase: 'restricted exports', context: 'any' }, { phrase: 'dual-use goods' }],
    blocked: [{ phrase: 'joint exercise' }],
  });
  const built = buildEngineTrie(pack.matcher);
  const loaded = roundTrip(built);
  const texts = [
    'China and Russia: a no-limits partnership, friendship without limit, ties without limits.',
    'They restrict exports, restricting export of dual use goods and dedual-use good.',
    'A joint exercise of the Chinese army with Russia; Russian, Chinese, the two countries.',
    'Ｎｏ ｌｉｍｉｔｓ ｐａｒｔｎｅｒｓｈｉｐ — No\u00adlimits partnerships; no limits, partnership.',
  ];

  it('spots exactly what the built automaton spots', () => {
    for (const text of texts) expect(spotted(loaded, text)).toEqual(spotted(built, text));
    expect(
      texts.flatMap((text) => spotted(loaded, text)).filter((e) => e.startsWith('trigger')).length,
    ).toBeGreaterThan(4);
  });
});

describe('30,000 triggers', () => {
  const WORDS = ['amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'jasper'];
  const phrase = (k: number) => `${WORDS[k % 10]} ${WORDS[Math.floor(k / 10) % 10]} ${Math.floor(k / 100)}`;

  it('survive serialisation: the loaded engine finds exactly the planted ones', () => {
    const triggers = Array.from({ length: 30_000 }, (_, k) => ({ phrase: phrase(k), context: 'any' as const }));
    const pack = makePack({ big: triggers.slice(0, 15_000), other: triggers.slice(15_000) });
    const serialised = JSON.parse(
      JSON.stringify(serializeAutomaton(buildEngineTrie(pack.matcher))),
    ) as SerializedAutomaton;
    const engine = createCompiledEngine(packEngineSource(pack), serialised);
    // Two sentences: marks of two findings in one clause would show as one (join.ts).
    const page = blocks(`Today ${phrase(12_345)}. Then ${phrase(29_999)}, not ${WORDS[0]} ${WORDS[1]} 300000.`);
    expect(engine.scan(page).map((m) => [m.trigger, m.findings[0]])).toEqual([
      [phrase(12_345), 'big'],
      [phrase(29_999), 'other'],
    ]);
  });
});

describe('the number strings of the format', () => {
  const decoded = (digits: string) => {
    const into = new Int32Array(digits.length);
    return Array.from(into.subarray(0, decodeNumbers(digits, into)));
  };

  it('round-trip small and large numbers, with only characters no string literal escapes', () => {
    const values = [0, 1, 51, 52, 53, 1559, 1560, 123_456, 2 ** 31 - 1, 7];
    const digits = encodeNumbers(values);
    expect(decoded(digits)).toEqual(values);
    expect(digits).toMatch(/^[^"'`$\\\s]*$/);
    expect(encodeNumbers([3, 1, 4]).length).toBe(3); // a number below 52 is one character
  });

  it('refuse a stray character, a cut-short number and more numbers than room', () => {
    expect(() => decoded('(("(')).toThrow(AutomatonFormatError);
    expect(() => decoded(`${encodeNumbers([5])}a`)).toThrow(AutomatonFormatError);
    expect(() => decodeNumbers(encodeNumbers([1, 2, 3]), new Int32Array(2))).toThrow(AutomatonFormatError);
    expect(() => encodeNumbers([-1])).toThrow(AutomatonFormatError);
  });
});

describe('the walk text of the format', () => {
  const serialised = serializeAutomaton(buildTrie(makePack({ a: [{ phrase: 'axis of convenience' }] }).matcher));

  it("spells the pack's words, one character per edge and a capital only where a state is not plain", () => {
    expect(serialised.graph).toContain('of convenien');
    const letters = serialised.graph.replace(/[^A-Z]/g, '').length;
    expect(serialised.graph.length - letters).toBe(serialised.edges);
    expect(letters).toBeLessThan(serialised.states / 2);
  });
});

describe('a malformed serialised automaton', () => {
  const good = serializeAutomaton(buildTrie(makePack({ a: [{ phrase: 'axis of convenience' }] }).matcher));
  /** The digit string with its numbers changed by `change` (values as stored, zigzag-coded). */
  const edit = (digits: string, change: (values: number[]) => number[]) => {
    const into = new Int32Array(digits.length);
    return encodeNumbers(change(Array.from(into.subarray(0, decodeNumbers(digits, into)))));
  };
  const broken: [string, (s: SerializedAutomaton) => SerializedAutomaton][] = [
    ['an unknown format', (s) => ({ ...s, format: 2 })],
    ['a walk text cut short', (s) => ({ ...s, graph: s.graph.slice(0, -1) })],
    ['a walk text with a character too many', (s) => ({ ...s, graph: `${s.graph}a` })],
    ['a shape letter it does not define', (s) => ({ ...s, shapes: edit(s.shapes, (v) => v.slice(0, 3)) })],
    ['fewer edges than its states have', (s) => ({ ...s, edges: s.edges - 1 })],
    ['more states than it numbers', (s) => ({ ...s, states: s.states + 1 })],
    [
      'an edge outside the automaton',
      (s) => ({ ...s, links: edit(s.links, (l) => l.map((v, k) => (k === 3 ? 2e6 : v))) }),
    ],
    ['a link too few', (s) => ({ ...s, links: edit(s.links, (l) => l.slice(1)) })],
    ['an output without its value', (s) => ({ ...s, outputs: { ...s.outputs, trigger: '' } })],
    ['a stray character in its numbers', (s) => ({ ...s, links: `${s.links.slice(1)}"` })],
  ];
  it.each(broken)('with %s is refused', (_, breakIt) => {
    expect(() => loadAutomaton(breakIt(good))).toThrow(AutomatonFormatError);
  });
  it('is not refused when intact', () => {
    expect(() => loadAutomaton(good)).not.toThrow();
  });
});
