import { PACK } from './src/pack/index';
import { buildTrie } from './src/matching/trie';
buildTrie(PACK.matcher);
