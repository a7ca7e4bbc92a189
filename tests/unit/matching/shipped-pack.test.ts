/** The shipped pack with the engine: real-news phrasings are found, other senses of the words never are. */
import { describe, expect, it } from 'vitest';
import { createEngine, createEngineSliced } from '../../../src/matching/engine';
import { PACK } from '../../../src/pack/index';
import { packEngineSource } from '../../../src/pack/ranking';
import { blocks, ON_TOPIC } from './helpers';

const engine = createEngine(packEngineSource(PACK));

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
    // Concept combinations: the same ideas in words no trigger lists.
    ['they stopped short of a formal military pact', 'no-alliance-trust'],
    ['Moscow does not fully trust Beijing', 'no-alliance-trust'],
    ['Beijing says it is not a party to the conflict', 'ukraine-non-endorsement'],
    ['Beijing avoided calling the war an invasion', 'ukraine-non-endorsement'],
    ['Beijing has the upper hand in the relationship', 'transactional'],
    ['a relationship driven by self-interest', 'transactional'],
    ['the grouping admitted five new members', 'sanctions-brics-coordination'],
    ['Russia relies on Chinese electronics for its weapons', 'dual-use-restrictions'],
    ['talk of an alliance between the two', 'no-alliance-trust'],
    ['a relationship of cold-eyed pragmatism', 'transactional'],
    ["the UK's spy agencies reached that view in a declassified paper", 'provenance'],
    ['they stood shoulder to shoulder against Washington', 'axis-of-convenience'],
    ['trade boomed in defiance of the embargo', 'sanctions-brics-coordination'],
    // Concepts of issue 10's second round, each in words of our own.
    ['the two insist they are partners, not allies', 'no-alliance-trust'],
    ['frictions between Beijing and Moscow have grown', 'no-alliance-trust'],
    ['the partnership rests on fragile foundations', 'no-alliance-trust'],
    ['Russian officials worry about Chinese espionage', 'no-alliance-trust'],
    ["Beijing is taking advantage of Russia's isolation", 'transactional'],
    ["Beijing's backing for Moscow has been lukewarm", 'transactional'],
    ['China has been cautious', 'transactional'],
    ['Beijing will not risk its access to Western markets', 'economic-priority'],
    ['Russian crude flows to China through the pipeline', 'energy-dedollarisation'],
    ['Gazprom and CNPC signed a deal', 'energy-dedollarisation'],
    ['Beijing and Moscow compete for influence in Central Asia', 'axis-of-convenience'],
    ['both oppose hegemony', 'axis-of-convenience'],
    ['goods reach Russia through third countries and shell companies', 'sanctions-brics-coordination'],
    ['Chinese firms supply Russian arms makers', 'dual-use-restrictions'],
    ['Chinese shipments of chips to Russia fell', 'dual-use-restrictions'],
    ['Moscow has turned to Beijing for ammunition', 'weapons-requests'],
    ['Beijing refuses to take sides', 'ukraine-non-endorsement'],
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

  it('a China–third-country story that names Russia once in passing is not about the pair', () => {
    const page = blocks(
      'QatarEnergy signed a 27-year deal to sell liquefied natural gas to China, its largest LNG buyer.',
      'Chinese state firm Sinopec will take four million tonnes a year, Beijing said.',
      'European buyers have also sought Qatari gas since Russia’s invasion of Ukraine cut pipeline supplies.',
      'China is the top customer of Qatar, the biggest gas supplier in the region.',
    );
    expect(engine.scan(page)).toEqual([]);
  });

  it('the West sanctioning Russia is not China–Russia coordination; goods flowing to China are not exports to Russia', () => {
    expect(scanInContext('The West moved to isolate Russia after the invasion.')).toEqual([]);
    const flows = scanInContext('Moscow sold engine parts for fighter jets to Chinese state firms.');
    expect(flows.filter((m) => m.findings[0] === 'dual-use-restrictions')).toEqual([]);
  });

  it("someone else's alliance or intelligence is not the pair's or the report's", () => {
    const findings = (sentence: string) => scanInContext(sentence).map((m) => m.findings[0]);
    expect(findings('Japan and the US strengthened their alliance.')).not.toContain('no-alliance-trust');
    expect(findings('US intelligence officials say the two coordinate.')).not.toContain('provenance');
  });

  it('the war named in passing is not a stance on it; backing or condemning it is', () => {
    expect(scanInContext('Trade has grown since the invasion of Ukraine.')).toEqual([]);
    const stance = scanInContext('Beijing has avoided openly backing Russia in its war against Ukraine.');
    expect(stance.map((m) => m.findings[0])).toContain('ukraine-non-endorsement');
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

describe('incremental session with the shipped pack', () => {
  it('marks the same phrases as one full scan when paragraphs arrive one at a time', () => {
    const page = blocks(
      'China and Russia: a marriage of convenience? Western sanctions and joint drills in focus',
      'Officials said Moscow wants lethal aid from Beijing, while analysts doubt the no-limits partnership.',
      'Xi Jinping met Vladimir Putin; China and Russia signed energy deals and pledged trade in national currencies.',
      'The two countries also held joint naval drills and discussed the Power of Siberia 2 pipeline.',
      'Beijing refused to condemn the invasion of Ukraine but kept ties with Europe.',
    );
    const session = engine.createSession();
    const pieces = page.flatMap((segment) => session.update([segment]).map((m) => `${m.block}:${m.text}`));
    const full = engine.scan(page).map((m) => m.text);
    expect(pieces.map((p) => p.split(':')[1]).sort()).toEqual([...full].sort());
    expect(full).toEqual(
      expect.arrayContaining(['marriage of convenience', 'no-limits partnership', 'lethal aid', 'ties with Europe']),
    );
  });
});

describe('sliced engine build', () => {
  it('builds the same engine in many small pieces, giving the main thread back between them', async () => {
    let yields = 0;
    const yieldToMain = () => {
      yields++;
      return Promise.resolve();
    };
    const sliced = await createEngineSliced(packEngineSource(PACK), { budgetMs: 0, yieldToMain });
    const page = blocks(ON_TOPIC, 'China and Russia: a no-limits partnership, joint naval drills and BRICS.');
    expect(yields).toBeGreaterThan(10);
    expect(JSON.stringify(sliced.scan(page))).toBe(JSON.stringify(engine.scan(page)));
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const building = createEngineSliced(packEngineSource(PACK), {
      budgetMs: 0,
      signal: controller.signal,
      yieldToMain: () => {
        controller.abort(new Error('page left'));
        return Promise.resolve();
      },
    });
    await expect(building).rejects.toThrow('page left');
  });
});
