/** A pack far larger than ours still compiles, builds and matches exactly (correctness only; speed is benched). */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/matching/engine';
import { packEngineSource } from '../../../src/pack/ranking';
import { blocks, makePack } from './helpers';

const WORDS = ['amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'jasper'];

/** 30,000 distinct three-word phrases built from a small vocabulary plus a number. */
function syntheticPhrase(k: number): string {
  return `${WORDS[k % 10]} ${WORDS[Math.floor(k / 10) % 10]} ${Math.floor(k / 100)}`;
}

/** vitest's 5 s default would make this a speed test on a loaded machine (3.4 s alone here); speed is benched. */
const NOT_A_SPEED_TEST = { timeout: 120_000 };

describe('scale', () => {
  it('compiles 30,000 triggers and finds exactly the ones on the page', NOT_A_SPEED_TEST, () => {
    const triggers = Array.from({ length: 30_000 }, (_, k) => ({
      phrase: syntheticPhrase(k),
      context: 'any' as const,
    }));
    const pack = makePack({ big: triggers.slice(0, 15_000), other: triggers.slice(15_000) });
    expect(pack.matcher.triggers).toHaveLength(30_000);
    const engine = createEngine(packEngineSource(pack));
    const page = blocks(
      // Two sentences: marks of two findings in one clause would show as one (join.ts).
      `Today ${syntheticPhrase(12_345)}. Then ${syntheticPhrase(29_999)}, not ${WORDS[0]} ${WORDS[1]} 300000.`,
    );
    const mentions = engine.scan(page);
    expect(mentions.map((m) => [m.trigger, m.findings[0]])).toEqual([
      [syntheticPhrase(12_345), 'big'],
      [syntheticPhrase(29_999), 'other'],
    ]);
  });
});
