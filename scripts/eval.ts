/**
 * `npm run eval [-- --json]` — quality on the labelled corpus: the top-level folder (../shared/corpus, or
 * FACT_CONTEXT_CORPUS alone) and its labelled sub-folders (batch-2). Each article becomes a news-like HTML page
 * (scripts/lib/corpus.ts) and is scanned by the same pipeline as `npm run scan` (scripts/lib/scan-core.ts).
 * Prints the four figures of the corpus README per folder and in all, the odd/even-id split of each folder (rules
 * are written from one half and checked on the other), the noise bounds, and the misses; exits 1 when a target
 * is missed (on all articles or in any folder). `--hide FOLDER:even|odd` (repeatable) keeps the per-article misses
 * of that half out of the printout (its figures still print, and per finding how many of its pages miss that
 * theme — counts only): the half the rules are checked on, never read.
 */
import {
  articleToHtml,
  corpusFolders,
  countedFindings,
  halfOf,
  readCorpus,
  scoreLabels,
  type ArticleLabels,
} from './lib/corpus';
import { scanHtml } from './lib/scan-core';
import type { Mention } from '../src/matching/types';

const TARGETS = { themeRecall: 0.95, spanRecall: 0.85, negativePages: 0, mustNotHits: 0 };
/** Noise bounds: marks on positive pages per labelled span, and marks per 1,000 words on any page. */
const BOUNDS = { marksPerSpan: 1.5, marksPer1000Words: 30 };

interface ArticleResult {
  id: string;
  folder: string;
  label: 'positive' | 'negative';
  mentions: number;
  words: number;
  themes: number;
  spans: number;
  missedThemes: string[];
  missedSpans: { text: string; theme: string }[];
  mustNotHits: string[];
  /** On negative pages: everything marked. */
  marked: string[];
  /** Every mention, for `--show` (not in the JSON). */
  all: Mention[];
}

function evaluate(folder: string, id: string, html: string, labels: ArticleLabels): ArticleResult {
  const { text, mentions } = scanHtml(html);
  const { absent, ...score } = scoreLabels(text, mentions, labels);
  if (absent.length > 0) throw new Error(`${folder}/${id}: labelled text not found on the page: "${absent[0]}"`);
  return {
    id,
    folder,
    label: labels.label,
    mentions: mentions.length,
    words: text.split(/\s+/).filter(Boolean).length,
    ...score,
    marked: labels.label === 'negative' ? mentions.map((m) => `${m.text} (${m.trigger})`) : [],
    all: mentions,
  };
}

const marksPer1000Words = (r: ArticleResult) => (r.words ? (1000 * r.mentions) / r.words : 0);

/** The README's four figures and the noise bounds over a set of articles. */
function figuresOf(results: readonly ArticleResult[]) {
  const sum = (f: (r: ArticleResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const themes = sum((r) => r.themes);
  const spans = sum((r) => r.spans);
  const positiveMarks = sum((r) => (r.label === 'positive' ? r.mentions : 0));
  return {
    articles: results.length,
    themeRecall: themes ? (themes - sum((r) => r.missedThemes.length)) / themes : 1,
    spanRecall: spans ? (spans - sum((r) => r.missedSpans.length)) / spans : 1,
    negativePages: results.filter((r) => r.label === 'negative' && r.mentions > 0).length,
    mustNotHits: sum((r) => r.mustNotHits.length),
    labelledSpans: spans,
    positiveMarks,
    marksPerSpan: spans ? positiveMarks / spans : 0,
    maxMarksPer1000Words: Math.max(0, ...results.map(marksPer1000Words)),
    /** Pages over the density bound: the bound is per page, so the count says how far from it the set is. */
    pagesOverDensity: results.filter((r) => marksPer1000Words(r) > BOUNDS.marksPer1000Words).length,
    /**
     * The labels' own density (labelled spans per 1,000 words, densest positive page): where it is above the bound,
     * meeting the bound costs labelled spans, unless one mark covers several of them.
     */
    maxSpansPer1000Words: Math.max(0, ...results.map((r) => (r.words ? (1000 * r.spans) / r.words : 0))),
  };
}

type Figures = ReturnType<typeof figuresOf>;

const meets = (f: Figures) =>
  f.themeRecall >= TARGETS.themeRecall &&
  f.spanRecall >= TARGETS.spanRecall &&
  f.negativePages <= TARGETS.negativePages &&
  f.mustNotHits <= TARGETS.mustNotHits;

const withinBounds = (f: Figures) =>
  f.marksPerSpan <= BOUNDS.marksPerSpan && f.maxMarksPer1000Words <= BOUNDS.marksPer1000Words;

function row(name: string, f: Figures): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  return (
    `${name.padEnd(14)} ${String(f.articles).padStart(3)}  theme ${pct(f.themeRecall)}  span ${pct(f.spanRecall)}` +
    `  neg ${f.negativePages}  must-not ${f.mustNotHits}  marks/span ${f.marksPerSpan.toFixed(2)}` +
    `  max marks/1k words ${f.maxMarksPer1000Words.toFixed(1)} (${f.pagesOverDensity} pages over;` +
    ` labels alone max ${f.maxSpansPer1000Words.toFixed(1)})`
  );
}

/** A hidden article's result with counts in place of its texts and themes (`--json` stays safe to print). */
function withoutTexts({ all: _all, missedThemes, missedSpans, mustNotHits, marked, ...r }: ArticleResult) {
  return {
    ...r,
    missedThemes: missedThemes.length,
    missedSpans: missedSpans.length,
    mustNotHits: mustNotHits.length,
    marked: marked.length,
  };
}

/** Per finding, how many of these results' labelled spans (or themes) were missed: counts only. */
function missCounts(results: readonly ArticleResult[], of: (r: ArticleResult) => string[]): string {
  const missing = new Map<string, number>();
  for (const r of results) for (const theme of of(r)) missing.set(theme, (missing.get(theme) ?? 0) + 1);
  const counts = [...missing].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }));
  return counts.map(([t, n]) => `${t} ${n}`).join(', ') || 'none';
}

/** `--hide batch-2:even` → a test for the results whose misses are not printed. */
function hiddenHalves(argv: readonly string[]): (r: ArticleResult) => boolean {
  const hidden = argv.flatMap((arg, k) => (argv[k - 1] === '--hide' ? [arg] : []));
  return (r) => hidden.includes(`${r.folder}:${halfOf(r.id)}`);
}

function main(): void {
  const json = process.argv.includes('--json');
  const hidden = hiddenHalves(process.argv);
  const results: ArticleResult[] = [];
  const folders = corpusFolders();
  for (const { name, dir } of folders) {
    const { articles, labels } = readCorpus(dir);
    for (const article of articles) {
      const articleLabels = labels[article.id];
      if (!articleLabels) throw new Error(`article ${article.id} has no labels in ${dir}/labels.json`);
      results.push(evaluate(name, article.id, articleToHtml(article), articleLabels));
    }
  }
  const all = figuresOf(results);
  const perFolder = Object.fromEntries(
    folders.map(({ name }) => [name, figuresOf(results.filter((r) => r.folder === name))]),
  );
  // The honest split: rules are written from the odd-numbered articles and checked on the even ones (and swapped).
  const split = Object.fromEntries(
    folders.flatMap(({ name }) =>
      (['odd', 'even'] as const).map((half) => [
        `${name} ${half}`,
        figuresOf(results.filter((r) => r.folder === name && halfOf(r.id) === half)),
      ]),
    ),
  );
  const passed = meets(all) && Object.values(perFolder).every(meets);

  if (json) {
    console.log(
      JSON.stringify({
        corpus: folders.map((f) => f.dir).join(', '),
        ...all,
        folders: perFolder,
        split,
        targets: TARGETS,
        bounds: BOUNDS,
        withinBounds: withinBounds(all),
        passed,
        // A hidden half keeps its figures, never its texts (what it missed or marked).
        results: results.map((r) => (hidden(r) ? withoutTexts(r) : { ...r, all: undefined })),
      }),
    );
  } else {
    console.log(`corpus: ${folders.map((f) => `${f.name} = ${f.dir}`).join(', ')}`);
    console.log(
      `targets: theme ≥ ${TARGETS.themeRecall}, span ≥ ${TARGETS.spanRecall}, 0 negative pages, 0 must-not; ` +
        `bounds: marks/span ≤ ${BOUNDS.marksPerSpan}, marks/1k words ≤ ${BOUNDS.marksPer1000Words}`,
    );
    for (const [name, f] of Object.entries(perFolder)) console.log(row(name, f));
    for (const [name, f] of Object.entries(split)) console.log(row(name, f));
    if (results.some(hidden)) {
      console.log(row('seen', figuresOf(results.filter((r) => !hidden(r)))));
      console.log(row('hidden', figuresOf(results.filter(hidden))));
      // Aggregate counts only: which findings the hidden half misses, never which page or what text.
      const hiddenResults = results.filter(hidden);
      console.log(`hidden pages missing each theme: ${missCounts(hiddenResults, (r) => r.missedThemes)}`);
      console.log(
        `hidden spans missed per theme: ${missCounts(hiddenResults, (r) => r.missedSpans.map((s) => s.theme))}`,
      );
    }
    console.log(row('all', all));
    const shown = process.argv.flatMap((arg, k) => (process.argv[k - 1] === '--show' ? [arg] : []));
    for (const r of results) {
      if (hidden(r)) continue;
      if (shown.includes(`${r.folder}/${r.id}`)) {
        console.log(`\n${r.folder}/${r.id}: every mention`);
        for (const m of r.all) console.log(`  "${m.text}" (${m.trigger}) → ${countedFindings(m).join(', ')}`);
      }
      const density = marksPer1000Words(r);
      const problems = [
        ...(density > BOUNDS.marksPer1000Words
          ? [
              `${density.toFixed(1)} marks per 1,000 words (${r.mentions} in ${r.words} words, ${r.spans} spans: ` +
                `${((1000 * r.spans) / r.words).toFixed(1)} per 1,000 words by the labels alone)`,
            ]
          : []),
        ...r.missedThemes.map((t) => `missed theme ${t}`),
        ...r.missedSpans.map((s) => `missed span [${s.theme}] "${s.text}"`),
        ...r.mustNotHits.map((p) => `must-not hit "${p}"`),
        ...r.marked.map((m) => `marked on a negative page: ${m}`),
      ];
      if (problems.length > 0)
        console.log(`\n${r.folder}/${r.id} (${r.label}, ${r.mentions} mentions)\n  ${problems.join('\n  ')}`);
    }
    console.log(`\nnoise bounds ${withinBounds(all) ? 'met' : 'EXCEEDED'}`);
    console.log(passed ? 'all targets met' : 'TARGET MISSED');
  }
  process.exitCode = passed ? 0 : 1;
}

main();
