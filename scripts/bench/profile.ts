/**
 * `npm run bench -- --profile KB`: where our scan's main-thread time goes on one generated page of KB kilobytes,
 * from a V8 CPU profile (self time per function, top 30) of one cold `ours` run, printed instead of the benchmark.
 * A tool for finding the cost, not a figure of the benchmark (the profiler slows the run down).
 */
import { launchBrowser, openPage } from './browser';
import { bundleRunners } from './bundle';
import { generateNewsPage } from './generate';
import { servePages } from './server';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

export async function profileScan(kb: number): Promise<void> {
  const { PACK } = await import('../../src/pack/index');
  const phrases = PACK.matcher.triggers.map((trigger) => ({ phrase: trigger.phrase, finding: trigger.finding }));
  const page = generateNewsPage({ seed: 20_260_000 + kb, textChars: kb * 1024, phrases });
  const server = await servePages(new Map([['/page.html', page.html]]));
  const bundles = await bundleRunners();
  const browser = await launchBrowser();
  try {
    const { page: tab, cdp } = await openPage(browser.context, server.url('/page.html?declared'), bundles.tools);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const ms = await tab.evaluate(async (source) => {
      const start = performance.now();
      const script = document.createElement('script');
      script.textContent = `${source}\n//# sourceURL=ours.js`;
      document.head.append(script);
      const run = (window as unknown as { __benchOurs: { run(o: object): Promise<{ ms: number }> } }).__benchOurs;
      await run.run({ watch: true });
      return performance.now() - start;
    }, bundles.ours);
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = profile.nodes as ProfileNode[];
    const total = nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
    const byName = new Map<string, number>();
    for (const node of nodes) {
      const { functionName, lineNumber, url } = node.callFrame;
      const key = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop() ?? ''}:${lineNumber + 1}` : ''}`;
      byName.set(key, (byName.get(key) ?? 0) + (node.hitCount ?? 0));
    }
    const perHit = ms / Math.max(1, total);
    process.stdout.write(`${kb} KB: ours ${ms.toFixed(1)} ms (wall, profiler on), ${total} samples\n`);
    for (const [name, hits] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 30))
      process.stdout.write(`${(hits * perHit).toFixed(1).padStart(8)} ms  ${name}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}
