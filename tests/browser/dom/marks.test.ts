import { afterEach, describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/dom/extract';
import { HIGHLIGHT_NAME, highlightCss, installHighlightStyle } from '../../../src/dom/highlight-style';
import { MarkLayer, MAX_LIVE_RANGES } from '../../../src/dom/marks';
import { placeMentions } from '../../../src/dom/placement';
import { joinSegments } from '../../../src/matching/join';

function placedWords(count: number) {
  const root = document.createElement('div');
  root.textContent = Array.from({ length: count }, (_, i) => `word${i}`).join(' ');
  document.body.append(root);
  const segments = extractSegments(root);
  const { text } = joinSegments(segments);
  const mentions = [...text.matchAll(/word\d+/g)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
    trigger: 'word',
    findings: ['x'],
  }));
  return placeMentions(segments, mentions);
}

afterEach(() => {
  CSS.highlights.clear();
  document.body.replaceChildren();
  document.head.querySelectorAll('style[data-fact-context-ui]').forEach((style) => style.remove());
});

describe('MarkLayer', () => {
  it('registers every mention under the contract name, as ranges over the exact text', () => {
    const placed = placedWords(5);
    const layer = new MarkLayer();
    placed.forEach((one) => layer.add(one));
    layer.attach();
    const highlight = CSS.highlights.get(HIGHLIGHT_NAME)!;
    expect(highlight.size).toBe(5);
    expect([...highlight].map((range) => (range as Range).toString())).toEqual(placed.map((one) => one.mention.text));
    layer.remove(placed[0]!);
    expect(highlight.size).toBe(4);
    layer.detach();
    expect(CSS.highlights.has(HIGHLIGHT_NAME)).toBe(false);
  });

  it('keeps live Ranges bounded: beyond the cap it registers StaticRanges', () => {
    const placed = placedWords(MAX_LIVE_RANGES + 50);
    const layer = new MarkLayer();
    placed.forEach((one) => layer.add(one));
    layer.attach();
    const ranges = [...CSS.highlights.get(HIGHLIGHT_NAME)!];
    expect(ranges).toHaveLength(MAX_LIVE_RANGES + 50);
    expect(ranges.filter((range) => range instanceof Range)).toHaveLength(MAX_LIVE_RANGES);
    expect(ranges.filter((range) => range instanceof StaticRange)).toHaveLength(50);
    // Freeing a live slot lets the next mention have a live Range again.
    layer.remove(placed[0]!);
    layer.remove(placed[MAX_LIVE_RANGES + 10]!);
    layer.add(placed[0]!);
    expect([...CSS.highlights.get(HIGHLIGHT_NAME)!].filter((range) => range instanceof Range)).toHaveLength(
      MAX_LIVE_RANGES,
    );
  });
});

describe('the ::highlight stylesheet', () => {
  it('lives in the page document and paints an underline', () => {
    const style = installHighlightStyle(document, 'underline');
    const element = document.head.querySelector('style[data-fact-context-ui]');
    expect(element?.textContent).toContain(`::highlight(${HIGHLIGHT_NAME})`);
    const rules = [...(element as HTMLStyleElement).sheet!.cssRules].map((rule) => rule.cssText).join('\n');
    expect(rules).toMatch(/text-decoration/);
    style.update('highlight');
    expect(element?.textContent).toBe(highlightCss('highlight'));
    style.remove();
    expect(document.head.querySelector('style[data-fact-context-ui]')).toBeNull();
  });
});
