import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../../scripts/lib/scan-html';
import { extractSegments } from '../../../src/dom/extract';

function textOf(html: string): string {
  const document = parseHtmlDocument(html);
  return extractSegments(document.body)
    .map((segment) => segment.text)
    .join('|');
}

describe('parseHtmlDocument', () => {
  it('builds the tree as browsers do: implied elements, foster parenting, foreign content', () => {
    const document = parseHtmlDocument('<title>T</title><p>one<p>two<table><tr><td>cell</td></tr>loose</table>');
    expect(document.head.querySelector('title')?.textContent).toBe('T');
    expect(document.body.querySelectorAll('p').length).toBe(2);
    // Text inside a table but outside a cell is moved before the table.
    expect(textOf('<table>loose<tr><td>cell</td></tr></table>')).toBe('loose|cell');
  });

  it('keeps reading after an inline SVG sprite with a <style> inside a <symbol>', () => {
    const html =
      '<svg><symbol id="a"><style>.x{fill:red}</style><path d="M0 0"/></symbol></svg><p>after the sprite</p>';
    expect(textOf(html)).toBe('after the sprite');
  });

  it('reads <noscript> as raw text (scripting on, as in a browser) and keeps <template> content out of the tree', () => {
    expect(textOf('<noscript><p>no script</p></noscript><template><p>template</p></template><p>kept</p>')).toBe('kept');
  });

  it('fetches nothing: preload and style sheet links with invalid URLs are only elements', () => {
    const document = parseHtmlDocument(
      '<link rel="preload" href="https://[invalid/x.woff2" as="font"><link rel="stylesheet" href="http://[x"><p>kept</p>',
    );
    expect(document.querySelectorAll('link').length).toBe(2);
    expect(textOf('<link rel="preload" href="https://[invalid/x.woff2" as="font"><p>kept</p>')).toBe('kept');
  });

  it('shows only the summary of a closed <details>', () => {
    expect(textOf('<details><summary>S</summary><p>inside</p></details>')).toBe('S');
    expect(textOf('<details open><summary>S</summary><p>inside</p></details>')).toBe('S|inside');
  });
});
