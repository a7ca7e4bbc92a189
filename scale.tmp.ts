import { compileMatcher } from './src/matching/compile';
import { buildTrie } from './src/matching/trie';
const WORDS = ['amber', 'basalt', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'jasper'];
const ph = (k: number) => `${WORDS[k % 10]} ${WORDS[Math.floor(k / 10) % 10]} ${Math.floor(k / 100)}`;
const pack: any = { report: {}, findings: [{ id: 'big', triggers: Array.from({ length: 30000 }, (_, k) => ({ phrase: ph(k), context: 'any', also: [] })) }] };
let t = performance.now();
const m = compileMatcher(pack); console.log('compileMatcher', (performance.now() - t).toFixed(0));
t = performance.now(); const trie = buildTrie(m); console.log('buildTrie', (performance.now() - t).toFixed(0), trie.trigger.length);
