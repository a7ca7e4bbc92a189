import { afterEach, describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/dom/extract';
import { caretAt, mentionAtPoint, MentionIndex, rectsContain } from '../../../src/dom/hit-test';
import { rangeOf } from '../../../src/dom/marks';
import { placeMentions, type PlacedMention } from '../../../src/dom/placement';
import { joinSegments } from '../../../src/matching/join';

/** Renders `html`, then places a mention on each phrase given (first occurrence in the joined text). */
function setup(html: string, phrases: string[]): { index: MentionIndex; placed: PlacedMention[] } {
  const root = document.createElement('div');
  root.style.cssText = 'font: 20px/1.5 monospace; width: 600px; padding: 20px;';
  root.innerHTML = html;
  document.body.append(root);
  const segments = extractSegments(root);
  const { text } = joinSegments(segments);
  const mentions = phrases.map((phrase) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`"${phrase}" not in "${text}"`);
    return { start, end: start + phrase.length, text: phrase, trigger: phrase, findings: ['x'] };
  });
  const placed = placeMentions(segments, mentions);
  const index = new MentionIndex();
  placed.forEach((one) => index.add(one));
  return { index, placed };
}

function centreOf(rect: DOMRect): { x: number; y: number } {
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('hit-testing text without elements', () => {
  it('finds the caret position under a point', () => {
    const { placed } = setup('<p>China and Russia</p>', ['Russia']);
    const { x, y } = centreOf(rangeOf(placed[0]!).getBoundingClientRect());
    const caret = caretAt(document, x, y);
    expect(caret?.node).toBe(placed[0]!.start.node);
    expect(caret!.offset).toBeGreaterThanOrEqual(placed[0]!.start.offset);
    expect(caret!.offset).toBeLessThanOrEqual(placed[0]!.end.offset);
  });

  it('hits a mention at its centre and misses the words beside it', () => {
    const { index, placed } = setup('<p>They call it an axis of convenience today.</p>', ['axis of convenience']);
    const rect = rangeOf(placed[0]!).getBoundingClientRect();
    expect(mentionAtPoint(document, index, ...(Object.values(centreOf(rect)) as [number, number]))).toBe(placed[0]);
    // "an" before it and "today" after it, on the same line.
    expect(mentionAtPoint(document, index, rect.left - 20, rect.top + rect.height / 2)).toBeNull();
    expect(mentionAtPoint(document, index, rect.right + 30, rect.top + rect.height / 2)).toBeNull();
  });

  it('misses in the empty space after the end of a line (the caret still snaps to the last word there)', () => {
    const { index, placed } = setup('<p>axis of convenience</p>', ['axis of convenience']);
    const rect = rangeOf(placed[0]!).getBoundingClientRect();
    const y = rect.top + rect.height / 2;
    expect(caretAt(document, rect.right + 100, y)?.node).toBe(placed[0]!.end.node);
    expect(mentionAtPoint(document, index, rect.right + 100, y)).toBeNull();
  });

  it('hits a mention that spans inline tags, on both sides of the tag', () => {
    const { index, placed } = setup('<p>a <em>no limits</em> partnership was declared</p>', ['no limits partnership']);
    const mention = placed[0]!;
    expect(mention.nodes).toHaveLength(2);
    for (const node of mention.nodes) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getClientRects()[0]!;
      // Right edge of the last glyph of the <em> part, and the middle of "partnership".
      const points = node === mention.start.node ? [{ x: rect.right - 2, y: rect.top + rect.height / 2 }] : [];
      points.push({ x: rect.left + 30, y: rect.top + rect.height / 2 });
      for (const { x, y } of points) expect(mentionAtPoint(document, index, x, y)).toBe(mention);
    }
  });

  it('checks each line box of a mention that wraps', () => {
    const { index, placed } = setup('<p style="width: 260px">xxxxxxxxxxxxxxx no limits partnership between them</p>', [
      'no limits partnership',
    ]);
    const rects = [...rangeOf(placed[0]!).getClientRects()].filter((rect) => rect.width > 0);
    expect(rects.length).toBeGreaterThan(1);
    for (const rect of rects)
      expect(mentionAtPoint(document, index, rect.left + 5, rect.top + rect.height / 2)).toBe(placed[0]);
  });

  it('rectsContain honours the slack and skips empty rects', () => {
    const rect = new DOMRect(10, 10, 20, 10);
    expect(rectsContain([rect], 30.5, 15)).toBe(true);
    expect(rectsContain([rect], 33, 15)).toBe(false);
    expect(rectsContain([new DOMRect(0, 0, 0, 0)], 0, 0)).toBe(false);
  });
});
