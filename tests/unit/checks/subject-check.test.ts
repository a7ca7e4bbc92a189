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

/** Whether the subject check passes a page with this body, read node by node (`readPage`). */
async function readPage(html: string, terms = subjectTerms(PACK.matcher)): Promise<boolean> {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
  window.document.write(`<body>${html}</body>`);
  const body = window.document.body as unknown as Node;
  const passed = await new SubjectCheck(terms).readPage(body, new AbortController().signal);
  await window.happyDOM.close();
  return passed;
}

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
    expect(feedAll(['The Power of Siberia pipeline'])).toBe(true);
    // "axis of convenience" counts on a page about China and Russia only (context topic): no shortcut.
    expect(feedAll(['An axis of convenience, analysts say'])).toBe(false);
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
      'Xi Jinping met Vladimir Putin. China and Russia, Beijing and Moscow: an axis of convenience.',
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
    expect(await readPage('<p>Xi met <b>Putin</b></p>')).toBe(true);
    expect(await readPage('<p>Freediving without limits</p>')).toBe(false);
    // The joined text reads "MoscownightsBeijing": Moscow is a whole word only in its own node.
    expect(await readPage('<p>Moscow</p><p>nights in</p><p>Beijing</p>')).toBe(true);
    expect(await readPage('<p>Chinatown</p><p>Russiaville</p>')).toBe(false);
    // The letters `iu` folds to k and s (KELVIN SIGN, LONG S) count as they do in a single node.
    expect(await readPage('<p>the \u212Aremlin and Beijing</p>')).toBe(true);
    expect(await readPage('<p>Power of \u017Fiberia</p>')).toBe(true);
  });

  it('reads a page for one country and the required words first, and decides the rest as before', async () => {
    // The pack's shortest China term is shorter than its shortest Russia term: Russia is read first.
    expect(await readPage('<p>Xi, the PRC and the CCP in Beijing; Sino-Japanese ties</p>')).toBe(false);
    expect(await readPage('<p>Putin in the Kremlin; Moscow and Gazprom</p>')).toBe(false);
    expect(await readPage('<p>Xi in Beijing</p><p>the Power of Siberia</p>')).toBe(true);
    expect(await readPage('<p>Beijing</p><p>then</p><p>Lavrov</p>')).toBe(true);
    // Terms where China's shortest is the longer: China is read first, and a page needs both all the same.
    const terms = { china: ['beijing'], russia: ['ru', 'moscow'], anywhere: ['axis'], alwaysPass: false };
    expect(await readPage('<p>RU and Moscow</p>', terms)).toBe(false);
    expect(await readPage('<p>Beijing</p>', terms)).toBe(false);
    expect(await readPage('<p>RU and Beijing</p>', terms)).toBe(true);
    expect(await readPage('<p>an axis</p>', terms)).toBe(true);
    // A country without terms: only a required word passes.
    const noRussia = { china: ['beijing'], russia: [], anywhere: ['axis'], alwaysPass: false };
    expect(await readPage('<p>Beijing and Moscow</p>', noRussia)).toBe(false);
    expect(await readPage('<p>Beijing and an axis</p>', noRussia)).toBe(true);
  });

  it('never fails a page whose text nodes, read one by one, pass (any words, any split into nodes)', async () => {
    // The fast read of the joined text must not lose a page the per-node check passes. Texts are random runs of
    // the check's own words, pieces of them, letters and separators, split into random nodes; also the reverse
    // direction is counted so the test cannot pass by answering `true` for everything.
    const terms = subjectTerms(PACK.matcher);
    const pieces = [...terms.china, ...terms.russia, ...terms.anywhere].flatMap((t) => [t, t.slice(1), t.slice(0, -1)]);
    const fillers = ['a', 'town', ' ', ' ', '-', '’', 'é', '1', ' the ', ' ', '\n', '. '];
    let seed = 7;
    const random = (n: number) => Math.floor(((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * n);
    const window = new Window({ settings: { disableJavaScriptEvaluation: true } });
    const document = window.document as unknown as Document;
    let passedByNodes = 0;
    let failedByNodes = 0;
    for (let round = 0; round < 600; round++) {
      const nodes: string[] = [];
      for (let n = 1 + random(5); n > 0; n--) {
        let text = '';
        for (let k = 1 + random(6); k > 0; k--) {
          const list = random(2) === 0 ? pieces : fillers;
          const word = list[random(list.length)] ?? '';
          text += random(2) ? word.toUpperCase() : word;
        }
        nodes.push(text);
      }
      const body = document.createElement('div');
      for (const text of nodes) body.append(document.createElement(random(2) ? 'p' : 'b'), text);
      const byNodes = feedAll(nodes);
      const read = await new SubjectCheck(terms).readPage(body, new AbortController().signal);
      if (byNodes) {
        passedByNodes += 1;
        expect(read, JSON.stringify(nodes)).toBe(true);
      } else failedByNodes += 1;
    }
    await window.happyDOM.close();
    expect(passedByNodes, 'random pages the per-node check passes').toBeGreaterThan(50);
    expect(failedByNodes, 'random pages the per-node check fails').toBeGreaterThan(50);
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
