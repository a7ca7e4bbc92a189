import { createEngine } from './src/matching/engine';
import { PACK } from './src/pack/index';
const engine = createEngine(PACK);
const lines = [
  'China, Russia hold joint naval exercises in Sea of Japan',
  'China and Russia vow to boost trade in local currencies',
  'Beijing treads carefully on Russia sanctions as Moscow seeks Chinese weapons',
  "China's exports of dual-use items to Russia fell sharply, and Chinese-made drones were found in Ukraine",
  'Xi avoids endorsing Russia’s war but hails a golden era of ties with Putin',
  'The Sino-Russian strategic partnership is not directed against third countries, Beijing and Moscow said.',
  'Russian crude shipments via the Northern Sea Route to China rose; yuan-denominated bonds followed.',
  'Chinese firms were added to the entity list for supplying Russia’s military, Washington said of China and Russia.',
];
const s = engine.createSession();
const ms = s.update(lines.map((text, block) => ({ text, block })));
console.log('onTopic', s.onTopic);
for (const m of ms) console.log(`  [${m.block}] "${m.text}" <${m.trigger}> ${m.findings.join(',')}`);
