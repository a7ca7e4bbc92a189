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

/** The half of a folder an article id falls in: rules are written from one and checked on the other. */
export function halfOf(id: string): 'odd' | 'even' {
  return Number.parseInt(id, 10) % 2 === 1 ? 'odd' : 'even';
}

/**
 * The articles of `dir` (those `keep` accepts, by id: the others' files are never opened) and the folder's labels.
 */
export function readCorpus(
  dir = corpusDir(),
  keep: (id: string) => boolean = () => true,
): { articles: Article[]; labels: Record<string, ArticleLabels> } {
  const articleDir = join(dir, 'articles');
  const articles = readdirSync(articleDir)
    .filter((name) => name.endsWith('.txt') && keep(name.replace(/\.txt$/, '')))
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

/** How a page's mentions meet an article's labels (the corpus README's figures, for one page). */
export interface LabelScore {
  themes: number;
  spans: number;
  missedThemes: string[];
  missedSpans: { text: string; theme: string }[];
  mustNotHits: string[];
  /** Labelled texts the page does not contain (the article was not placed in full). */
  absent: string[];
}

/** Findings of a mention that count for a label: its first three (the card shows them in that order). */
const COUNTED_FINDINGS = 3;

/** The findings of a mention that count for a label (scoreLabels), in the card's order. */
export const countedFindings = (mention: { findings: readonly string[] }): string[] =>
  mention.findings.slice(0, COUNTED_FINDINGS);

function occurrences(text: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push([at, at + needle.length]);
  return found;
}

/**
 * Scores the mentions of a page against an article's labels: a theme counts when some mention has it among its first
 * three findings, a labelled span when such a mention overlaps one of its occurrences in the page text.
 */
export function scoreLabels(
  text: string,
  mentions: readonly { start: number; end: number; findings: string[] }[],
  labels: ArticleLabels,
): LabelScore {
  const positive = labels.label === 'positive';
  const counted = countedFindings;
  const overlaps = (m: (typeof mentions)[number], [start, end]: [number, number]) => m.start < end && m.end > start;
  const pageThemes = new Set(mentions.flatMap(counted));
  const themes = [...new Set(labels.expect.map((e) => e.theme))];
  const absent: string[] = [];
  const missedSpans = labels.expect.filter((expect) => {
    const spans = occurrences(text, expect.text);
    if (spans.length === 0) absent.push(expect.text);
    return !mentions.some((m) => counted(m).includes(expect.theme) && spans.some((span) => overlaps(m, span)));
  });
  return {
    themes: positive ? themes.length : 0,
    spans: positive ? labels.expect.length : 0,
    missedThemes: positive ? themes.filter((theme) => !pageThemes.has(theme)) : [],
    missedSpans: positive ? missedSpans : [],
    mustNotHits: labels.must_not.filter((phrase) =>
      occurrences(text, phrase).some((span) => mentions.some((m) => overlaps(m, span))),
    ),
    absent,
  };
}
