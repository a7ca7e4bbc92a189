/**
 * What kind of block a run of page text is (TextSegment.role), judged from markup and the block's own text.
 * The engine's context rules (topic gate, `near` window, clutter window) count only `prose`, so page chrome inside
 * or around an article — captions, bylines, ad slots, separators, link lists — never opens the gate or pushes a
 * paragraph out of a window. Pure DOM reads, no layout: the content script and `npm run scan` judge alike.
 */
import type { BlockRole } from '../matching/types';

/** Tags whose whole subtree is page furniture when it sits around article text. */
const FURNITURE_TAGS = new Set(['FIGCAPTION', 'FIGURE', 'CAPTION', 'ASIDE', 'ADDRESS', 'FOOTER']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Where the ancestor walk stops: classes above the article container say nothing about one block. */
const CONTAINER_TAGS = new Set(['ARTICLE', 'MAIN', 'BODY', 'HTML']);
/**
 * How many ancestors of a block the tag, class and role checks look at: enough for `figure > div > p` or
 * `div.byline > span > p`, few enough that a class far up the tree (`div.has-author`) does not speak for every block.
 */
const ANCESTOR_DEPTH = 4;

/**
 * Class, id, itemprop or rel words of page chrome (whole words of the attribute: `ad-slot` has `ad`, `header` not).
 * Words like "caption" or "byline" name the block's purpose in the markup of most news sites.
 */
const FURNITURE_WORD =
  /^(?:ads?|advert\w*|adsbygoogle|adslot|adunit|dfp|sponsor\w*|promo\w*|byline\w*|bylines|author\w*|dateline|credits?|\w*caption\w*|timestamp|date|published|updated|share(?:s|bar|box|tools?|buttons?|btns?|links?|icons?|this)?|sharing|social|related|recommend\w*|newsletter\w*|signup|subscribe\w*|breadcrumbs?|tags?|keywords|comments?|disclaimer|kicker|eyebrow|outbrain|taboola|most-?read|trending|toolbar|pagination|pager|pull-?quotes?|tweets?|instagram-media|tiktok-embed|admonition\w*|callouts?|infobox\w*)$/;
/**
 * A hyphenated word with more parts than this is a slug (`id="getting-into-trouble-with-shared-history"`, made from
 * a subhead's words), not a class name: its parts say nothing about page chrome.
 */
const MAX_CLASS_PARTS = 4;
/** The page's own marker of its article text (schema.org): blocks below it are judged by their own markup. */
const ARTICLE_BODY_PROP = 'articlebody';
const HEADLINE_WORD = /^(?:headline\w*|title|article-?title|story-?title|entry-?title|post-?title)$/;

/** Labels a news page puts between or around paragraphs, as the whole text of a block. */
const LABEL_TEXT =
  /^(?:advertisement|advertising|ad|sponsored( content)?|continue reading( the main story| below)?|read more( here)?|read next|see also|more on this( story)?|related( articles| stories| content| coverage| reading)?|what to read next|most (read|popular|viewed|shared)|recommended( for you| stories)?|share( this( article| story| page)?)?|sign up( for our newsletter)?|subscribe( now)?|skip to (main )?content|listen to (this )?(article|story)|(photo|image|video|graphic)( credit)?s?|credit|caption|comments?|trending( now)?|up next|watch|top stories|latest news|story continues below( advertisement)?)\W*$/i;
/** "By Jane Doe", "Updated 5:02 PM", "Published March 3": the first words of a byline or timestamp line. */
const BYLINE_START =
  /^(?:by|from|updated|published|posted|last (updated|modified)|reporting by|written by|photo(graph)?s? by|edited by)\b/i;
const HAS_LETTER = /\p{L}/u;
/** Below this many words a block without sentence punctuation reads as a label, not article prose. */
const SHORT_WORDS = 5;
/** Bold-only lines up to this many words read as subheads. */
const SUBHEAD_WORDS = 15;
/** A block whose text is at least this share link text is a link list entry or a teaser. */
const LINK_HEAVY_SHARE = 0.5;

/** What the markup alone says about a block element (cached per element by the caller). */
export type MarkupRole = BlockRole | undefined;

/** What one element's own markup says (markupFlags): the ancestor walk stops at it, or it is page furniture or a heading. */
const STOP = 1;
const FURNITURE = 2;
const HEADING = 4;

/**
 * One element's own part of markupRole: its tag, role and chrome class words (not its headline words, which count
 * for the block element alone). Blocks share their ancestors, so the walk caches this per element (markupRole's
 * `cache`) instead of reading the same attributes again for every paragraph of a container.
 */
function markupFlags(element: Element): number {
  const tag = element.tagName.toUpperCase();
  if (CONTAINER_TAGS.has(tag)) return STOP;
  // Most elements have no attributes at all: then only the tag speaks.
  const attributes = element.hasAttributes();
  // A share widget's id or a layout class on the article body itself (`div#share-btns_container[itemprop=
  // articleBody]`) is no reason to read every paragraph of the article as chrome.
  if (attributes && element.getAttribute('itemprop')?.trim().toLowerCase() === ARTICLE_BODY_PROP) return STOP;
  if (FURNITURE_TAGS.has(tag)) return FURNITURE;
  const heading = HEADING_TAGS.has(tag) ? HEADING : 0;
  if (!attributes) return heading;
  const ariaRole = element.getAttribute('role')?.trim().toLowerCase();
  if (ariaRole === 'complementary' || hasWord(element, FURNITURE_WORD)) return FURNITURE;
  return ariaRole === 'heading' ? HEADING : heading;
}

/**
 * The block element's role from its own tag and its near ancestors: furniture containers and chrome class words,
 * headings. Undefined when the markup does not say (the block's text decides). `cache`: each element's own
 * markupFlags, kept by the caller for one walk of the page.
 */
export function markupRole(block: Element | null, cache?: Map<Element, number>): MarkupRole {
  let heading = false;
  let depth = 0;
  for (let current = block; current && depth < ANCESTOR_DEPTH; current = current.parentElement, depth++) {
    let flags = cache?.get(current);
    if (flags === undefined) {
      flags = markupFlags(current);
      cache?.set(current, flags);
    }
    if (flags & STOP) break;
    if (flags & FURNITURE) return 'furniture';
    if (flags & HEADING) heading = true;
    if (depth === 0 && hasWord(current, HEADLINE_WORD)) heading = true;
  }
  return heading ? 'heading' : undefined;
}

/** The part of a block's text the role needs: all of it, and how much of it is inside links or bold. */
export interface BlockTextParts {
  text: string;
  linkChars: number;
  boldChars: number;
}

/**
 * The role of one block from its markup role and its text (see the module comment for what each role means).
 * The checks that count letters or words run only where their answer can change the role: most paragraphs end
 * with a full stop and have few links, and are told prose without counting anything.
 */
export function blockRole(markup: MarkupRole, parts: BlockTextParts): BlockRole {
  if (markup === 'furniture') return 'furniture';
  const text = parts.text.trim();
  if (!HAS_LETTER.test(text)) return 'furniture'; // "___", "* * *", "•", a lone date in digits
  if (LABEL_TEXT.test(text)) return 'furniture';
  // A letter is not white space: from here on the text has letters > 0.
  const letters = parts.linkChars > 0 || parts.boldChars > 0 ? countLetters(text) : 1;
  if (parts.linkChars / letters >= LINK_HEAVY_SHARE) return 'furniture';
  if (BYLINE_START.test(text) && countWords(text, 13) <= 12) return 'furniture';
  if (markup === 'heading') return 'heading';
  if (endsSentence(text)) return 'prose';
  if (parts.boldChars / letters >= 0.9 && countWords(text, SUBHEAD_WORDS + 1) <= SUBHEAD_WORDS) return 'heading';
  if (countWords(text, SHORT_WORDS) < SHORT_WORDS) return 'furniture';
  return 'prose';
}

/** Characters after a sentence's last punctuation that still end it: closing quotes and brackets. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
const SENTENCE_ENDS = new Set(['.', '!', '?', '…']);

/** Whether `text` ends with . ! ? or … (then closing quotes or brackets), read back from its end. */
function endsSentence(text: string): boolean {
  let k = text.length - 1;
  while (k >= 0 && CLOSERS.has(text.charAt(k))) k--;
  return k >= 0 && SENTENCE_ENDS.has(text.charAt(k));
}

/** The number of words in `text`, counted up to `limit` (enough to compare with a small bound). */
function countWords(text: string, limit: number): number {
  let words = 0;
  let inWord = false;
  for (let k = 0; k < text.length && words < limit; k++) {
    const space = isWhiteSpace(text.charCodeAt(k));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Characters other than white space (as `\s` means it): one pass, no copy of the text. */
export function countLetters(text: string): number {
  let letters = 0;
  for (let k = 0; k < text.length; k++) if (!isWhiteSpace(text.charCodeAt(k))) letters++;
  return letters;
}

function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The attributes whose words name a block's purpose. */
const WORD_ATTRIBUTES = ['class', 'id', 'itemprop', 'rel', 'data-testid'];

function hasWord(element: Element, pattern: RegExp): boolean {
  if (!element.hasAttributes()) return false;
  for (const name of WORD_ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (!value) continue;
    for (const word of value.toLowerCase().split(/[^a-z0-9-]+|--|__/)) {
      if (!word) continue;
      if (pattern.test(word)) return true;
      const parts = word.split('-');
      if (parts.length <= MAX_CLASS_PARTS && parts.some((part) => pattern.test(part))) return true;
    }
  }
  return false;
}
