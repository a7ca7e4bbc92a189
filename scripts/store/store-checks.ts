/**
 * Store-readiness checks (issue 6), used by tests/e2e/store.test.ts and runnable on their own:
 *
 *   npx tsx scripts/store/store-checks.ts [.output/firefox-mv3]   # web-ext lint, with the allowed warnings applied
 *
 * Everything that builds works in a throw-away copy of the working tree (node_modules symlinked), so that the
 * shared .output/ that other test runs load is never rebuilt under them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintResult {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** `web-ext lint --output json` on an unpacked Firefox build (Mozilla's addons-linter: the store's own checks). */
export function lintFirefoxBuild(sourceDir: string): LintResult {
  let out: string;
  try {
    out = execFileSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch (error) {
    // web-ext exits non-zero when there are errors; the JSON is still on stdout.
    out = (error as { stdout?: string }).stdout ?? '';
  }
  const report = JSON.parse(out) as LintResult;
  const pick = (messages: LintMessage[]) =>
    messages.map(({ code, message, file, line, column }) => ({ code, message, file, line, column }));
  return { errors: pick(report.errors), warnings: pick(report.warnings), notices: pick(report.notices) };
}

/**
 * The only warnings we accept: Preact's renderer assigns `innerHTML` (for `dangerouslySetInnerHTML`, which our code
 * never uses). A warning counts as Preact's when the flagged assignment itself (at the linter's line and column of
 * the minified bundle) is Preact's: `….innerHTML = ….__html` or its clearing `….innerHTML = ""` next to it.
 */
export function isPreactInnerHtmlWarning(warning: LintMessage, sourceDir: string): boolean {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !/innerHTML/.test(warning.message) || !warning.file || !warning.line)
    return false;
  const line = readFileSync(path.join(sourceDir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  const at = warning.column ?? 0;
  const around = line.slice(Math.max(0, at - 300), at + 300);
  return /\.innerHTML\s*=/.test(around) && around.includes('__html') && around.includes('dangerouslySetInnerHTML');
}

/** A copy of the working tree (git's tracked and untracked-but-not-ignored files) with node_modules symlinked. */
export function sandboxCopy(prefix = 'fact-context-store-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && !file.startsWith('.output/') && !file.startsWith('out/'));
  for (const file of files) {
    const from = path.join(REPO_ROOT, file);
    try {
      if (!statSync(from).isFile()) continue;
    } catch {
      continue; // listed but deleted in the working tree
    }
    cpSync(from, path.join(dir, file));
  }
  linkNodeModules(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function linkNodeModules(dir: string): void {
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/**
 * Runs a build step as a person would in a shell: without the test runner's environment (vitest sets
 * NODE_ENV=test, which changes what `wxt build` produces, though not `wxt zip`).
 */
export function run(command: string, args: string[], cwd: string): void {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST') && key !== 'TEST'),
  );
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...env, CI: '1' } });
}

export function unzipTo(zip: string, prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  execFileSync('unzip', ['-q', zip, '-d', dir]);
  return dir;
}

/** Every file under `dir` (relative, sorted) with the sha256 of its content. */
function fileHashes(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else hashes.set(path.relative(dir, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return new Map([...hashes].sort(([a], [b]) => a.localeCompare(b)));
}

/** Files that differ between two directories: missing on either side or with different content. */
export function diffDirs(a: string, b: string): string[] {
  const left = fileHashes(a);
  const right = fileHashes(b);
  const names = new Set([...left.keys(), ...right.keys()]);
  return [...names].filter((name) => left.get(name) !== right.get(name)).sort();
}

/** The zips `npm run zip` wrote into `<root>/.output`. */
export function zipsIn(root: string): { chrome: string; firefox: string; sources: string } {
  const outDir = path.join(root, '.output');
  const zips = readdirSync(outDir).filter((name) => name.endsWith('.zip'));
  const find = (suffix: string) => {
    const name = zips.find((candidate) => candidate.endsWith(suffix));
    if (!name) throw new Error(`no *${suffix} in ${outDir} (${zips.join(', ')})`);
    return path.join(outDir, name);
  };
  return { chrome: find('-chrome.zip'), firefox: find('-firefox.zip'), sources: find('-sources.zip') };
}

// CLI: lint a Firefox build and print what is left after the accepted Preact warnings.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const sourceDir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, '.output/firefox-mv3'));
  const result = lintFirefoxBuild(sourceDir);
  const accepted = result.warnings.filter((warning) => isPreactInnerHtmlWarning(warning, sourceDir));
  const rest = result.warnings.filter((warning) => !accepted.includes(warning));
  console.log(
    JSON.stringify(
      { errors: result.errors, acceptedWarnings: accepted, otherWarnings: rest, notices: result.notices },
      null,
      2,
    ),
  );
  process.exitCode = result.errors.length + rest.length > 0 ? 1 : 0;
}
