/**
 * `npm run bench [-- --json] [--runs N] [--sizes 100,1024,5120] [--fuse-cap-ms N] [--build] [--no-extension-check]
 *   [--extension-runs N]`
 * `npm run bench -- --profile KB`: a CPU profile of our scan on one page instead (profile.ts)
 * `npm run bench -- --compare DIR [--rounds N] [--sizes KB,...] [--trace]`: our scan here vs another checkout, in
 * interleaved fresh tabs, instead (compare.ts)
 *
 * What the extension costs a page, measured in the system Chromium (headless) on generated news pages, side by
 * side with the bare text walk, mark.js and fuse.js, and on a page without the subject (the sentinel alone).
 * Prints a table with every target of issue 11 as met/missed (by how much, and why);
 * with --json, also one JSON object on the last line of stdout. Progress goes to stderr. Exits non-zero when our
 * marks differ from the planted true mentions (a fast wrong answer is not a result).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { bundleRunners } from './bundle';
import { bundleSizes } from './bundle-size';
import { compareWith } from './compare';
import { checkExtension } from './extension-check';
import { CHROMIUM_PATH } from '../lib/browsers';
import { launchBrowser, type BenchBrowser } from './browser';
import { generateNewsPage } from './generate';
import { measureSearch, measureTriggerScaling } from './measure-extras';
import { itemAt } from '../lib/lists';
import { measurePage, type PageDetails, type PageResult } from './measure-page';
import { measureNoSubjectPage } from './measure-sentinel';
import { profileScan } from './profile';
import { formatTable, type BenchReport } from './report';
import { servePages } from './server';

const ROOT = join(import.meta.dirname, '../..');
const GENERATED = join(ROOT, 'src/pack/generated');
const COMPILED_PACK = join(GENERATED, 'compiled.json');
/** The generated data the engine's bundle imports (the bench notes their gzipped sizes when the engine is too big). */
const ENGINE_DATA = ['automaton.json', 'engine.json', 'subject-terms.json'];
const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
const TRIGGER_COUNTS = [30, 300, 3_000, 30_000];
/** The page without the subject: the size the sentinel target is set at. */
const NO_SUBJECT_KB = 1024;

const log = (line: string) => process.stderr.write(`${line}\n`);

/** Builds what is missing on a fresh clone: the compiled pack, then the Chrome build (for bundle sizes). */
function ensureBuilt(rebuild: boolean): void {
  const run = (args: string[]) => execFileSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (rebuild || !existsSync(COMPILED_PACK)) {
    log('bench: compiling the pack (npm run compile-pack)');
    execFileSync('npm', ['run', '--silent', 'compile-pack'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  if (rebuild || !existsSync(join(CHROME_BUILD, 'manifest.json'))) {
    log('bench: building the extension (npx wxt build)');
    run(['wxt', 'build']);
  }
}

function machine(browserVersion: string): string {
  const cpu = cpus();
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Chromium ${browserVersion} headless, Node ${process.versions.node}; load average at the end ${load}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      runs: { type: 'string', default: '5' },
      sizes: { type: 'string', default: '100,1024,5120' },
      'fuse-cap-ms': { type: 'string', default: '30000' },
      mutations: { type: 'string', default: '1000' },
      build: { type: 'boolean', default: false },
      'no-extension-check': { type: 'boolean', default: false },
      // Rounds of the built extension over all pages (after a warm-up page): its figures are their medians.
      'extension-runs': { type: 'string', default: '3' },
      profile: { type: 'string' },
      compare: { type: 'string' },
      rounds: { type: 'string', default: '15' },
      trace: { type: 'boolean', default: false },
    },
  });
  if (values.profile !== undefined) {
    await profileScan(Number(values.profile));
    return 0;
  }
  if (values.compare !== undefined) {
    await compareWith(values.compare, {
      rounds: Number(values.rounds),
      sizesKb: values.sizes.split(',').map(Number),
      trace: values.trace,
    });
    return 0;
  }
  const runs = Math.max(1, Number(values.runs));
  const sizesKb = values.sizes.split(',').map(Number);
  const fuseCapMs = Number(values['fuse-cap-ms']);
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH); the benchmark never downloads one`);

  ensureBuilt(values.build);
  const { PACK } = await import('../../src/pack/index');
  const phrases = PACK.matcher.triggers.map((trigger) => ({ phrase: trigger.phrase, finding: trigger.finding }));

  log('bench: generating pages');
  const generated = sizesKb.map((kb) => ({
    kb,
    page: generateNewsPage({ seed: 20_260_000 + kb, textChars: kb * 1024, phrases }),
  }));
  const noSubject = generateNewsPage({
    seed: 20_270_000 + NO_SUBJECT_KB,
    textChars: NO_SUBJECT_KB * 1024,
    phrases,
    subject: false,
  });
  const server = await servePages(
    new Map([
      ...generated.map(({ kb, page }) => [`/page-${kb}.html`, page.html] as const),
      ['/page-no-subject.html', noSubject.html],
      ['/blank.html', '<!doctype html><title>blank</title>'],
    ]),
  );
  log('bench: bundling the in-page runners');
  const bundles = await bundleRunners();

  let browser: BenchBrowser | undefined;
  const stop = () => void browser?.close().finally(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    browser = await launchBrowser();
    log(`bench: Chromium ${browser.version}, ${runs} runs per figure`);
    const pages: PageResult[] = [];
    const details: PageDetails[] = [];
    for (const { kb, page } of generated) {
      log(`bench: page of ${kb} KB text (${page.planted.length} planted mentions)`);
      const measured = await measurePage(
        browser.context,
        bundles,
        { url: server.url(`/page-${kb}.html`), textChars: page.textChars, planted: page.planted },
        {
          runs,
          capMs: fuseCapMs,
          mutationCount: Number(values.mutations),
          log,
          fuseCappedBefore: details.some((d) => d.fuseCapped),
        },
      );
      pages.push(measured.result);
      details.push(measured.details);
    }
    log(`bench: page of ${NO_SUBJECT_KB} KB text without the subject`);
    const { result: offTopic, details: offTopicDetails } = await measureNoSubjectPage(
      browser.context,
      bundles,
      { url: server.url('/page-no-subject.html'), textChars: noSubject.textChars },
      { runs, log },
    );
    log('bench: popup search');
    const search = await measureSearch(browser.context, bundles, server.url('/blank.html'));
    const scalingPage = generated.find(({ kb }) => kb === 1024) ?? itemAt(generated, generated.length - 1);
    log(`bench: matcher vs number of triggers (${scalingPage.kb} KB page)`);
    const scaling = await measureTriggerScaling(
      browser.context,
      bundles,
      server.url(`/page-${scalingPage.kb}.html`),
      TRIGGER_COUNTS,
      runs,
    );

    const extension = values['no-extension-check']
      ? []
      : (log('bench: cross-check with the built extension'),
        await checkExtension(
          CHROME_BUILD,
          [
            ...generated.map(({ kb }) => ({ url: server.url(`/page-${kb}.html`) })),
            { url: server.url('/page-no-subject.html'), countScripts: true },
          ],
          90_000,
          Math.max(1, Number(values['extension-runs'])),
          server.url('/blank.html'),
        ));
    const tenth = (n: number) => Math.round(n * 10) / 10;
    pages.forEach((page, i) => {
      const check = extension[i];
      page.marks_after_dcl_ms = check?.ms === undefined ? null : tenth(check.ms);
      if (check?.runsMs) page.marks_after_dcl_runs_ms = check.runsMs.map(tenth);
      if (check?.firstFrameMs !== undefined) page.first_frame_after_dcl_ms = tenth(check.firstFrameMs);
    });
    const offTopicCheck = extension[pages.length];
    offTopic.scripts_loaded = offTopicCheck?.scripts ?? null;

    const report: BenchReport = {
      pages: [...pages, offTopic],
      bundle_gzip_kb: bundleSizes(CHROME_BUILD),
      search_ms: search,
      trigger_scaling: scaling.map(({ triggers, ms }) => ({ triggers, ms })),
    };
    const table = formatTable(report, {
      details,
      machine: machine(browser.version),
      runs,
      fuseCapMs,
      dataGzipKb: Object.fromEntries(
        ENGINE_DATA.map((name) => [name, gzipSync(readFileSync(join(GENERATED, name)), { level: 9 }).length / 1024]),
      ),
      noSubject: offTopicDetails,
      scalingMentions: scaling.map((row) => row.mentions),
      offTopicError: offTopicCheck?.error,
      extension: extension.slice(0, pages.length).map((check, i) => ({
        sizeKb: itemAt(pages, i).size_kb,
        expected: itemAt(generated, i).page.planted.map((p) => p.text),
        found: check.found,
        ms: check.ms,
        error: check.error,
        timeline: check.timeline,
        firstFrameMs: check.firstFrameMs,
        runsMs: check.runsMs,
      })),
      buildTime: statSync(join(CHROME_BUILD, 'manifest.json')).mtime.toISOString(),
    });
    process.stdout.write(`${table}\n`);
    if (values.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    return details.every((detail) => detail.correct) ? 0 : 1;
  } finally {
    await browser?.close();
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
