import { PACK } from './src/pack/index';
import { buildTrie, spot } from './src/matching/trie';
import { inflectPattern, parsePattern } from './src/matching/patterns';
import { readCorpus } from './scripts/lib/corpus';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const { articles } = readCorpus();
const paras = articles.flatMap((a) => a.body.split('\n').filter((l) => l.trim()));
let text = ''; while (text.length < 1_000_000) text += paras.join('\n');
let c = cpu();
const all = [...PACK.matcher.triggers.flatMap((t) => t.patterns), ...PACK.matcher.blockers];
const inf = all.map((p) => inflectPattern(p)); const c1 = cpu();
inf.forEach((q) => parsePattern(q)); const c2 = cpu();
console.log('inflect', (c1 - c).toFixed(0), 'parse', (c2 - c1).toFixed(0));
for (let r = 0; r < 3; r++) { c = cpu(); const trie = buildTrie(PACK.matcher); console.log('build cpu', (cpu() - c).toFixed(0), trie.trigger.length); }
const trie = buildTrie(PACK.matcher);
for (let r = 0; r < 5; r++) {
  let n = 0; c = cpu();
  spot(trie, text, 0, text.length, { trigger() { n++; }, ref() {} });
  const c1 = cpu();
  let f = 0; for (let i = 0; i < text.length; i++) f += text.charCodeAt(i) & 1;
  console.log('spot cpu', (c1 - c).toFixed(1), 'floor', (cpu() - c1).toFixed(1), n);
}
