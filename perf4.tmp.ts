import { PACK } from './src/pack/index';
import { createEngine } from './src/matching/engine';
import { readCorpus } from './scripts/lib/corpus';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const { articles } = readCorpus();
const paras = articles.flatMap((a) => a.body.split('\n').filter((l) => l.trim()));
const segs: { text: string; block: number }[] = [];
let size = 0, b = 0;
while (size < 1_000_000) for (const p of paras) { const w = p.split(' '); const mid = w.length >> 1; segs.push({ text: w.slice(0, mid).join(' ') + ' ', block: b }, { text: w.slice(mid).join(' '), block: b }); b++; size += p.length; }
let c = cpu(); const engine = createEngine(PACK); console.log('createEngine cpu', (cpu() - c).toFixed(0));
for (let r = 0; r < 5; r++) {
  c = cpu(); let n = 0; for (const s of segs) { const t = s.text; for (let i = 0; i < t.length; i++) n += t.charCodeAt(i) & 1; }
  const c1 = cpu(); const m = engine.scan(segs); const c2 = cpu();
  console.log('floor', (c1 - c).toFixed(1), 'scan', (c2 - c1).toFixed(1), 'mentions', m.length);
}
