import type { MarkStyle } from '../settings';
import { OWN_UI_ATTRIBUTE } from './extract-rules';

/** The contract name of our highlight in `CSS.highlights` (other tools look for it). */
export const HIGHLIGHT_NAME = 'fact-context-mention';

/**
 * `::highlight()` rules only apply from a stylesheet of the page's own document (not from our shadow root), so
 * this one small <style> is the only node besides the card host that we add to the page.
 * The colours are mid-tones that read on both light and dark pages; forced-colors mode gets a system colour.
 */
const MARK_RULES: Record<MarkStyle, string> = {
  underline: `text-decoration: underline solid 2px #d9480f !important; background-color: transparent !important;`,
  dotted: `text-decoration: underline dotted 2px #d9480f !important; background-color: transparent !important;`,
  highlight: `background-color: rgb(255 176 32 / 0.35) !important; text-decoration: none !important;`,
};

/** `!important` and the end of <head>: a page's own rules for our highlight name do not restyle our marks. */
export function highlightCss(style: MarkStyle): string {
  return `::highlight(${HIGHLIGHT_NAME}) { ${MARK_RULES[style]} }
@media (forced-colors: active) {
  ::highlight(${HIGHLIGHT_NAME}) { text-decoration: underline solid 2px Highlight !important; }
}`;
}

/** Adds (or updates) the page stylesheet; returns the function that removes it. */
export function installHighlightStyle(
  document: Document,
  style: MarkStyle,
): { update: (style: MarkStyle) => void; remove: () => void } {
  const element = document.createElement('style');
  element.setAttribute(OWN_UI_ATTRIBUTE, 'highlight-style');
  element.textContent = highlightCss(style);
  // lib.dom types `head` as always there; a document without <head> (XHTML, SVG, a page that removed it) has none.
  const parent = () => (document.head as HTMLHeadElement | null) ?? document.documentElement;
  parent().append(element);
  return {
    update(next) {
      const css = highlightCss(next);
      if (element.textContent !== css) element.textContent = css;
      // A page may have removed it (hostile or a framework re-rendering <head>): put it back once per update.
      if (!element.isConnected) parent().append(element);
    },
    remove: () => element.remove(),
  };
}
