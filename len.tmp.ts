import { PACK } from './src/pack/index';
import { inflectPattern, parsePattern } from './src/matching/patterns';
let raw = 0, inf = 0; const t0 = performance.now();
const all = [...PACK.matcher.triggers.flatMap((t) => t.patterns), ...PACK.matcher.blockers];
const out = all.map((p) => { raw += p.length; const q = inflectPattern(p); inf += q.length; return q; });
const t1 = performance.now();
out.forEach((q) => parsePattern(q));
console.log(all.length, 'patterns raw', raw, 'inflected', inf, 'inflect ms', (t1 - t0).toFixed(1), 'parse ms', (performance.now() - t1).toFixed(1));
