/**
 * `npm run eval [-- --json]` — quality on the labelled corpus (../shared/corpus, or FACT_CONTEXT_CORPUS).
 * Each article becomes a news-like HTML page (scripts/lib/corpus.ts) and is scanned by the same pipeline as
 * `npm run scan` (scripts/lib/scan-core.ts). Prints the four figures of the corpus README and the misses;
 * exits 1 when a target is missed.
 */
import { articleToHtml, corpusDir, readCorpus, type ArticleLabels } from './lib/corpus';
import { scanHtml } from './lib/scan-core';
import type { Mention } from '../src/matching/types';

const TARGETS = { themeRecall: 0.95, spanRecall: 0.8, negativePages: 0, mustNotHits: 0 };
const TOP = 3;

interface ArticleResult {
  id: string;
  label: 'positive' | 'negative';
  mentions: number;
  missedThemes: string[];
  missedSpans: { text: string; theme: string }[];
  mustNotHits: string[];
  /** On negative pages: everything marked. */
  marked: string[];
}

/** Every occurrence of `needle` in `text`. */
function occurrences(text: string, needle: string): [number, number][] {
  const found: [number, number][] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found.push([at, at + needle.length]);
  return found;
}

const overlaps = (m: Mention, [start, end]: [number, number]) => m.start < end && m.end > start;
const top = (m: Mention) => m.findings.slice(0, TOP);

function evaluate(id: string, html: string, labels: ArticleLabels): ArticleResult {
  const { text, mentions } = scanHtml(html);
  const pageThemes = new Set(mentions.flatMap(top));
  const themes = [...new Set(labels.expect.map((e) => e.theme))];
  const missedSpans = labels.expect.filter((expect) => {
    const spans = occurrences(text, expect.text);
    if (spans.length === 0) throw new Error(`${id}: labelled text not found on the page: "${expect.text}"`);
    return !mentions.some((m) => top(m).includes(expect.theme) && spans.some((span) => overlaps(m, span)));
  });
  const mustNotHits = labels.must_not.filter((phrase) =>
    occurrences(text, phrase).some((span) => mentions.some((m) => overlaps(m, span))),
  );
  return {
    id,
    label: labels.label,
    mentions: mentions.length,
    missedThemes: themes.filter((theme) => !pageThemes.has(theme)),
    missedSpans,
    mustNotHits,
    marked: labels.label === 'negative' ? mentions.map((m) => `${m.text} (${m.trigger})`) : [],
  };
}

function main(): void {
  const json = process.argv.includes('--json');
  const dir = corpusDir();
  const { articles, labels } = readCorpus(dir);
  const results: ArticleResult[] = [];
  for (const article of articles) {
    const articleLabels = labels[article.id];
    if (!articleLabels) throw new Error(`article ${article.id} has no labels in ${dir}/labels.json`);
    results.push(evaluate(article.id, articleToHtml(article), articleLabels));
  }
  const positives = results.filter((r) => r.label === 'positive');
  const themeTotal = positives.reduce((n, r) => n + new Set(labels[r.id]?.expect.map((e) => e.theme)).size, 0);
  const spanTotal = positives.reduce((n, r) => n + (labels[r.id]?.expect.length ?? 0), 0);
  const themeMissed = positives.reduce((n, r) => n + r.missedThemes.length, 0);
  const spanMissed = positives.reduce((n, r) => n + r.missedSpans.length, 0);
  const figures = {
    themeRecall: themeTotal ? (themeTotal - themeMissed) / themeTotal : 1,
    spanRecall: spanTotal ? (spanTotal - spanMissed) / spanTotal : 1,
    negativePages: results.filter((r) => r.label === 'negative' && r.mentions > 0).length,
    mustNotHits: results.reduce((n, r) => n + r.mustNotHits.length, 0),
  };
  const passed =
    figures.themeRecall >= TARGETS.themeRecall &&
    figures.spanRecall >= TARGETS.spanRecall &&
    figures.negativePages <= TARGETS.negativePages &&
    figures.mustNotHits <= TARGETS.mustNotHits;

  if (json) {
    console.log(
      JSON.stringify({ corpus: dir, articles: results.length, ...figures, targets: TARGETS, passed, results }),
    );
  } else {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(`corpus: ${dir} (${results.length} articles, ${positives.length} positive)`);
    console.log(
      `theme recall          ${pct(figures.themeRecall)}  (${themeTotal - themeMissed}/${themeTotal}, target ≥ ${pct(TARGETS.themeRecall)})`,
    );
    console.log(
      `span recall           ${pct(figures.spanRecall)}  (${spanTotal - spanMissed}/${spanTotal}, target ≥ ${pct(TARGETS.spanRecall)})`,
    );
    console.log(`negative pages marked ${figures.negativePages}  (target 0)`);
    console.log(`must-not phrases hit  ${figures.mustNotHits}  (target 0)`);
    for (const r of results) {
      const problems = [
        ...r.missedThemes.map((t) => `missed theme ${t}`),
        ...r.missedSpans.map((s) => `missed span [${s.theme}] "${s.text}"`),
        ...r.mustNotHits.map((p) => `must-not hit "${p}"`),
        ...r.marked.map((m) => `marked on a negative page: ${m}`),
      ];
      if (problems.length > 0)
        console.log(`\n${r.id} (${r.label}, ${r.mentions} mentions)\n  ${problems.join('\n  ')}`);
    }
    console.log(passed ? '\nall targets met' : '\nTARGET MISSED');
  }
  process.exitCode = passed ? 0 : 1;
}

main();
