import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  defaultSettings,
  dismissalFilter,
  dismissalsDiffer,
  exportSettings,
  forgetWrongMark,
  getSettings,
  hideFinding,
  hidePhrase,
  looseText,
  parseSettingsFile,
  recordWrongMark,
  showFindingAgain,
  showPhraseAgain,
  updateSettings,
  MAX_DISMISSALS,
} from '../../../src/settings';

const mark = (phrase: string, findings: string[], sentence = `Some text with ${phrase} in it.`) => ({
  phrase,
  findings,
  sentence: () => sentence,
});

describe('looseText', () => {
  it.each([
    ['‘No limits’ partnership', "'no limits' partnership"],
    ['“no limits” partnership', 'no limits partnership'],
    ['no-limits  partnership', 'No limits partnership'],
    ['de\u2011dollarisation', 'de dollarisation'],
  ])('%j = %j', (a, b) => {
    expect(looseText(a)).toBe(looseText(b));
  });

  it('keeps different words apart', () => {
    expect(looseText('joint exercises')).not.toBe(looseText('joint exercise'));
  });
});

describe('dismissals', () => {
  it('hiding a phrase hides its marks in any spelling, and only those; undo shows them again', () => {
    const s = hidePhrase(defaultSettings(), '  Economic   growth ');
    expect(s.hiddenPhrases).toEqual(['Economic growth']);
    const visible = dismissalFilter(s);
    expect(visible(mark('economic growth', ['a']))).toEqual([]);
    expect(visible(mark('ECONOMIC-GROWTH', ['a']))).toEqual([]);
    expect(visible(mark('economic ties', ['a']))).toEqual(['a']);
    const undone = showPhraseAgain(s, 'economic growth');
    expect(undone.hiddenPhrases).toEqual([]);
    expect(dismissalFilter(undone)(mark('economic growth', ['a']))).toEqual(['a']);
  });

  it('hiding a phrase twice keeps one entry', () => {
    const s = hidePhrase(hidePhrase(defaultSettings(), 'no limits'), 'No Limits');
    expect(s.hiddenPhrases).toEqual(['no limits']);
  });

  it('hiding a finding drops it from every mark; a mark with no finding left is not shown', () => {
    const s = hideFinding(defaultSettings(), 'dual-use');
    const visible = dismissalFilter(s);
    expect(visible(mark('drones', ['dual-use', 'weapons']))).toEqual(['weapons']);
    expect(visible(mark('chips', ['dual-use']))).toEqual([]);
    expect(dismissalFilter(showFindingAgain(s, 'dual-use'))(mark('chips', ['dual-use']))).toEqual(['dual-use']);
  });

  it('a wrong mark stops that finding for that phrase in that sentence only', () => {
    const sentence = 'There are “no limits” to what this squad can do.';
    const s = recordWrongMark(
      defaultSettings(),
      { phrase: 'no limits', sentence: `  ${sentence}\n`, findingId: 'no-limits', site: 'example.com' },
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(s.wrongMarks).toEqual([
      { phrase: 'no limits', sentence, findingId: 'no-limits', site: 'example.com', at: '2026-12-01T10:00:00.000Z' },
    ]);
    const visible = dismissalFilter(s);
    expect(visible(mark('No limits', ['no-limits'], 'There are "no limits" to what this squad can do.'))).toEqual([]);
    expect(visible(mark('no limits', ['no-limits', 'other'], sentence))).toEqual(['other']);
    expect(visible(mark('no limits', ['no-limits'], 'A “no limits” partnership, they said.'))).toEqual(['no-limits']);
    expect(dismissalFilter(forgetWrongMark(s, s.wrongMarks[0]!))(mark('no limits', ['no-limits'], sentence))).toEqual([
      'no-limits',
    ]);
  });

  it('reads a sentence only where a wrong-mark record could apply', () => {
    let reads = 0;
    const s = recordWrongMark(defaultSettings(), { phrase: 'a', sentence: 'A.', findingId: 'f', site: 'x.org' });
    const visible = dismissalFilter(s);
    visible({ phrase: 'b', findings: ['f'], sentence: () => `${++reads}` });
    expect(reads).toBe(0);
    visible({ phrase: 'a', findings: ['f'], sentence: () => `${++reads}` });
    expect(reads).toBe(1);
  });

  it('keeps lists bounded, newest last', () => {
    let s = defaultSettings();
    for (let i = 0; i < MAX_DISMISSALS + 5; i++) s = hidePhrase(s, `phrase ${i}`);
    expect(s.hiddenPhrases).toHaveLength(MAX_DISMISSALS);
    expect(s.hiddenPhrases.at(-1)).toBe(`phrase ${MAX_DISMISSALS + 4}`);
  });

  it('dismissalsDiffer notices a change of content only', () => {
    const a = hidePhrase(defaultSettings(), 'x');
    expect(dismissalsDiffer(a, { ...a, hiddenPhrases: ['x'] })).toBe(false);
    expect(dismissalsDiffer(a, hideFinding(a, 'f'))).toBe(true);
    expect(dismissalsDiffer(a, { ...a, hoverDelayMs: 900 })).toBe(false);
  });
});

describe('dismissals in storage and in the settings file', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('are stored, read back, exported and imported', async () => {
    await updateSettings((s) =>
      recordWrongMark(hideFinding(hidePhrase(s, 'economic growth'), 'dual-use'), {
        phrase: 'no limits',
        sentence: 'No limits, the coach said.',
        findingId: 'no-limits',
        site: 'example.com',
      }),
    );
    const stored = await getSettings();
    expect(stored.hiddenPhrases).toEqual(['economic growth']);
    expect(stored.hiddenFindings).toEqual(['dual-use']);
    expect(stored.wrongMarks).toHaveLength(1);
    expect(parseSettingsFile(exportSettings(stored))).toEqual(stored);
  });
});
