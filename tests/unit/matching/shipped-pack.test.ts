/** The shipped pack with the engine: real-news phrasings are found, other senses of the words never are. */
import { describe, expect, it } from 'vitest';
import { createEngine, createEngineSliced } from '../../../src/matching/engine';
import { PACK } from '../../../src/pack/index';
import { packEngineSource } from '../../../src/pack/ranking';
import { blocks, ON_TOPIC, ROOM } from './helpers';

const engine = createEngine(packEngineSource(PACK));

/** One China–Russia paragraph holding the phrase, on a page about China–Russia relations. */
function scanInContext(sentence: string) {
  return engine.scan(blocks(ON_TOPIC, `China and Russia: ${sentence}`));
}

/**
 * The sentence, in a China–Russia paragraph, gets a mark with `finding` among its first three findings (what the card
 * shows first): a phrase may hold the words for its own finding.
 */
function expectAmongFirstThree(sentence: string, finding: string) {
  const mentions = scanInContext(sentence);
  expect(
    mentions.some((m) => m.findings.slice(0, 3).includes(finding)),
    `${sentence}: ${mentions.map((m) => `${m.text} → ${m.findings[0]}`).join('; ')}`,
  ).toBe(true);
}

/** No mark of the sentence's page shows `finding` among its first three findings (what the card shows first). */
function expectNoneAmongFirstThree(mentions: ReturnType<typeof scanInContext>, sentence: string, finding: string) {
  expect(
    mentions.filter((m) => m.findings.slice(0, 3).includes(finding)).map((m) => m.text),
    sentence,
  ).toEqual([]);
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
    ['exports of dual-purpose goods', 'dual-use-restrictions'],
    ['exporters need a special export license', 'dual-use-restrictions'],
    ['China is the senior partner', 'transactional'],
    ['Russia as a resource appendage', 'transactional'],
    ["China covets Russia's vast natural resources", 'energy-dedollarisation'],
    ['Russia turned east after losing its European buyers', 'energy-dedollarisation'],
    ['the two are unlikely to fight for each other', 'no-alliance-trust'],
    ['the friendship has its limits', 'unlimited-partnership'],
    ['the two are rivals in Central Asia', 'axis-of-convenience'],
    ['a relationship based on mutual interests', 'transactional'],
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

/**
 * The three findings most often missed on unseen news, each in 30–40 sentences written for this test the way wires,
 * newspapers and think-tanks put them (not taken from any corpus article).
 */
describe("no alliance, transactional ties, energy and currencies in reporters' own words", () => {
  it.each([
    ['Beijing has stopped short of a formal alliance with Moscow.', 'no-alliance-trust'],
    ['The two are not treaty allies and have no mutual defence obligations.', 'no-alliance-trust'],
    ['They remain wary partners.', 'no-alliance-trust'],
    ['Despite the warm words, the relationship is not an alliance.', 'no-alliance-trust'],
    ['The partnership is a far cry from the Sino-Soviet alliance of the 1950s.', 'no-alliance-trust'],
    ["Officials in Moscow remain suspicious of Beijing's growing clout in Central Asia.", 'no-alliance-trust'],
    ['Beijing says it does not ally itself with any country.', 'no-alliance-trust'],
    ['The two sides describe their ties as non-aligned and not targeting any third party.', 'no-alliance-trust'],
    ['Beijing has little appetite for a military alliance.', 'no-alliance-trust'],
    ['Neither side has committed to defend the other.', 'no-alliance-trust'],
    ['Mutual suspicion runs deep.', 'no-alliance-trust'],
    ['The relationship rests on convenience rather than trust.', 'no-alliance-trust'],
    ['They are partners but not allies.', 'no-alliance-trust'],
    ["Beijing has been careful not to be seen as Moscow's ally.", 'no-alliance-trust'],
    ['The partnership falls well short of an alliance.', 'no-alliance-trust'],
    ["Beijing keeps Moscow at arm's length.", 'no-alliance-trust'],
    ['The two neighbours do not see eye to eye on everything.', 'no-alliance-trust'],
    ['There is deep-seated distrust between the two neighbours.', 'no-alliance-trust'],
    ['The two have a long history of rivalry in Central Asia.', 'no-alliance-trust'],
    ['Beijing has declined to sign a mutual-defence treaty.', 'no-alliance-trust'],
    ['They have no intention of forming a military bloc.', 'no-alliance-trust'],
    ['The talk of an alliance is overblown.', 'no-alliance-trust'],
    ["The Kremlin's picture of an unbreakable friendship does not stand up to scrutiny.", 'no-alliance-trust'],
    ['Russia and China are not natural allies.', 'no-alliance-trust'],
    ['Neither capital trusts the other fully.', 'no-alliance-trust'],
    ['The relationship is marked by lingering mistrust.', 'no-alliance-trust'],
    ['The two are a long way from an alliance.', 'no-alliance-trust'],
    ['Their cooperation does not amount to an alliance.', 'no-alliance-trust'],
    ['Beijing rejects the idea of a bloc.', 'no-alliance-trust'],
    ['Russian generals have long viewed China as a potential threat.', 'no-alliance-trust'],
    ['The relationship is driven by interests rather than ideology.', 'transactional'],
    ["Beijing's support has been largely rhetorical.", 'transactional'],
    ['China backs Russia in words but not in deeds.', 'transactional'],
    ['Beijing has offered little more than diplomatic cover.', 'transactional'],
    ["Beijing's approach is hard-headed.", 'transactional'],
    ['China has kept a careful distance from the war.', 'transactional'],
    ['Moscow needs Beijing more than Beijing needs Moscow.', 'transactional'],
    ["China is exploiting Russia's weakness.", 'transactional'],
    ['The partnership does not amount to a lasting realignment.', 'transactional'],
    ['Shared values have little to do with it.', 'transactional'],
    ['Ideology is not what binds them.', 'transactional'],
    ['China is looking out for itself.', 'transactional'],
    ['Beijing has been measured in its support.', 'transactional'],
    ['The relationship is a cold calculation of interests.', 'transactional'],
    ['Beijing is in it for what it can get.', 'transactional'],
    ['Beijing is playing both sides.', 'transactional'],
    ['It is a business-like relationship.', 'transactional'],
    ["Beijing's embrace of Moscow is self-interested.", 'transactional'],
    ['The friendship is more practical than principled.', 'transactional'],
    ['China has given Moscow political support but little else.', 'transactional'],
    ['Trade between the two is now settled almost entirely in roubles and yuan.', 'energy-dedollarisation'],
    ['Payments in yuan and roubles now account for most of their trade.', 'energy-dedollarisation'],
    ['They have moved away from the dollar in bilateral trade.', 'energy-dedollarisation'],
    ['Russia sells oil to China at a discount.', 'energy-dedollarisation'],
    ['China has become the biggest buyer of Russian crude.', 'energy-dedollarisation'],
    ['Moscow and Beijing are ditching the greenback.', 'energy-dedollarisation'],
    ["Russian banks have linked up to China's cross-border payment system.", 'energy-dedollarisation'],
    ['The two countries settle their trade in national currencies.', 'energy-dedollarisation'],
    ["The share of the yuan in Russia's foreign trade has soared.", 'energy-dedollarisation'],
    ["China's imports of Russian gas hit a record.", 'energy-dedollarisation'],
    ["Russia has become China's top oil supplier.", 'energy-dedollarisation'],
    ['Beijing has snapped up Russian coal and LNG.', 'energy-dedollarisation'],
    ['Almost all of their trade is now dollar-free.', 'energy-dedollarisation'],
    ["Energy sales to Beijing keep Russia's budget afloat.", 'energy-dedollarisation'],
    ['Deals are increasingly struck in their own currencies.', 'energy-dedollarisation'],
    ['The pipeline would carry 50 billion cubic metres a year.', 'energy-dedollarisation'],
    ['The two sides agreed to price the contracts in local currencies.', 'energy-dedollarisation'],
    ['Russia now holds much of its reserves in Chinese currency.', 'energy-dedollarisation'],
    ["Settlements in the two countries' currencies exceed 90 percent.", 'energy-dedollarisation'],
    ['China has bought record volumes of Russian oil.', 'energy-dedollarisation'],
    ['The rouble and the yuan now dominate bilateral trade.', 'energy-dedollarisation'],
    ['Both want to reduce the role of the dollar in world trade.', 'energy-dedollarisation'],
    ['Rosneft ships oil to Chinese refiners.', 'energy-dedollarisation'],
    ["Russia is China's biggest supplier of crude.", 'energy-dedollarisation'],
    ['Trade is conducted in yuan rather than dollars.', 'energy-dedollarisation'],
    ['Moscow is pushing to sell more gas to China.', 'energy-dedollarisation'],
    ['The gas price remains the sticking point in pipeline talks.', 'energy-dedollarisation'],
    ["China wants to lessen the dollar's grip on global finance.", 'energy-dedollarisation'],
    ['The two have never signed a defence pact.', 'no-alliance-trust'],
    ["China is not Russia's ally in the war.", 'no-alliance-trust'],
    ["China has no obligation to come to Russia's aid.", 'no-alliance-trust'],
    ['The partnership does not constitute an alliance.', 'no-alliance-trust'],
    ['An alliance is not on the agenda.', 'no-alliance-trust'],
    ['Trust between the two remains thin.', 'no-alliance-trust'],
    ['Beijing has little appetite for a formal military pact.', 'no-alliance-trust'],
    ["Moscow is wary of Beijing's growing influence in Central Asia.", 'no-alliance-trust'],
    ['China keeps its distance from Moscow.', 'no-alliance-trust'],
    ['The two are strategic partners, not allies.', 'no-alliance-trust'],
    ['There is less to the friendship than meets the eye.', 'no-alliance-trust'],
    ['Russian counter-intelligence has accused Chinese scientists of spying.', 'no-alliance-trust'],
    ['The relationship is more fragile than it looks.', 'no-alliance-trust'],
    ["China would not come to Russia's defence in a war with NATO.", 'no-alliance-trust'],
    ['Beijing holds the cards in the relationship.', 'transactional'],
    ['Russia has little choice but to sell to China.', 'transactional'],
    ['Beijing is in no hurry to sign the gas deal.', 'transactional'],
    ['China calls the shots.', 'transactional'],
    ['China has played its hand carefully.', 'transactional'],
    ['Beijing is hedging its bets.', 'transactional'],
    ['Beijing has extracted steep discounts from Moscow.', 'transactional'],
    ["China's backing is limited to words.", 'transactional'],
    ['Beijing acts out of self-interest, not friendship.', 'transactional'],
    ['Their partnership is built on mutual need.', 'transactional'],
    ['Russia is increasingly dependent on China.', 'transactional'],
    ['Russia now settles most of its trade with China in yuan.', 'energy-dedollarisation'],
    ['The Moscow Exchange now trades more yuan than dollars.', 'energy-dedollarisation'],
    ['Russia has piled into gold and yuan.', 'energy-dedollarisation'],
    ['China is buying more Russian hydrocarbons.', 'energy-dedollarisation'],
    ['Russian energy giants are pivoting to Asia.', 'energy-dedollarisation'],
    ["China's purchases of Russian oil have soared since the invasion.", 'energy-dedollarisation'],
    ['Moscow needs Chinese buyers for its gas.', 'energy-dedollarisation'],
    ['Russia has redirected its oil exports to China and India.', 'energy-dedollarisation'],
    ['Russia is selling more oil to China than ever before.', 'energy-dedollarisation'],
    ['Bilateral trade has largely been de-dollarised.', 'energy-dedollarisation'],
    ['Their central banks signed a currency swap deal.', 'energy-dedollarisation'],
    ['They agreed to use the yuan for oil deals.', 'energy-dedollarisation'],
    ['Some 95 percent of bilateral trade is now settled in rubles and yuan.', 'energy-dedollarisation'],
    ['The two sides signed no mutual defence clause.', 'no-alliance-trust'],
    ['Distrust lingers on both sides of the border.', 'no-alliance-trust'],
    ['China has emerged as the biggest winner from the war.', 'transactional'],
    ['Beijing has its own agenda.', 'transactional'],
    ['The two are not joined at the hip.', 'no-alliance-trust'],
    ['They are hardly a monolith.', 'no-alliance-trust'],
  ])('"%s" → %s', (sentence, finding) => {
    expect(
      scanInContext(sentence).map((m) => m.findings[0]),
      sentence,
    ).toContain(finding);
  });

  // The sentence names one side; the paragraph before names both.
  it.each([
    ["Beijing insists it is nobody's ally.", 'no-alliance-trust'],
    ['Chinese officials stress that the two are not allies.', 'no-alliance-trust'],
    ['The Kremlin has never fully trusted Beijing.', 'no-alliance-trust'],
    ['Many in Moscow still distrust China.', 'no-alliance-trust'],
    ['Beijing does not want a military alliance with Moscow.', 'no-alliance-trust'],
    ['The two governments have stopped short of a military pact.', 'no-alliance-trust'],
    ['A Chinese spokesman said the relationship was non-aligned.', 'no-alliance-trust'],
    ['Putin said Russia and China were not creating a military alliance.', 'no-alliance-trust'],
    ['Xi has resisted calls for a formal alliance.', 'no-alliance-trust'],
    ["Beijing's support for Moscow has been more rhetorical than real.", 'transactional'],
    ['China has been careful to protect its own interests.', 'transactional'],
    ['For Beijing, Russia is a useful partner, not a friend.', 'transactional'],
    ['Xi is a pragmatist.', 'transactional'],
    ["Beijing's calculations are coldly practical.", 'transactional'],
    ['China is doing what is best for China.', 'transactional'],
    ["Beijing is exploiting Moscow's isolation to buy cheap oil.", 'transactional'],
    ['Moscow has become the junior partner.', 'transactional'],
    ['Russian oil now flows east to Chinese refineries.', 'energy-dedollarisation'],
    ["Beijing buys much of Moscow's crude.", 'energy-dedollarisation'],
    ["Russia's trade with China is now mostly in yuan.", 'energy-dedollarisation'],
    ['Russian exporters are being paid in yuan.', 'energy-dedollarisation'],
    ['Moscow has switched its trade with Beijing away from the dollar.', 'energy-dedollarisation'],
    ['Chinese refiners have bought Russian Urals crude at a discount.', 'energy-dedollarisation'],
    ["Russia's largest gas company signed a new supply deal with CNPC.", 'energy-dedollarisation'],
  ])('"%s" → %s (one side named)', (sentence, finding) => {
    expect(
      engine.scan(blocks(ON_TOPIC, sentence)).map((m) => m.findings[0]),
      sentence,
    ).toContain(finding);
  });

  // The same words in another sense: someone else's alliance or distrust, a currency market report, sport.
  it.each([
    ['Japan and the United States reaffirmed their alliance.', 'no-alliance-trust'],
    ['The US-Japan alliance is the cornerstone of security in the Pacific.', 'no-alliance-trust'],
    ['Voters distrust the new government in Tokyo.', 'no-alliance-trust'],
    ['The dollar rose against the euro on Friday.', 'energy-dedollarisation'],
    ['Qatar will supply LNG to China under a 27-year deal.', 'energy-dedollarisation'],
    ['Athletes arrived for the BRICS Games in Kazan.', 'sanctions-brics-coordination'],
    ['The BRICS Games opened in Kazan with athletes from China and Russia.', 'sanctions-brics-coordination'],
    ['The US approach to Japan is pragmatic.', 'transactional'],
    ['Washington holds the cards in its trade talks with Tokyo.', 'transactional'],
    ['Apple was the biggest winner in the US smartphone market.', 'transactional'],
  ])('"%s" is not %s', (sentence, finding) => {
    expectNoneAmongFirstThree(engine.scan(blocks(ON_TOPIC, sentence)), sentence, finding);
  });
});

/**
 * Session 6 concepts, in sentences written for this test: unease about the other side's growing weight, not being
 * bound to defend the other, backing in words only, China filling the gap the West left, Russia relying on Chinese
 * goods, and "neither side" as a reference to the pair. Each with the sentences that must stay unmarked for it.
 */
describe('unease, defence, words-only backing, filling the gap, reliance on goods', () => {
  it.each([
    ["Moscow is nervous about Beijing's expanding footprint in Central Asia.", 'no-alliance-trust'],
    ['The Kremlin worries that Chinese influence in its Far East keeps growing.', 'no-alliance-trust'],
    ['Neither Beijing nor Moscow is obliged to fight for the other.', 'no-alliance-trust'],
    ['China has refused to commit to defending Russia in a war.', 'no-alliance-trust'],
    ['Chinese and Russian generals seldom trust each other with secrets.', 'no-alliance-trust'],
    ['Beijing and Moscow say their ties are not aimed at anyone.', 'no-alliance-trust'],
    ['Xi offered Putin little beyond warm words.', 'transactional'],
    ['Beijing has given Moscow moral support but little material help.', 'transactional'],
    ['Russia needs China far more than the other way round.', 'transactional'],
    ['When Western carmakers left Russia, Chinese brands filled the gap.', 'sanctions-brics-coordination'],
    ['Russia now receives most of its microelectronics from China.', 'dual-use-restrictions'],
    ['Russia has grown reliant on semiconductors made in China.', 'dual-use-restrictions'],
    ['Chinese sales of machine tools to Russia declined in the spring.', 'dual-use-restrictions'],
    ['Beijing has clamped down on shipments of drone engines to Russia.', 'dual-use-restrictions'],
    ['Russia is now the largest source of LNG for China.', 'energy-dedollarisation'],
    ['China and Russia share a common enemy in Washington.', 'axis-of-convenience'],
    ['Beijing helps Moscow only where that serves its own interests.', 'transactional'],
    ['Their ties are a matter of convenience for both capitals.', 'transactional'],
    ['Their ties are a matter of convenience for both capitals.', 'axis-of-convenience'],
  ])('"%s" → %s', expectAmongFirstThree);

  it.each([
    ["Russia and China are worried about NATO's growing influence in Asia.", 'no-alliance-trust'],
    ['China and Russia fear Japanese influence in the region.', 'no-alliance-trust'],
    ['The US has promised to defend Japan, which Beijing and Moscow did not mention.', 'no-alliance-trust'],
    ['Indian firms replaced Western suppliers in Japan, a Chinese report said.', 'sanctions-brics-coordination'],
    ['Chinese and Russian markets follow supply and demand in world energy.', 'energy-dedollarisation'],
    ['Chinese aircraft locked fire-control radar onto Russian jets.', 'dual-use-restrictions'],
    ['Moscow sold jet engines to Chinese state firms, which rely on them.', 'dual-use-restrictions'],
    ['The store offers convenience food, a Chinese chain said.', 'transactional'],
  ])('"%s" is not %s', (sentence, finding) => {
    expectNoneAmongFirstThree(scanInContext(sentence), sentence, finding);
  });

  it('takes "neither side" and "either country" as the pair, as "both sides" is', () => {
    const page = blocks(ON_TOPIC, 'China and Russia met.', 'Neither side wants a formal military pact.');
    expect(engine.scan(page).map((m) => m.findings[0])).toContain('no-alliance-trust');
    const other = blocks(
      ON_TOPIC,
      'China and Russia met.',
      'Talks went on.',
      'Neither team wants a formal military pact.',
    );
    expect(engine.scan(other)).toEqual([]);
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

  it('a story whose only sentence about Russia (or China) names it twice is not about the pair', () => {
    const lng = blocks(
      'Qatar agreed on Monday to sell liquefied natural gas to China for 27 years, the longest such contract yet.',
      'The deal with a state-owned Chinese firm covers four million tonnes a year from the North Field, Qatar said.',
      'Chinese buyers have been locking in long-term supply, and Beijing wants to burn less coal.',
      'LNG prices spiked last year as Europe rushed to replace Russian pipeline gas after Moscow sent troops into ' +
        'Ukraine, and buyers in South Asia were priced out. Importers in China and Japan turned to long contracts.',
      'Qatar also supplies Germany and is expanding output to 126 million tonnes a year by 2027.',
    );
    expect(engine.scan(lng)).toEqual([]);
    const india = blocks(
      'Indian refiners bought a record 2.1 million barrels a day of Russian crude in June, tanker data showed.',
      "Russia has become India's biggest oil supplier since the invasion of Ukraine, and Moscow offers more discounts.",
      'Reliance Industries and Indian Oil Corp took most of the cargoes, paid for in dirhams and rupees.',
      'China, the largest buyer of Russian oil, cut its purchases slightly as Chinese refiners faced weaker margins.',
      'New Delhi says it buys oil wherever it is cheapest and that Western sanctions do not bind it.',
    );
    expect(engine.scan(india)).toEqual([]);
  });

  it("a Russia–third-country story with China in one sentence: the relation's phrases count only beside both sides", () => {
    const iran = blocks(
      'Russia and Iran signed a comprehensive strategic partnership treaty in Moscow, pledging closer energy ties.',
      'Putin said Russia would supply Iran with gas, and the two want to settle trade in national currencies.',
      'Iran joined BRICS last year. Western governments accuse Tehran of sending drones to Russia.',
      'Most Iranian oil goes to buyers in China at a discount, as Russian crude does, officials in Tehran said.',
    );
    expect(engine.scan(iran)).toEqual([]);
    // The same phrase beside both sides opens the gate for a page that names China once.
    const brics = blocks(
      'Russia and Iran signed a treaty in Moscow, pledging closer energy ties.',
      'Putin said Russia would supply Iran with gas. Moscow wants to settle trade in national currencies.',
      'At the BRICS summit, Russia and China pushed de-dollarisation.',
    );
    expect(engine.scan(brics).map((m) => m.findings[0])).toContain('energy-dedollarisation');
  });

  it("the report's coinage lent to another pair is not about China and Russia", () => {
    const tech = blocks(
      'Analysts call the tie-up between a US phone maker and a Chinese cloud firm an axis of convenience.',
      'The deal brings AI features to phones sold in China, and Chinese regulators have approved the model.',
      'In 2022 the phone maker stopped selling its products in Russia. "This is not an alliance," an analyst said.',
    );
    expect(engine.scan(tech)).toEqual([]);
  });

  it('a short wire story about the pair still passes the gate', () => {
    const wire = blocks(
      'MOSCOW, May 16 (Wire) - Chinese President Xi Jinping arrived in Moscow on Thursday for talks with Russian ' +
        'President Vladimir Putin, his first trip abroad since starting a new term.',
      'The two leaders are expected to sign agreements on energy and trade and to discuss the war, the Kremlin said.',
      'Beijing says it is neutral in the conflict but has refused to condemn Russia.',
    );
    const session = engine.createSession();
    const marks = session.update(wire);
    expect(session.onTopic).toBe(true);
    expect(marks.map((m) => m.findings[0])).toContain('ukraine-non-endorsement');
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

describe('a paragraph that names neither side, after a China–Russia paragraph', () => {
  const after = (paragraph: string) =>
    engine.scan(blocks(ON_TOPIC, 'Russia and China held talks in Moscow on Tuesday.', paragraph)).map((m) => m.text);

  it.each([
    'The US has no formal alliance with Taiwan.',
    'Washington, for its part, keeps a formal alliance with Tokyo and Seoul.',
    'Japan and the Philippines will hold joint naval drills next month.',
    'The European Union adopted its 14th package of sanctions the same day.',
    'Qatar signed a long-term LNG deal with buyers in Asia.',
  ])('is about the third party it names: "%s"', (paragraph) => {
    expect(after(paragraph)).toEqual([]);
  });

  it.each([
    ['The joint naval drills run until Friday.', 'joint naval drills'],
    ['Officials stressed there was no formal alliance.', 'formal alliance'],
    ['NATO said it had seen no sign of lethal aid so far.', 'lethal aid'],
    // One mark for the drills and what they are read as (join.ts).
    [
      'The Japanese defence ministry called the joint naval drills a show of force.',
      'joint naval drills a show of force',
    ],
  ])('carries on the pair when it names no one else, or quotes them: "%s"', (paragraph, mark) => {
    expect(after(paragraph)).toContain(mark);
  });
});

/** Session 8, in sentences written for this test: what joint drills and patrols are read as, by whoever watches. */
describe('a display of force, in the sentence after the drills it names', () => {
  const paragraph = (sentence: string) =>
    engine.scan(blocks(ON_TOPIC, `Bombers from China and Russia flew over the Sea of Japan on Tuesday. ${sentence}`));

  it.each([
    ['The defence minister in Tokyo denounced the flight as a show of force.', 'show of force'],
    ['Seoul called the manoeuvre a display of military might.', 'display of military might'],
    ['Officials saw it as both powers flexing their military muscle.', 'flexing their military muscle'],
    ['Analysts dismissed the episode as sabre-rattling.', 'sabre-rattling'],
  ])('"%s" → joint-exercises', (sentence, mark) => {
    const found = paragraph(sentence).find((m) => m.text.includes(mark));
    expect(found?.findings[0], sentence).toBe('joint-exercises');
  });

  it('is not marked where no sentence of the paragraph names either side', () => {
    const page = blocks(ON_TOPIC, 'The US and the Philippines staged a show of force in the South China Sea.');
    expect(engine.scan(page)).toEqual([]);
  });
});

/**
 * Session 8, in sentences written for this test: scarce trust, designs on the other's lands, a vassal, backing that
 * is only rhetoric, the main adversary, vetoing or voting together at the UN, leverage over the other, a price to
 * the friendship, secrets not shared.
 */
describe('scarce trust, a vassal, rhetoric only, the main adversary, voting together', () => {
  it.each([
    ['Trust between the two militaries remains limited.', 'no-alliance-trust'],
    ['The Kremlin has long feared Chinese designs on Siberia.', 'no-alliance-trust'],
    ['Russia is becoming China’s vassal.', 'transactional'],
    ['Some in Moscow fear a slide into vassalage to Beijing.', 'transactional'],
    ['Beijing has offered Moscow little more than rhetoric.', 'transactional'],
    ['Beijing and Moscow see the US as their main adversary.', 'axis-of-convenience'],
    ['Both are driven by hostility toward the West.', 'axis-of-convenience'],
    ['China and Russia vetoed the UN resolution on Tuesday.', 'sanctions-brics-coordination'],
    ['At the Security Council the two voted together again.', 'sanctions-brics-coordination'],
    ['China has leverage over Russia now.', 'transactional'],
    ['Beijing’s friendship comes at a price.', 'transactional'],
    ['The two militaries rarely share sensitive intelligence.', 'no-alliance-trust'],
  ])('"%s" → %s', expectAmongFirstThree);

  it.each([
    ['Trust in the US dollar remains limited in Japan.', 'no-alliance-trust'],
    ['The architect showed her designs on Tuesday.', 'no-alliance-trust'],
    ['Japan and the US voted together on the budget.', 'sanctions-brics-coordination'],
    ['The two militaries share intelligence on drug smuggling.', 'no-alliance-trust'],
    // A third country called a vassal or client: Russia's or China's, not one of the pair.
    ['Belarus, long a Russian client state, hosts Russian troops.', 'transactional'],
    ['Pyongyang, which critics call a Chinese client state, sent shells to Moscow.', 'transactional'],
    ['Seoul has long described North Korea as a vassal state.', 'transactional'],
  ])('"%s" is not %s', (sentence, finding) => {
    expectNoneAmongFirstThree(scanInContext(sentence), sentence, finding);
  });
});

describe('incremental session with the shipped pack', () => {
  it('marks the same phrases as one full scan when paragraphs arrive one at a time', () => {
    // Room first: a page that arrives in pieces spends its density budget as they come (clutter.ts DensityBudget).
    const page = blocks(
      ROOM,
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
