/**
 * Session 9: the weak findings in paraphrase families — many ways reporters of 2022–2025 put the same point, written
 * for this test (no corpus wording), each in a China–Russia paragraph; and the same words in another sense (a third
 * country's alliance or treaty, the BRICS Games, sanctions on Iran, chip controls on China, arms for Ukraine), which
 * must not show the finding. A sentence passes when a mark shows the finding among its first three (what the card
 * shows first).
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/matching/engine';
import { PACK } from '../../../src/pack/index';
import { packEngineSource } from '../../../src/pack/ranking';
import { blocks, ON_TOPIC } from './helpers';

const engine = createEngine(packEngineSource(PACK));

function firstThree(page: ReturnType<typeof blocks>, finding: string): string[] {
  return engine
    .scan(page)
    .filter((m) => m.findings.slice(0, 3).includes(finding))
    .map((m) => m.text);
}

/** Each finding's paraphrase family. */
const FAMILIES: Record<string, string[]> = {
  'no-alliance-trust': [
    'The two have stopped short of forming a formal alliance.',
    'Beijing insists the partnership is not a military bloc.',
    'Deep mutual suspicion persists beneath the surface.',
    'Neither is willing to fight for the other.',
    'Their treaty contains no mutual-defence clause.',
    'The 2001 friendship treaty carries no obligation to defend each other.',
    'Beijing has no intention of entering an alliance with Moscow.',
    'China has repeatedly rejected the notion that it is allied with Russia.',
    "Chinese officials bristle at the suggestion that they are Moscow's allies.",
    'The relationship is a partnership, not an alliance, officials in Beijing say.',
    'Beijing prefers the term "partnership" to "alliance".',
    'The two remain partners rather than allies.',
    'The two militaries do not operate under a joint command.',
    'The FSB has warned of Chinese espionage in Russia.',
    'Many Russians harbour a deep suspicion of Chinese intentions in Siberia.',
    'Beneath the warm words lies a legacy of mistrust.',
    'The memory of the Sino-Soviet split still colours relations.',
    'Suspicions linger on both sides.',
    'Russia has been reluctant to sell its most advanced weapons to China for fear of reverse engineering.',
    'Their cooperation falls well short of a NATO-style alliance.',
    'There is no Article 5 equivalent between them.',
    "Neither country is bound to come to the other's defence.",
    'The two remain uneasy neighbours.',
    'Xi and Putin have avoided any formal commitment to defend each other.',
    'An alliance between the two is not in the cards.',
    'The relationship lacks the trust of a real alliance.',
    'The idea of a seamless partnership is a myth.',
    'Talk of a united front is exaggerated.',
    'The picture of unity is misleading.',
    'The partnership is less solid than it appears.',
    'The two are not as close as they claim.',
    "China does not want to be dragged into Russia's war.",
    'Beijing has no wish to be tied to Moscow in a military pact.',
    'Russia and China are not allies in the Western sense.',
    'The two neighbours eye each other warily.',
    'Beijing keeps Moscow at a distance.',
  ],
  transactional: [
    'It is a marriage of convenience.',
    'Theirs is a pragmatic partnership.',
    'Beijing drives a hard bargain with Moscow.',
    'Russia is increasingly the junior partner.',
    "What's in it for Beijing is cheap energy.",
    'The relationship is based on self-interest rather than friendship.',
    "China's support comes with strings attached.",
    'Beijing is extracting concessions from a weakened Moscow.',
    "China has taken advantage of Russia's weakness to drive down prices.",
    'Beijing has been careful not to overcommit.',
    'China has calibrated its support carefully.',
    'Beijing weighs the costs and benefits of every move.',
    'For China, the relationship is a means to an end.',
    'The partnership is one of necessity rather than choice.',
    'Beijing has hedged its bets throughout the war.',
    'Russia needs China more than China needs Russia.',
    'The relationship has become increasingly lopsided.',
    'China holds most of the leverage.',
    'Russia has become economically dependent on China.',
    'Moscow has little bargaining power.',
    'China is acting in its own interest.',
    'The ties are driven by mutual convenience.',
    'Shared ideology plays little role.',
    'It is not a relationship built on shared values.',
    'The bond is more about interests than ideals.',
    'Beijing is pursuing a strategy of calculated ambiguity.',
    'China wants to profit from the war without paying a price.',
    "Beijing's support has limits.",
    'China has offered little concrete help.',
    'Beijing has done the bare minimum for Moscow.',
    "China's backing has been more symbolic than substantive.",
    'Beijing is playing a long game.',
  ],
  'energy-dedollarisation': [
    'Cut off from SWIFT, Russian banks now route payments to China through other networks.',
    'Payments move over the SWIFT network less and less.',
    'The two sides increasingly settle trade in national currencies.',
    'Russia and China are trying to ditch the dollar.',
    'Trade is now largely yuan-denominated.',
    "Russian banks have joined China's CIPS system.",
    'Russian Mir cards do not work in China.',
    'Power of Siberia 2 talks stalled over price.',
    'China bought discounted Urals crude.',
    "Russia remained China's top crude supplier.",
    "Russia overtook Saudi Arabia as China's largest source of oil.",
    'Chinese refiners have been snapping up Russian barrels.',
    'Moscow is planning to open yuan accounts.',
    'Russia has issued yuan-denominated bonds.',
    'The yuan has replaced the dollar as the most traded currency on the Moscow Exchange.',
    "Russia's central bank now holds yuan in its reserves.",
    'Most payments now go through the yuan.',
    'They want to reduce their reliance on the greenback.',
    "Russia's gas giant Gazprom agreed to supply more gas to China.",
    'Pipeline gas flows to China hit a record.',
    'China has become the main market for Russian energy.',
    'Russia has been forced to sell its oil at a discount to Asian buyers.',
    'Shipments of Russian LNG to China surged.',
    "China's crude imports from Russia rose 20 percent.",
    'The two are building an alternative to the dollar-based financial system.',
    'Bilateral trade is settled in rubles and yuan.',
    "They agreed to use each other's currencies.",
    'Russia has shifted to the yuan for its foreign trade.',
    'Moscow has been hoarding yuan.',
    'Beijing has been cautious about the gas pipeline.',
    'China is driving a hard bargain on gas prices.',
    'Rosatom is building reactors in China.',
  ],
  'dual-use-restrictions': [
    'China has become the main supplier of dual-use goods to Russia.',
    'Chinese firms are shipping microchips to Russia.',
    'Russia imports most of its machine tools from China.',
    'Chinese components have been found in Russian missiles.',
    'Beijing has tightened controls on drone exports.',
    'China restricted exports of drone parts.',
    'Chinese banks have become more reluctant to process payments for sensitive goods.',
    "Chinese suppliers have been feeding Russia's defence industry.",
    'Chinese exports of semiconductors to Russia have dropped.',
    "China supplies about 90 percent of Russia's imported microelectronics.",
    'Russia relies on Chinese technology for its war machine.',
    'Chinese-made drones are used on the battlefield.',
    'Beijing imposed export controls on certain drone components.',
    'Chinese companies sold Russia nitrocellulose used in artillery shells.',
    'Exports of ball bearings to Russia have soared.',
    'China has curbed shipments of some sensitive items to Russia.',
    "Chinese satellite imagery has helped Russia's military.",
    'China provides Russia with goods that have both civilian and military uses.',
    'Chinese electronics end up in Russian weapons.',
  ],
  'sanctions-brics-coordination': [
    'Both oppose unilateral sanctions.',
    'China has helped Russia weather Western sanctions.',
    'Trade with China has cushioned the blow of sanctions.',
    'BRICS has grown to ten members.',
    'New members joined the BRICS group this year.',
    'They pushed to enlarge the bloc.',
    'Beijing and Moscow both championed the expansion of BRICS.',
    'The two have worked together at the Security Council.',
    "China has become Russia's economic lifeline.",
    'Trade between the two hit a record despite sanctions.',
    'Chinese firms have stepped in to replace departing Western companies.',
    'Chinese cars now dominate the Russian market after Western brands left.',
    'Beijing has denounced the sanctions as illegal.',
    'China has refused to join Western sanctions.',
    'China has declined to join the sanctions against Russia.',
    'Beijing never signed up to the sanctions regime.',
    'Goods are re-exported to Russia through Central Asia.',
    'Both reject sanctions not approved by the UN Security Council.',
    'China remains a key outlet for sanctioned Russian goods.',
  ],
  'axis-of-convenience': [
    'Both share a desire to weaken American power.',
    'They are united by their hostility to the US-led order.',
    'They want a world not dominated by America.',
    'What binds them is a shared grievance against the West.',
    'Their common goal is to end US dominance.',
    'Both accuse the US of seeking to contain them.',
    'The two jointly condemned the United States.',
    'Beijing and Moscow have to deal with the US back-to-back.',
    "They are fed up with Washington's pursuit of hegemony.",
    'Their interests diverge in Central Asia.',
    'The two compete for influence in the Arctic.',
    'They are rivals for influence in Central Asia.',
    'Both want to challenge the US-led world order.',
  ],
  // Session 10: the Western response the report's policymakers argue for, and how far China goes for Moscow.
  'policy-implications': [
    'The EU added a dozen Chinese firms to its sanctions list for supplying the Russian army.',
    "Washington blacklisted three Chinese companies accused of feeding Moscow's war effort.",
    'The US Treasury sanctioned Chinese and Hong Kong entities that shipped chips to Russia.',
    'Brussels has threatened to penalise Chinese banks that handle Russian payments.',
    'Some argue the West can pull the two apart with patient diplomacy.',
    'Western officials hope to split the partnership over time.',
    'Europe should combine smart sanctions and sustained diplomacy with Beijing.',
    'The aim would be to drive Moscow and Beijing apart, not to push them closer.',
    'Diplomacy rather than confrontation offers the better chance of moving Beijing.',
  ],
  'transactional (how far China goes)': [
    'Beijing is unwilling to take risks for Moscow.',
    'China will not stick its neck out for Russia.',
    'There are limits to how far Beijing will go for Moscow.',
    'Xi has been careful not to go out on a limb for Putin.',
    'Beijing has no wish to burn its bridges with the West for Moscow.',
    'The episode shows the limits of its willingness to take risks on behalf of Russia.',
  ],
};

describe.each(Object.entries(FAMILIES))("%s in reporters' words", (family, sentences) => {
  const finding = family.split(' ')[0] as string;
  it.each(sentences)('%s', (sentence) => {
    expect(firstThree(blocks(ON_TOPIC, `China and Russia: ${sentence}`), finding), sentence).not.toEqual([]);
  });
});

describe('the same words in another sense, after a China–Russia paragraph', () => {
  it.each([
    ['The US and the Philippines held joint drills under their mutual defence treaty.', 'no-alliance-trust'],
    ['Renault and Nissan renewed their corporate alliance.', 'no-alliance-trust'],
    ['North Korea and Russia signed a mutual defence pact in Pyongyang.', 'no-alliance-trust'],
    ['Japanese voters distrust the government in Tokyo.', 'no-alliance-trust'],
    ['Talk of a Japan-US rift is exaggerated, officials in Tokyo said.', 'no-alliance-trust'],
    ['Athletes competed at the BRICS Games in Kazan.', 'sanctions-brics-coordination'],
    ['The US imposed new sanctions on Iran.', 'sanctions-brics-coordination'],
    ['Western firms left India after the tax ruling.', 'sanctions-brics-coordination'],
    ['The US and Japan worked together at the Security Council on the Iran file.', 'sanctions-brics-coordination'],
    ['Qatar agreed to supply LNG to China for 27 years.', 'energy-dedollarisation'],
    ["Saudi Arabia remained China's top crude supplier.", 'energy-dedollarisation'],
    ['The dollar rose against the yen.', 'energy-dedollarisation'],
    ['Washington restricted chip exports to China.', 'dual-use-restrictions'],
    ['The Netherlands curbed exports of chip machines to China.', 'dual-use-restrictions'],
    ['Western countries send weapons and spare parts to Ukraine.', 'dual-use-restrictions'],
    ['Western countries keep sending weapons to Ukraine, Beijing said.', 'weapons-requests'],
    ['The US approach to India is pragmatic.', 'transactional'],
    ['Apple was the big winner of the quarter.', 'transactional'],
    ["Europe's dependence on Russian gas has ended.", 'transactional'],
    ['The value of Chinese imports from Russia rose 3 percent.', 'transactional'],
    ['Russia is an ideal market for Chinese cars.', 'transactional'],
    ['India criticised the US over tariffs.', 'axis-of-convenience'],
    ['The US blacklisted Chinese chip firms over Taiwan.', 'policy-implications'],
    ['Washington sanctioned Chinese refiners that buy Iranian oil.', 'policy-implications'],
    ['Japan fined two Chinese companies for dumping steel.', 'policy-implications'],
    ['The US sanctioned Iranian firms that sold drones.', 'policy-implications'],
    ['Investors were unwilling to take risks for small returns.', 'transactional'],
    ['The two rival clubs split the prize money.', 'policy-implications'],
    ["Beijing's response was swift: it opposed the new measures.", 'energy-dedollarisation'],
    ['Japan and the US compete for market share.', 'axis-of-convenience'],
  ])('"%s" is not %s', (sentence, finding) => {
    expect(firstThree(blocks(ON_TOPIC, sentence), finding)).toEqual([]);
  });
});

describe('someone else in a China–Russia paragraph', () => {
  const paragraph = (sentence: string) => blocks(ON_TOPIC, `China and Russia held talks on Monday. ${sentence}`);

  it.each([
    ['India and the US said their ties were pragmatic and rested on shared interests.', 'transactional'],
    ['Renault and Nissan said their partnership was driven by interests, with strings attached.', 'transactional'],
    [
      'In Manila, officials said the alliance with Washington had its limits and the relationship was fragile.',
      'unlimited-partnership',
    ],
    ['Washington and Tehran have a long history of suspicion in the relationship.', 'no-alliance-trust'],
    ['Putin called the idea that NATO is a defensive alliance a myth.', 'no-alliance-trust'],
    ['Both China and Russia said there was no unity within NATO.', 'no-alliance-trust'],
    ['Chinese tourists travel to Russia via Hong Kong.', 'sanctions-brics-coordination'],
    // A sentence whose subject is a third party is about them, though the paragraph names both.
    ['Japan and the United States staged their own air drill later that week.', 'joint-exercises'],
    ['The Philippines and Australia held naval drills near Manila.', 'joint-exercises'],
    ['India imposed fresh sanctions on a shipping firm.', 'sanctions-brics-coordination'],
  ])('"%s" is not %s', (sentence, finding) => {
    expect(firstThree(paragraph(sentence), finding)).toEqual([]);
  });

  it("a third party named on the way is not the subject: the pair's own drill is still marked", () => {
    const flight = "Together the bombers flew a joint patrol past Japan's Okinawa island.";
    expect(firstThree(paragraph(flight), 'joint-exercises')).not.toEqual([]);
  });

  it('"the relationship" with nobody else named is still the pair', () => {
    expect(
      firstThree(paragraph('There is a long history of suspicion in the relationship.'), 'no-alliance-trust'),
    ).not.toEqual([]);
  });
});
