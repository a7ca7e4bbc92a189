/** The card's texts from the background: the real background handler, the one message map, the card's loader. */
import { describe, expect, it, vi } from 'vitest';
import { serveFindingTexts } from '../../../src/background/finding-texts';
import { createBackgroundFindingTexts } from '../../../src/messaging/finding-texts';
import { PACK } from '../../../src/pack';
import { answerFindingTexts, createFindingTextsLoader, type FindingTexts } from '../../../src/pack/finding-texts';

const [first, second] = PACK.findings;

// The background's handler, as startBackground() registers it (one listener per context: once per file).
serveFindingTexts();

describe('getFindingTexts through the background', () => {
  it('answers the texts of the findings asked for, in order, with the provenance', async () => {
    const texts = await createBackgroundFindingTexts().load([second!.id, first!.id]);
    expect(texts.findings).toEqual([second, first]);
    expect(texts.report).toEqual(PACK.report);
  });

  it('leaves out ids the pack does not have', async () => {
    const texts = await createBackgroundFindingTexts().load(['no-such-finding', first!.id]);
    expect(texts.findings.map((f) => f.id)).toEqual([first!.id]);
  });
});

describe('answerFindingTexts (untrusted message data)', () => {
  const pack = { report: PACK.report, findingById: (id: string) => PACK.findings.find((f) => f.id === id) };

  it.each([[undefined], ['a string'], [{ length: 3 }], [[1, null, {}]]])('turns %j into no findings', (input) => {
    expect(answerFindingTexts(pack, input).findings).toEqual([]);
  });

  it('caps a long request and drops repeats', () => {
    const ids = Array.from({ length: 100 }, () => first!.id);
    expect(answerFindingTexts(pack, ids).findings).toEqual([first]);
  });
});

describe('the card’s loader', () => {
  it('asks once per finding and answers later cards from its cache', async () => {
    const pack = { report: PACK.report, findingById: (id: string) => PACK.findings.find((f) => f.id === id) };
    const ask = vi.fn((ids: string[]): Promise<FindingTexts> => Promise.resolve(answerFindingTexts(pack, ids)));
    const loader = createFindingTextsLoader(ask);
    expect(loader.cached([first!.id])).toBeUndefined();
    await loader.load([first!.id]);
    expect(loader.cached([first!.id])?.findings).toEqual([first]);
    await loader.load([first!.id, second!.id]);
    expect(ask.mock.calls.map(([ids]) => ids)).toEqual([[first!.id], [second!.id]]);
  });

  it('asks for a page of ids in parts the background answers whole, and once while a request is under way', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...first!, id: `finding-${String(i)}` }));
    const pack = { report: PACK.report, findingById: (id: string) => many.find((f) => f.id === id) };
    const ask = vi.fn((ids: string[]): Promise<FindingTexts> => Promise.resolve(answerFindingTexts(pack, ids)));
    const loader = createFindingTextsLoader(ask);
    const ids = many.map((f) => f.id);
    // The prefetch after a scan and a card opened before it is answered.
    const [page, card] = await Promise.all([loader.load(ids), loader.load([ids[30]!, ids[2]!])]);
    expect(page.findings).toEqual(many);
    expect(card.findings).toEqual([many[30], many[2]]);
    expect(ask.mock.calls.flatMap(([asked]) => asked).sort()).toEqual([...ids].sort());
    expect(loader.cached(ids)?.findings).toEqual(many);
  });

  it('brings the provenance when there is no finding to ask for', async () => {
    const loader = createFindingTextsLoader(() => Promise.resolve({ report: PACK.report, findings: [] }));
    expect(await loader.load([])).toEqual({ report: PACK.report, findings: [] });
  });

  it('rejects when the background cannot be reached, and tries again next time', async () => {
    let up = false;
    const loader = createFindingTextsLoader((ids) =>
      up
        ? Promise.resolve({ report: PACK.report, findings: PACK.findings.filter((f) => ids.includes(f.id)) })
        : Promise.reject(new Error('Could not establish connection')),
    );
    await expect(loader.load([first!.id])).rejects.toThrow('connection');
    up = true;
    expect((await loader.load([first!.id])).findings).toEqual([first]);
  });
});
