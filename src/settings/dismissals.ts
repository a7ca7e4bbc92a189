import { MAX_DISMISSALS, MAX_PHRASE_LENGTH, MAX_SENTENCE_LENGTH } from './limits';
import type { Settings, WrongMark } from './schema';

/**
 * The card's dismissals as pure functions over Settings (the content script, the options page and tests share
 * them). Every change returns a copy; the lists keep their order (newest last) and never hold duplicates.
 */

/**
 * How phrases and sentences are compared: case, curly or straight quotes and apostrophes, dashes and hyphens,
 * and runs of white space do not count ("‘No limits’ partnership" = "'no limits' partnership" = "no-limits
 * partnership"). The text people see is stored as it was; only the comparison is loose.
 */
export function looseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u0022\u0027\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2032\u2033`´]/g, '')
    .replace(/[\u002d\u2010-\u2015\u2212]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapses white space and cuts to `max` characters (a stored phrase or sentence). */
function tidy(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Appends unless an entry that `same` considers equal is there; keeps the newest MAX_DISMISSALS. */
function withEntry<T>(list: readonly T[], entry: T, isSame: (existing: T) => boolean): T[] {
  if (list.some(isSame)) return [...list];
  return [...list, entry].slice(-MAX_DISMISSALS);
}

export function hidePhrase(settings: Settings, phrase: string): Settings {
  const shown = tidy(phrase, MAX_PHRASE_LENGTH);
  if (shown === '') return settings;
  const key = looseText(shown);
  const hiddenPhrases = withEntry(settings.hiddenPhrases, shown, (existing) => looseText(existing) === key);
  return { ...settings, hiddenPhrases };
}

export function showPhraseAgain(settings: Settings, phrase: string): Settings {
  const key = looseText(phrase);
  return { ...settings, hiddenPhrases: settings.hiddenPhrases.filter((p) => looseText(p) !== key) };
}

export function hideFinding(settings: Settings, findingId: string): Settings {
  return { ...settings, hiddenFindings: withEntry(settings.hiddenFindings, findingId, (id) => id === findingId) };
}

export function showFindingAgain(settings: Settings, findingId: string): Settings {
  return { ...settings, hiddenFindings: settings.hiddenFindings.filter((id) => id !== findingId) };
}

export interface MarkReport {
  phrase: string;
  sentence: string;
  findingId: string;
  site: string;
}

function sameMark(a: Pick<WrongMark, 'phrase' | 'sentence' | 'findingId'>, b: typeof a): boolean {
  return (
    a.findingId === b.findingId &&
    looseText(a.phrase) === looseText(b.phrase) &&
    looseText(a.sentence) === looseText(b.sentence)
  );
}

/** "This mark is wrong": recorded here only; the same phrase in the same sentence no longer shows that finding. */
export function recordWrongMark(settings: Settings, report: MarkReport, now = new Date()): Settings {
  const entry: WrongMark = {
    phrase: tidy(report.phrase, MAX_PHRASE_LENGTH),
    sentence: tidy(report.sentence, MAX_SENTENCE_LENGTH),
    findingId: report.findingId,
    site: report.site,
    at: now.toISOString(),
  };
  if (entry.phrase === '' || entry.sentence === '') return settings;
  return { ...settings, wrongMarks: withEntry(settings.wrongMarks, entry, (m) => sameMark(m, entry)) };
}

export function forgetWrongMark(settings: Settings, mark: WrongMark): Settings {
  return { ...settings, wrongMarks: settings.wrongMarks.filter((m) => !sameMark(m, mark)) };
}

/** A mark on a page, as the dismissals see it. `sentence` is read only when a wrong-mark record could apply. */
export interface MarkOnPage {
  phrase: string;
  findings: readonly string[];
  sentence: () => string;
}

/**
 * The findings of a mark that are still shown, best first; empty means the mark is not shown at all.
 * Built once per settings value (the page asks for every mark, and after each settings change).
 */
export function dismissalFilter(settings: Settings): (mark: MarkOnPage) => string[] {
  const phrases = new Set(settings.hiddenPhrases.map(looseText));
  const findings = new Set(settings.hiddenFindings);
  const wrongByPhrase = new Map<string, WrongMark[]>();
  for (const mark of settings.wrongMarks) {
    const key = looseText(mark.phrase);
    wrongByPhrase.set(key, [...(wrongByPhrase.get(key) ?? []), mark]);
  }
  if (phrases.size === 0 && findings.size === 0 && wrongByPhrase.size === 0) return (mark) => [...mark.findings];
  return (mark) => {
    const phrase = looseText(mark.phrase);
    if (phrases.has(phrase)) return [];
    let shown = mark.findings.filter((id) => !findings.has(id));
    const wrong = wrongByPhrase.get(phrase);
    if (wrong && shown.length > 0) {
      const sentence = looseText(tidy(mark.sentence(), MAX_SENTENCE_LENGTH));
      shown = shown.filter((id) => !wrong.some((w) => w.findingId === id && looseText(w.sentence) === sentence));
    }
    return shown;
  };
}

/** Whether two settings values differ in what the dismissals hide (the page then re-filters its marks). */
export function dismissalsDiffer(a: Settings, b: Settings): boolean {
  const key = (s: Settings) => JSON.stringify([s.hiddenPhrases, s.hiddenFindings, s.wrongMarks]);
  return key(a) !== key(b);
}
