import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { generateNewsPage, type PlantPhrase } from '../../../scripts/bench/generate';
import * as WORDS from '../../../scripts/bench/words';
import { PACK } from '../../../src/pack/index';
import { loadPack } from '../../../src/pack/load';
import { SubjectCheck } from '../../../src/checks/subject-check';
import SUBJECT_TERMS from '../../../src/pack/generated/subject-terms.json';

const read = (name: string) => readFileSync(new URL(`../../../assets/pack/${name}`, import.meta.url), 'utf8');
const pack = loadPack(read('assessment.yaml'), read('assessment.txt'));
const PHRASES: PlantPhrase[] = pack.findings.flatMap((finding) =>
  finding.triggers.map((trigger) => ({ phrase: trigger.phrase, finding: finding.id })),
);
const ALL_FORMS = pack.findings.flatMap((finding) =>
  finding.triggers.flatMap((trigger) => [trigger.phrase, ...(trigger.variants ?? [])]),
);

/** The article's own paragraphs: the only place where the generator plants true mentions. */
const ARTICLE_PARAGRAPHS = 'article section > p, article section > div.block > div.inner > p';
const READ_NEVER = 'script, nav, textarea, code, [hidden], [aria-hidden="true"], .is-hidden, [contenteditable="true"]';

function parse(html: string): Document {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}

/** Readable article text with planted sentences removed (they are the only place phrases may appear). */
function articleTextWithoutPlants(document: Document): string {
  return [...document.querySelectorAll('article h1, article h2, article p')]
    .filter((element) => !element.closest(READ_NEVER))
    .map((element) => element.textContent)
    .join(' ')
    .split(/(?<=[.!?])\s+/)
    .filter(
      (sentence) => !/Beijing and Moscow discussed|For China and Russia,|Beijing and the Kremlin say/.test(sentence),
    )
    .join(' ');
}

describe('generateNewsPage', () => {
  it('is deterministic: the same seed gives the same page, another seed another page', () => {
    const spec = { seed: 42, textChars: 20_000, phrases: PHRASES };
    expect(generateNewsPage(spec)).toEqual(generateNewsPage(spec));
    expect(generateNewsPage({ ...spec, seed: 43 }).html).not.toBe(generateNewsPage(spec).html);
  });

  it.each([20_000, 100 * 1024, 1024 * 1024])(
    'reaches the requested amount of text (%i characters) within five per cent',
    (textChars) => {
      const page = generateNewsPage({ seed: 1, textChars, phrases: PHRASES });
      expect(page.textChars).toBeGreaterThanOrEqual(textChars);
      expect(page.textChars).toBeLessThan(textChars * 1.05);
    },
  );

  it('counts the text the page really has', () => {
    const page = generateNewsPage({ seed: 3, textChars: 30_000, phrases: PHRASES });
    const body = parse(page.html).body;
    // Body text minus the chrome the generator does not count (nav, site header/footer, decoys, form).
    for (const skipped of body.querySelectorAll(
      'nav, .site-header, footer, form, [hidden], [aria-hidden], .is-hidden, pre, [contenteditable], script',
    )) {
      skipped.remove();
    }
    const actual = body.textContent.length;
    expect(Math.abs(actual - page.textChars) / page.textChars).toBeLessThan(0.02);
  });

  it('plants every phrase it reports, in document order, inside article paragraphs', () => {
    const page = generateNewsPage({ seed: 5, textChars: 60_000, phrases: PHRASES });
    const document = parse(page.html);
    const paragraphs = [...document.querySelectorAll(ARTICLE_PARAGRAPHS)].map((p) => p.textContent);
    const text = paragraphs.join('\n').toLowerCase();
    let at = 0;
    for (const mention of page.planted) {
      const found = text.indexOf(mention.text.toLowerCase(), at);
      expect(found, mention.text).toBeGreaterThanOrEqual(0);
      at = found + mention.text.length;
    }
    expect(page.planted.length).toBeGreaterThan(5);
    expect(new Set(page.planted.map((m) => m.finding)).size).toBeGreaterThan(3);
  });

  it('splits some planted phrases with inline tags', () => {
    const page = generateNewsPage({ seed: 5, textChars: 60_000, phrases: PHRASES });
    const multiWord = PHRASES.filter((p) => p.phrase.includes(' '));
    const split = multiWord.some((p) => {
      const [first, ...rest] = p.phrase.split(' ');
      return page.html.includes(`${first}</`) && page.html.includes(rest.join(' '));
    });
    expect(split).toBe(true);
  });

  it('keeps plants of one trigger at least `minGap` paragraphs apart (the clutter rule never hides one)', () => {
    const page = generateNewsPage({ seed: 9, textChars: 200_000, phrases: PHRASES.slice(0, 2), minGap: 12 });
    const document = parse(page.html);
    const paragraphs = [...document.querySelectorAll(ARTICLE_PARAGRAPHS)];
    const last = new Map<string, number>();
    paragraphs.forEach((p, index) => {
      for (const { phrase } of PHRASES.slice(0, 2)) {
        if (!p.textContent.includes(phrase)) continue;
        const previous = last.get(phrase);
        if (previous !== undefined) expect(index - previous).toBeGreaterThanOrEqual(12);
        last.set(phrase, index);
      }
    });
    expect(last.size).toBe(2);
  });

  it('has no trigger phrase of the pack in its filler text', () => {
    const page = generateNewsPage({ seed: 11, textChars: 100_000, phrases: PHRASES });
    const document = parse(page.html);
    const filler = [
      articleTextWithoutPlants(document),
      document.querySelector('.comments')?.textContent ?? '',
      document.querySelector('.sidebar')?.textContent ?? '',
    ]
      .join(' ')
      .toLowerCase();
    // Patterns like "(a|b) c" are checked by their literal words only.
    const found = ALL_FORMS.filter((f) => !/[()|]/.test(f)).filter((form) =>
      new RegExp(`\\b${form.toLowerCase().replace(/[-\s]+/g, '[-\\s]+')}\\b`).test(filler),
    );
    expect(found).toEqual([]);
  });

  it('has no concept word of the pack in its vocabulary (a combination nobody planted would mark)', () => {
    const conceptWords = new Set(
      (PACK.matcher.concepts?.terms ?? [])
        .flatMap((term) => term.patterns)
        .filter((pattern) => !/[\s()|]/.test(pattern))
        .map((pattern) => pattern.toLowerCase()),
    );
    expect(conceptWords.size).toBeGreaterThan(0);
    const vocabulary: string[] = Object.values(WORDS).flat();
    const found = vocabulary
      .flatMap((entry) => entry.toLowerCase().split(/\s+/))
      .filter((word) => conceptWords.has(word));
    expect(found).toEqual([]);
  });

  it('puts decoys only where extraction never reads: script, nav, form fields, code, hidden subtrees', () => {
    const page = generateNewsPage({ seed: 13, textChars: 20_000, phrases: PHRASES });
    const document = parse(page.html);
    expect(page.decoys.length).toBeGreaterThanOrEqual(6);
    // Planted true mentions live in the article's own paragraphs; anywhere else a phrase must be hidden from reading.
    for (const decoy of page.decoys) {
      const holders = [...document.querySelectorAll('*')].filter((element) =>
        [...element.childNodes].some((node) => node.nodeType === 3 && (node.textContent ?? '').includes(decoy)),
      );
      const hidden = holders.filter((holder) => holder.closest(READ_NEVER));
      expect(hidden.length, decoy).toBeGreaterThan(0);
      for (const holder of holders) {
        expect(
          holder.closest(READ_NEVER) ?? holder.closest(ARTICLE_PARAGRAPHS),
          `${decoy} in <${holder.tagName}>`,
        ).not.toBeNull();
      }
    }
  });

  it('makes a page without the subject that fails the subject check, at the size asked for', async () => {
    const page = generateNewsPage({ seed: 5, textChars: 60_000, phrases: PHRASES, subject: false });
    expect(page.planted).toEqual([]);
    expect(page.decoys).toEqual([]);
    expect(page.textChars).toBeGreaterThanOrEqual(60_000);
    const document = parse(page.html);
    expect(document.querySelectorAll('article p').length).toBeGreaterThan(20);
    const check = new SubjectCheck(SUBJECT_TERMS);
    expect(await check.readPage(document.body, new AbortController().signal)).toBe(false);
    // The same page with the subject passes (the check is not simply failing on this layout).
    const about = parse(generateNewsPage({ seed: 5, textChars: 60_000, phrases: PHRASES }).html);
    expect(await new SubjectCheck(SUBJECT_TERMS).readPage(about.body, new AbortController().signal)).toBe(true);
  });

  it('rejects an empty phrase list', () => {
    expect(() => generateNewsPage({ seed: 1, textChars: 1000, phrases: [] })).toThrow(/no phrases/);
  });
});
