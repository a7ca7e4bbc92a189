import { PACK } from './src/pack/index';
import { buildTrie } from './src/matching/trie';
for (let i = 0; i < 15; i++) buildTrie(PACK.matcher);
