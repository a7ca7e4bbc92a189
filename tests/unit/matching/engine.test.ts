import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/matching/engine';
import { packEngineSource } from '../../../src/pack/ranking';
import { joinSegments } from '../../../src/matching/join';
import { CLUTTER_WINDOW } from '../../../src/matching/clutter';
import type { Mention, TextSegment } from '../../../src/matching/types';
import { blocks, makePack, ON_TOPIC, ROOM } from './helpers';

const pack = makePack({
  axis: [{ phrase: 'axis of convenience', context: 'any' }],
  limits: [
    { phrase: 'no limits partnership', variants: ['(limitless|boundless) (partnership|friendship)'], context: 'topic' },
  ],
  sanctions: [{ phrase: 'sanctions', context: 'near', also: ['limits'] }],
  gas: [{ phrase: 'de-dollarisation', context: 'topic' }],
});
const engine = createEngine(packEngineSource(pack));
const texts = (mentions: Mention[]) => mentions.map((m) => m.text);

describe('spotting', () => {
  it('finds a phrase with its offsets into the joined text', () => {
    const segments = blocks('Intro.', 'Analysts call it an axis of convenience, not an alliance.');
    const [mention] = engine.scan(segments);
    const { text } = joinSegments(segments);
    expect(mention).toMatchObject({ text: 'axis of convenience', trigger: 'axis of convenience', findings: ['axis'] });
    expect(text.slice(mention!.start, mention!.end)).toBe('axis of convenience');
  });

  it('is word-boundary exact', () => {
    expect(engine.scan(blocks('Taxis of convenience queue outside.'))).toEqual([]);
    expect(engine.scan(blocks('An axis of conveniences.'))).toHaveLength(1); // plural is an inflection, not a new word
    expect(engine.scan(blocks('An axis of conveniencestore.'))).toEqual([]);
    expect(engine.scan(blocks('The maxis of convenience.'))).toEqual([]);
  });

  it('matches across inline segments of one block', () => {
    const segments: TextSegment[] = [
      { text: ON_TOPIC, block: 0 },
      { text: 'They praised their ', block: 1 },
      { text: 'no-limits', block: 1 },
      { text: ' partnership today.', block: 1 },
    ];
    const mentions = engine.scan(segments);
    const { text } = joinSegments(segments);
    expect(texts(mentions)).toEqual(['no-limits partnership']);
    expect(text.slice(mentions[0]!.start, mentions[0]!.end)).toBe('no-limits partnership');
  });

  it('never matches across blocks', () => {
    expect(engine.scan(blocks(ON_TOPIC, 'They praised a no limits', 'partnership.'))).toEqual([]);
    expect(engine.scan(blocks('An axis of', 'convenience.'))).toEqual([]);
  });

  it('normalises page text the same way as triggers', () => {
    const page = blocks(
      ON_TOPIC,
      'A ‘NO–LIMITS’ Partnership; a limitless friendship; De-Dollarization; dedollarisation.',
      ROOM,
    );
    expect(texts(engine.scan(page))).toEqual([
      'NO–LIMITS’ Partnership',
      'limitless friendship',
      'De-Dollarization',
      'dedollarisation',
    ]);
  });
});

describe('topic gate and sense check', () => {
  it('drops topic phrases on a page not about China–Russia relations', () => {
    expect(engine.scan(blocks('A no limits partnership of two law firms.'))).toEqual([]);
    expect(engine.scan(blocks('China and China again.', 'China trade; a no limits partnership.'))).toEqual([]);
  });

  it('keeps topic phrases on a page about China–Russia relations', () => {
    expect(texts(engine.scan(blocks(ON_TOPIC, 'A no limits partnership.')))).toEqual(['no limits partnership']);
  });

  it('counts near phrases only where the paragraph is about China and Russia', () => {
    const page = blocks(ON_TOPIC, 'Unrelated paragraph about football.', 'New sanctions on a football club.');
    expect(engine.scan(page)).toEqual([]);
    const near = blocks(ON_TOPIC, 'Unrelated paragraph.', 'Sanctions on Russia pushed it toward China.');
    expect(texts(engine.scan(near))).toEqual(['Sanctions']);
    // A paragraph that names neither country carries on from the one before when that one names both.
    const after = (before: string, paragraph: string) =>
      texts(engine.scan(blocks(ON_TOPIC, 'Unrelated.', before, paragraph)));
    expect(after('Russia and China met.', 'Sanctions were discussed.')).toEqual(['Sanctions']);
    expect(after('Russia and China met.', 'The two countries discussed sanctions.')).toEqual(['sanctions']);
    expect(after('Russia met Iran.', 'Sanctions were discussed.')).toEqual([]);
    // Both named within the two paragraphs before; not three back.
    expect(texts(engine.scan(blocks(ON_TOPIC, 'Unrelated.', 'The two countries discussed sanctions.')))).toEqual([
      'sanctions',
    ]);
    expect(texts(engine.scan(blocks(ON_TOPIC, 'One.', 'Two.', 'The two countries discussed sanctions.')))).toEqual([]);
    expect(texts(engine.scan(blocks(ON_TOPIC, 'One.', 'Russia met Iran.', 'Moscow discussed sanctions.')))).toEqual([]);
  });

  it('needs each side named twice, or once on a page that uses a phrase of their relation', () => {
    const once = (extra: string) =>
      texts(engine.scan(blocks('Qatar and China signed a gas deal; Beijing and Chinese buyers cheered.', extra)));
    expect(once('China bought more gas after Russia invaded; sanctions followed.')).toEqual([]);
    expect(once('China and Russia push de-dollarisation; sanctions followed.')).toEqual([
      'de-dollarisation',
      'sanctions',
    ]);
  });

  it('counts the sentences that name a side, not its names: one sentence naming Russia twice is a passing mention', () => {
    const page = (russia: string) =>
      texts(engine.scan(blocks('Qatar and China signed a gas deal; Beijing and Chinese buyers cheered.', russia)));
    expect(page('China paid more after Russia invaded and Moscow cut supplies; sanctions followed.')).toEqual([]);
    expect(page('China paid more after Russia invaded. Moscow cut supplies; sanctions followed.')).toEqual([
      'sanctions',
    ]);
    // "U.S." does not end a sentence.
    expect(page('China paid more after Russia and the U.S. clashed and Moscow cut supplies; sanctions.')).toEqual([]);
  });

  it('does not count "South China Sea" as a China reference', () => {
    const page = blocks('Russia sent ships to the South China Sea.', 'Russia and Moscow.', 'A no limits partnership.');
    expect(engine.scan(page)).toEqual([]);
  });
});

describe('clutter rule', () => {
  it('marks a repeated phrase once per block and once per window of blocks', () => {
    const paragraph = 'Sanctions on Russia and China, more sanctions, and sanctions again.';
    const page = blocks(...Array.from({ length: 20 }, () => paragraph));
    const marked = engine.scan(page);
    const { starts } = joinSegments(page);
    const markedBlocks = marked.map((m) => starts.filter((s) => s <= m.start).length - 1);
    expect(markedBlocks).toEqual(Array.from({ length: Math.ceil(20 / CLUTTER_WINDOW) }, (_, k) => k * CLUTTER_WINDOW));
  });

  it('marks different phrases of one finding independently', () => {
    const page = blocks(ON_TOPIC, 'A no limits partnership. A limitless friendship. A boundless partnership.');
    expect(engine.scan(page)).toHaveLength(3);
  });

  it('shows one clause as one mark, of each finding it makes, and keeps sentences and clauses apart', () => {
    const page = blocks(
      ON_TOPIC,
      'A no limits partnership and a limitless friendship; a boundless partnership. De-dollarisation, an axis of convenience.',
    );
    const marks = engine.scan(page);
    expect(texts(marks)).toEqual([
      'no limits partnership and a limitless friendship',
      'boundless partnership',
      'De-dollarisation, an axis of convenience',
    ]);
    expect(marks[2]!.findings.slice(0, 2)).toEqual(['gas', 'axis']);
    const twoClauses = blocks(ON_TOPIC, 'De-dollarisation goes on, but an axis of convenience it is not.');
    expect(texts(engine.scan(twoClauses))).toEqual(['De-dollarisation', 'axis of convenience']);
  });
});

describe('headline rule', () => {
  const heading = (text: string, block: number): TextSegment => ({ text, block, role: 'heading' });
  const body = (block: number, text: string): TextSegment => ({ text, block });

  it('marks a headline only for a finding that no paragraph carries', () => {
    const page = [
      heading('China and Russia: an axis of convenience and new sanctions', 0),
      body(1, ON_TOPIC),
      body(2, 'China and Russia are an axis of convenience, analysts say.'),
    ];
    expect(engine.scan(page).map((m) => [m.text, m.start < page[0]!.text.length])).toEqual([
      ['sanctions', true],
      ['axis of convenience', false],
    ]);
  });
});

describe('ranking', () => {
  it('puts the owning finding first, then the trigger’s other findings', () => {
    const [mention] = engine.scan(blocks('Sanctions on Russia hurt; China helped.', ON_TOPIC));
    expect(mention!.findings.slice(0, 2)).toEqual(['sanctions', 'limits']);
    expect(new Set(mention!.findings).size).toBe(mention!.findings.length);
  });
});

describe('incremental session', () => {
  const page = blocks(
    'A no limits partnership, they said.',
    'An axis of convenience.',
    'Sanctions on Russia pushed it toward China.',
    ON_TOPIC,
    'De-dollarisation and more sanctions on Russia by China critics.',
    'Another no limits partnership.',
  );

  function toPageOffsets(segments: TextSegment[], found: { block: number; start: number; end: number }[]) {
    const { starts } = joinSegments(segments);
    return found.map((m) => ({
      start: (starts[m.block] as number) + m.start,
      end: (starts[m.block] as number) + m.end,
    }));
  }

  it('gives the same mentions as a full scan when blocks arrive one by one', () => {
    // Room first: a page that arrives in pieces spends its density budget as they come (clutter.ts DensityBudget).
    const roomy = blocks(ROOM, ...page.map((segment) => segment.text));
    const session = engine.createSession();
    const found = roomy.flatMap((segment) => session.update([segment]));
    const full = engine.scan(roomy).map(({ start, end }) => ({ start, end }));
    const sortByStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
    expect(toPageOffsets(roomy, found).sort(sortByStart)).toEqual(full);
    expect(full.length).toBeGreaterThan(3);
  });

  it('releases the waiting mentions of earlier blocks when the page turns out to be on topic', () => {
    const session = engine.createSession();
    expect(texts(session.update(page.slice(0, 1)))).toEqual([]);
    expect(session.onTopic).toBe(false);
    expect(texts(session.update(page.slice(1, 2)))).toEqual(['axis of convenience']); // `any` needs no topic
    const turned = session.update(page.slice(2, 4));
    expect(session.onTopic).toBe(true);
    expect(turned.map((m) => [m.block, m.text])).toEqual([
      [0, 'no limits partnership'],
      [2, 'Sanctions'],
    ]);
  });

  it('replaces a changed block', () => {
    const session = engine.createSession();
    session.update(page.slice(0, 4));
    expect(texts(session.update([{ block: 1, text: 'An axis of convenience, again.' }]))).toEqual([
      'axis of convenience',
    ]);
    expect(session.update([{ block: 1, text: 'Nothing here.' }])).toEqual([]);
  });
});
