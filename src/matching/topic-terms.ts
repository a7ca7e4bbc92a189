/**
 * Words that make a page "about China–Russia relations" (see gate.ts). Matched like triggers: case, dashes and
 * possessives do not matter (`Xi's` = `xi`, `Sino-Russian` = `sino` + `russian`).
 */
export const CHINA_TERMS: readonly string[] = [
  'China',
  'Chinese',
  'Beijing',
  'Sino',
  'PRC',
  "People's Republic",
  'Xi',
  'Xi Jinping',
  'Jinping',
  'Zhongnanhai',
  'Wang Yi',
  'Li Qiang',
  'CCP',
  'CPC',
  // Officials reporters quote by name alone: foreign-ministry spokespeople, the ambassador in Moscow.
  'Mao Ning',
  'Lin Jian',
  'Wang Wenbin',
  'Zhao Lijian',
  'Hua Chunying',
  'Qin Gang',
  'Zhang Hanhui',
  "People's Liberation Army",
];

export const RUSSIA_TERMS: readonly string[] = [
  'Russia',
  'Russian',
  'Russians',
  'Moscow',
  'Kremlin',
  'Putin',
  'Lavrov',
  'Peskov',
  'Medvedev',
  'Mishustin',
  'Shoigu',
  'Belousov',
  'Zakharova',
  'Ushakov',
  'Siluanov',
  'Nabiullina',
  'Gerasimov',
  'Gazprom',
  'Rosneft',
];

/** Phrases that contain a reference word but say nothing about the country (longest match wins). */
export const NOT_REFERENCES: readonly string[] = [
  'South China Sea',
  'East China Sea',
  'South China Morning Post',
  'China shop',
  'fine china',
  'bone china',
  'china cabinet',
  'Russian roulette',
  'Russian doll',
  'Russian dolls',
  'Russian dressing',
  'Chinese whispers',
  'Chinese checkers',
  'Chinese takeaway',
  'Chinese restaurant',
  'Chinese food',
  'Chinese New Year',
];

/**
 * Phrases that refer back to the pair ("the two countries", "both sides"). They never make a page on topic (a
 * story about any two countries uses them); on an on-topic page they let a paragraph that names neither country
 * pass the `near` sense check, when the paragraph before names both.
 */
export const PAIR_REFERENCES: readonly string[] = [
  'the two countries',
  'the two nations',
  'the two powers',
  'the two sides',
  'the two governments',
  'the two leaders',
  'the two neighbours',
  'the two neighbors',
  'the two militaries',
  'the two armies',
  'the two navies',
  'the two partners',
  'the two capitals',
  'both countries',
  'both nations',
  'both powers',
  'both sides',
  'both governments',
  'both leaders',
  'both militaries',
  'their militaries',
  'the pair',
  'between the two',
  'the two men',
  'the two presidents',
  'each other',
  'one another',
  'bilateral',
];
