import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { PACK } from '../../../src/pack/index';
import { requiredWord, SubjectCheck } from '../../../src/page/subject-check';
import { createEngine } from '../../../src/matching/engine';

const feedAll = (texts: string[]) => {
  const check = new SubjectCheck(PACK.matcher);
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
    const engine = createEngine(PACK);
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
      const passed = await new SubjectCheck(PACK.matcher).readPage(body, new AbortController().signal);
      await window.happyDOM.close();
      return passed;
    };
    expect(await read('<p>Xi met <b>Putin</b></p>')).toBe(true);
    expect(await read('<p>Freediving without limits</p>')).toBe(false);
  });
});
