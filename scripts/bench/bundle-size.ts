/**
 * Gzipped size of what the Chrome build ships per entry point: the content script, the popup (its HTML and every
 * script and stylesheet it loads, with their static imports) and the background service worker.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gzipKb = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

/** A file and every local file it pulls in (script/link tags of HTML, static `import` of JS). */
function closure(root: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(entry, 'utf8');
  const references = entry.endsWith('.html')
    ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].flatMap((m) => m[1] ?? [])
    : [...text.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)].flatMap((m) => m[1] ?? []);
  for (const reference of references) {
    const path = reference.startsWith('/') ? join(root, reference) : resolve(dirname(entry), reference);
    closure(root, path, seen);
  }
  return seen;
}

export interface BundleSizes {
  content: number;
  popup: number;
  background: number;
}

export function bundleSizes(outDir: string): BundleSizes {
  const sum = (entry: string) =>
    [...closure(outDir, join(outDir, entry))].reduce((total, path) => total + gzipKb(path), 0);
  const round = (kb: number) => Math.round(kb * 10) / 10;
  const contentCss = join(outDir, 'content-scripts/content.css');
  return {
    content: round(sum('content-scripts/content.js') + (existsSync(contentCss) ? gzipKb(contentCss) : 0)),
    popup: round(sum('popup.html')),
    background: round(sum('background.js')),
  };
}
