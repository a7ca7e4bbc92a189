// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { joinSegments } from '../../../src/matching/join';
import { extractSegments } from '../../../src/dom/extract';
import { compareDocumentOrder, placeMentions } from '../../../src/dom/placement';

function page(html: string) {
  document.body.innerHTML = html;
  const segments = extractSegments(document.body);
  return { segments, text: joinSegments(segments).text };
}

function mentionOf(text: string, phrase: string, from = 0) {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`no "${phrase}"`);
  return { start, end: start + phrase.length, text: phrase, trigger: phrase, findings: ['x'] };
}

function textOf(placed: ReturnType<typeof placeMentions>[number]): string {
  const range = document.createRange();
  range.setStart(placed.start.node, placed.start.offset);
  range.setEnd(placed.end.node, placed.end.offset);
  return range.toString();
}

describe('placing engine offsets back in the DOM', () => {
  it('maps offsets across blocks and inline tags to the exact text nodes', () => {
    const { segments, text } = page(
      '<h1>China and Russia</h1><p>a <em>no limits</em> partnership</p><p>axis of convenience</p>',
    );
    const mentions = [
      mentionOf(text, 'no limits partnership'),
      mentionOf(text, 'axis of convenience'),
      mentionOf(text, 'Russia'),
    ];
    const placed = placeMentions(segments, mentions);
    expect(placed.map(textOf)).toEqual(['no limits partnership', 'axis of convenience', 'Russia']);
    expect(placed[0]!.nodes).toHaveLength(2);
    expect(placed[1]!.nodes).toHaveLength(1);
  });

  it('places a mention that ends exactly at the end of a text node inside that node', () => {
    const { segments, text } = page('<p><b>axis of convenience</b> and more</p>');
    const [placed] = placeMentions(segments, [mentionOf(text, 'axis of convenience')]);
    expect(placed!.end.node).toBe(placed!.start.node);
    expect(placed!.end.offset).toBe('axis of convenience'.length);
  });

  it('drops mentions whose offsets lie outside the text (a stale scan) instead of guessing', () => {
    const { segments, text } = page('<p>short</p>');
    const placed = placeMentions(segments, [
      { start: text.length + 5, end: text.length + 9, text: 'gone', trigger: 'x', findings: ['x'] },
    ]);
    expect(placed).toEqual([]);
  });

  it('sorts placed mentions in document order', () => {
    const { segments, text } = page('<p>one two</p><p>three</p>');
    const placed = placeMentions(segments, [mentionOf(text, 'three'), mentionOf(text, 'two'), mentionOf(text, 'one')]);
    expect([...placed].sort(compareDocumentOrder).map(textOf)).toEqual(['one', 'two', 'three']);
  });
});
