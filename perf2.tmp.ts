import { PACK } from './src/pack/index';
import { buildTrie, spot } from './src/matching/trie';
import { readCorpus } from './scripts/lib/corpus';
const { articles } = readCorpus();
const paras = articles.flatMap((a) => a.body.split('\n').filter((l) => l.trim()));
let text = ''; while (text.length < 1_000_000) text += paras.join('\n');
let t0 = performance.now();
const trie = buildTrie(PACK.matcher);
console.log('build', (performance.now() - t0).toFixed(1), 'nodes', trie.trigger.length);
for (let r = 0; r < 4; r++) {
  let n = 0; t0 = performance.now();
  spot(trie, text, 0, text.length, { trigger() { n++; }, ref() {} });
  const t1 = performance.now();
  let f = 0; for (let i = 0; i < text.length; i++) f += text.charCodeAt(i) & 1;
  console.log('spot', (t1 - t0).toFixed(1), 'floor', (performance.now() - t1).toFixed(1), n);
}
