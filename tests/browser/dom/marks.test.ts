import { afterEach, describe, expect, it } from 'vitest';
import { extractSegments } from '../../../src/dom/extract';
import {
  DECLARED_MARK_STYLE,
  HIGHLIGHT_NAME,
  highlightCss,
  installHighlightStyle,
} from '../../../src/dom/highlight-style';
import DECLARED_CSS from '../../../src/dom/highlight.css?raw';
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

/** The rules of a stylesheet as the browser parses them (whitespace and comments gone). */
function parsedRules(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText);
}

/** A mark on a fresh paragraph, and how the page draws it (`::highlight()` computed style). */
function markedLook(): () => { line: string; style: string; background: string } {
  const paragraph = document.createElement('p');
  paragraph.textContent = 'China and Russia';
  document.body.append(paragraph);
  const range = new Range();
  range.selectNodeContents(paragraph);
  CSS.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
  return () => {
    const style = getComputedStyle(paragraph, `::highlight(${HIGHLIGHT_NAME})`);
    return { line: style.textDecorationLine, style: style.textDecorationStyle, background: style.backgroundColor };
  };
}

/** A stylesheet the page itself has (or, standing in for the manifest's, our declared one). */
function pageStyle(css: string): HTMLStyleElement {
  const element = document.createElement('style');
  element.dataset.test = '';
  element.textContent = css;
  document.head.append(element);
  return element;
}

describe('the ::highlight stylesheets', () => {
  afterEach(() => document.head.querySelectorAll('style[data-test]').forEach((style) => style.remove()));

  it('the sheet the manifest declares (src/dom/highlight.css) is the default mark style', () => {
    expect(DECLARED_MARK_STYLE).toBe('dotted');
    expect(parsedRules(DECLARED_CSS)).toEqual(parsedRules(highlightCss(DECLARED_MARK_STYLE)));
  });

  it('the default style adds nothing to the page; another one is a <style> that overrides the declared sheet', () => {
    pageStyle(DECLARED_CSS);
    const look = markedLook();
    expect(look()).toMatchObject({ line: 'underline', style: 'dotted' });
    const style = installHighlightStyle(document, 'dotted');
    expect(document.querySelector('style[data-fact-context-ui]')).toBeNull();
    style.update('underline');
    const element = document.head.querySelector('style[data-fact-context-ui]');
    expect(element?.textContent).toBe(highlightCss('underline', 2));
    expect(look()).toMatchObject({ line: 'underline', style: 'solid' });
    style.update('highlight');
    expect(look().line).toBe('none');
    expect(look().background).not.toBe('rgba(0, 0, 0, 0)');
    // Removed by the page: put back by the next update.
    element?.remove();
    style.update('underline');
    expect(look()).toMatchObject({ line: 'underline', style: 'solid' });
    style.update('dotted');
    expect(document.querySelector('style[data-fact-context-ui]')).toBeNull();
    expect(look()).toMatchObject({ line: 'underline', style: 'dotted' });
    style.update('highlight');
    style.remove();
    expect(document.querySelector('style[data-fact-context-ui]')).toBeNull();
  });

  it("a page's own !important rule for our highlight does not restyle our marks", () => {
    pageStyle(DECLARED_CSS);
    const look = markedLook();
    pageStyle(`::highlight(${HIGHLIGHT_NAME}) { text-decoration: none !important; background-color: red !important; }`);
    expect(look()).toMatchObject({ line: 'underline', style: 'dotted', background: 'rgba(0, 0, 0, 0)' });
    const style = installHighlightStyle(document, 'highlight');
    expect(look().line).toBe('none');
    expect(look().background).not.toBe('rgb(255, 0, 0)');
    style.remove();
  });
});
