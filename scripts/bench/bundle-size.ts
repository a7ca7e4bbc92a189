/**
 * Gzipped size of what the Chrome build ships per entry point: the sentinel every page gets, the engine that the
 * background injects into a page that passes (what that page gets up front: the scanning engine and the overlay),
 * the card's bundle that the background injects only when the page's first card is about to open (Preact, the card,
 * Floating UI and the card's stylesheet; until session 8 all of it was in the engine's file, so `engine` then
 * meant engine + card), the popup (its HTML and every script and stylesheet it loads, with their static imports)
 * and the background service worker.
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
  /** The engine's script and stylesheet (entrypoints/content): the key from before the sentinel split. */
  content: number;
  /** The one script every http(s) page gets (entrypoints/sentinel.content.ts). */
  sentinel: number;
  /**
   * = content: what a page that passes the subject check gets injected up front, to scan it (the engine, the overlay
   * and their stylesheet if any; the card's bundle is `card`, which came with it until session 8).
   */
  engine: number;
  /**
   * The card's bundle (entrypoints/card.ts, its stylesheet inside): injected when the page's first card is about to
   * open. Absent from reports of builds before session 8 (the card was in `engine` then).
   */
  card?: number;
  popup: number;
  background: number;
}

export function bundleSizes(outDir: string): BundleSizes {
  const sum = (entry: string) =>
    [...closure(outDir, join(outDir, entry))].reduce((total, path) => total + gzipKb(path), 0);
  const round = (kb: number) => Math.round(kb * 10) / 10;
  const contentCss = join(outDir, 'content-scripts/content.css');
  const engine = round(sum('content-scripts/content.js') + (existsSync(contentCss) ? gzipKb(contentCss) : 0));
  return {
    content: engine,
    sentinel: round(sum('content-scripts/sentinel.js')),
    engine,
    card: round(sum('card.js')),
    popup: round(sum('popup.html')),
    background: round(sum('background.js')),
  };
}
