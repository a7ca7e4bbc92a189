import { PACK } from './src/pack/index';
import { createEngine } from './src/matching/engine';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const c = cpu(); createEngine(PACK); console.log('cpu', (cpu() - c).toFixed(0));
