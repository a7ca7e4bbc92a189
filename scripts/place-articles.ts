/**
 * `npx tsx scripts/place-articles.ts PAGES_DIR OUT_DIR [CORPUS_DIR...]` — puts corpus articles into real news-page
 * markup, to check extraction and spotting on real layouts (issue 10, "Real layouts").
 *
 * PAGES_DIR holds saved pages (`*.html`, or `NAME/source.html` as in Mozilla Readability's test pages; use them
 * locally, never commit them). In each page the element with the most paragraph children is taken as the article
 * body: its paragraphs get an article's lines (extra lines are added after the last one, spare paragraphs removed),
 * everything between them — figures, ad slots, asides — stays where it was, and the first `<h1>` gets the title.
 * A page without paragraphs gets the article's paragraphs at the end of its `<article>`, `<main>` or `<body>`.
 * Articles are used in turn (both corpus folders by default). Writes OUT_DIR/NAME--ARTICLE.html and
 * OUT_DIR/placed.json (which article went into which page).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { corpusDir, readCorpus, type Article } from './lib/corpus';
import { parseHtmlDocument } from './lib/scan-html';

function savedPages(dir: string): { name: string; file: string }[] {
  const pages: { name: string; file: string }[] = [];
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

/** The element with the most `<p>` children that hold text: where a page keeps its article body. */
function articleBody(document: Document): Element | undefined {
  let best: Element | undefined;
  let bestCount = 0;
  for (const paragraph of document.querySelectorAll('p')) {
    const parent = paragraph.parentElement;
    if (!parent || parent === best) continue;
    const count = [...parent.children].filter((c) => c.tagName === 'P' && c.textContent.trim() !== '').length;
    if (count > bestCount) {
      best = parent;
      bestCount = count;
    }
  }
  return best;
}

/** Puts `article` into the page; returns the new HTML, or undefined when the page has no paragraphs to fill. */
function placeArticle(html: string, article: Article): string | undefined {
  const document = parseHtmlDocument(html);
  // Pages without paragraph elements (text split by <br>, <div>s): the article goes into <article>, <main> or <body>.
  const body = articleBody(document) ?? document.querySelector('article, main, [role="main"], body');
  if (!body) return undefined;
  const lines = article.body.split('\n').filter((line) => line.trim() !== '');
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

function main(argv: string[]): number {
  const [pagesDir, outDir, ...corpusDirs] = argv;
  if (!pagesDir || !outDir) {
    console.error('usage: npx tsx scripts/place-articles.ts PAGES_DIR OUT_DIR [CORPUS_DIR...]');
    return 64;
  }
  const dirs = corpusDirs.length > 0 ? corpusDirs : [corpusDir(), join(corpusDir(), 'batch-2')];
  const articles = dirs.flatMap((dir) => readCorpus(dir).articles.map((article) => ({ dir, article })));
  mkdirSync(outDir, { recursive: true });
  const placed: { page: string; article: string; corpus: string; file: string }[] = [];
  let skipped = 0;
  savedPages(pagesDir).forEach(({ name, file }, at) => {
    const entry = articles[at % articles.length];
    if (!entry) return;
    const { dir, article } = entry;
    const html = placeArticle(readFileSync(file, 'utf8'), article);
    if (html === undefined) {
      console.error(`place-articles: ${file}: no paragraphs to put an article in, skipped`);
      skipped += 1;
      return;
    }
    const out = join(outDir, `${name}--${article.id}.html`);
    writeFileSync(out, html);
    placed.push({ page: name, article: article.id, corpus: dir, file: out });
  });
  writeFileSync(join(outDir, 'placed.json'), `${JSON.stringify(placed, null, 2)}\n`);
  console.log(`${placed.length} pages written to ${outDir}${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
