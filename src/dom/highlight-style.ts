import type { MarkStyle } from '../settings';
import { OWN_UI_ATTRIBUTE } from '../checks/extract-rules';

/** The contract name of our highlight in `CSS.highlights` (other tools look for it). */
export const HIGHLIGHT_NAME = 'fact-context-mention';
/** The mark under the pointer, with keyboard focus or with its card open: drawn stronger on top of the quiet one. */
const ACTIVE_HIGHLIGHT_NAME = 'fact-context-mention-active';

/**
 * `::highlight()` rules only apply from a stylesheet of the page's own document (not from our shadow root).
 * The default look ("dotted") is declared in the manifest with the sentinel (src/dom/highlight.css, the same rules
 * as `highlightCss('dotted')`): it is there from document_start, before the page's first style, so registering
 * our marks never restyles the page, a strict CSP cannot block it and the page cannot remove it. Only a reader who
 * chose another mark style gets one small <style> (installHighlightStyle), the one node besides the card host that
 * we add to the page.
 * The resting look is quiet on purpose: a thin, half-transparent underline, so that a
 * mark never reads as a link (links are solid and saturated) and a page with many marks stays readable.
 * The active mark gets the full accent, thicker. Forced-colors mode gets system colours.
 * (`::highlight()` supports `text-decoration` in Chromium and Firefox; `text-underline-offset` is not applied
 * there, so the thickness and the colour carry the difference.)
 */
const ACCENT = '#d9480f';
// Half-transparent accent: low contrast on light and dark pages alike, never the saturated solid line of a link.
const QUIET_COLOUR = 'rgb(217 72 15 / 0.55)';
const MARK_RULES: Record<MarkStyle, string> = {
  dotted: `text-decoration: underline dotted 1.5px ${QUIET_COLOUR} !important; background-color: transparent !important;`,
  underline: `text-decoration: underline solid 1px ${QUIET_COLOUR} !important; background-color: transparent !important;`,
  highlight: `background-color: rgb(255 176 32 / 0.22) !important; text-decoration: none !important;`,
};
const ACTIVE_RULES: Record<MarkStyle, string> = {
  dotted: `text-decoration: underline solid 2px ${ACCENT} !important;`,
  underline: `text-decoration: underline solid 2px ${ACCENT} !important;`,
  // Over the declared sheet's active underline, which a <style> overrides rule by rule (not replaces).
  highlight: `background-color: rgb(255 176 32 / 0.45) !important; text-decoration: none !important;`,
};

/** The mark style that src/dom/highlight.css declares in the manifest: no <style> of ours for it. */
export const DECLARED_MARK_STYLE: MarkStyle = 'dotted';

/**
 * Id specificity before each `::highlight()`: every element matches (no page has this id). A content script's
 * sheet comes before the page's own in Chromium's cascade and after it in Firefox's; with an id's weight, a page's
 * bare `::highlight(fact-context-mention) { … !important }` loses in both, and the <style> for another mark style
 * (twice the weight) wins over the declared sheet in both.
 */
const ID_WEIGHT = ':not(#fact-context-none)';

/**
 * The rules of one mark style, with `weight` times ID_WEIGHT before each `::highlight()`: 1 in the declared sheet,
 * 2 in the <style> that overrides it. `!important`: a page's own rules for our highlight names do not restyle our marks.
 */
export function highlightCss(style: MarkStyle, weight: 1 | 2 = 1): string {
  const prefix = ID_WEIGHT.repeat(weight);
  return `${prefix}::highlight(${HIGHLIGHT_NAME}) { ${MARK_RULES[style]} }
${prefix}::highlight(${ACTIVE_HIGHLIGHT_NAME}) { ${ACTIVE_RULES[style]} }
@media (forced-colors: active) {
  ${prefix}::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline dotted 1px CanvasText !important; }
  ${prefix}::highlight(${ACTIVE_HIGHLIGHT_NAME}) { text-decoration: underline solid 2px Highlight !important; }
}`;
}

/** The one active mark (hover, focus, open card): a second highlight above the quiet one. */
export class ActiveMark {
  private readonly highlight = new Highlight();
  private current: AbstractRange | undefined;

  constructor() {
    this.highlight.priority = 0;
  }

  show(range: AbstractRange | undefined): void {
    if (range === this.current) return;
    this.highlight.clear();
    this.current = range;
    if (range) {
      this.highlight.add(range);
      if (CSS.highlights.get(ACTIVE_HIGHLIGHT_NAME) !== this.highlight)
        CSS.highlights.set(ACTIVE_HIGHLIGHT_NAME, this.highlight);
    }
  }

  remove(): void {
    this.show(undefined);
    if (CSS.highlights.get(ACTIVE_HIGHLIGHT_NAME) === this.highlight) CSS.highlights.delete(ACTIVE_HIGHLIGHT_NAME);
  }
}

/**
 * The mark style on this page: nothing to add for the declared one (src/dom/highlight.css is already there), a
 * <style> at the end of <head> for another one. A later `update` adds, changes or takes out that <style>.
 */
export function installHighlightStyle(
  document: Document,
  style: MarkStyle,
): { update: (style: MarkStyle) => void; remove: () => void } {
  let element: HTMLStyleElement | undefined;
  // lib.dom types `head` as always there; a document without <head> (XHTML, SVG, a page that removed it) has none.
  const parent = () => (document.head as HTMLHeadElement | null) ?? document.documentElement;
  const update = (next: MarkStyle) => {
    if (next === DECLARED_MARK_STYLE) {
      element?.remove();
      return;
    }
    if (!element) {
      element = document.createElement('style');
      element.setAttribute(OWN_UI_ATTRIBUTE, 'highlight-style');
    }
    const css = highlightCss(next, 2);
    if (element.textContent !== css) element.textContent = css;
    // A page may have removed it (hostile or a framework re-rendering <head>): put it back once per update.
    if (!element.isConnected) parent().append(element);
  };
  update(style);
  return { update, remove: () => element?.remove() };
}
