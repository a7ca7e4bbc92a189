import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR, REPO_ROOT } from './paths';

/** What the extension is built from: a build older than any of these is stale. */
const SOURCES = ['src', 'entrypoints', 'assets', 'public', 'wxt.config.ts', 'package.json'];

function newestMtime(target: string): number {
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function builtAt(dir: string): number {
  try {
    return statSync(path.join(dir, 'manifest.json')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * vitest globalSetup of the e2e project: builds both extensions once per run (never per test file), unless both
 * builds are already newer than every source (e.g. `npm test` ran `npm run build` just before).
 * FACT_CONTEXT_SKIP_BUILD=1 skips it outright; FACT_CONTEXT_FORCE_BUILD=1 always builds.
 */
export default function buildExtensionsOnce(): void {
  if (process.env.FACT_CONTEXT_SKIP_BUILD === '1') return;
  const sources = Math.max(...SOURCES.map((name) => newestMtime(path.join(REPO_ROOT, name))));
  const fresh = Math.min(builtAt(CHROME_EXTENSION_DIR), builtAt(FIREFOX_EXTENSION_DIR)) > sources;
  if (fresh && process.env.FACT_CONTEXT_FORCE_BUILD !== '1') return;
  // Built as `npm run build` builds it: vitest sets NODE_ENV=test, which would change what wxt produces.
  const { NODE_ENV: _testMode, ...env } = process.env;
  const options = { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'] };
  execFileSync('npm', ['run', '--silent', 'compile-pack'], options);
  for (const args of [
    ['wxt', 'build'],
    ['wxt', 'build', '-b', 'firefox'],
  ])
    execFileSync('npx', args, options);
}
