import { PACK } from './src/pack/index';
import { createEngine } from './src/matching/engine';
import { readCorpus } from './scripts/lib/corpus';
const { articles } = readCorpus();
const paras = articles.flatMap((a) => a.body.split('\n').filter((l) => l.trim()));
const segs: { text: string; block: number }[] = [];
let size = 0, b = 0;
while (size < 1_000_000) { for (const p of paras) { const words = p.split(' '); const mid = words.length >> 1; segs.push({ text: words.slice(0, mid).join(' ') + ' ', block: b }, { text: words.slice(mid).join(' '), block: b }); b++; size += p.length; } }
const t0 = performance.now();
const engine = createEngine(PACK);
const t1 = performance.now();
console.log('build ms', (t1 - t0).toFixed(1));
function floor() { let n = 0; for (const s of segs) { const t = s.text; for (let i = 0; i < t.length; i++) n += t.charCodeAt(i) & 1; } return n; }
for (let r = 0; r < 3; r++) {
  const a = performance.now(); floor(); const bb = performance.now();
  const m = engine.scan(segs); const c = performance.now();
  console.log('floor', (bb - a).toFixed(1), 'scan', (c - bb).toFixed(1), 'mentions', m.length, 'chars', size);
}
