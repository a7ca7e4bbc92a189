/**
 * The spotting automaton as the build ships it (src/pack/generated/automaton.json), so that no page builds it.
 *
 * `serializeAutomaton` runs at build time: it minimises the automaton (states with the same outputs and the same
 * transitions are merged, mostly shared word endings) and writes it as one text, `graph`, in a depth-first walk
 * over a spanning tree: a state is a shape letter (how many new children, how many edges to states already
 * numbered, which outputs; none for the most common state, one new child and nothing else), the labels of its
 * edges to numbered states, then each new child's label followed by that child's own text. So the labels of a
 * chain of states spell the pack's words in order, and the text reads like a word list with a few capitals in it,
 * which gzip compresses far better than separate lists of counts, labels and edge targets. States are numbered
 * when their parent is read (its new children get the next numbers, in label order), so an edge to a numbered
 * state is a number (`links`): its target guessed from what came before — the previous such edge's target (edges
 * that re-join one word ending follow each other), the state itself (a word ending that re-joins a close one) or
 * the target before the previous one (two endings that alternate) — and the difference from the guess. Outputs are per-output number lists, in state order, each value as the
 * difference from the previous one. Number lists are strings of digits (`encodeNumbers`): a string literal is
 * what the page's JavaScript parser reads fastest.
 *
 * `loadAutomaton` runs in the page: one linear pass over `graph` that fills the typed arrays the walk reads
 * (trie.ts), sorting each state's few edges by label — no patterns parsed, nothing determinised, no object per
 * state.
 *
 * The format knows nothing about triggers, blockers or references: it carries the graph and every per-state
 * output array listed in NODE_OUTPUTS, whatever patterns and values the builder was fed.
 */
import type { Automaton } from './automaton-builder';

const AUTOMATON_FORMAT = 4;

/** Per-state output arrays of an Automaton, with the value most states hold (only the others are stored). */
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
  edges: number;
  /**
   * The walk's text: per state, its shape letter (none for one new child and nothing else), its labels of edges
   * to numbered states (`links`), then per new child: the label, the child's text. Labels are folded page
   * characters, never capital letters.
   */
  graph: string;
  /** The shapes of letters A, B, …: new children, edges to numbered states, output bits (encodeNumbers). */
  shapes: string;
  /** The same three numbers for each state written `Z` (a shape not in `shapes`). */
  wide: string;
  /**
   * Per edge to a numbered state: 3 × the difference from a guess (zigzag-signed) + which guess (GUESSES: the
   * previous such edge's target, the edge's own state, the distinct target before the previous).
   */
  links: string;
  /** Per output, for the states that hold a value (in state order): the value minus the previous one (zigzag). */
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
 * The guesses of an edge's target (to a numbered state), as differences: from the previous such edge's target,
 * to the edge's own state, from the distinct target before the previous. `guess` is updated for the next edge.
 */
const GUESSES = 3;

/** Build time: the link of an edge of `state` to `target` (see SerializedAutomaton.links). */
function linkOf(target: number, state: number, guess: { last: number; older: number }): number {
  const differences = [target - guess.last, state - target, target - guess.older];
  let best = 0;
  for (let k = 1; k < GUESSES; k++) {
    if (Math.abs(differences[k] as number) < Math.abs(differences[best] as number)) best = k;
  }
  if (target !== guess.last) {
    guess.older = guess.last;
    guess.last = target;
  }
  return GUESSES * zigzag(differences[best] as number) + best;
}

/** Shape letters: A, B, … name the shapes listed in `shapes`; Z is followed by its shape in `wide`. */
const LETTER_A = 0x41;
const LETTER_Z = 0x5a;
const isLetter = (code: number): boolean => code >= LETTER_A && code <= LETTER_Z;

/** A state as written: its new children (tree edges), its edges to numbered states, its output bits. */
interface Shape {
  tree: number;
  refs: number;
  bits: number;
}
const shapeKey = ({ tree, refs, bits }: Shape): string => `${tree},${refs},${bits}`;
/** The state that needs no letter: one new child, nothing else (most states: the inside of a word). */
const PLAIN = shapeKey({ tree: 1, refs: 0, bits: 0 });

/** Build time: the shape letters of `shapes` (the most frequent first; the rest are written Z). */
function shapeTable(shapes: readonly Shape[]): string[] {
  const counts = new Map<string, number>();
  for (const shape of shapes) counts.set(shapeKey(shape), (counts.get(shapeKey(shape)) ?? 0) + 1);
  counts.delete(PLAIN);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, LETTER_Z - LETTER_A)
    .map(([key]) => key);
}

/**
 * Build time: the minimal automaton as one text (see the top of this file). States are numbered when their parent
 * is written: its new children get the next numbers, in label order.
 */
export function serializeAutomaton(automaton: Automaton): SerializedAutomaton {
  const { classOf, representative } = minimise(automaton);
  const numberOf = new Int32Array(representative.length).fill(-1);
  let next = 0;
  let edges = 0;
  // The text as codes, a state's letter as -(its index in `shapes` + 1), filled in once the table is known.
  const tokens: number[] = [];
  const shapes: Shape[] = [];
  const links: number[] = [];
  const guess = { last: 0, older: 0 };
  const outputs = Object.fromEntries(AUTOMATON_OUTPUTS.map((name) => [name, [] as number[]])) as Record<
    OutputName,
    number[]
  >;
  const lastValue = Object.fromEntries(AUTOMATON_OUTPUTS.map((name) => [name, 0])) as Record<OutputName, number>;
  const stack: { labels: number[]; tree: number[]; k: number }[] = [];
  const label = (code: number): number => {
    if (isLetter(code)) throw new AutomatonFormatError(`a label cannot be the capital letter ${code}`);
    return code;
  };
  const enter = (cls: number): void => {
    const original = representative[cls] as number;
    const { labels, targets } = childrenOf(automaton, original);
    const tree: number[] = [];
    const refs: number[] = [];
    targets.forEach((target, k) => {
      const targetClass = classOf[target] as number;
      if (numberOf[targetClass] !== -1) refs.push(k);
      else {
        numberOf[targetClass] = next++;
        tree.push(k);
      }
    });
    let bits = 0;
    AUTOMATON_OUTPUTS.forEach((name, bit) => {
      const value = automaton[name][original] as number;
      if (value === NODE_OUTPUTS[name].empty) return;
      bits |= 1 << bit;
      outputs[name].push(zigzag(value - lastValue[name]));
      lastValue[name] = value;
    });
    tokens.push(-(shapes.length + 1));
    shapes.push({ tree: tree.length, refs: refs.length, bits });
    for (const k of refs) {
      const target = numberOf[classOf[targets[k] as number] as number] as number;
      tokens.push(label(labels[k] as number));
      links.push(linkOf(target, numberOf[cls] as number, guess));
    }
    edges += targets.length;
    stack.push({
      labels: tree.map((k) => labels[k] as number),
      tree: tree.map((k) => classOf[targets[k] as number] as number),
      k: 0,
    });
  };
  numberOf[classOf[0] as number] = next++;
  enter(classOf[0] as number);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (top.k >= top.tree.length) {
      stack.pop();
      continue;
    }
    tokens.push(label(top.labels[top.k] as number));
    enter(top.tree[top.k++] as number);
  }
  const table = shapeTable(shapes);
  const letterOf = new Map(table.map((key, k) => [key, LETTER_A + k]));
  const wide: number[] = [];
  const codes: number[] = [];
  for (const token of tokens) {
    if (token >= 0) {
      codes.push(token);
      continue;
    }
    const shape = shapes[-token - 1] as Shape;
    const key = shapeKey(shape);
    if (key === PLAIN) continue;
    const letter = letterOf.get(key);
    if (letter !== undefined) codes.push(letter);
    else {
      codes.push(LETTER_Z);
      wide.push(shape.tree, shape.refs, shape.bits);
    }
  }
  return {
    format: AUTOMATON_FORMAT,
    states: next,
    edges,
    graph: stringOfCodes(codes),
    shapes: encodeNumbers(table.flatMap((key) => key.split(',').map(Number))),
    wide: encodeNumbers(wide),
    links: encodeNumbers(links),
    outputs: Object.fromEntries(AUTOMATON_OUTPUTS.map((name) => [name, encodeNumbers(outputs[name])])) as Record<
      OutputName,
      string
    >,
  };
}

/** A number list of the format, decoded (a number takes at least one character). */
function numbersOf(digits: string): { values: Int32Array; length: number } {
  const values = new Int32Array(digits.length);
  return { values, length: decodeNumbers(digits, values) };
}

/** Sorts the edges of one state by label (they are written new children last); a label twice is malformed. */
function sortEdges(labels: Uint16Array, targets: Int32Array, start: number, end: number): void {
  for (let k = start + 1; k < end; k++) {
    const label = labels[k] as number;
    const target = targets[k] as number;
    let j = k;
    for (; j > start && (labels[j - 1] as number) > label; j--) {
      labels[j] = labels[j - 1] as number;
      targets[j] = targets[j - 1] as number;
    }
    if (j > start && labels[j - 1] === label) throw new AutomatonFormatError(`two edges labelled ${label}`);
    labels[j] = label;
    targets[j] = target;
  }
}

/** In the page: the walkable automaton from its serialised form (one linear pass). Throws on a malformed one. */
export function loadAutomaton(data: SerializedAutomaton): Automaton {
  if (data.format !== AUTOMATON_FORMAT)
    throw new AutomatonFormatError(`unknown automaton format ${String(data.format)}`);
  const { states, edges, graph } = data;
  if (!(Number.isInteger(states) && states >= 1)) throw new AutomatonFormatError('an automaton without states');
  if (!(Number.isInteger(edges) && edges >= 0)) throw new AutomatonFormatError('a bad number of edges');
  const first = new Int32Array(states);
  const count = new Int32Array(states).fill(1); // plain states keep it
  const labels = new Uint16Array(edges);
  const targets = new Int32Array(edges);
  const trigger = NODE_OUTPUTS.trigger.make(states).fill(NODE_OUTPUTS.trigger.empty);
  const ref = NODE_OUTPUTS.ref.make(states).fill(NODE_OUTPUTS.ref.empty);
  const byName: Record<OutputName, Int32Array | Uint8Array> = { trigger, ref };
  const outputs = AUTOMATON_OUTPUTS.map((name) => ({
    into: byName[name],
    ...numbersOf(data.outputs[name]),
    at: 0,
    last: 0,
  }));
  const shapes = numbersOf(data.shapes);
  const wide = numbersOf(data.wide);
  const links = data.links;
  if (shapes.length % 3 !== 0) throw new AutomatonFormatError('a shape table of the wrong length');
  const end = graph.length;
  let pos = 0;
  let at = 0;
  let next = 1;
  let wideAt = 0;
  let linkAt = 0; // read in the loop, one number at a time (see decodeNumbers)
  let lastTarget = 0; // the guesses of linkOf
  let olderTarget = 0;
  // The walk's path: per depth, a state with new children, its next new child's edge, where they start and end.
  const stateAt = new Int32Array(states);
  const slot = new Int32Array(states);
  const slotEnd = new Int32Array(states);
  const treeFrom = new Int32Array(states);
  let depth = 0;
  // Plain locals and one loop (no closures): this runs once per page, mostly before the JIT has compiled it.
  let state = 0;
  while (state >= 0) {
    let code = graph.charCodeAt(pos);
    // A run of plain states (the inside of a word): each is its one new child's label, and that child follows.
    // The hottest loop of the load: no bounds check here (a typed array ignores a write past its end; the next
    // state with a letter, or the end, finds `at` or `next` beyond the automaton and refuses it).
    while (code >= 0 && (code < LETTER_A || code > LETTER_Z)) {
      first[state] = at;
      labels[at] = code;
      targets[at++] = next;
      state = next++;
      code = graph.charCodeAt(++pos);
    }
    if (!(code >= 0)) throw new AutomatonFormatError(`the graph ends inside state ${state}`);
    pos++;
    const shape = code === LETTER_Z ? wide : shapes;
    let k = code === LETTER_Z ? wideAt : 3 * (code - LETTER_A);
    if (!(k + 3 <= shape.length)) throw new AutomatonFormatError(`an unknown shape at ${pos - 1}`);
    const tree = shape.values[k++] as number;
    const refs = shape.values[k++] as number;
    const bits = shape.values[k++] as number;
    if (code === LETTER_Z) wideAt = k;
    if (!(at + tree + refs <= edges && next + tree <= states)) {
      throw new AutomatonFormatError(`state ${state} has more edges or children than the automaton`);
    }
    if (bits !== 0) {
      if (bits >> outputs.length !== 0) throw new AutomatonFormatError(`unknown outputs at state ${state}`);
      for (let o = 0; o < outputs.length; o++) {
        const output = outputs[o] as (typeof outputs)[number];
        if ((bits & (1 << o)) === 0) continue;
        if (output.at >= output.length) throw new AutomatonFormatError(`more outputs than values at state ${state}`);
        // Each value is stored as the difference from the last state's that held one.
        const previous = output.at === 0 ? 0 : (output.into[output.last] as number);
        output.into[state] = previous + unzigzag(output.values[output.at++] as number);
        output.last = state;
      }
    }
    first[state] = at;
    count[state] = tree + refs;
    // New children are numbered first (the writer numbered them before writing the edges to numbered states,
    // which may lead to one of them); their edges come after those, read as the walk reaches them.
    const treeStart = at + refs;
    for (let e = treeStart; e < treeStart + tree; e++) targets[e] = next++;
    for (; at < treeStart; at++) {
      let digit = links.charCodeAt(linkAt++);
      let link = 0;
      let scale = 1;
      for (; digit >= MORE_FIRST && digit < MORE_FIRST + MORE_BASE; digit = links.charCodeAt(linkAt++)) {
        link += (digit - MORE_FIRST) * scale;
        scale *= MORE_BASE;
      }
      if (!(digit >= FINAL_FIRST && digit < FINAL_FIRST + FINAL_BASE)) {
        throw new AutomatonFormatError(`a link cut short or a stray character at ${linkAt - 1}`);
      }
      link += (digit - FINAL_FIRST) * scale;
      const which = link % GUESSES;
      const difference = unzigzag((link - which) / GUESSES);
      const target =
        which === 0 ? lastTarget + difference : which === 1 ? state - difference : olderTarget + difference;
      if (target !== lastTarget) {
        olderTarget = lastTarget;
        lastTarget = target;
      }
      const label = graph.charCodeAt(pos++);
      if (!(target > 0 && target < next) || !(label >= 0) || (label >= LETTER_A && label <= LETTER_Z)) {
        throw new AutomatonFormatError(`a bad edge of state ${state}`);
      }
      labels[at] = label;
      targets[at] = target;
    }
    if (tree > 0) {
      stateAt[depth] = state;
      slot[depth] = treeStart;
      treeFrom[depth] = treeStart;
      slotEnd[depth++] = treeStart + tree;
    }
    at += tree;
    // The next state to read: the next new child of the deepest state that has one left.
    state = -1;
    while (depth > 0) {
      const d = depth - 1;
      const e = slot[d] as number;
      if (e < (slotEnd[d] as number)) {
        slot[d] = e + 1;
        const label = graph.charCodeAt(pos++);
        if (!(label >= 0) || (label >= LETTER_A && label <= LETTER_Z)) {
          throw new AutomatonFormatError(`no label at ${pos - 1}`);
        }
        labels[e] = label;
        state = targets[e] as number;
        break;
      }
      depth = d;
      // Both kinds of edges are in label order; merged here, only when the state has both.
      const start = first[stateAt[d] as number] as number;
      if (treeFrom[d] !== start) sortEdges(labels, targets, start, e);
    }
  }
  const consumed =
    pos === end &&
    at === edges &&
    next === states &&
    wideAt === wide.length &&
    linkAt === links.length &&
    outputs.every((output) => output.at === output.length);
  if (!consumed) throw new AutomatonFormatError("the automaton's parts do not add up");
  const rootAscii = new Int32Array(128).fill(-1);
  const rootOther = new Map<number, number>();
  for (let k = 0; k < (count[0] as number); k++) {
    const label = labels[k] as number;
    if (label < 128) rootAscii[label] = targets[k] as number;
    else rootOther.set(label, targets[k] as number);
  }
  return { first, count, labels, targets, rootAscii, rootOther, trigger, ref };
}
