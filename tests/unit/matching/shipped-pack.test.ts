/** The shipped pack with the engine: real-news phrasings are found, other senses of the words never are. */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/matching/engine';
import { PACK } from '../../../src/pack/index';
import { blocks, ON_TOPIC } from './helpers';

const engine = createEngine(PACK);

/** One China–Russia paragraph holding the phrase, on a page about China–Russia relations. */
function scanInContext(sentence: string) {
  return engine.scan(blocks(ON_TOPIC, `China and Russia: ${sentence}`));
}

describe('real-news phrasings', () => {
  it.each([
    ['they hailed their no-limits partnership', 'unlimited-partnership'],
    ['a friendship without limits', 'unlimited-partnership'],
    ["their 'no limits' friendship", 'unlimited-partnership'],
    ['a limitless partnership', 'unlimited-partnership'],
    ['a marriage of convenience', 'axis-of-convenience'],
    ['the China-Russia axis', 'axis-of-convenience'],
    ['shipments of dual-use goods', 'dual-use-restrictions'],
    ['they held joint naval drills', 'joint-exercises'],
    ['payments in yuan', 'energy-dedollarisation'],
    ['trade in national currencies', 'energy-dedollarisation'],
    ['the Power of Siberia 2 pipeline', 'energy-dedollarisation'],
    ['the push for de-dollarization', 'energy-dedollarisation'],
    ['oil sold for roubles and yuan, and payments in rubles', 'energy-dedollarisation'],
    ['Beijing refused to condemn the invasion', 'ukraine-non-endorsement'],
    ['the two are not an alliance', 'no-alliance-trust'],
    ['an expanded BRICS bloc', 'sanctions-brics-coordination'],
    ['helping Moscow evade Western sanctions', 'sanctions-brics-coordination'],
    ['requests for lethal aid', 'weapons-requests'],
    ['a relationship that is transactional', 'transactional'],
    ['access to Western markets matters more', 'economic-priority'],
  ])('"%s" → %s', (sentence, finding) => {
    const mentions = scanInContext(sentence);
    expect(mentions.length, sentence).toBeGreaterThan(0);
    expect(mentions.some((m) => m.findings[0] === finding)).toBe(true);
  });
});

describe('other senses never trigger, even on a China–Russia page', () => {
  it.each([
    'The firm was registered as an unlimited partnership under the 1907 act.',
    'She set a No Limits freediving record in 2002.',
    'Axis Bank raised its lending rate.',
    'He ran a convenience store in Leeds.',
    'A submarine cable links the islands.',
    'US and Philippine joint military exercises began in Manila.',
    'The annual GCHQ puzzle was published at Christmas.',
    'Carriers sell unlimited data plans.',
    'The US imposed sanctions on Iran.',
  ])('%s', (sentence) => {
    expect(engine.scan(blocks(ON_TOPIC, sentence))).toEqual([]);
    expect(scanInContext(sentence)).toEqual([]);
  });

  it('generic phrases are not marked on pages about one country only', () => {
    const page = blocks(
      'Russia faces sanctions after the invasion of Ukraine.',
      'Moscow said the sanctions, joint exercises and dual-use export controls were illegal.',
      'The Kremlin and Putin spoke of energy security and BRICS.',
    );
    expect(engine.scan(page)).toEqual([]);
  });
});
