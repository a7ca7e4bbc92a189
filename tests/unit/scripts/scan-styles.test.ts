import { describe, expect, it } from 'vitest';
import { parseHtmlDocument } from '../../../scripts/lib/scan-html';
import { pageStyleProbe } from '../../../scripts/lib/scan-styles';
import { isHiddenByStyle } from '../../../src/dom/extract-visibility';

/** Whether the element with id `target` is hidden by CSS, as scan judges it. */
function hidden(html: string, target = 'x'): boolean {
  const document = parseHtmlDocument(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const element = document.getElementById(target);
  if (!element) throw new Error(`no #${target}`);
  return isHiddenByStyle(element, pageStyleProbe(document));
}

describe('the scan’s style probe', () => {
  it('applies display: none from a style sheet, to the element and its descendants', () => {
    expect(hidden('<style>.gone { display: none }</style><div class="gone"><p><b id="x">t</b></p></div>')).toBe(true);
    expect(hidden('<style>.gone { display: none }</style><p id="x">t</p>')).toBe(false);
  });

  it('applies visibility: hidden and lets a descendant show itself again', () => {
    const sheet = '<style>.v { visibility: hidden } .back { visibility: visible }</style>';
    expect(hidden(`${sheet}<div class="v"><p id="x">t</p></div>`)).toBe(true);
    expect(hidden(`${sheet}<div class="v"><p id="x" class="back">t</p></div>`)).toBe(false);
  });

  it('ranks by importance, then specificity, then order; inline style beats a normal rule', () => {
    expect(hidden('<style>#x { display: block } p { display: none }</style><p id="x">t</p>')).toBe(false);
    expect(hidden('<style>#x { display: block } p { display: none !important }</style><p id="x">t</p>')).toBe(true);
    expect(hidden('<style>p { display: block } p { display: none }</style><p id="x">t</p>')).toBe(true);
    expect(hidden('<style>p { display: none }</style><p id="x" style="display: block">t</p>')).toBe(false);
  });

  it('drops what browsers drop from a CDATA-wrapped sheet and keeps a sheet inside /* CDATA */ comments', () => {
    expect(hidden('<style><![CDATA[ p { display: none } ]]></style><p id="x">t</p>')).toBe(false);
    expect(hidden('<style>/*<![CDATA[*/ p { display: none } /*]]>*/</style><p id="x">t</p>')).toBe(true);
  });

  it('applies a <style> inside an inline SVG sprite, as browsers do', () => {
    const sprite = '<svg style="display:none"><symbol id="i"><style>.gone { display: none }</style></symbol></svg>';
    expect(hidden(`${sprite}<p id="x" class="gone">t</p>`)).toBe(true);
  });

  it('reads a body hidden while the page loads as shown (anti-flicker snippets)', () => {
    expect(hidden('<style>body { visibility: hidden !important }</style><p id="x">t</p>')).toBe(false);
    expect(
      hidden(
        '<style>body { visibility: hidden } .v { visibility: visible } .v p { visibility: hidden }</style><div class="v"><p id="x">t</p></div>',
      ),
    ).toBe(true);
  });

  it('reads a root hidden until a script shows it as shown (frame-busters), but not what hides below it', () => {
    expect(hidden('<style>html { display: none }</style><p id="x">t</p>')).toBe(false);
    expect(hidden('<style>html { display: none } .gone { display: none }</style><p id="x" class="gone">t</p>')).toBe(
      true,
    );
  });

  it('ignores print media, other widths, pseudo-elements, :hover and sheets of another type', () => {
    expect(hidden('<style media="print">p { display: none }</style><p id="x">t</p>')).toBe(false);
    expect(hidden('<style>@media print { p { display: none } }</style><p id="x">t</p>')).toBe(false);
    expect(hidden('<style>@media (max-width: 600px) { p { display: none } }</style><p id="x">t</p>')).toBe(false);
    expect(hidden('<style>@media (min-width: 600px) { p { display: none } }</style><p id="x">t</p>')).toBe(true);
    expect(hidden('<style>p::before { display: none } p:hover { display: none }</style><p id="x">t</p>')).toBe(false);
    expect(hidden('<style type="text/template">p { display: none }</style><p id="x">t</p>')).toBe(false);
  });

  it('treats content-visibility: hidden as hiding the descendants, not the element', () => {
    const sheet = '<style>.cv { content-visibility: hidden }</style>';
    expect(hidden(`${sheet}<div class="cv"><p id="x">t</p></div>`)).toBe(true);
    expect(hidden(`${sheet}<div id="x" class="cv"><p>t</p></div>`)).toBe(false);
  });
});
