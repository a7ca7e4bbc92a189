/** When the card layer draws which card: at once from the prefetched texts, else once they arrive, if still wanted. */
import { describe, expect, it, vi } from 'vitest';
import { PACK } from '../../../../src/pack';
import { answerFindingTexts, createFindingTextsLoader, type FindingTexts } from '../../../../src/pack/finding-texts';
import { createCardShows } from '../../../../src/ui/card/card-shows';

const [first, second] = PACK.findings;
const pack = { report: PACK.report, findingById: (id: string) => PACK.findings.find((f) => f.id === id) };

/** A background whose answers wait until `answer()` is called. */
function slowBackground() {
  const waiting: (() => void)[] = [];
  const loader = createFindingTextsLoader(
    (ids) => new Promise<FindingTexts>((resolve) => waiting.push(() => resolve(answerFindingTexts(pack, ids)))),
  );
  return {
    loader,
    async answer() {
      for (const go of waiting.splice(0)) go();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function drawn() {
  const cards: { key: number; ids: string[] }[] = [];
  return {
    cards,
    draw: vi.fn((key: number, texts: FindingTexts) => cards.push({ key, ids: texts.findings.map((f) => f.id) })),
  };
}

describe('createCardShows', () => {
  it('draws in the same task when the texts were prefetched', async () => {
    const background = slowBackground();
    const prefetch = background.loader.load([first!.id, second!.id]);
    await background.answer();
    await prefetch;
    const shows = createCardShows(background.loader, vi.fn());
    const { cards, draw } = drawn();
    shows.show([second!.id, first!.id], draw);
    expect(cards).toEqual([{ key: 1, ids: [second!.id, first!.id] }]);
    expect(shows.isOpen).toBe(true);
  });

  it('draws a mark whose texts are not there yet once they arrive, and clears the previous card meanwhile', async () => {
    const background = slowBackground();
    const clear = vi.fn();
    const shows = createCardShows(background.loader, clear);
    const { cards, draw } = drawn();
    shows.show([first!.id], draw);
    expect(cards).toEqual([]);
    expect(clear).toHaveBeenCalledTimes(1);
    expect(shows.isOpen).toBe(true); // a hide() now must still cancel it
    await background.answer();
    expect(cards).toEqual([{ key: 1, ids: [first!.id] }]);
  });

  it('never draws a card that a hide() or a later show() overtook', async () => {
    const background = slowBackground();
    const shows = createCardShows(background.loader, vi.fn());
    const hidden = drawn();
    shows.show([first!.id], hidden.draw);
    shows.hide();
    const overtaken = drawn();
    const latest = drawn();
    shows.show([first!.id], overtaken.draw);
    shows.show([second!.id], latest.draw);
    await background.answer();
    expect(hidden.cards).toEqual([]);
    expect(overtaken.cards).toEqual([]);
    expect(latest.cards.map((card) => card.ids)).toEqual([[second!.id]]);
  });

  it('shows no card, rather than an empty one, for ids the pack does not know', async () => {
    const background = slowBackground();
    const clear = vi.fn();
    const shows = createCardShows(background.loader, clear);
    const { cards, draw } = drawn();
    shows.show(['no-such-finding'], draw);
    await background.answer();
    expect(cards).toEqual([]);
    expect(shows.isOpen).toBe(false);
  });

  it('closes when the background cannot be reached, and tries again on the next show', async () => {
    let up = false;
    const loader = createFindingTextsLoader((ids) =>
      up ? Promise.resolve(answerFindingTexts(pack, ids)) : Promise.reject(new Error('Could not establish connection')),
    );
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const shows = createCardShows(loader, vi.fn());
    const { cards, draw } = drawn();
    shows.show([first!.id], draw);
    await vi.waitFor(() => expect(shows.isOpen).toBe(false));
    expect(error).toHaveBeenCalled();
    up = true;
    shows.show([first!.id], draw);
    await vi.waitFor(() => expect(cards).toEqual([{ key: 2, ids: [first!.id] }]));
    error.mockRestore();
  });
});
