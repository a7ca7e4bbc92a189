/**
 * The labelled development corpus (../shared/corpus, see its README): reading it, and turning an article into the
 * kind of page a news site serves.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Article {
  id: string;
  url: string;
  title: string;
  label: 'positive' | 'negative';
  body: string;
}

export interface ArticleLabels {
  label: 'positive' | 'negative';
  expect: { text: string; theme: string }[];
  must_not: string[];
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared/corpus` beside the repo (as on CI), or FACT_CONTEXT_CORPUS. */
export function corpusDir(): string {
  return process.env.FACT_CONTEXT_CORPUS ?? resolve(repoRoot, '../shared/corpus');
}

/**
 * The labelled folders `npm run eval` reads: FACT_CONTEXT_CORPUS alone when set, else the corpus root and every
 * sub-folder of it that has its own labels.json (batch-2), each with a short name.
 */
export function corpusFolders(): { name: string; dir: string }[] {
  const root = corpusDir();
  if (process.env.FACT_CONTEXT_CORPUS !== undefined || !existsSync(root)) return [{ name: basename(root), dir: root }];
  const subs = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'labels.json')))
    .map((entry) => entry.name)
    .sort();
  return [{ name: 'top', dir: root }, ...subs.map((name) => ({ name, dir: join(root, name) }))];
}

function parseArticle(id: string, fileText: string): Article {
  const separator = fileText.indexOf('\n---\n');
  if (separator < 0) throw new Error(`article ${id}: no '---' line between header and body`);
  const header = new Map<string, string>();
  for (const line of fileText.slice(0, separator).split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) header.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const label = header.get('label');
  if (label !== 'positive' && label !== 'negative')
    throw new Error(`article ${id}: label must be positive or negative`);
  return {
    id,
    url: header.get('url') ?? '',
    title: header.get('title') ?? '',
    label,
    body: fileText.slice(separator + 5),
  };
}

export function readCorpus(dir = corpusDir()): { articles: Article[]; labels: Record<string, ArticleLabels> } {
  const articleDir = join(dir, 'articles');
  const articles = readdirSync(articleDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => parseArticle(name.replace(/\.txt$/, ''), readFileSync(join(articleDir, name), 'utf8')));
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, ArticleLabels>;
  return { articles, labels };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The corpus README's recipe: title as <h1>, each non-empty body line a <p>, in <article>, with site chrome around. */
export function articleToHtml(article: Article): string {
  const paragraphs = article.body
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => `      <p>${escapeHtml(line)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>${escapeHtml(article.title)}</title></head>
  <body>
    <header><a href="/">The Daily Record</a>
      <nav><a href="/world">World</a> <a href="/politics">Politics</a> <a href="/business">Business</a></nav>
    </header>
    <article>
      <h1>${escapeHtml(article.title)}</h1>
${paragraphs}
    </article>
    <footer><p>© The Daily Record. All rights reserved.</p></footer>
  </body>
</html>
`;
}
