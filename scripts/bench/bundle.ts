/**
 * Bundles the in-page runners (scripts/bench/runner/*.ts) with esbuild into scripts the benchmark injects into a
 * page. The "ours" bundle holds only the content script's modules, so the heap it adds is our code's; "sentinel"
 * only the subject check.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runner = (name: string) => fileURLToPath(new URL(`./runner/${name}.ts`, import.meta.url));

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    minify: false,
    logLevel: 'error',
    define: { 'import.meta.env.DEV': 'false', 'import.meta.env.PROD': 'true', 'process.env.NODE_ENV': '"production"' },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no bundle for ${entry}`);
  return output.text;
}

export interface RunnerBundles {
  ours: string;
  tools: string;
  /** The sentinel's subject check alone (the page without the subject). */
  sentinel: string;
}

/** The "ours" runner of another checkout of this repository (`npm run bench -- --compare DIR`, compare.ts). */
export function bundleOursOf(root: string): Promise<string> {
  return bundle(join(root, 'scripts/bench/runner/ours.ts'));
}

export async function bundleRunners(): Promise<RunnerBundles> {
  const [ours, tools, sentinel] = await Promise.all([
    bundle(runner('ours')),
    bundle(runner('tools')),
    bundle(runner('sentinel')),
  ]);
  return { ours, tools, sentinel };
}
