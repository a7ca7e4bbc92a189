import { PACK } from './src/pack/index';
import { buildTrie } from './src/matching/trie';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let c = cpu(); const t = buildTrie(PACK.matcher); console.log('cold build cpu', (cpu() - c).toFixed(0), t.trigger.length);
c = cpu(); buildTrie(PACK.matcher); console.log('2nd build cpu', (cpu() - c).toFixed(0));
for (let i = 0; i < 10; i++) buildTrie(PACK.matcher);
c = cpu(); buildTrie(PACK.matcher); console.log('warm build cpu', (cpu() - c).toFixed(0));
