/**
 * `npm run bench -- --compare DIR [--rounds N] [--sizes KB,...] [--trace]`: our scan (`ours`, as in the benchmark)
 * from this checkout and from another checkout of the repository at DIR (e.g. a worktree of main), on the same
 * generated pages, in interleaved fresh tabs (A B, B A, A B…: drift and caches fall on both alike). Prints per size
 * the median `ours_ms`, the bundle's evaluation and the engine load of each, and the tasks over 50 ms of every run
 * (Long Tasks API; with --trace, from a performance trace, with what the longest one held). For deciding whether
 * a change is kept: one run of the benchmark is too noisy for a few per cent.
 */
import { resolve } from 'node:path';
import { bundleOursOf, bundleRunners } from './bundle';
import { closePage, heapAfterGc, launchBrowser, openPage } from './browser';
import { generateNewsPage } from './generate';
import { runOurs, type Tools } from './measure-page';
import { servePages } from './server';
import { LIGHT_CATEGORIES, LIGHT_TASK, startTrace, tasksBetween } from './trace';
import { itemAt, median } from '../lib/lists';

interface Run {
  ms: number;
  loadMs: number;
  engineMs: number;
  mentions: number;
  /** JS heap our scan keeps (after a full GC), kB. */
  heapKb: number;
  over50: number;
  maxTask: number;
  inside: string;
}

declare const __benchTools: Tools;

export async function compareWith(
  otherRoot: string,
  options: { rounds: number; sizesKb: number[]; trace: boolean },
): Promise<void> {
  const { PACK } = await import('../../src/pack/index');
  const phrases = PACK.matcher.triggers.map((trigger) => ({ phrase: trigger.phrase, finding: trigger.finding }));
  const pages = new Map<string, string>();
  for (const kb of options.sizesKb)
    pages.set(`/page-${kb}.html`, generateNewsPage({ seed: 20_260_000 + kb, textChars: kb * 1024, phrases }).html);
  const server = await servePages(pages);
  const bundles = await bundleRunners();
  const variants = [
    { name: 'this', source: bundles.ours },
    { name: resolve(otherRoot), source: await bundleOursOf(resolve(otherRoot)) },
  ];
  const browser = await launchBrowser();
  try {
    for (const kb of options.sizesKb) {
      const url = server.url(`/page-${kb}.html?declared`);
      const runs: Run[][] = variants.map(() => []);
      const once = async (v: number): Promise<Run> => {
        const { page, cdp } = await openPage(browser.context, url, bundles.tools);
        const heapBefore = await heapAfterGc(cdp); // as the benchmark's runs: the page's load garbage collected first
        const stop = options.trace ? await startTrace(cdp, LIGHT_CATEGORIES) : undefined;
        await page.evaluate(() => __benchTools.startLongTasks());
        const { frame: _frame, mentions, ...run } = await runOurs(page, itemAt(variants, v).source);
        const long = await page.evaluate(() => __benchTools.stopLongTasks());
        const heapKb = ((await heapAfterGc(cdp)) - heapBefore) / 1024;
        const traced = stop ? tasksBetween(await stop(), 'bench-ours-start', 'bench-ours-end', LIGHT_TASK) : undefined;
        await closePage(page);
        return {
          ...run,
          mentions: mentions.length,
          heapKb,
          over50: traced?.over50 ?? long.count,
          maxTask: traced?.max ?? long.max,
          inside: traced?.inside ?? '',
        };
      };
      for (const v of variants.keys()) await once(v); // warm-up of each
      for (let round = 0; round < options.rounds; round++) {
        const order = round % 2 === 0 ? [0, 1] : [1, 0];
        for (const v of order) itemAt(runs, v).push(await once(v));
        process.stderr.write('.');
      }
      process.stderr.write('\n');
      for (const [v, variant] of variants.entries()) {
        const list = itemAt(runs, v);
        const med = (pick: (r: Run) => number) => median(list.map(pick)).toFixed(1);
        process.stdout.write(
          `${kb} KB ${variant.name}: ours ${med((r) => r.ms)} ms (eval ${med((r) => r.loadMs)}, engine ${med((r) => r.engineMs)}), ` +
            `heap kept ${med((r) => r.heapKb)} kB, mentions ${list[0]?.mentions ?? 0}, tasks > 50 ms per run [${list.map((r) => r.over50).join(' ')}], ` +
            `max task [${list.map((r) => r.maxTask.toFixed(0)).join(' ')}]\n`,
        );
        if (options.trace)
          for (const r of list.filter((r) => r.maxTask > 35))
            process.stdout.write(`    ${r.maxTask.toFixed(0)} ms: ${r.inside}\n`);
        process.stdout.write(`    ms [${list.map((r) => r.ms.toFixed(0)).join(' ')}]\n`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
