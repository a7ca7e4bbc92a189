import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/matching/engine';
import { packEngineSource } from '../../../src/pack/ranking';
import { sentenceEnds } from '../../../src/matching/concepts';
import { inflectedPattern, nounForms, verbForms } from '../../../src/matching/inflect';
import { blocks, makePack, ON_TOPIC } from './helpers';

const pack = makePack(
  { parts: [], asks: [], ties: [] },
  {
    concepts: [
      { id: 'supply', verbs: ['supply', 'ship'], nouns: ['supplier'] },
      { id: 'request', verbs: ['ask'], nouns: ['request'] },
      { id: 'weapons', nouns: ['weapon'], words: ['arms'] },
      { id: 'parts', label: 'dual-use parts', nouns: ['component', 'machine tool'] },
      { id: 'europe', words: ['Europe', 'France'] },
      { id: 'visit', nouns: ['visit', 'trip'] },
    ],
    combinations: {
      parts: [{ all: ['supply', 'parts'], about: 'pair' }],
      asks: [{ all: ['request', 'weapons'], order: ['russia', 'request'], about: 'pair' }],
      ties: [{ all: ['europe', 'visit'], about: 'china' }],
    },
  },
);
const engine = createEngine(packEngineSource(pack));

describe('concept combinations', () => {
  it('fire on any wording that combines the concepts in one sentence about the pair', () => {
    const [mention] = engine.scan(blocks(ON_TOPIC, 'China keeps shipping Russia key components for its drones.'));
    expect(mention).toMatchObject({
      text: 'shipping Russia key components',
      trigger: 'supply + dual-use parts',
      findings: ['parts'],
      concepts: ['supply', 'parts'],
    });
  });

  it('inflect lexicon words at build time (verbs conjugated, nouns singular and plural)', () => {
    expect(verbForms('supply')).toEqual(expect.arrayContaining(['supplies', 'supplied', 'supplying']));
    expect(nounForms('machine')).toContain('machines');
    const page = blocks(ON_TOPIC, 'Russia relies on machine tools that Chinese suppliers ship.');
    expect(engine.scan(page).map((m) => m.findings[0])).toEqual(['parts']);
  });

  it('give a lexicon noun its plural even where compromise counts the word uncountable', () => {
    // compromise keeps "currency" as a mass noun; a pack noun has a plural ("settled in national currencies").
    expect(nounForms('currency', true)).toEqual(['currency', 'currencies']);
    expect(inflectedPattern('national currency', 'noun')).toBe('national (currency|currencies)');
    expect(nounForms('currency')).toEqual(['currency']); // a trigger's last word keeps compromise's view
  });

  it('need the concepts in the same sentence', () => {
    const page = blocks(ON_TOPIC, 'China and Russia shipped grain. Components were scarce.');
    expect(engine.scan(page)).toEqual([]);
  });

  it('need the sentence to be about China and Russia (here, or the sentence before and "the two")', () => {
    expect(engine.scan(blocks(ON_TOPIC, 'Qatar will supply components to Japan.'))).toEqual([]);
    const page = blocks(ON_TOPIC, 'China and Russia met again.', 'The two countries agreed to supply components.');
    expect(engine.scan(page)).toHaveLength(1);
  });

  it('take a sentence naming one side as about the pair when its paragraph names both', () => {
    const text = 'Russia needs new buyers. Talks dragged on for years. Beijing now ships it machine tools.';
    expect(engine.scan(blocks(ON_TOPIC, text))).toHaveLength(1);
    // Not across paragraphs, and not in a sentence naming neither side.
    expect(
      engine.scan(blocks(ON_TOPIC, 'Russia needs new buyers.', 'Talks dragged on.', 'Beijing ships components.')),
    ).toEqual([]);
    expect(engine.scan(blocks(ON_TOPIC, 'Russia and China met. Talks dragged on. Qatar ships components.'))).toEqual(
      [],
    );
  });

  it('take a sentence that opens on the pair ("Both…", "The two…") as about each side, after one naming both', () => {
    const after = (sentence: string) => engine.scan(blocks(ON_TOPIC, `Russia and China met. ${sentence}`));
    // `ties` is about: china (Europe + a visit): the pair as the subject includes China.
    expect(after('Both planned a trip to France.').map((m) => m.findings[0])).toEqual(['ties']);
    expect(after('The two want a visit to Europe soon.')).toHaveLength(1);
    // A name after "Both" / "The two" says whom the sentence means; "both of" is not the subject.
    expect(after('Both Japan and Korea planned a trip to France.')).toEqual([]);
    expect(after('The two Koreas want a visit to Europe soon.')).toEqual([]);
    expect(after('Both of the firms planned a trip to France.')).toEqual([]);
    // Not the subject when it is not where the sentence opens, and not without the two named before.
    expect(after('Officials from both planned a trip to France.')).toEqual([]);
    expect(engine.scan(blocks(ON_TOPIC, 'Talks went on.', 'Both planned a trip to France.'))).toEqual([]);
  });

  it('take a sentence that opens on the relationship ("The relationship…", "Their ties…") as about the pair', () => {
    const after = (sentence: string, first = 'Russia and China met.') =>
      engine.scan(blocks(ON_TOPIC, `${first} ${sentence}`));
    expect(after('Their partnership ships components.')).toHaveLength(1);
    expect(after('The new relationship supplies components.')).toHaveLength(1);
    expect(after('Their cooperation ships components.')).toHaveLength(1);
    // Someone else's relationship: a name, or "between", "with", "of" after the subject.
    expect(after('The relationship between Japan and Korea supplies components.')).toEqual([]);
    expect(after('The partnership with Qatar supplies components.')).toEqual([]);
    expect(after('Their Japanese partnership ships components.')).toEqual([]);
    // Only after a sentence naming both sides.
    expect(after('Their partnership ships components.', 'China met Japan.')).toEqual([]);
  });

  it('respect roles given as an order of concepts', () => {
    expect(engine.scan(blocks(ON_TOPIC, 'Russia asked China for weapons.'))).toHaveLength(1);
    expect(engine.scan(blocks(ON_TOPIC, 'China asked Russia for weapons.'))).toEqual([]);
  });

  it('about china: one side with a third party, on a page about the pair', () => {
    expect(engine.scan(blocks(ON_TOPIC, "Xi's trip to France was short."))).toHaveLength(1);
    expect(engine.scan(blocks(ON_TOPIC, "Macron's trip to France was short."))).toEqual([]);
  });

  it('never fire off topic, and never in furniture', () => {
    expect(engine.scan(blocks('China and Russia: supply of components.'))).toEqual([]);
    const caption = { text: 'China will supply Russia with components.', block: 2, role: 'furniture' as const };
    expect(engine.scan([...blocks(ON_TOPIC, 'Intro.'), caption])).toEqual([]);
  });
});

describe('concept terms', () => {
  it('stand for every concept that lists a form, however each spelled it', () => {
    const shared = createEngine(
      packEngineSource(
        makePack(
          { refusal: [], evasion: [] },
          {
            concepts: [
              { id: 'negation', words: ['avoided'] },
              { id: 'evade', verbs: ['avoid'] },
              { id: 'say', verbs: ['call'] },
              { id: 'sanctions', nouns: ['sanction'] },
            ],
            combinations: {
              refusal: [{ all: ['negation', 'say'], about: 'pair' }],
              evasion: [{ all: ['evade', 'sanctions'], about: 'pair' }],
            },
          },
        ),
      ),
    );
    const findings = (sentence: string) => shared.scan(blocks(ON_TOPIC, sentence)).map((m) => m.findings[0]);
    expect(findings('China avoided calling it a war.')).toEqual(['refusal']);
    expect(findings('Russia avoided sanctions with China.')).toEqual(['evasion']);
  });

  it('mark two clauses of one sentence for one finding when two of its combinations hold there, shown as one', () => {
    const twice = makePack(
      { parts: [] },
      {
        concepts: [
          { id: 'supply', verbs: ['ship'] },
          { id: 'parts', nouns: ['component'] },
          { id: 'weapons', nouns: ['weapon'] },
        ],
        combinations: {
          parts: [
            { all: ['supply', 'parts'], about: 'pair' },
            { all: ['supply', 'weapons'], about: 'pair' },
          ],
        },
      },
    );
    const one = createEngine(packEngineSource(twice));
    const sentence = 'China ships Russia components, and Beijing also ships Moscow weapons.';
    // Both combinations hold (both their concepts are named); one clause apart, they are one mark to hover.
    expect(one.scan(blocks(ON_TOPIC, sentence)).map((m) => [m.text, [...(m.concepts ?? [])].sort()])).toEqual([
      ['ships Russia components, and Beijing also ships Moscow weapons', ['parts', 'supply', 'weapons']],
    ]);
    const apart = 'China ships Russia components. Beijing also ships Moscow weapons.';
    expect(one.scan(blocks(ON_TOPIC, apart)).map((m) => m.text)).toEqual([
      'ships Russia components',
      'ships Moscow weapons',
    ]);
  });

  it('mark one combination in two clauses of a sentence, in the words the first span left, never a third', () => {
    // `parts` = supply + dual-use parts in the pack above: its shortest span first, then the shortest of the rest.
    const sentence =
      'China ships Russia components for drones, while in the far north, where winters are long, the Chinese supplier of machine tools has grown.';
    expect(engine.scan(blocks(ON_TOPIC, sentence)).map((m) => m.text)).toEqual([
      'ships Russia components',
      'supplier of machine tools',
    ]);
    const thrice = `${sentence.slice(0, -1)}, and Beijing ships Moscow components too.`;
    expect(engine.scan(blocks(ON_TOPIC, thrice))).toHaveLength(2);
    // Nothing left over that holds the combination: one mark.
    expect(engine.scan(blocks(ON_TOPIC, 'China ships Russia components, and the weather was mild.'))).toHaveLength(1);
  });

  it('give way to a phrase on the same words, which then ranks their finding right after its own', () => {
    const both = makePack(
      { lifeline: [{ phrase: 'economic lifeline', context: 'near' }], gains: [] },
      {
        concepts: [
          { id: 'benefit', words: ['profits'] },
          { id: 'trade', words: ['trade'] },
        ],
        combinations: { gains: [{ all: ['benefit', 'trade'], about: 'pair' }] },
      },
    );
    const mentions = createEngine(packEngineSource(both)).scan(
      blocks(ON_TOPIC, 'Beijing profits as the economic lifeline of Russian trade.', 'China profits from trade.'),
    );
    expect(mentions.map((m) => [m.text, m.findings.slice(0, 2)])).toEqual([
      ['economic lifeline', ['lifeline', 'gains']],
      ['profits from trade', ['gains']],
    ]);
  });

  it('join concepts only within a clause-sized span', () => {
    const far =
      'China shipped grain, fertiliser, timber, textiles, toys and much else besides to Russian buyers of components.';
    expect(engine.scan(blocks(ON_TOPIC, far))).toEqual([]);
  });
});

describe('third parties stop the carry-on of a paragraph that names neither side', () => {
  const carry = createEngine(
    packEngineSource(
      makePack(
        { alliance: [{ phrase: 'formal alliance', context: 'near' }] },
        {
          concepts: [
            { id: 'west', kind: 'third-party', words: ['US', 'NATO', 'Washington'] },
            { id: 'others', kind: 'third-party', words: ['Japan', 'Taiwan'] },
            { id: 'speech', kind: 'speech', verbs: ['say'] },
            { id: 'bloc', kind: 'actor', words: ['BRICS'] },
          ],
        },
      ),
    ),
  );
  const after = (...paragraphs: string[]) =>
    carry.scan(blocks(ON_TOPIC, 'Unrelated.', 'Russia and China met.', ...paragraphs)).map((m) => m.text);

  it('compile the kinds the engine reads, and only those', () => {
    const concepts = makePack(
      {},
      {
        concepts: [
          { id: 'west', kind: 'third-party', words: ['US'] },
          { id: 'speech', kind: 'speech', verbs: ['say'] },
          { id: 'bloc', kind: 'actor', words: ['BRICS'] },
        ],
      },
    ).matcher.concepts;
    expect(concepts?.thirdParty.map((c) => concepts.ids[c])).toEqual(['west']);
    expect(concepts?.speech.map((c) => concepts.ids[c])).toEqual(['speech']);
  });

  it('carry on for a paragraph that names no one, and one that names an actor that is no third party', () => {
    expect(after('A formal alliance was not discussed.')).toEqual(['formal alliance']);
    expect(after('BRICS has no formal alliance.')).toEqual(['formal alliance']);
    expect(after('Talks went on.', 'A formal alliance was not discussed.')).toEqual([]);
  });

  it('stop at a paragraph about a third party', () => {
    expect(after('The US has a formal alliance with Japan.')).toEqual([]);
    expect(after('Talks went on. Taiwan wants a formal alliance.')).toEqual([]);
  });

  it('let a third party that is quoted be a source, not the subject', () => {
    expect(after('NATO said it saw no formal alliance.')).toEqual(['formal alliance']);
    expect(after('Washington has no formal alliance with Taiwan, it said.')).toEqual(['formal alliance']);
  });

  it('never apply to a paragraph that names China or Russia itself', () => {
    expect(after('Washington fears a formal alliance of Beijing and Moscow.')).toEqual(['formal alliance']);
  });
});

describe('sentence ends', () => {
  it('split at . ! ? before a space, not inside U.S.', () => {
    expect(sentenceEnds('The U.S. agreed. Then? Yes!')).toEqual([16, 22, 27]);
  });
});
