/**
 * Corpus articles placed into saved real news pages (issue 10, "Real layouts"): what scripts/place-articles.ts writes
 * and scripts/eval-layouts.ts scores. The pages are used locally, never committed (Mozilla Readability's test pages:
 * `NAME/source.html`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Article } from './corpus';
import { isBlockElement } from '../../src/checks/extract-rules';
import { parseHtmlDocument } from './scan-html';

export interface SavedPage {
  name: string;
  file: string;
}

/** `*.html` files of `dir`, and `NAME/source.html` in its sub-folders, sorted by name. */
export function savedPages(dir: string): SavedPage[] {
  const pages: SavedPage[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      const source = join(path, 'source.html');
      if (existsSync(source)) pages.push({ name: entry, file: source });
    } else if (/\.html?$/i.test(entry)) {
      pages.push({ name: basename(entry).replace(/\.html?$/i, ''), file: path });
    }
  }
  return pages;
}

/** A paragraph long enough to be article prose rather than a label, a teaser or a list of names. */
const PROSE_PARAGRAPH = 80;

/**
 * Where a page keeps its article body: the element with the most `<p>` children of article length (then the most
 * text), leaving out paragraphs in a form, a list item (comment threads), a quote, an aside, a footer or a nav.
 * Independent of extract-roles.ts on purpose: the placement must not steer around what it measures.
 */
function articleBody(document: Document): Element | undefined {
  const score = new Map<Element, { paragraphs: number; text: number }>();
  for (const paragraph of document.querySelectorAll('p')) {
    const parent = paragraph.parentElement;
    if (!parent || paragraph.closest('form, li, blockquote, aside, footer, nav')) continue;
    const length = paragraph.textContent.trim().length;
    const entry = score.get(parent) ?? { paragraphs: 0, text: 0 };
    if (length >= PROSE_PARAGRAPH) entry.paragraphs += 1;
    entry.text += length;
    score.set(parent, entry);
  }
  let best: Element | undefined;
  let bestScore = { paragraphs: 0, text: 0 };
  for (const [parent, entry] of score) {
    const better =
      entry.paragraphs > bestScore.paragraphs ||
      (entry.paragraphs === bestScore.paragraphs && entry.text > bestScore.text);
    if (better) [best, bestScore] = [parent, entry];
  }
  return bestScore.text > 0 ? best : undefined;
}

/** Children of the article body that hold the replaced article's own text (figures, embeds, ads and asides stay). */
const OWN_TEXT_TAGS = new Set(['UL', 'OL', 'DL', 'TABLE', 'PRE', 'BLOCKQUOTE']);

/** An article's paragraphs: its non-empty body lines. */
export function articleLines(article: Article): string[] {
  return article.body.split('\n').filter((line) => line.trim() !== '');
}

export interface PlaceOptions {
  /**
   * Headlines (other articles' titles) for the page's own links outside the article body — its "What to Read
   * Next", most-read and navigation links — to check that chrome about the subject never opens the topic gate.
   */
  headlines?: readonly string[];
}

/** Links of a teaser's length: a headline, not "Home" or "Sign in". */
const TEASER_WORDS = 4;
/** How many of a page's links get a headline. */
const MAX_HEADLINES = 8;

/** A link that is all of its block's text (a teaser or a list entry), not a link inside a sentence. */
function isTeaser(link: Element): boolean {
  let block = link.parentElement;
  while (block && !isBlockElement(block)) block = block.parentElement;
  return !block || block.textContent.trim() === link.textContent.trim();
}

function headlinesInChrome(document: Document, body: Element, headlines: readonly string[]): void {
  if (headlines.length === 0) return;
  let used = 0;
  for (const link of document.querySelectorAll('a[href]')) {
    if (used >= MAX_HEADLINES) return;
    if (body.contains(link) || link.textContent.trim().split(/\s+/).length < TEASER_WORDS) continue;
    if (!isTeaser(link)) continue;
    link.textContent = headlines[used % headlines.length] as string;
    used += 1;
  }
}

/**
 * Puts `article` into a saved page: the paragraphs of the page's article body get the article's lines (extra lines
 * after the last one, spare paragraphs removed), its lists, tables and quotes go, everything else between them — figures,
 * ad slots, asides, subheads — stays where it was, and the first `<h1>` gets the title. A page without paragraphs gets them at the end of its `<article>`,
 * `<main>` or `<body>`. Returns the new HTML, or undefined when the page has nowhere to put them.
 */
export function placeArticle(html: string, article: Article, options: PlaceOptions = {}): string | undefined {
  const document = parseHtmlDocument(html);
  const body = articleBody(document) ?? document.querySelector('article, main, [role="main"], body');
  if (!body) return undefined;
  if (options.headlines) headlinesInChrome(document, body, options.headlines);
  const lines = articleLines(article);
  // The page's own lists, tables and quotes between its paragraphs belong to the article being replaced: they go too.
  for (const child of [...body.children]) if (OWN_TEXT_TAGS.has(child.tagName)) child.remove();
  // …and so does its text outside paragraphs (text and inline elements right in the body, as blogs and wikis have).
  for (const node of [...body.childNodes]) {
    const loose = node.nodeType === 3 || (node.nodeType === 1 && !isBlockElement(node as Element));
    if (loose && node.textContent?.trim()) node.remove();
  }
  const paragraphs = [...body.children].filter((child) => child.tagName === 'P');
  paragraphs.forEach((paragraph, at) => {
    const line = lines[at];
    if (line === undefined) paragraph.remove();
    else paragraph.textContent = line;
  });
  let last = paragraphs[Math.min(paragraphs.length, lines.length) - 1];
  for (const line of lines.slice(paragraphs.length)) {
    const paragraph = document.createElement('p');
    paragraph.textContent = line;
    if (last) last.after(paragraph);
    else body.append(paragraph);
    last = paragraph;
  }
  const heading = document.querySelector('h1');
  if (heading) heading.textContent = article.title;
  return `<!DOCTYPE html>\n${document.documentElement.outerHTML}\n`;
}
