/**
 * The spotting automaton as the build ships it (src/pack/generated/automaton.json), so that no page builds it.
 *
 * `serializeAutomaton` runs at build time: it minimises the automaton (states with the same outputs and the same
 * transitions are merged — about half of them, mostly shared word endings) and numbers the states depth-first, so
 * that a state's first child is usually the next state and the labels spell the pack's words in order (which
 * gzip compresses well). Its number lists are strings of digits (see `encodeNumbers`), not JSON arrays: a string
 * literal is what the page's JavaScript parser reads fastest, and it is a little smaller gzipped than the numbers
 * written out. `loadAutomaton` runs in the page: one linear pass that decodes those strings into the typed arrays
 * the walk reads (trie.ts) — no patterns parsed, nothing determinised, no object per state.
 *
 * The format knows nothing about triggers, blockers or references: it carries the graph and every per-state
 * output array listed in NODE_OUTPUTS, whatever patterns and values the builder was fed.
 */
import type { Automaton } from './automaton-builder';

const AUTOMATON_FORMAT = 2;

/** Per-state output arrays of an Automaton, with the value most states hold (stored sparsely). */
const NODE_OUTPUTS = {
  trigger: { make: (n: number) => new Int32Array(n), empty: -1 },
  ref: { make: (n: number) => new Uint8Array(n), empty: 0 },
} as const satisfies Record<string, { make: (n: number) => Int32Array | Uint8Array; empty: number }>;

type OutputName = keyof typeof NODE_OUTPUTS;
export const AUTOMATON_OUTPUTS = Object.keys(NODE_OUTPUTS) as OutputName[];

export interface SerializedAutomaton {
  /** AUTOMATON_FORMAT when written; checked on load (a bundle from another build would differ). */
  format: number;
  states: number;
  /** Number of children of each state, in state order (encodeNumbers). */
  counts: string;
  /** The edge labels (one UTF-16 unit each), a state's edges in label order, states in order. */
  labels: string;
  /**
   * Per edge (encodeNumbers, zigzag-signed): 0 for a tree edge (its target is the next state to be numbered), else
   * target minus source.
   */
  links: string;
  /** Per output (encodeNumbers, values zigzag-signed): state delta, value pairs for the states that do not hold
   * the empty value. */
  outputs: Record<OutputName, string>;
}

export class AutomatonFormatError extends Error {}

/*
 * A list of non-negative integers as a string: each number is its base-30 "continuation" digits, least significant
 * first, then one base-52 final digit. The digits are printable ASCII that no string literal has to escape
 * (no quote, backslash, backtick or dollar sign): final digits ( (0x28) to [ (0x5b), continuation digits a to ~.
 */
const FINAL_FIRST = 0x28;
const FINAL_BASE = 52;
const MORE_FIRST = 0x61;
const MORE_BASE = 30;

/** Build time: the numbers (integers ≥ 0) as a digit string. */
export function encodeNumbers(values: readonly number[]): string {
  const codes: number[] = [];
  for (const value of values) {
    if (!(Number.isInteger(value) && value >= 0)) throw new AutomatonFormatError(`cannot encode ${value}`);
    let rest = value;
    while (rest >= FINAL_BASE) {
      codes.push(MORE_FIRST + (rest % MORE_BASE));
      rest = Math.floor(rest / MORE_BASE);
    }
    codes.push(FINAL_FIRST + rest);
  }
  return stringOfCodes(codes);
}

/** UTF-16 codes as a string, in chunks (a spread of the whole array would overflow the call stack). */
function stringOfCodes(codes: readonly number[]): string {
  let out = '';
  for (let k = 0; k < codes.length; k += 4096) out += String.fromCharCode(...codes.slice(k, k + 4096));
  return out;
}

/** Decodes a digit string into `into` (from index 0); returns how many numbers it held. Throws on a stray char. */
export function decodeNumbers(digits: string, into: Int32Array): number {
  let n = 0;
  let value = 0;
  let scale = 1;
  for (let k = 0; k < digits.length; k++) {
    const code = digits.charCodeAt(k);
    if (code >= MORE_FIRST && code < MORE_FIRST + MORE_BASE) {
      value += (code - MORE_FIRST) * scale;
      scale *= MORE_BASE;
      continue;
    }
    if (!(code >= FINAL_FIRST && code < FINAL_FIRST + FINAL_BASE) || n >= into.length) {
      throw new AutomatonFormatError(n >= into.length ? 'more numbers than expected' : `bad digit at ${k}`);
    }
    into[n++] = value + (code - FINAL_FIRST) * scale;
    value = 0;
    scale = 1;
  }
  if (scale !== 1) throw new AutomatonFormatError('a number is cut short');
  return n;
}

/** Signed to unsigned, small magnitudes small: 0, -1, 1, -2… → 0, 1, 2, 3… */
const zigzag = (value: number): number => (value >= 0 ? 2 * value : -2 * value - 1);
const unzigzag = (value: number): number => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

function childrenOf(automaton: Automaton, state: number): { labels: number[]; targets: number[] } {
  const start = automaton.first[state] as number;
  const end = start + (automaton.count[state] as number);
  return {
    labels: Array.from(automaton.labels.subarray(start, end)),
    targets: Array.from(automaton.targets.subarray(start, end)),
  };
}

/**
 * Merges equivalent states (same outputs, same labelled transitions to equivalent states). The automaton is
 * acyclic (patterns have no repetition), so one post-order pass with a signature per state is exact.
 * Returns, for each reachable state, its class, and one representative state per class.
 */
function minimise(automaton: Automaton): { classOf: Int32Array; representative: number[] } {
  const total = automaton.first.length;
  const classOf = new Int32Array(total).fill(-1);
  const representative: number[] = [];
  const bySignature = new Map<string, number>();
  const entered = new Uint8Array(total);
  const stack = [0];
  while (stack.length > 0) {
    const state = stack[stack.length - 1] as number;
    const { labels, targets } = childrenOf(automaton, state);
    if (!entered[state]) {
      entered[state] = 1;
      for (const target of targets) if (!entered[target]) stack.push(target);
      continue;
    }
    stack.pop();
    if (classOf[state] !== -1) continue;
    let signature = AUTOMATON_OUTPUTS.map((name) => automaton[name][state]).join(',');
    labels.forEach((label, k) => {
      const targetClass = classOf[targets[k] as number] as number;
      if (targetClass === -1) throw new AutomatonFormatError('the automaton has a cycle');
      signature += `|${label}:${targetClass}`;
    });
    let cls = bySignature.get(signature);
    if (cls === undefined) {
      cls = representative.length;
      representative.push(state);
      bySignature.set(signature, cls);
    }
    classOf[state] = cls;
  }
  return { classOf, representative };
}

/**
 * Build time: the minimal automaton as plain JSON, states numbered in depth-first preorder (children in label
 * order). An edge that first reaches its target is a tree edge and stores 0: its target is implicit (the next
 * state to be numbered, see loadAutomaton); any other edge stores target minus source.
 */
export function serializeAutomaton(automaton: Automaton): SerializedAutomaton {
  const { classOf, representative } = minimise(automaton);
  const classes = representative.length;
  const order = new Int32Array(classes).fill(-1);
  const counts = new Array<number>(classes);
  const links: number[] = [];
  const labelCodes: number[] = [];
  const outputs = Object.fromEntries(AUTOMATON_OUTPUTS.map((name) => [name, [] as number[]])) as Record<
    OutputName,
    number[]
  >;
  const lastSet = Object.fromEntries(AUTOMATON_OUTPUTS.map((name) => [name, 0])) as Record<OutputName, number>;
  let next = 0;
  // Edges are written in state order, so each state's edge list is kept until all states are numbered.
  const edgesOf: { labels: number[]; links: number[] }[] = [];
  const stack: { cls: number; state: number; k: number; targets: number[] }[] = [];
  const enter = (cls: number): void => {
    const state = next++;
    order[cls] = state;
    const original = representative[cls] as number;
    const children = childrenOf(automaton, original);
    counts[state] = children.labels.length;
    edgesOf[state] = { labels: children.labels, links: [] };
    for (const name of AUTOMATON_OUTPUTS) {
      const value = automaton[name][original] as number;
      if (value === NODE_OUTPUTS[name].empty) continue;
      outputs[name].push(state - lastSet[name], value);
      lastSet[name] = state;
    }
    stack.push({ cls, state, k: 0, targets: children.targets });
  };
  enter(classOf[0] as number);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.k >= top.targets.length) {
      stack.pop();
      continue;
    }
    const target = classOf[top.targets[top.k++] as number] as number;
    const edges = (edgesOf[top.state] as { links: number[] }).links;
    if (order[target] === -1) {
      edges.push(0);
      enter(target);
    } else edges.push((order[target] as number) - top.state);
  }
  for (let state = 0; state < next; state++) {
    const edges = edgesOf[state] as { labels: number[]; links: number[] };
    labelCodes.push(...edges.labels);
    links.push(...edges.links);
  }
  const labels = stringOfCodes(labelCodes);
  return {
    format: AUTOMATON_FORMAT,
    states: next,
    counts: encodeNumbers(counts.slice(0, next)),
    labels,
    links: encodeNumbers(links.map(zigzag)),
    outputs: Object.fromEntries(
      AUTOMATON_OUTPUTS.map((name) => [name, encodeNumbers(outputs[name].map(zigzag))]),
    ) as Record<OutputName, string>,
  };
}

/** In the page: the walkable automaton from its serialised form (one linear pass). Throws on a malformed one. */
export function loadAutomaton(data: SerializedAutomaton): Automaton {
  if (data.format !== AUTOMATON_FORMAT)
    throw new AutomatonFormatError(`unknown automaton format ${String(data.format)}`);
  const states = data.states;
  const edges = data.labels.length;
  if (!(Number.isInteger(states) && states >= 1)) throw new AutomatonFormatError('an automaton without states');
  const first = new Int32Array(states);
  const count = new Int32Array(states);
  const labels = new Uint16Array(edges);
  // Holds each edge's link (zigzag-coded) until the pass below turns it into the edge's target.
  const targets = new Int32Array(edges);
  if (decodeNumbers(data.counts, count) !== states || decodeNumbers(data.links, targets) !== edges) {
    throw new AutomatonFormatError('automaton arrays of inconsistent lengths');
  }
  // Tree edges waiting for their target, the next one on top: state s > 0 is the target of the one popped at s.
  const pending = new Int32Array(states);
  let waiting = 0;
  let at = 0;
  for (let state = 0; state < states; state++) {
    if (state > 0) {
      if (waiting === 0) throw new AutomatonFormatError(`state ${state} is reached by no edge`);
      targets[pending[--waiting] as number] = state;
    }
    const n = count[state] as number;
    first[state] = at;
    const end = at + n;
    if (!(end <= edges)) throw new AutomatonFormatError(`state ${state} has more edges than the automaton`);
    for (let k = end - 1; k >= at; k--) {
      const link = unzigzag(targets[k] as number);
      if (link === 0) {
        if (waiting === states) throw new AutomatonFormatError('more tree edges than states');
        pending[waiting++] = k;
        continue;
      }
      const target = state + link;
      if (!(target > 0 && target < states)) throw new AutomatonFormatError(`edge ${k} leads outside the automaton`);
      targets[k] = target;
    }
    for (; at < end; at++) labels[at] = data.labels.charCodeAt(at);
  }
  if (at !== edges || waiting !== 0) throw new AutomatonFormatError('automaton counts do not add up to its edges');
  const rootAscii = new Int32Array(128).fill(-1);
  const rootOther = new Map<number, number>();
  for (let k = 0; k < (count[0] as number); k++) {
    const label = labels[k] as number;
    if (label < 128) rootAscii[label] = targets[k] as number;
    else rootOther.set(label, targets[k] as number);
  }
  const automaton: Automaton = {
    first,
    count,
    labels,
    targets,
    rootAscii,
    rootOther,
    trigger: NODE_OUTPUTS.trigger.make(states),
    ref: NODE_OUTPUTS.ref.make(states),
  };
  for (const name of AUTOMATON_OUTPUTS) {
    const values = automaton[name];
    values.fill(NODE_OUTPUTS[name].empty);
    const pairs = new Int32Array(2 * states);
    const n = decodeNumbers(data.outputs[name], pairs);
    let state = 0;
    for (let k = 0; k + 1 < n; k += 2) {
      state += unzigzag(pairs[k] as number);
      if (!(state >= 0 && state < states)) throw new AutomatonFormatError(`${name} output outside the automaton`);
      values[state] = unzigzag(pairs[k + 1] as number);
    }
  }
  return automaton;
}
