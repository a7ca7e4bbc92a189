/**
 * The one-pass spotter: every trigger pattern (its spelling/inflection variants written in at build time), every blocker and every topic
 * reference in one deterministic character automaton over normalised text (automaton-builder.ts). The page is
 * walked once; at each word start the automaton is followed until it fails (usually after one or two
 * characters), so the cost depends on the text, not on the number of triggers. No regular expressions and no
 * allocation per character: normalisation happens on the fly (normalize.ts tables).
 */
import { AutomatonBuilder, BLOCKER, type Automaton } from './automaton-builder';
import type { CompiledMatcher } from './compile';
import {
  CLASSES,
  charClass,
  FOLD_MULTI,
  FOLDS,
  foldChar,
  foldedText,
  IGNORE,
  isWordAt,
  isWordSpace,
  SEP,
  SPACE,
  WORD,
} from './normalize';
import { parsePattern } from './patterns';

export const REF_CHINA = 1;
export const REF_RUSSIA = 2;
/** A phrase that contains a reference word but is no reference ("South China Sea", "fine china"). */
const REF_NONE = 4;
/** "the two countries", "both sides": refers back to the pair (see topic-terms.ts). */
export const REF_PAIR = 8;

export type Trie = Automaton;

/** Builds the automaton. Where two triggers accept the same text, the first in pack order wins; blockers win. */
export function buildTrie(matcher: CompiledMatcher): Trie {
  const steps = buildTrieSteps(matcher);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** buildTrie as a generator that yields between small pieces of work (after every few patterns), for slicing. */
export function* buildTrieSteps(matcher: CompiledMatcher): Generator<void, Trie> {
  const builder = new AutomatonBuilder();
  for (let index = 0; index < matcher.triggers.length; index++) {
    const trigger = matcher.triggers[index] as CompiledMatcher['triggers'][number];
    for (const pattern of trigger.patterns) builder.addPattern(parsePattern(pattern), index);
    if (index % 8 === 7) yield;
  }
  for (const pattern of matcher.blockers) builder.addPattern(parsePattern(pattern), BLOCKER);
  for (const term of matcher.topic.china) builder.addReference(term, REF_CHINA);
  for (const term of matcher.topic.russia) builder.addReference(term, REF_RUSSIA);
  for (const term of matcher.topic.not) builder.addReference(term, REF_NONE);
  for (const term of matcher.topic.pair) builder.addReference(term, REF_PAIR);
  yield;
  return yield* builder.build();
}

function child(trie: Trie, node: number, code: number): number {
  if (node === 0) return code < 128 ? (trie.rootAscii[code] as number) : (trie.rootOther.get(code) ?? -1);
  const start = trie.first[node] as number;
  const end = start + (trie.count[node] as number);
  const labels = trie.labels;
  if (end - start <= 8) {
    for (let k = start; k < end; k++) {
      const label = labels[k] as number;
      if (label >= code) return label === code ? (trie.targets[k] as number) : -1;
    }
    return -1;
  }
  let lo = start;
  let hi = end - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const label = labels[mid] as number;
    if (label === code) return trie.targets[mid] as number;
    if (label < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Follows a page character (folded; one that folds to several characters steps through each). */
function stepChar(trie: Trie, node: number, code: number): number {
  const folded = foldChar(code);
  if (folded !== FOLD_MULTI) return child(trie, node, folded);
  const text = foldedText(code);
  for (let k = 0; k < text.length && node >= 0; k++) node = child(trie, node, text.charCodeAt(k));
  return node;
}

/** Receives spotted phrases; offsets are indices into the scanned text. */
export interface SpotSink {
  trigger(index: number, start: number, end: number): void;
  ref(flags: number, start: number, end: number): void;
}

// Results of the last walk (module state rather than a result object allocated per word).
let bestTrigger = -1;
let triggerEnd = 0;
let bestRef = 0;
let refEnd = 0;

/**
 * Spots triggers and topic references in text[start, end) — one block: nothing runs past `end`.
 * Triggers are leftmost-longest and never overlap (a blocker counts as a trigger that is never reported);
 * references likewise, separately from triggers (a reference inside "China–Russia axis" still counts).
 * REF_NONE phrases are not reported: they only hide the reference words inside them.
 * Returns the words of the text as countWords (normalize.ts) counts them, for the density bound: this loop reads
 * every character already, a count of its own was a second pass over every block.
 */
export function spot(trie: Trie, text: string, start: number, end: number, sink: SpotSink): number {
  const rootAscii = trie.rootAscii;
  let previousWord = false;
  let blockedUntil = start;
  let refBlockedUntil = start;
  let words = 0;
  let afterSpace = true;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    const cls = CLASSES[code] || charClass(code); // hot loop: the table first, computed once per code
    if (cls !== WORD) {
      if (cls !== IGNORE) previousWord = false;
      // Every word space is SEP (normalize.ts): other characters start a counted word as letters do.
      if (cls === SEP && isWordSpace(code)) afterSpace = true;
      else if (afterSpace) {
        words++;
        afterSpace = false;
      }
      continue;
    }
    // Inside a run of letters (and ignorable characters) no counted word starts.
    if (previousWord) continue;
    previousWord = true;
    if (afterSpace) {
      words++;
      afterSpace = false;
    }
    const node = code < 128 ? (rootAscii[(FOLDS[code] || foldChar(code)) & 127] as number) : stepChar(trie, 0, code);
    if (node <= 0) continue;
    bestTrigger = -1;
    bestRef = 0;
    const stop = walk(trie, text, node, i + 1, end);
    if (bestTrigger !== -1 && i >= blockedUntil) {
      if (bestTrigger !== BLOCKER) sink.trigger(bestTrigger, i, triggerEnd);
      blockedUntil = triggerEnd;
    }
    if (bestRef !== 0 && i >= refBlockedUntil) {
      if (bestRef !== REF_NONE) sink.ref(bestRef, i, refEnd);
      refBlockedUntil = refEnd;
    }
    // The walk read this word's characters up to `stop` (letters and ignorable ones, none a word space): the next
    // word start is at or after it.
    if (stop > i) i = stop - 1;
  }
  return words;
}

/**
 * Follows the automaton from `node` (reached by the character before `j`), recording the longest accepts. Returns
 * where it stopped while still in the word it started in (every character before that one is of that word: the
 * scan goes on from there), else -1.
 */
function walk(trie: Trie, text: string, node: number, j: number, end: number): number {
  let lastClass = WORD;
  let pendingSpace = false;
  let inWord = true;
  for (;;) {
    if (lastClass !== SEP) {
      const t = trie.trigger[node] as number;
      const r = trie.ref[node] as number;
      if ((t !== -1 || r !== 0) && (lastClass !== WORD || !isWordAt(text, j, end))) {
        if (t !== -1) {
          bestTrigger = t;
          triggerEnd = j;
        }
        if (r !== 0) {
          bestRef = r;
          refEnd = j;
        }
      }
    }
    if (j >= end) return inWord ? j : -1;
    const code = text.charCodeAt(j);
    const cls = CLASSES[code] || charClass(code);
    j++;
    if (cls === IGNORE) continue;
    if (cls === SEP) {
      pendingSpace = true;
      lastClass = SEP;
      inWord = false;
      continue;
    }
    if (pendingSpace) {
      node = child(trie, node, SPACE);
      if (node < 0) return -1;
      pendingSpace = false;
    }
    if (cls !== WORD) inWord = false;
    const folded = FOLDS[code] || foldChar(code);
    node = folded === FOLD_MULTI ? stepChar(trie, node, code) : child(trie, node, folded);
    // The character that failed is read again by the scan (a word character of this word, or what ends it).
    if (node < 0) return inWord ? j - 1 : -1;
    lastClass = cls;
  }
}
