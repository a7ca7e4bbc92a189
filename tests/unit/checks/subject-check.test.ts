import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { PACK } from '../../../src/pack/index';
import { packEngineSource } from '../../../src/pack/ranking';
import { requiredWord, SubjectCheck, subjectTerms } from '../../../src/checks/subject-check';
import { createEngine } from '../../../src/matching/engine';
import { COMPILED_JSON, SUBJECT_TERMS_JSON, subjectTermsJson } from '../../../scripts/compile-pack';

const feedAll = (texts: string[]) => {
  const check = new SubjectCheck(subjectTerms(PACK.matcher));
  for (const text of texts) check.feed(text);
  return check.passed;
};

describe('SubjectCheck (the quick check before any scan)', () => {
  it('passes once both a China and a Russia reference have been seen, in any nodes', () => {
    expect(feedAll(['President Xi’s visit', 'talks in the ', 'Kremlin'])).toBe(true);
    expect(feedAll(['Sino-Russian trade grew'])).toBe(true);
  });

  it('fails on a page about one country, or neither', () => {
    expect(feedAll(['Washington tightened rules on chips for China', 'Beijing protested'])).toBe(false);
    expect(feedAll(['FIFA bars Russia', 'Moscow objects'])).toBe(false);
    expect(feedAll(['The deadly allure of No Limits freediving'])).toBe(false);
  });

  it('matches whole words only', () => {
    expect(feedAll(['Chinatown', 'Russiaville'])).toBe(false);
  });

  it('passes on the words every `any` trigger must contain', () => {
    expect(feedAll(['An axis of convenience, analysts say'])).toBe(true);
    expect(feedAll(['The Power of Siberia pipeline'])).toBe(true);
  });

  it('finds the required word of a pattern outside its groups', () => {
    expect(requiredWord('axis of convenience')).toBe('convenience');
    expect(requiredWord('(China Russia|Sino Russian) axis')).toBe('axis');
    expect(requiredWord('(a|b) (c|d)')).toBeUndefined();
  });

  it('never fails a text on which the engine finds a mention', () => {
    // A necessary condition: wherever the full engine marks something, the quick check must pass.
    const engine = createEngine(packEngineSource(PACK));
    const texts = [
      'Xi Jinping and Vladimir Putin hailed a no-limits partnership.',
      'Analysts call it an axis of convenience.',
      'Gas from the Power of Siberia 2 pipeline would flow east.',
      'Beijing has been careful with dual-use goods for Russia.',
    ];
    let marked = 0;
    for (const text of texts) {
      const mentions = engine.scan([{ text, block: 0 }]);
      if (mentions.length === 0) continue;
      marked += 1;
      expect(feedAll([text]), text).toBe(true);
    }
    expect(marked, 'texts the engine marks').toBeGreaterThanOrEqual(2);
  });

  it('reads a page’s text nodes until it passes', async () => {
    const read = async (html: string) => {
      const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
      window.document.write(`<body>${html}</body>`);
      const body = window.document.body as unknown as Node;
      const passed = await new SubjectCheck(subjectTerms(PACK.matcher)).readPage(body, new AbortController().signal);
      await window.happyDOM.close();
      return passed;
    };
    expect(await read('<p>Xi met <b>Putin</b></p>')).toBe(true);
    expect(await read('<p>Freediving without limits</p>')).toBe(false);
  });
});

describe('the sentinel’s words (src/pack/generated/subject-terms.json)', () => {
  it('are the compiled pack’s, fresh (run `npm run compile-pack` after changing the pack)', () => {
    const file = readFileSync(SUBJECT_TERMS_JSON, 'utf8');
    expect(file).toBe(subjectTermsJson(readFileSync(COMPILED_JSON, 'utf8')));
    expect(JSON.parse(file)).toEqual(subjectTerms(PACK.matcher));
  });

  it('a text added after load makes the watch pass, once', async () => {
    const window = new Window();
    const document = window.document as unknown as Document;
    const check = new SubjectCheck(subjectTerms(PACK.matcher));
    let passes = 0;
    check.watch(document.body, new AbortController().signal, () => (passes += 1));
    const p = document.createElement('p');
    p.textContent = 'Beijing said so.';
    document.body.append(p);
    await window.happyDOM.waitUntilComplete();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(passes).toBe(0);
    p.firstChild!.textContent = 'Beijing and Moscow said so.';
    const q = document.createElement('p');
    q.textContent = 'The Kremlin agreed.';
    document.body.append(q);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(passes).toBe(1);
    await window.happyDOM.close();
  });
});
