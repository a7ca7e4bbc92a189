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
   * trigger): a page without the subject is read once by one regex, not once per kind.
   */
  private readonly words: RegExp;
  private seenChina = false;
  private seenRussia = false;
  /** True once the page may hold a mention; it never turns back. */
  passed = false;

  constructor(terms: SubjectTerms) {
    this.words = subjectPattern(terms);
    if (terms.alwaysPass) this.passed = true;
  }

  /** Reads one more piece of the page's text (a text node's data); returns `passed`. */
  feed(text: string): boolean {
    if (this.passed) return true;
    const words = this.words;
    words.lastIndex = 0;
    for (let match = words.exec(text); match; match = words.exec(text)) {
      if (match[3] !== undefined) this.passed = true;
      else if (match[1] !== undefined) this.seenChina = true;
      else this.seenRussia = true;
      if (this.passed || (this.seenChina && this.seenRussia)) return (this.passed = true);
    }
    return false;
  }

  /**
   * Reads the raw text nodes under `root` in time slices, stopping as soon as the check passes; resolves to
   * `passed`. Rejects with Cancelled when `signal` aborts.
   */
  async readPage(root: Node, signal: AbortSignal): Promise<boolean> {
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, SHOW_TEXT);
    const passed = () => this.passed;
    function* textNodes(): Generator<Text> {
      for (let node = walker.nextNode(); node && !passed(); node = walker.nextNode()) yield node as Text;
    }
    await forEachSliced(textNodes(), (node) => this.feed(node.data), signal);
    return this.passed;
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

/** Whole words or phrases; spaces in a term stand for any separator. */
const termsSource = (terms: readonly string[]) =>
  terms.map((term) => term.split(/\s+/).map(escapeRegExp).join('[^\\p{L}\\p{N}]+')).join('|');

/**
 * The check's one case-insensitive, global regex: China terms (group 1) or Russia terms (group 2) as whole words,
 * or the start of a required word (group 3) — its first four letters only: the matcher accepts spelling and
 * inflection variants (-isation/-ization, plurals), and a shorter prefix can only make the check pass more often.
 */
function subjectPattern(terms: SubjectTerms): RegExp {
  const starts = [...new Set(terms.anywhere.map((word) => escapeRegExp(word.slice(0, 4))))];
  const wholeWords = `(?:(${termsSource(terms.china) || '(?!)'})|(${termsSource(terms.russia) || '(?!)'}))(?![\\p{L}\\p{N}])`;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${wholeWords}|(${starts.join('|') || '(?!)'}))`, 'giu');
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
