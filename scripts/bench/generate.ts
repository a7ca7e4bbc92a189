/**
 * Deterministic news-like pages for `npm run bench`: a site header with nav, an article about China–Russia relations
 * in nested sections, inline tags that split phrases, ads, figures, quotes, a comment thread and a sidebar — with a
 * known list of true mentions planted in the article, and decoys (the same phrases in script, nav, form fields,
 * code and hidden subtrees) that must never be marked.
 */
import { seededRandom, type Random } from './random';
import { ADJECTIVES, COMMENTERS, CONNECTORS, NOUNS, PEOPLE, PLACES, VERBS } from './words';
import { itemAt } from '../lib/lists';

/** A trigger phrase to plant, as the pack spells it, and the finding that owns it. */
export interface PlantPhrase {
  phrase: string;
  finding: string;
}

/** A planted true mention: the page text the engine must find (in document order). */
export interface PlantedMention {
  text: string;
  trigger: string;
  finding: string;
}

export interface PageSpec {
  seed: number;
  /** Approximate amount of readable text, in characters. */
  textChars: number;
  phrases: readonly PlantPhrase[];
  /**
   * Least number of article paragraphs between two plants of the same trigger, so that the engine's clutter rule
   * (one mark per trigger within CLUTTER_WINDOW blocks, src/matching/clutter.ts) never hides a planted mention.
   */
  minGap?: number;
  /**
   * false: a page that is not about the subject — the same layout and filler without a China or Russia word, with
   * nothing planted and no decoys (the sentinel's page: it must stop at the subject check).
   */
  subject?: boolean;
}

export interface GeneratedPage {
  html: string;
  /** Readable text characters emitted (article, ads, comments, sidebar). */
  textChars: number;
  planted: PlantedMention[];
  /** Phrases placed where they must not be marked (script, nav, textarea, code, hidden subtrees). */
  decoys: string[];
}

const PLANT_TEMPLATES: ReadonlyArray<(phrase: string) => string> = [
  // Never "… to ${p}": the pack reads "to Chinese …" as goods flowing to China (a sense rule), not as the phrase.
  (p) => `Officials in Beijing and Moscow discussed ${p} again this week, people familiar with the talks said.`,
  (p) => `For China and Russia, ${p} has become a recurring theme, a senior diplomat noted.`,
  (p) => `Analysts who follow Beijing and the Kremlin say ${p} now shapes the agenda.`,
];

const INLINE_TAGS = [
  (s: string) => `<a href="/topics/${s.length}">${s}</a>`,
  (s: string) => `<em>${s}</em>`,
  (s: string) => `<strong>${s}</strong>`,
  (s: string) => `<span class="term">${s}</span>`,
  (s: string) => `<span class="kw"><b>${s}</b></span>`,
];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Places that are not China or Russia references (filler for the page without the subject). */
const NEUTRAL_PLACES = PLACES.filter((place) => place !== 'Beijing' && place !== 'Moscow');

/** One filler sentence, as words (so inline tags can wrap word runs). */
function fillerWords(r: Random, places: readonly string[] = PLACES): string[] {
  const n = () => r.pick(NOUNS);
  const a = () => r.pick(ADJECTIVES);
  const v = () => r.pick(VERBS);
  switch (r.int(0, 3)) {
    case 0:
      return `The ${a()} ${n()} in ${r.pick(places)} ${v()} the ${n()} ${r.pick(CONNECTORS)} ${r.pick(PEOPLE)} ${v()} its ${a()} ${n()}.`.split(
        ' ',
      );
    case 1:
      return `${capitalise(r.pick(PEOPLE))} ${v()} a ${a()} ${n()} near the ${n()}, ${r.pick(CONNECTORS)} the ${n()} stayed ${a()}.`.split(
        ' ',
      );
    case 2:
      return `In ${r.pick(places)}, the ${a()} ${n()} was ${v()} by the ${n()} for ${r.int(2, 90)} days.`.split(' ');
    default:
      return `A ${a()} ${n()} ${v()} in ${r.pick(places)} on ${r.pick(['Monday', 'Tuesday', 'Friday'])}, ${r.pick(PEOPLE)} said.`.split(
        ' ',
      );
  }
}

/** Words joined by spaces, with an occasional run wrapped in inline markup (the text stays the same). */
function withInlineTags(r: Random, words: string[], probability: number): string {
  if (words.length < 3 || !r.chance(probability)) return words.join(' ');
  const start = r.int(0, words.length - 2);
  const end = r.int(start + 1, Math.min(words.length, start + 3));
  const inner = words.slice(start, end).join(' ');
  return [...words.slice(0, start), r.pick(INLINE_TAGS)(inner), ...words.slice(end)].join(' ');
}

/** A phrase, split at a word boundary by an inline tag most of the time ("<em>no limits</em> partnership"). */
function plantMarkup(r: Random, phrase: string): string {
  const words = phrase.split(' ');
  if (words.length < 2 || r.chance(0.25)) return r.chance(0.5) ? r.pick(INLINE_TAGS)(phrase) : phrase;
  const cut = r.int(1, words.length - 1);
  const head = words.slice(0, cut).join(' ');
  const tail = words.slice(cut).join(' ');
  return r.chance(0.5) ? `${r.pick(INLINE_TAGS)(head)} ${tail}` : `${head} ${r.pick(INLINE_TAGS)(tail)}`;
}

export function generateNewsPage(spec: PageSpec): GeneratedPage {
  const r = seededRandom(spec.seed);
  const minGap = spec.minGap ?? 12;
  const subject = spec.subject ?? true;
  const places = subject ? PLACES : NEUTRAL_PLACES;
  const out: string[] = [];
  const planted: PlantedMention[] = [];
  const decoys: string[] = [];
  let textChars = 0;
  if (subject && spec.phrases.length === 0) throw new Error('generateNewsPage: no phrases to plant');
  // A seeded shuffle, so that a small page already has phrases of many findings (the pack lists them by finding).
  const phrases = [...spec.phrases];
  for (let i = phrases.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [phrases[i], phrases[j]] = [itemAt(phrases, j), itemAt(phrases, i)];
  }
  // Without the subject, a decoy is a neutral phrase: nothing on that page may be marked.
  const phraseAt = (i: number) => (subject ? itemAt(phrases, i % phrases.length).phrase : 'the long road east');

  /** Readable text: counted towards the page size. */
  const text = (s: string) => {
    textChars += s.length;
    return s;
  };
  const sentenceText = (probability: number) => {
    const words = fillerWords(r, places);
    textChars += words.join(' ').length + 1;
    return withInlineTags(r, words, probability);
  };
  const paragraph = (sentences: number, probability = 0.5) =>
    Array.from({ length: sentences }, () => sentenceText(probability)).join(' ');

  // Head: the decoy in a script must never be read.
  const scriptDecoy = phraseAt(0);
  decoys.push(scriptDecoy);
  out.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${subject ? 'China and Russia' : 'Harbour towns'}: the long road east</title>`,
    '<style>body{font:16px/1.5 Georgia,serif;margin:0}.layout{display:flex;gap:24px;max-width:1100px;margin:auto}',
    'main{flex:3}.sidebar{flex:1}.ad{border:1px solid #ccc;padding:8px;font:12px sans-serif}.comment{margin-left:16px}',
    '.is-hidden{display:none}</style>',
    `<script>window.__analytics = { section: "world", tags: ["${scriptDecoy}"] };</script></head><body>`,
  );

  // Site header and nav: page chrome, skipped.
  const navDecoy = phraseAt(Math.min(1, phrases.length - 1));
  decoys.push(navDecoy);
  out.push('<header class="site-header"><div class="logo">The Daily Ledger</div><nav><ul>');
  for (const item of ['World', 'Business', 'Opinion', `Explainer: ${navDecoy}`, 'Sport', 'Culture']) {
    out.push(`<li><a href="/${item.length}">${item}</a></li>`);
  }
  out.push('</ul></nav></header><div class="layout"><main><article>');

  // Article header: makes the page about China–Russia relations before the first plant.
  out.push(
    subject
      ? `<header><h1>${text('China and Russia: how Beijing and Moscow talk about each other')}</h1>`
      : `<header><h1>${text('Harbour towns: how river ports talk about each other')}</h1>`,
    subject
      ? `<p class="standfirst">${text('Xi Jinping and Vladimir Putin meet again as China and Russia weigh what their partners in Beijing and Moscow expect.')}</p>`
      : `<p class="standfirst">${text('Mayors of three river ports meet again as their towns weigh what their partners upstream expect.')}</p>`,
    `<p class="byline">By <a href="/staff/1">${text('A. Correspondent')}</a> · <time>${text('Tuesday')}</time></p></header>`,
  );

  const articleTarget = spec.textChars * 0.72;
  const lastPlant = new Map<string, number>();
  let paragraphIndex = 0;
  let nextPhrase = 0;
  let section = 0;
  while (textChars < articleTarget) {
    out.push(
      `<section><h2>${text(capitalise(fillerWords(r, places).slice(0, 6).join(' ').replace(/[.,]$/, '')))}</h2>`,
    );
    const paragraphs = r.int(4, 8);
    const plantAt = r.int(0, paragraphs - 1);
    for (let i = 0; i < paragraphs; i++) {
      let body = paragraph(r.int(3, 6));
      if (i === plantAt && subject) {
        // Round robin over the phrases, skipping one that was planted too recently (clutter rule).
        for (let tries = 0; tries < phrases.length; tries++) {
          const candidate = itemAt(phrases, (nextPhrase + tries) % phrases.length);
          const last = lastPlant.get(candidate.phrase);
          if (last !== undefined && paragraphIndex - last < minGap) continue;
          nextPhrase = (nextPhrase + tries + 1) % phrases.length;
          lastPlant.set(candidate.phrase, paragraphIndex);
          const sentence = r.pick(PLANT_TEMPLATES)(plantMarkup(r, candidate.phrase));
          textChars += sentence.replace(/<[^>]+>/g, '').length + 1;
          body = `${body} ${sentence}`;
          planted.push({ text: candidate.phrase, trigger: candidate.phrase, finding: candidate.finding });
          break;
        }
      }
      // Nested wrappers, as page builders make them.
      out.push(r.chance(0.3) ? `<div class="block"><div class="inner"><p>${body}</p></div></div>` : `<p>${body}</p>`);
      paragraphIndex += 1;
    }
    if (section % 3 === 1)
      out.push(
        `<aside class="ad" aria-label="Advertisement"><span>${text('Advertisement')}</span><p>${paragraph(1, 0)}</p></aside>`,
      );
    if (section % 5 === 2)
      out.push(`<figure><img alt="" src="data:,"><figcaption>${paragraph(1, 0)}</figcaption></figure>`);
    if (section % 7 === 3) out.push(`<blockquote><p>${paragraph(2)}</p></blockquote>`);
    if (section === 0 && subject) out.push(...decoyMarkup(phrases, decoys));
    out.push('</section>');
    section += 1;
  }
  out.push('</article>');

  // Comment thread: nested replies and a form whose textarea holds a decoy.
  const formDecoy = phraseAt(Math.min(2, phrases.length - 1));
  decoys.push(formDecoy);
  out.push(
    `<section class="comments"><h2>${text('Comments')}</h2><form><textarea name="c">${formDecoy}</textarea><button>Post</button></form>`,
  );
  const commentsTarget = spec.textChars * 0.92;
  while (textChars < commentsTarget) {
    const depth = r.int(1, 3);
    for (let d = 0; d < depth; d++) {
      out.push(
        `<div class="comment"><div class="meta">${text(r.pick(COMMENTERS))} · ${text(`${r.int(1, 23)}h`)}</div><div class="body"><p>${paragraph(r.int(1, 3), 0.2)}</p></div>`,
      );
    }
    out.push('</div>'.repeat(depth));
  }
  out.push('</section></main><aside class="sidebar">');

  // Sidebar: ads and a most-read list.
  while (textChars < spec.textChars) {
    out.push(
      `<div class="ad"><span>${text('Sponsored')}</span><p>${paragraph(1, 0)}</p></div><section class="most-read"><h3>${text('Most read')}</h3><ol>`,
    );
    for (let i = 0; i < 5; i++) out.push(`<li><a href="/read/${i}">${paragraph(1, 0)}</a></li>`);
    out.push('</ol></section>');
  }
  out.push(`</aside></div><footer><p>© The Daily Ledger</p></footer></body></html>`);
  return { html: out.join(''), textChars, planted, decoys: subject ? decoys : [] };
}

/** Phrases in places the extraction rules skip: they are on the page but are not mentions. */
function decoyMarkup(phrases: readonly PlantPhrase[], decoys: string[]): string[] {
  const at = (i: number) => itemAt(phrases, i % phrases.length).phrase;
  const items = [
    (p: string) => `<div hidden><p>Beijing and Moscow: ${p}.</p></div>`,
    (p: string) => `<div aria-hidden="true"><p>China and Russia: ${p}.</p></div>`,
    (p: string) => `<div class="is-hidden"><p>China and Russia: ${p}.</p></div>`,
    (p: string) => `<pre><code>// China and Russia: ${p}</code></pre>`,
    (p: string) => `<div contenteditable="true"><p>Beijing and Moscow: ${p}.</p></div>`,
  ];
  return items.map((make, i) => {
    const phrase = at(i + 3);
    decoys.push(phrase);
    return make(phrase);
  });
}
