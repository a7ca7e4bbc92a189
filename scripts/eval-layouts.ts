/**
 * `npx tsx scripts/eval-layouts.ts PAGES_DIR [--hide FOLDER:even|odd]... [--headlines] [--rounds N] [--json] [--show]` — spotting on real
 * news-page markup (issue 10, "Real layouts"). Each labelled corpus article is placed into saved real pages in turn
 * (scripts/lib/scan-layouts.ts; e.g. Mozilla Readability's test pages — local only, never committed), scanned by the
 * same pipeline as `npm run scan` and `npm run eval`, and compared with the plain eval page of the same article:
 * theme and span recall on both, marks lost and gained (a phrase marked again, a new mark), marks on the page's
 * chrome, article paragraphs read as chrome, and pages where the topic gate opens only because of the chrome.
 * `--headlines`: the page's own teaser links outside the article get the titles of the positive articles (China and
 * Russia in its "What to Read Next" and most-read lists): chrome must open no gate and get no mark.
 * `--rounds N`: each page gets N articles (one at a time), not one.
 * A hidden half's article files are never opened (`--hide batch-2:even`, the held-out half). `--show` prints
 * every page that differs from its plain page; exits 1 when PAGES_DIR has no page or a page cannot be read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  articleToHtml,
  corpusFolders,
  halfOf,
  readCorpus,
  scoreLabels,
  type Article,
  type ArticleLabels,
  type LabelScore,
} from './lib/corpus';
import { scanHtml, topicGateOpens, type ScanOutput, type ScannedBlock } from './lib/scan-core';
import { articleLines, placeArticle, savedPages } from './lib/scan-layouts';
import { normalizePhrase } from '../src/matching/normalize';

interface Labelled {
  folder: string;
  article: Article;
  labels: ArticleLabels;
}

interface PageResult {
  page: string;
  article: string;
  label: 'positive' | 'negative';
  plain: LabelScore;
  placed: LabelScore;
  plainMarks: number;
  placedMarks: number;
  /** Marks of the plain page with no counterpart in the placed article (same phrase, same first finding). */
  lost: string[];
  /** Marks in the placed article beyond the plain page's: a phrase it marks fewer times, or not at all. */
  doubled: string[];
  added: string[];
  /** Marks outside the placed article (the page's own chrome and text). */
  chrome: string[];
  /** Article paragraphs that are prose on the plain page and something else in the real markup. */
  misread: number;
  /** Some article line is not in the page text: the page hides where it went (not scored). */
  unread: boolean;
  /**
   * The topic gate: open on the plain page, on the placed page, on the placed page's article blocks alone, and on
   * the placed page were every block prose (what the chrome would do without the roles).
   */
  gate: { plain: boolean; placed: boolean; article: boolean; allProse: boolean };
}

const markKey = (m: { text: string; findings: string[] }) => `${normalizePhrase(m.text)} → ${m.findings[0] ?? ''}`;

/** Keys of `a` not matched one for one by `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const key of b) left.set(key, (left.get(key) ?? 0) + 1);
  return a.filter((key) => {
    const n = left.get(key) ?? 0;
    if (n > 0) left.set(key, n - 1);
    return n === 0;
  });
}

/** The blocks holding the article's title and lines (their text as placed), by their offsets in the page text. */
function articleBlocks(output: ScanOutput, article: Article): Set<ScannedBlock> {
  const wanted = new Set([article.title.trim(), ...articleLines(article).map((line) => line.trim())]);
  return new Set((output.blocks ?? []).filter((b) => wanted.has(output.text.slice(b.start, b.end).trim())));
}

function blockAt(output: ScanOutput, m: { start: number }): ScannedBlock | undefined {
  return output.blocks?.find((b) => m.start >= b.start && m.start < b.end);
}

function inBlocks(blocks: Set<ScannedBlock>, m: { start: number; end: number }): boolean {
  for (const b of blocks) if (m.start >= b.start && m.end <= b.end) return true;
  return false;
}

/** Roles of the article's lines by their text, on one page. */
function lineRoles(output: ScanOutput, blocks: Set<ScannedBlock>): Map<string, string> {
  return new Map([...blocks].map((b) => [output.text.slice(b.start, b.end).trim(), b.role]));
}

function compare(
  page: string,
  { folder, article, labels }: Labelled,
  plain: ScanOutput,
  placed: ScanOutput,
): PageResult {
  const plainArticle = articleBlocks(plain, article);
  const placedArticle = articleBlocks(placed, article);
  const inArticle = placed.mentions.filter((m) => inBlocks(placedArticle, m));
  const plainKeys = plain.mentions.map(markKey);
  const placedKeys = inArticle.map(markKey);
  const gained = minus(placedKeys, plainKeys);
  const plainRoles = lineRoles(plain, plainArticle);
  const placedRoles = lineRoles(placed, placedArticle);
  const misread = [...plainRoles].filter(([line, role]) => role === 'prose' && placedRoles.get(line) !== 'prose');
  return {
    page,
    article: `${folder}/${article.id}`,
    label: labels.label,
    plain: scoreLabels(plain.text, plain.mentions, labels),
    placed: scoreLabels(placed.text, placed.mentions, labels),
    plainMarks: plain.mentions.length,
    placedMarks: placed.mentions.length,
    lost: minus(plainKeys, placedKeys),
    doubled: gained.filter((key) => plainKeys.includes(key)),
    added: gained.filter((key) => !plainKeys.includes(key)),
    chrome: placed.mentions
      .filter((m) => !inBlocks(placedArticle, m))
      .map((m) => `${markKey(m)} "${m.text}" in ${blockAt(placed, m)?.role ?? '?'}`),
    misread: misread.length,
    unread: articleLines(article).some((line) => !placedRoles.has(line.trim())),
    gate: {
      plain: topicGateOpens(plain.text, plain.blocks ?? []),
      placed: topicGateOpens(placed.text, placed.blocks ?? []),
      article: topicGateOpens(placed.text, [...placedArticle]),
      allProse: topicGateOpens(
        placed.text,
        (placed.blocks ?? []).map((b) => ({ ...b, role: 'prose' as const })),
      ),
    },
  };
}

function recall(results: readonly PageResult[], side: 'plain' | 'placed') {
  const sum = (f: (s: LabelScore) => number) => results.reduce((n, r) => n + f(r[side]), 0);
  const themes = sum((s) => s.themes);
  const spans = sum((s) => s.spans);
  return {
    themeRecall: themes ? (themes - sum((s) => s.missedThemes.length)) / themes : 1,
    spanRecall: spans ? (spans - sum((s) => s.missedSpans.length)) / spans : 1,
    themes,
    spans,
    negativePages: results.filter(
      (r) => r.label === 'negative' && r[side === 'plain' ? 'plainMarks' : 'placedMarks'] > 0,
    ).length,
    mustNotHits: sum((s) => s.mustNotHits.length),
  };
}

function figures(pages: number, results: readonly PageResult[], unread: number) {
  const count = (f: (r: PageResult) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    pages,
    placements: results.length + unread,
    scored: results.length,
    /** Pages where some labelled text of the article is not in the page text (the page hides where it went). */
    unread,
    plain: recall(results, 'plain'),
    placed: recall(results, 'placed'),
    marksLost: count((r) => r.lost.length),
    marksDoubled: count((r) => r.doubled.length),
    marksAdded: count((r) => r.added.length),
    chromeMarks: count((r) => r.chrome.length),
    misreadParagraphs: count((r) => r.misread),
    gateOpenedByChrome: results.filter((r) => r.gate.placed && !r.gate.plain).length,
    gateLost: results.filter((r) => !r.gate.placed && r.gate.plain).length,
    gateOpenedIfChromeWereProse: results.filter((r) => r.gate.allProse && !r.gate.plain).length,
  };
}

function labelledArticles(argv: readonly string[]): Labelled[] {
  const hidden = argv.flatMap((arg, k) => (argv[k - 1] === '--hide' ? [arg] : []));
  return corpusFolders().flatMap(({ name, dir }) => {
    const { articles, labels } = readCorpus(dir, (id) => !hidden.includes(`${name}:${halfOf(id)}`));
    return articles.map((article) => {
      const articleLabels = labels[article.id];
      if (!articleLabels) throw new Error(`article ${article.id} has no labels in ${join(dir, 'labels.json')}`);
      return { folder: name, article, labels: articleLabels };
    });
  });
}

function main(argv: string[]): number {
  const valued = ['--hide', '--rounds'];
  const pagesDir = argv.find((arg, k) => !arg.startsWith('--') && !valued.includes(argv[k - 1] ?? ''));
  if (!pagesDir) {
    console.error(
      'usage: npx tsx scripts/eval-layouts.ts PAGES_DIR [--hide FOLDER:even|odd]... [--headlines] [--rounds N] [--json] [--show]',
    );
    return 64;
  }
  const articles = labelledArticles(argv);
  const pages = savedPages(pagesDir);
  if (pages.length === 0 || articles.length === 0) {
    console.error(`eval-layouts: no saved pages in ${pagesDir} or no articles`);
    return 1;
  }
  const withHeadlines = argv.includes('--headlines');
  const positiveTitles = articles.filter((a) => a.labels.label === 'positive').map((a) => a.article.title);
  const plain = new Map(articles.map((entry) => [entry, scanHtml(articleToHtml(entry.article))]));
  const results: PageResult[] = [];
  let unread = 0;
  let failed = 0;
  // In turn, each page gets the next article; with `--rounds N`, N articles per page (the next N in turn).
  const asked = argv.includes('--rounds') ? Number(argv[argv.indexOf('--rounds') + 1]) : 1;
  const rounds = Math.min(articles.length, Number.isInteger(asked) && asked > 0 ? asked : 1);
  pages.forEach(({ name, file }, at) => {
    const source = readFileSync(file, 'utf8');
    for (let round = 0; round < rounds; round++) {
      const entry = articles[(at * rounds + round) % articles.length] as Labelled;
      try {
        const headlines = withHeadlines ? positiveTitles.filter((title) => title !== entry.article.title) : undefined;
        const html = placeArticle(source, entry.article, headlines ? { headlines } : {});
        if (html === undefined) throw new Error('no place for an article');
        const result = compare(name, entry, plain.get(entry) as ScanOutput, scanHtml(html));
        if (result.unread) unread += 1;
        else results.push(result);
      } catch (error) {
        console.error(`eval-layouts: ${file}: ${(error as Error).message}`);
        failed += 1;
      }
    }
  });
  const all = figures(pages.length, results, unread);
  if (argv.includes('--json')) {
    console.log(JSON.stringify({ ...all, failed, results }));
  } else {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const side = (name: string, f: ReturnType<typeof recall>) =>
      `${name}: theme ${pct(f.themeRecall)} (${f.themes})  span ${pct(f.spanRecall)} (${f.spans})  ` +
      `neg ${f.negativePages}  must-not ${f.mustNotHits}`;
    console.log(
      `${all.placements} placements in ${all.pages} pages, ${articles.length} articles; ${all.unread} pages hide the article's place`,
    );
    console.log(side('plain eval pages ', all.plain));
    console.log(side('placed in markup ', all.placed));
    console.log(
      `marks lost ${all.marksLost}, gained ${all.marksDoubled + all.marksAdded} (phrase again ${all.marksDoubled}, ` +
        `new ${all.marksAdded}), on chrome ${all.chromeMarks}; article paragraphs read as chrome ` +
        `${all.misreadParagraphs}; gate opened by chrome ${all.gateOpenedByChrome} (were chrome prose: ` +
        `${all.gateOpenedIfChromeWereProse}), gate lost ${all.gateLost}`,
    );
    if (argv.includes('--show')) {
      for (const r of results) {
        const lines = [
          ...r.placed.missedSpans
            .filter((s) => !r.plain.missedSpans.includes(s))
            .map((s) => `missed span [${s.theme}] "${s.text}"`),
          ...r.lost.map((k) => `lost ${k}`),
          ...r.doubled.map((k) => `again ${k}`),
          ...r.added.map((k) => `new ${k}`),
          ...r.chrome.map((k) => `chrome ${k}`),
          ...(r.misread > 0 ? [`${r.misread} article paragraphs read as chrome`] : []),
          ...(r.gate.placed !== r.gate.plain ? [`gate plain ${r.gate.plain} placed ${r.gate.placed}`] : []),
        ];
        if (lines.length > 0) console.log(`\n${r.page} ← ${r.article} (${r.label})\n  ${lines.join('\n  ')}`);
      }
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
