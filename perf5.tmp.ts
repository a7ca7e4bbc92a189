import { PACK } from './src/pack/index';
import { createEngine } from './src/matching/engine';
import { buildTrie, spot } from './src/matching/trie';
import { readCorpus } from './scripts/lib/corpus';
const { articles } = readCorpus();
const paras = articles.flatMap((a) => a.body.split('\n').filter((l) => l.trim()));
const segs: { text: string; block: number }[] = [];
let size = 0, b = 0;
while (size < 1_000_000) for (const p of paras) { const w = p.split(' '); const mid = w.length >> 1; segs.push({ text: w.slice(0, mid).join(' ') + ' ', block: b }, { text: w.slice(mid).join(' '), block: b }); b++; size += p.length; }
const engine = createEngine(PACK);
const trie = buildTrie(PACK.matcher);
const min = { floor: 1e9, spot: 1e9, scan: 1e9, build: 1e9 };
for (let r = 0; r < 15; r++) {
  let t = performance.now(); let n = 0; for (const s of segs) { const x = s.text; for (let i = 0; i < x.length; i++) n += x.charCodeAt(i) & 1; }
  min.floor = Math.min(min.floor, performance.now() - t);
  t = performance.now(); for (const s of segs) spot(trie, s.text, 0, s.text.length, { trigger() {}, ref() {} }); min.spot = Math.min(min.spot, performance.now() - t);
  t = performance.now(); engine.scan(segs); min.scan = Math.min(min.scan, performance.now() - t);
  t = performance.now(); buildTrie(PACK.matcher); min.build = Math.min(min.build, performance.now() - t);
}
console.log(Object.fromEntries(Object.entries(min).map(([k, v]) => [k, +v.toFixed(1)])), 'mentions', engine.scan(segs).length);
