/** The page session's joining of marks (join.ts) and the clutter rule counted on the marks as shown (clutter.ts). */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/matching/engine';
import { packEngineSource } from '../../../src/pack/ranking';
import { blocks, makePack, ON_TOPIC, ROOM } from './helpers';

const pack = makePack({
  limits: [
    { phrase: 'no limits partnership', context: 'topic' },
    { phrase: 'no forbidden zones', context: 'topic' },
    { phrase: 'limitless friendship', context: 'topic' },
    { phrase: 'boundless ties', context: 'topic' },
  ],
  drills: [{ phrase: 'joint drills', context: 'topic', also: ['bloc'] }],
  bloc: [{ phrase: 'anti-Western bloc', context: 'topic' }],
  gas: [
    { phrase: 'gas pipeline', context: 'topic' },
    { phrase: 'gas deal', context: 'topic' },
    { phrase: 'pipeline gas', context: 'topic' },
    { phrase: 'gas exports', context: 'topic' },
  ],
});
const engine = createEngine(packEngineSource(pack));

describe('joined marks', () => {
  it('show two findings of one clause as one mark whose findings list both, its first mark’s first', () => {
    const [mark, ...rest] = engine.scan(blocks(ON_TOPIC, 'They held joint drills and a gas pipeline deal.'));
    expect(rest).toEqual([]);
    expect(mark!.text).toBe('joint drills and a gas pipeline');
    expect(mark!.trigger).toBe('joint drills');
    // The joined mark's own finding right after the trigger's, then the trigger's `also`: each counted once.
    expect(mark!.findings.slice(0, 3)).toEqual(['drills', 'gas', 'bloc']);
    expect(new Set(mark!.findings).size).toBe(mark!.findings.length);
  });

  it('lead with the negated mark of a clause', () => {
    const [mark] = engine.scan(blocks(ON_TOPIC, 'A gas pipeline, not an anti-Western bloc.'));
    expect(mark!.text).toBe('gas pipeline, not an anti-Western bloc');
    expect(mark!.trigger).toBe('anti-Western bloc');
    expect(mark!.findings.slice(0, 2)).toEqual(['bloc', 'gas']);
  });

  it('stay apart in two sentences', () => {
    const marks = engine.scan(blocks(ON_TOPIC, 'They held joint drills. A gas pipeline deal followed.'));
    expect(marks.map((m) => [m.text, m.findings[0]])).toEqual([
      ['joint drills', 'drills'],
      ['gas pipeline', 'gas'],
    ]);
  });
});

describe('clutter rule after joining', () => {
  const paragraph =
    'They hailed a no limits partnership with no forbidden zones. Later, a limitless friendship. Then boundless ties.';

  it('counts a joined clause as one mark of its finding, so a fourth phrase in the paragraph is still marked', () => {
    const marks = engine.scan(blocks(ON_TOPIC, paragraph));
    expect(marks.map((m) => m.text)).toEqual([
      'no limits partnership with no forbidden zones',
      'limitless friendship',
      'boundless ties',
    ]);
  });

  it('still keeps a paragraph to three marks of one finding', () => {
    const four = 'A no limits partnership. No forbidden zones. A limitless friendship. Boundless ties.';
    expect(engine.scan(blocks(ON_TOPIC, four)).map((m) => m.text)).toEqual([
      'no limits partnership',
      'No forbidden zones',
      'limitless friendship',
    ]);
  });

  it('counts a joined mark against each of its findings', () => {
    const text = 'Joint drills and a gas pipeline. A gas deal. Pipeline gas. Gas exports.';
    expect(engine.scan(blocks(ON_TOPIC, text)).map((m) => m.text)).toEqual([
      'Joint drills and a gas pipeline',
      'gas deal',
      'Pipeline gas',
    ]);
  });

  it('lets a phrase said again nearby lengthen a mark of its clause, never make one of its own', () => {
    const page = blocks(ON_TOPIC, 'They agreed on a gas pipeline.', 'Navies held joint drills near the gas pipeline.');
    expect(engine.scan(page).map((m) => m.text)).toEqual(['gas pipeline', 'joint drills near the gas pipeline']);
    const alone = blocks(ON_TOPIC, 'They agreed on a gas pipeline.', 'The gas pipeline opens in May.');
    expect(engine.scan(alone).map((m) => m.text)).toEqual(['gas pipeline']);
    // A mark that opens on the phrase said again is freed with its block like any other.
    const session = engine.createSession();
    const first = blocks(ON_TOPIC, 'They agreed on a gas pipeline.', 'The gas pipeline and joint drills.');
    const marks = session.update(first);
    expect(marks.map((m) => m.text)).toEqual(['gas pipeline', 'gas pipeline and joint drills']);
    // The phrase said again only lengthens the mark: it does not lead it (trigger and first finding on the card).
    expect(marks[1]!.trigger).toBe('joint drills');
    expect(marks[1]!.findings[0]).toBe('drills');
    for (let k = 0; k < 4; k++)
      expect(session.update([{ text: 'The gas pipeline and joint drills.', block: 2 }]).map((m) => m.text)).toEqual([
        'gas pipeline and joint drills',
      ]);
  });

  it('frees a replaced block’s marks: an update gives the marks of a fresh scan', () => {
    const session = engine.createSession();
    session.update(blocks(ON_TOPIC, paragraph));
    const again = session.update([{ text: paragraph, block: 1 }]);
    expect(again.map((m) => m.text)).toEqual(engine.scan(blocks(ON_TOPIC, paragraph)).map((m) => m.text));
  });
});

describe('density rule', () => {
  // Six marks of four findings in a few lines: more than a page this short may show (clutter.ts DensityBudget).
  const dense = [
    ON_TOPIC,
    'A no limits partnership.',
    'Joint drills.',
    'A gas deal.',
    'No forbidden zones.',
    'Gas exports.',
    'An anti-Western bloc.',
  ];

  it('shows a short page’s best marks: each finding once (a joined card counts), then the longer ones', () => {
    expect(engine.scan(blocks(...dense)).map((m) => m.text)).toEqual([
      'no limits partnership',
      'Joint drills',
      'gas deal',
      'No forbidden zones',
    ]);
    // With room for them (30 marks per 1,000 words), all six.
    expect(engine.scan(blocks(...dense, ROOM))).toHaveLength(6);
  });

  it('keeps a page that arrives in pieces within the bound at every step, and never takes a mark back', () => {
    const session = engine.createSession();
    const shown = blocks(...dense).flatMap((segment) => session.update([segment]));
    expect(shown).toHaveLength(4);
    // Room that comes later lets later marks through, never more than the page's words allow.
    const more = session.update([{ block: dense.length, text: `${ROOM} A limitless friendship. Boundless ties.` }]);
    expect(more.map((m) => m.text)).toEqual(['limitless friendship', 'Boundless ties']);
  });
});
