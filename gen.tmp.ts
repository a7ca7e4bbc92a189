import { createEngine } from './src/matching/engine';
import { PACK } from './src/pack/index';
const engine = createEngine(PACK);
const pages: Record<string, string[]> = {
  pos1: [
    'Xi and Putin pledge deeper ties as Beijing hosts Russian leader',
    'BEIJING — Chinese President Xi Jinping welcomed Vladimir Putin to Beijing on Thursday, where the two leaders vowed to deepen a partnership they say has "no limits".',
    'The two countries signed a joint statement on "deepening the comprehensive partnership and strategic interaction in a new era".',
    'Western officials accuse China of propping up Russia’s war economy by supplying machine tools and microelectronics that end up in Russian missiles and tanks.',
    'Trade between the two reached a record $240 billion last year, with more than 90% of payments settled in roubles or yuan, according to the Kremlin.',
    'Beijing has declined to condemn Moscow over the war and has presented itself as a neutral party, offering a 12-point peace plan that Kyiv and its Western allies dismissed.',
    'But Chinese banks have grown wary of handling Russian payments after Washington threatened secondary sanctions on financial institutions that help Moscow evade restrictions.',
    'Analysts say the relationship is lopsided: Russia has become increasingly dependent on China as a buyer of its oil and gas, while China holds the upper hand in negotiations over the Power of Siberia 2 pipeline.',
    'The militaries of both countries have staged joint patrols with strategic bombers near Alaska and held naval drills in the Sea of Japan.',
    '"It is a marriage of convenience, not an alliance," said one European diplomat.',
  ],
  neg1: [
    'Trump says he will get along with China and Russia',
    'President Donald Trump said on Tuesday he would get along with China, Russia and North Korea, defending his transactional approach to foreign policy.',
    'He also defended new sanctions on Iran and said joint exercises with South Korea were "very expensive".',
    'The president spoke at a rally in Ohio about energy security and tariffs on Chinese steel.',
  ],
  neg2: [
    'Oil prices climb as OPEC+ extends output cuts',
    'Brent crude rose 2% on Monday after Saudi Arabia and Russia agreed to extend production cuts, while demand from China showed signs of recovery.',
    'Traders said sanctions on Russian crude exports and the EU price cap continue to shape flows, with India and China buying discounted barrels.',
    'Energy security remains a concern in Europe as winter approaches.',
  ],
  neg3: [
    'GCHQ launches its annual Christmas puzzle',
    'The UK intelligence agency GCHQ has published its Christmas card puzzle, which asks solvers to crack codes.',
    'Previous puzzles referenced the Enigma machine and the Axis powers of the Second World War.',
  ],
};
for (const [name, paras] of Object.entries(pages)) {
  const session = engine.createSession();
  const ms = session.update(paras.map((text, block) => ({ text, block })));
  console.log(`== ${name} onTopic=${session.onTopic}`);
  for (const m of ms) console.log(`  [${m.block}] "${m.text}" <${m.trigger}> ${m.findings.join(',')}`);
}
