/**
 * `npx tsx scripts/place-articles.ts PAGES_DIR OUT_DIR [CORPUS_DIR...]` — puts corpus articles into real news-page
 * markup, to check extraction and spotting on real layouts (issue 10, "Real layouts").
 *
 * PAGES_DIR holds saved pages (`*.html`, or `NAME/source.html` as in Mozilla Readability's test pages; use them
 * locally, never commit them). In each page the element with the most paragraph children is taken as the article
 * body: its paragraphs get an article's lines (extra lines are added after the last one, spare paragraphs removed),
 * everything between them — figures, ad slots, asides — stays where it was, and the first `<h1>` gets the title.
 * A page without paragraphs gets the article's paragraphs at the end of its `<article>`, `<main>` or `<body>`.
 * Articles are used in turn (by default the seen split: the top folder and batch-2's odd-numbered articles — the
 * even-numbered ones are the held-out half, never opened). Writes OUT_DIR/NAME--ARTICLE.html and
 * OUT_DIR/placed.json (which article went into which page). The placement itself is scripts/lib/scan-layouts.ts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, halfOf, readCorpus } from './lib/corpus';
import { placeArticle, savedPages } from './lib/scan-layouts';

function main(argv: string[]): number {
  const [pagesDir, outDir, ...corpusDirs] = argv;
  if (!pagesDir || !outDir) {
    console.error('usage: npx tsx scripts/place-articles.ts PAGES_DIR OUT_DIR [CORPUS_DIR...]');
    return 64;
  }
  const dirs =
    corpusDirs.length > 0
      ? corpusDirs.map((dir) => ({ dir, keep: () => true }))
      : [
          { dir: corpusDir(), keep: () => true },
          { dir: join(corpusDir(), 'batch-2'), keep: (id: string) => halfOf(id) === 'odd' },
        ];
  const articles = dirs.flatMap(({ dir, keep }) => readCorpus(dir, keep).articles.map((article) => ({ dir, article })));
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
