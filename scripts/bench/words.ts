/**
 * Neutral vocabulary for the filler text of benchmark pages. None of these words is, or inflects into, a trigger
 * phrase of the pack (tests/unit/bench/generate.test.ts checks the generated filler against the real pack), so the
 * only mentions on a generated page are the ones the generator planted.
 */
export const NOUNS = [
  'harbour', 'bridge', 'market', 'festival', 'library', 'garden', 'river', 'railway', 'museum', 'council', 'village',
  'bakery', 'stadium', 'orchestra', 'ferry', 'school', 'hospital', 'factory', 'vineyard', 'airport', 'theatre',
  'newspaper', 'committee', 'tunnel', 'warehouse', 'county', 'district', 'harvest', 'budget', 'forecast', 'survey',
  'delegation', 'ministry', 'pipeline', 'corridor', 'summit', 'treaty', 'border', 'province', 'shipyard', 'port',
  'statement', 'interview', 'report', 'visit', 'meeting', 'agreement', 'contract', 'railhead', 'terminal', 'plant',
];

export const ADJECTIVES = [
  'quiet', 'busy', 'northern', 'southern', 'coastal', 'regional', 'annual', 'modest', 'careful', 'crowded', 'narrow',
  'wide', 'early', 'late', 'familiar', 'local', 'distant', 'new', 'old', 'small', 'large', 'steady', 'brief',
  'detailed', 'public', 'private', 'cautious', 'senior', 'long', 'short', 'recent',
];

export const VERBS = [
  'opened', 'closed', 'visited', 'described', 'reviewed', 'praised', 'questioned', 'delayed', 'announced',
  'welcomed', 'postponed', 'discussed', 'expanded', 'rebuilt', 'inspected', 'funded', 'planned', 'noted', 'signed',
  'mentioned', 'approved', 'rejected', 'outlined', 'followed', 'measured', 'recorded',
];

export const PLACES = [
  'Beijing', 'Moscow', 'Shanghai', 'Vladivostok', 'Harbin', 'Kazan', 'Astana', 'Tashkent', 'Ulaanbaatar',
  'Novosibirsk', 'Tianjin', 'Irkutsk', 'Khabarovsk', 'Dalian', 'Chita', 'Urumqi',
];

export const PEOPLE = [
  'a spokesperson', 'the mayor', 'one official', 'a senior diplomat', 'the deputy minister', 'an economist',
  'a local historian', 'the committee chair', 'two researchers', 'a trade envoy', 'the regional governor',
];

export const CONNECTORS = ['and', 'while', 'after', 'before', 'because', 'although', 'as', 'since'];

export const COMMENTERS = ['river_watcher', 'OldHand', 'tk_reads', 'North Star', 'mila.p', 'dsmith', 'quietreader', 'anon42'];
