/**
 * Phrases that look like triggers but mean something else. Matched like triggers (pattern syntax, leftmost-longest):
 * where one starts at or before a trigger and runs at least as far, nothing is marked there. They describe other
 * senses of the words (business law, sport, phone plans, other countries' drills), never particular articles.
 */
export const BLOCKERS: readonly string[] = [
  // "unlimited partnership" as a legal form of business
  '(limited|general|unlimited) (and|or) (limited|unlimited|general) (partnership|partnerships|liability|liability partnership|liability partnerships|companies|company)',
  'unlimited (liability |)(partnership|partnerships|company|companies) (act|law|laws|agreement|deed|form|structure|registered|registration|under|is a|are a|means|where)',
  '(register|registered|registering|form|formed|forming|set up|setting up|incorporate|incorporated) (as |)(an|a) unlimited (liability |)(partnership|company)',
  // "No Limits" as a freediving discipline, and other sports or brands
  'no limits (freediving|free diving|apnea|apnoea|dive|dives|diving|diver|divers|record|records|discipline|category|world record|sled|attempt|event|events|tour|festival|fitness|gym|clothing|apparel|records)',
  // "unlimited" phone, data and service plans
  'unlimited (data|plan|plans|calls|calling|texts|texting|talk|minutes|streaming|storage|bandwidth|broadband|mileage|vacation|leave|PTO|hotspot|subscription|subscriptions|access plan)',
  // drills and alliances of other countries
  '(US|U.S.|American|Philippine|Filipino|Japanese|Australian|Indian|NATO|South Korean|Korean|Taiwanese|Vietnamese|British|French|German|Israeli|US Philippine|U.S. Philippine|US Japan|U.S. Japan|US South Korea|U.S. South Korea|US Korea|US Australia|Quad) (and (Philippine|Filipino|Japanese|Australian|Indian|South Korean|Korean|American|US|U.S.) |)(joint |combined |bilateral |)(military |naval |air |live fire |)(exercises|exercise|drills|drill|war games|wargames|maneuvers|manoeuvres|patrols|alliance)',
  'joint (military |naval |)(exercises|exercise|drills|drill|patrols|war games) (with|between) (the US|the U.S.|the United States|Washington|America|American|Japan|Japanese|the Philippines|Philippine|Manila|India|Indian|NATO|Australia|Australian|Taiwan|South Korea|South Korean|Seoul|Tokyo|Canberra|New Delhi|Vietnam|Britain|France)',
  'Balikatan( exercises| exercise| drills|)',
  // Russia's treaties with its other partners (North Korea's 2024 pact, the Union State with Belarus): not China's
  '(Russia|Russian|Moscow|Russia s|Moscow s) (and |)(North Korea|North Korean|Pyongyang|Belarus|Belarusian|Minsk) (mutual defence|mutual defense|defence|defense|security|military|mutual assistance|comprehensive strategic partnership) (pact|treaty|agreement|alliance|clause|commitment)',
  '(North Korea|North Korean|Pyongyang|Belarus|Belarusian|Minsk) (and|with) (Russia|Moscow) (signed |sealed |agreed |struck |)(a |an |their |the |)(mutual defence|mutual defense|defence|defense|security|military|mutual assistance) (pact|treaty|agreement|alliance|clause|commitment)',
  '(mutual defence|mutual defense|defence|defense|security|mutual assistance) (pact|treaty|agreement|clause|commitment) (with|between) (North Korea|Pyongyang|Belarus|Minsk|Russia and North Korea|Moscow and Pyongyang)',
  // restrictions on what flows to China (Western or Dutch chip controls): not China's exports to Russia
  '(restricting|curbing|tightening|limiting|halting|banning|cutting|blocking) (its |their |the |)(exports|shipments|sales|supplies|deliveries) of (advanced |)(chip|chips|semiconductors|technology|equipment|machine tools|chipmaking equipment|chip machines|chipmaking machines|lithography machines|AI chips|components|parts) to (China|Beijing|Chinese)',
  // sanctions on other countries
  '(sanctions|sanction) (on|against|targeting) (Iran|Iranian|North Korea|North Korean|Venezuela|Venezuelan|Cuba|Cuban|Syria|Syrian|Belarus|Belarusian|Myanmar|Pyongyang|Tehran|Caracas|Havana|Damascus|Minsk|Afghanistan|the Taliban|Hamas|Hezbollah)',
  '(Iran|Iranian|North Korea|North Korean|Venezuela|Venezuelan|Cuba|Cuban|Syria|Syrian|Belarus|Belarusian|Myanmar) sanctions',
  // "transactional" as said of a US president's style
  '(Trump s|Trump|Donald Trump s|the president s|the administration s|his|her) (own |)(transactional|most transactional|deeply transactional|famously transactional|more transactional)',
  // BRICS as the name of sports and cultural events
  'BRICS (Games|Sports Games|Youth Games|sports|athletes|film festival|festival|tournament|championship|championships|cup)',
  // Axis as a name, and the WWII sense
  'Axis (Bank|Capital|Communications|Powers|powers|forces|Mutual Fund|Securities|Finance)',
];
