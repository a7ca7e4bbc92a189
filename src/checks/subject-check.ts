import type { CompiledMatcher } from '../matching/compile';
import { forEachSliced } from '../dom/scheduler';
import { escapeRegExp } from './escape-regexp';

/** NodeFilter.SHOW_TEXT, spelled out: not every environment (happy-dom in Node) has the global. */
const SHOW_TEXT = 0x4;

/**
 * What the check looks for, taken from the compiled matcher at build time (src/pack/generated/subject-terms.json,
 * written by `npm run compile-pack`): the sentinel that every page gets carries these few words, not the pack.
 */
export interface SubjectTerms {
  china: string[];
  russia: string[];
  /** The word every match of each `context: any` trigger pattern contains. */
  anywhere: string[];
  /** Some `any` pattern has no such word: it cannot be pre-checked, so every page passes. */
  alwaysPass: boolean;
}

export function subjectTerms(matcher: CompiledMatcher): SubjectTerms {
  const required = matcher.triggers.filter((t) => t.context === 'any').flatMap((t) => t.patterns.map(requiredWord));
  const anywhere = required.filter((word): word is string => word !== undefined);
  return {
    china: [...matcher.topic.china],
    russia: [...matcher.topic.russia],
    anywhere: [...new Set(anywhere)].sort(),
    alwaysPass: anywhere.length < required.length,
  };
}

/**
 * The quick check before any real work: could this page have a single mention at all?
 *
 * A mark needs the page to be about China–Russia relations (the topic gate needs a China reference and a Russia
 * reference, src/matching/gate.ts), unless it comes from a trigger that counts anywhere (`context: any`). So a page
 * whose raw text has no China word or no Russia word, and none of the words every `any` trigger must contain, can
 * be left alone: no engine, no extraction, no computed styles. The check is a necessary condition only — a page
 * that passes it is scanned in full and the engine decides.
 */
export class SubjectCheck {
  /**
   * One pass over the text for all three kinds of word (groups: 1 China, 2 Russia, 3 a required word of an `any`
   * trigger): a page without the subject is read once by one regex, not once per kind. Built on first use
   * (`words()`): parsing its `iu` classes costs milliseconds, and a page without a candidate never needs it.
   */
  private readonly wordsSource: string;
  private wordsRegex: RegExp | undefined;
  /** `words()` anchored where it is tried (`y`): tells a whole word from a piece of one at a candidate's position. */
  private wordAtRegex: RegExp | undefined;
  /**
   * The same terms as plain case-insensitive substrings, no `u` flag, no look-behind (groups as in `words()`): the
   * fast first read of the page's whole text, which only says where `words` is worth trying. Undefined when a term
   * is not plain ASCII (the non-unicode `i` flag folds only ASCII the way `iu` does): then the page is walked.
   */
  private readonly candidates: RegExp | undefined;
  /**
   * `candidates` for the required words and one country only, the one whose shortest term is the longer: without
   * a required word, a page passes only with both countries, so a text with no candidate here fails, and this
   * pattern reads a text several times faster than `candidates` (V8 skips ahead up to the shortest term's length
   * where no term can start; China's `xi` leaves it nothing to skip). On most pages without the subject it is the
   * only read of their text.
   */
  private readonly necessary: RegExp | undefined;
  private seenChina = false;
  private seenRussia = false;
  /** True once the page may hold a mention; it never turns back. */
  passed = false;

  constructor(terms: SubjectTerms) {
    this.wordsSource = subjectSource(terms);
    this.candidates = candidatePattern(terms);
    this.necessary = necessaryPattern(terms);
    if (terms.alwaysPass) this.passed = true;
  }

  private words(): RegExp {
    return (this.wordsRegex ??= new RegExp(this.wordsSource, 'giu'));
  }

  private wordAt(): RegExp {
    return (this.wordAtRegex ??= new RegExp(this.wordsSource, 'iuy'));
  }

  /** Reads one more piece of the page's text (a text node's data); returns `passed`. */
  feed(text: string): boolean {
    if (this.passed) return true;
    // Most texts hold no candidate at all: the cheap read says so without the `iu` regex.
    if (this.candidates && !hasMatch(this.candidates, text)) return false;
    const words = this.words();
    words.lastIndex = 0;
    for (let match = words.exec(text); match; match = words.exec(text)) {
      const kind = kindOf(match);
      if (kind === ANYWHERE) this.passed = true;
      else if (kind === CHINA) this.seenChina = true;
      else this.seenRussia = true;
      if (this.passed || (this.seenChina && this.seenRussia)) return (this.passed = true);
    }
    return false;
  }

  /**
   * Reads the page's text under `root`, stopping as soon as the check passes; resolves to `passed`. Rejects with
   * Cancelled when `signal` aborts. First the whole text at once (`textContent`, one native read) with the fast
   * substring regex; the text nodes are walked one by one only when that cannot decide (see `readWhole`).
   */
  async readPage(root: Node, signal: AbortSignal): Promise<boolean> {
    if (this.passed) return true;
    const whole = this.candidates && this.readWhole(root.textContent ?? '', this.candidates);
    if (whole === 'passes') return (this.passed = true);
    if (whole === 'fails') return false;
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
    const passed = () => this.passed;
    function* textNodes(): Generator<Text> {
      for (let node = walker.nextNode(); node && !passed(); node = walker.nextNode()) yield node as Text;
    }
    await forEachSliced(textNodes(), (node) => this.feed(node.data), signal);
    return this.passed;
  }

  /**
   * Decides on the page's joined text (`textContent`: its text nodes' data end to end, no separator) where it can.
   * Every whole word `feed` would find in one text node is in the joined text too, so a kind of word with no
   * candidate at all is absent from every node: `fails` is exact. A candidate that `wordAt` confirms as a whole word
   * counts as seen (at worst two nodes joined into one word: a page scanned for nothing, never a mark lost); one it
   * does not confirm may still be a whole word in its own node (its neighbour letter another node's), so when only
   * such candidates could make the page pass, the answer is `unsure` and the caller walks the nodes.
   */
  private readWhole(text: string, candidates: RegExp): 'passes' | 'fails' | 'unsure' {
    if (this.necessary && !hasMatch(this.necessary, text)) return 'fails';
    // Per kind (1 China, 2 Russia, 3 a required word): 1 = some candidate, 2 = a confirmed whole word.
    const seen = [0, 0, 0, 0];
    const wordAt = this.wordAt();
    candidates.lastIndex = 0;
    for (let match = candidates.exec(text); match; match = candidates.exec(text)) {
      wordAt.lastIndex = match.index;
      const word = wordAt.exec(text);
      const kind = kindOf(word ?? match);
      seen[kind] = Math.max(seen[kind] ?? 0, word ? 2 : 1);
      if (seen[3] === 2 || (seen[1] === 2 && seen[2] === 2)) return 'passes';
      // The next try starts one character on, not past the match: every position where `words` could match is tried.
      candidates.lastIndex = match.index + 1;
    }
    return seen[3] || (seen[1] && seen[2]) ? 'unsure' : 'fails';
  }

  /**
   * Calls `onPassed` once text added or edited under `root` later makes the check pass (pages whose text arrives
   * after load). The observer's callback only reads the new text: it is the whole cost on a page of DOM changes.
   */
  watch(root: Node, signal: AbortSignal, onPassed: () => void): void {
    if (signal.aborted) return;
    // The global where there is one (content scripts); the document's own in Node tests (happy-dom).
    const view = (root.ownerDocument ?? (root as Document)).defaultView;
    const Observer = typeof MutationObserver === 'function' || !view ? MutationObserver : view.MutationObserver;
    const observer = new Observer((records) => {
      for (const record of records) {
        if (record.type === 'characterData') this.feed((record.target as CharacterData).data);
        else for (const node of record.addedNodes) this.feed(node.textContent ?? '');
        if (this.passed) break;
      }
      if (!this.passed) return;
      observer.disconnect();
      onPassed();
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }
}

/** The regexes' groups (`words`, `wordAt`, `candidates`): a China term, a Russia term, a required word's start. */
const CHINA = 1;
const RUSSIA = 2;
const ANYWHERE = 3;

/** Which kind of word a match of one of the check's regexes is (exactly one group takes part). */
function kindOf(match: RegExpExecArray): typeof CHINA | typeof RUSSIA | typeof ANYWHERE {
  return match[CHINA] !== undefined ? CHINA : match[RUSSIA] !== undefined ? RUSSIA : ANYWHERE;
}

/** Whether `pattern` (global) matches anywhere in `text`. */
function hasMatch(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** Whole words or phrases; spaces in a term stand for any separator. */
const termsSource = (terms: readonly string[]) =>
  terms.map((term) => term.split(/\s+/).map(escapeRegExp).join('[^\\p{L}\\p{N}]+')).join('|');

/**
 * The source of the check's one case-insensitive regex: China terms (group 1) or Russia terms (group 2) as whole words,
 * or the start of a required word (group 3) — its first four letters only: the matcher accepts spelling and
 * inflection variants (-isation/-ization, plurals), and a shorter prefix can only make the check pass more often.
 */
function subjectSource(terms: SubjectTerms): string {
  const starts = [...new Set(terms.anywhere.map((word) => escapeRegExp(word.slice(0, 4))))];
  const wholeWords = `(?:(${termsSource(terms.china) || '(?!)'})|(${termsSource(terms.russia) || '(?!)'}))(?![\\p{L}\\p{N}])`;
  return `(?<![\\p{L}\\p{N}])(?:${wholeWords}|(${starts.join('|') || '(?!)'}))`;
}

/**
 * `subjectSource`'s terms as bare case-insensitive substrings without the `u` flag (V8 reads such a pattern far
 * faster than one with Unicode classes and a look-behind). It must find every match of `subjectSource`: a term's
 * separator is any run of non-ASCII-alphanumerics (a superset of `[^\p{L}\p{N}]`), and `k`/`s` also match the
 * two non-ASCII letters that `iu` folds to them (K KELVIN SIGN, ſ LONG S). Undefined when a term is not ASCII.
 */
function candidatePattern(terms: SubjectTerms): RegExp | undefined {
  const group = candidateGroups(terms);
  return group && new RegExp(`${group(terms.china)}|${group(terms.russia)}|${group(requiredStarts(terms))}`, 'gi');
}

/**
 * `candidatePattern` for the required words and the country whose shortest term is the longer (the other's
 * group left out): what every passing text must hold a match of (see `SubjectCheck.necessary`).
 */
function necessaryPattern(terms: SubjectTerms): RegExp | undefined {
  const group = candidateGroups(terms);
  const shortest = (list: readonly string[]) => Math.min(...list.map((term) => term.length));
  const country = shortest(terms.russia) >= shortest(terms.china) ? terms.russia : terms.china;
  return group && new RegExp(`${group(country)}|${group(requiredStarts(terms))}`, 'gi');
}

/** The first four letters of each required word (as `subjectSource` looks for them). */
const requiredStarts = (terms: SubjectTerms) => [...new Set(terms.anywhere.map((word) => word.slice(0, 4)))];

/**
 * One capturing group of case-insensitive literals per list, as `candidatePattern` spells them; undefined when a
 * term is not ASCII.
 */
function candidateGroups(terms: SubjectTerms): ((list: readonly string[]) => string) | undefined {
  const all = [...terms.china, ...terms.russia, ...terms.anywhere];
  if (all.some((term) => /[^\x20-\x7e]/.test(term))) return undefined;
  const literal = (term: string) =>
    escapeRegExp(term.toLowerCase())
      .replace(/k/g, '[k\u212a]')
      .replace(/s/g, '[s\u017f]')
      .replace(/\s+/g, '[^a-z0-9]+');
  return (list) => `(${list.map(literal).join('|') || '(?!)'})`;
}

/**
 * The longest word of a trigger pattern that stands outside every `(a|b)` group, so every match contains it
 * (`axis of convenience` → `convenience`); undefined when there is none.
 */
export function requiredWord(pattern: string): string | undefined {
  const outside = pattern.replace(/\([^)]*\)/g, ' ');
  const words = outside.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4);
  return words.sort((a, b) => b.length - a.length)[0];
}
