/**
 * Builds the spotting automaton from patterns without expanding them: a trie whose pattern groups re-join
 * (`(a|b|c) (x|y|z)` costs 3 + 3 branches, not 9 copies), then made deterministic by merging each re-join into
 * the branches that lead to it. The result is a plain DFA: the page walk follows one node per character.
 * Growable typed arrays and linked edge lists keep the build fast and light on garbage.
 */
import { charClass, FOLD_MULTI, foldChar, foldedText, IGNORE, SEP, SPACE } from './normalize';
import type { PatternNode } from './patterns';

/** Trigger value of a blocker: it wins over any trigger accepted at the same node and is never reported. */
export const BLOCKER = -2;

/** The frozen automaton (see trie.ts for the walk). */
export interface Automaton {
  /** Children of node n: labels/targets[first[n] .. first[n] + count[n]), labels sorted. */
  first: Int32Array;
  count: Int32Array;
  labels: Uint16Array;
  targets: Int32Array;
  /** Children of the root by ASCII code, -1 = none; other codes via rootOther. */
  rootAscii: Int32Array;
  rootOther: Map<number, number>;
  /** Trigger index accepted at node n, BLOCKER, or -1. */
  trigger: Int32Array;
  /** Reference flags accepted at node n, or 0. */
  ref: Uint8Array;
}

interface JoinMemo {
  next: Map<number, JoinMemo>;
  join: number;
}

/** A place in the graph while a pattern is added: a node, and whether a space is due before the next character. */
interface Position {
  node: number;
  space: boolean;
}

function grow<T extends Int32Array | Uint16Array | Uint8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** Picks what a node accepts when two patterns end there: a blocker wins, then the first trigger in pack order. */
function pick(a: number, b: number): number {
  if (a === BLOCKER || b === BLOCKER) return BLOCKER;
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}

export class AutomatonBuilder {
  private nodes = 1;
  private firstEdge = new Int32Array(1024).fill(-1);
  private accepts = new Int32Array(1024).fill(-1);
  private refs = new Uint8Array(1024);
  private edges = 0;
  private edgeLabel = new Uint16Array(1024);
  private edgeTarget = new Int32Array(1024);
  private edgeNext = new Int32Array(1024);
  /** Empty edges, only on branch ends that re-join. */
  private readonly eps = new Map<number, number[]>();
  /** Re-join nodes by their sorted branch ends, as a trie of end nodes. */
  private readonly joins: JoinMemo = { next: new Map(), join: -1 };
  private readonly scratch: number[] = [];

  private newNode(): number {
    const node = this.nodes++;
    if (node >= this.firstEdge.length) {
      const old = this.firstEdge.length;
      this.firstEdge = grow(this.firstEdge, node + 1);
      this.firstEdge.fill(-1, old);
      this.accepts = grow(this.accepts, node + 1);
      this.accepts.fill(-1, old);
      this.refs = grow(this.refs, node + 1);
    }
    return node;
  }

  private findEdge(node: number, label: number): number {
    for (let e = this.firstEdge[node] as number; e !== -1; e = this.edgeNext[e] as number) {
      if (this.edgeLabel[e] === label) return e;
    }
    return -1;
  }

  private addEdge(node: number, label: number, target: number): void {
    const e = this.edges++;
    if (e >= this.edgeLabel.length) {
      this.edgeLabel = grow(this.edgeLabel, e + 1);
      this.edgeTarget = grow(this.edgeTarget, e + 1);
      this.edgeNext = grow(this.edgeNext, e + 1);
    }
    this.edgeLabel[e] = label;
    this.edgeTarget[e] = target;
    this.edgeNext[e] = this.firstEdge[node] as number;
    this.firstEdge[node] = e;
  }

  private step(node: number, label: number): number {
    const e = this.findEdge(node, label);
    if (e !== -1) return this.edgeTarget[e] as number;
    const next = this.newNode();
    this.addEdge(node, label, next);
    return next;
  }

  /** Follows or creates the path for literal `text` from each position. */
  private text(positions: Position[], text: string): Position[] {
    return positions.map(({ node: start, space: startSpace }) => {
      let node = start;
      let space = startSpace;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const cls = charClass(code);
        if (cls === IGNORE) continue;
        if (cls === SEP) {
          space = node !== 0;
          continue;
        }
        if (space) node = this.step(node, SPACE);
        space = false;
        const folded = foldChar(code);
        if (folded !== FOLD_MULTI) node = this.step(node, folded);
        else {
          const chars = foldedText(code);
          for (let k = 0; k < chars.length; k++) node = this.step(node, chars.charCodeAt(k));
        }
      }
      return { node, space };
    });
  }

  /**
   * Merges positions: at most one per "space due" flag, re-joined through a node with empty edges. The same set
   * of branch ends always re-joins through the same node, so patterns that continue from equal groups share
   * their continuations as a trie would (and the DFA step below meets no conflicting copies).
   */
  private join(positions: Position[]): Position[] {
    if (positions.length <= 1) return positions;
    const out: Position[] = [];
    const ends = this.scratch;
    for (const space of [false, true]) {
      ends.length = 0;
      for (const p of positions) if (p.space === space && !ends.includes(p.node)) ends.push(p.node);
      if (ends.length === 0) continue;
      if (ends.length === 1) {
        out.push({ node: ends[0] as number, space });
        continue;
      }
      ends.sort((a, b) => a - b);
      // The memo is a trie over the sorted end nodes (no key strings to allocate).
      let memo = this.joins;
      for (const end of ends) {
        let next = memo.next.get(end);
        if (!next) {
          next = { next: new Map(), join: -1 };
          memo.next.set(end, next);
        }
        memo = next;
      }
      if (memo.join === -1) {
        memo.join = this.newNode();
        for (const end of ends) this.link(end, memo.join);
      }
      out.push({ node: memo.join, space });
    }
    return out;
  }

  private link(node: number, join: number): void {
    const list = this.eps.get(node);
    if (!list) this.eps.set(node, [join]);
    else list.push(join); // a repeated join is merged twice, harmlessly
  }

  /** The pattern taken literally: its forms were written into it when the pack was compiled (inflect.ts). */
  private sequence(positions: Position[], nodes: PatternNode[]): Position[] {
    let out = positions;
    for (const node of nodes) {
      if (out.length === 0) break;
      if (node.kind === 'text') out = this.text(out, node.text);
      else out = this.join(node.options.flatMap((option) => this.sequence(out, option)));
    }
    return out;
  }

  /** Adds a parsed pattern accepting `value` (a trigger index or BLOCKER). */
  addPattern(nodes: PatternNode[], value: number): void {
    for (const { node } of this.sequence([{ node: 0, space: false }], nodes)) {
      if (node !== 0) this.accepts[node] = pick(this.accepts[node] as number, value);
    }
  }

  /** Adds a normalised phrase as a reference with `flags`. */
  addReference(phrase: string, flags: number): void {
    const [end] = this.text([{ node: 0, space: false }], phrase);
    if (end && end.node !== 0) this.refs[end.node] = (this.refs[end.node] as number) | flags;
  }

  /**
   * Removes the empty edges: each branch end takes over the edges of the node it re-joins; where both have an
   * edge for the same character, the two targets are merged into a new node (memoised). Nodes are created after
   * their parents and re-joins after their branches, so walking ids downwards meets every re-join already merged.
   */
  private *determinise(): Generator<void, void> {
    const unions = new Map<string, number>();
    const mergeFrom = (node: number, from: number): void => {
      this.accepts[node] = pick(this.accepts[node] as number, this.accepts[from] as number);
      this.refs[node] = (this.refs[node] as number) | (this.refs[from] as number);
      for (let e = this.firstEdge[from] as number; e !== -1; e = this.edgeNext[e] as number) {
        const label = this.edgeLabel[e] as number;
        const target = this.edgeTarget[e] as number;
        const mine = this.findEdge(node, label);
        if (mine === -1) this.addEdge(node, label, target);
        else if (this.edgeTarget[mine] !== target)
          this.edgeTarget[mine] = union(this.edgeTarget[mine] as number, target);
      }
    };
    const union = (a: number, b: number): number => {
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      const known = unions.get(key);
      if (known !== undefined) return known;
      const merged = this.newNode();
      unions.set(key, merged);
      mergeFrom(merged, a);
      mergeFrom(merged, b);
      return merged;
    };
    const withEps = [...this.eps.keys()].sort((x, y) => y - x);
    for (let k = 0; k < withEps.length; k++) {
      const node = withEps[k] as number;
      for (const join of this.eps.get(node) as number[]) mergeFrom(node, join);
      if (k % 256 === 255) yield; // a pause point for a sliced build (see engine.ts createEngineSliced)
    }
    this.eps.clear();
  }

  /** Finishes the automaton; yields now and then so that a caller can slice the work. */
  *build(): Generator<void, Automaton> {
    yield* this.determinise();
    yield;
    const total = this.nodes;
    const first = new Int32Array(total);
    const count = new Int32Array(total);
    const labels = new Uint16Array(this.edges);
    const targets = new Int32Array(this.edges);
    let at = 0;
    for (let n = 0; n < total; n++) {
      first[n] = at;
      // Edge lists are short: insertion sort by label straight into the frozen arrays.
      for (let e = this.firstEdge[n] as number; e !== -1; e = this.edgeNext[e] as number) {
        const label = this.edgeLabel[e] as number;
        let k = at++;
        while (k > (first[n] as number) && (labels[k - 1] as number) > label) {
          labels[k] = labels[k - 1] as number;
          targets[k] = targets[k - 1] as number;
          k--;
        }
        labels[k] = label;
        targets[k] = this.edgeTarget[e] as number;
      }
      count[n] = at - (first[n] as number);
    }
    const rootAscii = new Int32Array(128).fill(-1);
    const rootOther = new Map<number, number>();
    for (let k = first[0] as number; k < (first[0] as number) + (count[0] as number); k++) {
      const label = labels[k] as number;
      if (label < 128) rootAscii[label] = targets[k] as number;
      else rootOther.set(label, targets[k] as number);
    }
    return {
      first,
      count,
      labels: labels.subarray(0, at),
      targets: targets.subarray(0, at),
      rootAscii,
      rootOther,
      trigger: this.accepts.slice(0, total),
      ref: this.refs.slice(0, total),
    };
  }
}
