import { PACK } from './src/pack/index';
import { createEngine } from './src/matching/engine';
const t = performance.now(); createEngine(PACK); console.log((performance.now() - t).toFixed(0));
