import type { CompiledMatcher } from '../matching/compile';
import { forEachSliced } from './scheduler';

/** NodeFilter.SHOW_TEXT, spelled out: not every environment (happy-dom in Node) has the global. */
const SHOW_TEXT = 0x4;

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
  private readonly china: RegExp;
  private readonly russia: RegExp;
  /** Undefined: the pack has no `any` trigger. */
  private readonly anywhere: RegExp | undefined;
  private seenChina = false;
  private seenRussia = false;
  /** True once the page may hold a mention; it never turns back. */
  passed = false;

  constructor(matcher: CompiledMatcher) {
    this.china = wordsPattern(matcher.topic.china);
    this.russia = wordsPattern(matcher.topic.russia);
    const required = matcher.triggers.filter((t) => t.context === 'any').flatMap((t) => t.patterns.map(requiredWord));
    // A pattern with no word that every match contains cannot be pre-checked: then every page passes.
    if (required.includes(undefined)) this.passed = true;
    this.anywhere = required.length > 0 ? wordStartsPattern(required as string[]) : undefined;
  }

  /** Reads one more piece of the page's text (a text node's data); returns `passed`. */
  feed(text: string): boolean {
    if (this.passed) return true;
    this.seenChina ||= this.china.test(text);
    this.seenRussia ||= this.russia.test(text);
    this.passed = (this.seenChina && this.seenRussia) || (this.anywhere?.test(text) ?? false);
    return this.passed;
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
}

/** One case-insensitive regex for whole words or phrases; spaces in a term stand for any separator. */
function wordsPattern(terms: readonly string[]): RegExp {
  const alternatives = terms.map((term) =>
    term
      .split(/\s+/)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^\\p{L}\\p{N}]+'),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Words matched by their first four letters only: the matcher accepts spelling and inflection variants
 * (-isation/-ization, plurals), and a shorter prefix can only make the check pass more often, never less.
 */
function wordStartsPattern(words: readonly string[]): RegExp {
  const starts = [...new Set(words.map((word) => word.slice(0, 4).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))];
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${starts.join('|')})`, 'iu');
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
