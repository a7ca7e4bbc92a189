/**
 * Which parts of a page count as readable article text. One set of rules, used by the content script (real DOM)
 * and by `npm run scan` (happy-dom in Node), so that both find the same mentions in the same HTML.
 */

/** Elements whose whole subtree is never read: code, form fields, media, metadata, page chrome. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'BUTTON',
  'DATALIST',
  'OUTPUT',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'VAR',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'PICTURE',
  'IMG',
  'NAV',
  'MENU',
  'DIALOG',
  'FACT-CONTEXT-CARD',
]);

/** ARIA roles of navigation-like page chrome. */
const SKIPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'search',
  'menu',
  'menubar',
  'toolbar',
  'tablist',
  'dialog',
  'alertdialog',
]);

/** Elements that start a new block: a phrase never continues across their edges. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LI',
  'MAIN',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);

/** Attribute that marks our own UI (besides the card's host tag): never read, never observed. */
export const OWN_UI_ATTRIBUTE = 'data-fact-context-ui';

const HIDDEN_INLINE_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|content-visibility\s*:\s*hidden)\b/i;

/**
 * Whether an element's subtree is skipped, from what the markup itself says (no layout needed).
 * The caller may add a computed-style check for CSS-hidden elements (see ExtractOptions.isHidden). `tag`: the
 * element's upper-case tag name, when the caller has it already (the page walk reads it once per element).
 */
export function isSkippedElement(element: Element, tag = element.tagName.toUpperCase()): boolean {
  if (SKIPPED_TAGS.has(tag)) return true;
  // Most elements have no attributes at all: nothing to read then (every element of a page is asked).
  if (element.hasAttributes() && hasSkippingAttribute(element)) return true;
  // Site-wide header and footer are page chrome; an article's own header (title, standfirst) is content.
  // A closed <details> shows only its first <summary>.
  const parent = element.parentElement;
  if (parent?.tagName.toUpperCase() === 'DETAILS' && !parent.hasAttribute('open')) {
    if (tag !== 'SUMMARY' || firstSummary(parent) !== element) return true;
  }
  if ((tag === 'HEADER' || tag === 'FOOTER') && !element.parentElement?.closest('article, main, [role="main"]'))
    return true;
  return false;
}

/** The attributes that skip an element's subtree: hidden, ours, aria-hidden, chrome roles, editors, inline hiding. */
function hasSkippingAttribute(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.hasAttribute(OWN_UI_ATTRIBUTE)) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const role = element.getAttribute('role');
  if (role && SKIPPED_ROLES.has(role.trim().toLowerCase())) return true;
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = element.getAttribute('style');
  return style !== null && style !== '' && HIDDEN_INLINE_STYLE.test(style);
}

function firstSummary(details: Element): Element | undefined {
  for (const child of details.children) if (child.tagName.toUpperCase() === 'SUMMARY') return child;
  return undefined;
}

/** Inline styles that hide an element (what the reveal watch compares before and after a `style` change). */
export function isHiddenInlineStyle(style: string | null): boolean {
  return style !== null && HIDDEN_INLINE_STYLE.test(style);
}

export function isBlockElement(element: Element): boolean {
  return isBlockTag(element.tagName.toUpperCase());
}

/** isBlockElement for an upper-case tag name. */
export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}
