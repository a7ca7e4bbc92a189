import { afterEach, describe, expect, it, vi } from 'vitest';
import { followReference, rangeReference } from '../../../src/ui/card/position';

/** A phrase at (left, top) in a fixed box, and a 300×200 card; waits until the card has been placed. */
async function place(left: number, top: number) {
  const box = document.createElement('p');
  box.style.cssText = `position: fixed; left: ${left}px; top: ${top}px; margin: 0; font: 16px/20px sans-serif; white-space: nowrap;`;
  box.textContent = 'axis of convenience';
  const card = document.createElement('div');
  card.style.cssText = 'position: fixed; width: 300px; height: 200px; overflow: auto;';
  document.body.append(box, card);
  const range = document.createRange();
  range.selectNodeContents(box.firstChild!);
  const stop = followReference(
    rangeReference(() => range, box),
    card,
  );
  await untilPlaced(card);
  const phrase = range.getBoundingClientRect();
  const placed = card.getBoundingClientRect();
  stop();
  return { phrase, placed };
}

/** Until followReference has written the card's position (the fixtures give it none of their own). */
async function untilPlaced(card: HTMLElement): Promise<void> {
  await vi.waitFor(() => expect(card.style.top).not.toBe(''));
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

afterEach(() => document.body.replaceChildren());

describe('card placement beside the phrase', () => {
  /** "weeks before the invasion" wrapped onto two lines in a box at `top`; the card placed with the pointer on line 2. */
  async function placeWrapped(top: number) {
    const box = document.createElement('p');
    box.style.cssText = `position: fixed; left: 40px; top: ${top}px; width: 300px; margin: 0; font: 16px/20px sans-serif;`;
    box.textContent = 'Some words before the phrase weeks before the invasion and more after it.';
    const card = document.createElement('div');
    card.style.cssText = 'position: fixed; width: 320px; height: 200px;';
    document.body.append(box, card);
    const text = box.firstChild as Text;
    const at = text.data.indexOf('weeks before the invasion');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'weeks before the invasion'.length);
    const lines = [...range.getClientRects()].filter((r) => r.width > 0);
    expect(lines.length).toBe(2); // the fixture wraps the phrase
    const [first, second] = [lines[0]!, lines[1]!];
    const stop = followReference(
      rangeReference(() => range, box, second.top + second.height / 2),
      card,
    );
    await untilPlaced(card);
    const placed = card.getBoundingClientRect();
    stop();
    for (const line of lines) expect(overlaps(line, placed)).toBe(false);
    return { first, second, placed };
  }

  it('puts the card against the line the pointer is on when the phrase wraps onto two lines', async () => {
    const { second, placed } = await placeWrapped(120);
    expect(Math.round(placed.top)).toBe(Math.round(second.bottom + 6));
    expect(Math.round(placed.left)).toBe(Math.round(second.left));
  });

  it('above a wrapped phrase (no room below), covers neither of its lines, pointer on the second', async () => {
    const { first, second, placed } = await placeWrapped(window.innerHeight - 50);
    expect(Math.round(placed.bottom)).toBe(Math.round(first.top - 6));
    expect(Math.round(placed.left)).toBe(Math.round(second.left)); // along the pointer's line
  });

  it('goes below the phrase, aligned with its start, without covering it', async () => {
    const { phrase, placed } = await place(100, 100);
    expect(placed.top).toBeGreaterThanOrEqual(phrase.bottom);
    expect(Math.round(placed.left)).toBe(Math.round(phrase.left));
    expect(overlaps(phrase, placed)).toBe(false);
  });

  it('flips above when there is no room below', async () => {
    const { phrase, placed } = await place(100, window.innerHeight - 40);
    expect(placed.bottom).toBeLessThanOrEqual(phrase.top);
    expect(overlaps(phrase, placed)).toBe(false);
  });

  it('stays inside the viewport at the right edge, still off the line', async () => {
    const { phrase, placed } = await place(window.innerWidth - 120, 100);
    expect(placed.right).toBeLessThanOrEqual(window.innerWidth);
    expect(placed.left).toBeGreaterThanOrEqual(0);
    expect(overlaps(phrase, placed)).toBe(false);
  });
});
