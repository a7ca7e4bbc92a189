import { gzipSync } from 'node:zlib';
import { PACK } from './src/pack/index';
import { inflectPattern } from './src/matching/patterns';
const raw = JSON.stringify(PACK.matcher);
const inf = JSON.stringify({ ...PACK.matcher, triggers: PACK.matcher.triggers.map((t) => ({ ...t, patterns: t.patterns.map((p) => inflectPattern(p)) })), blockers: PACK.matcher.blockers.map((p) => inflectPattern(p)) });
console.log('raw', raw.length, gzipSync(raw).length, 'inflected', inf.length, gzipSync(inf).length);
