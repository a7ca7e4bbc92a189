/**
 * A local HTTP server for the generated pages. Cross-origin isolation headers (COOP/COEP) give the pages
 * `performance.now()` with microsecond resolution instead of the coarse 100 µs of an ordinary page.
 * `?declared` after a page's path serves it with our highlight stylesheet in its <head>: present before the
 * page's first style, as the manifest declares it with the sentinel on every page (src/dom/highlight.css).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const DECLARED_CSS = readFileSync(new URL('../../src/dom/highlight.css', import.meta.url), 'utf8');

/** The page with the declared stylesheet first in its <head> (the generated pages all have one). */
function withDeclaredCss(html: string): string {
  const at = html.indexOf('<head>');
  if (at < 0) throw new Error('a generated page without <head>: cannot declare the highlight stylesheet');
  const end = at + '<head>'.length;
  return `${html.slice(0, end)}<style>${DECLARED_CSS}</style>${html.slice(end)}`;
}

export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

export async function servePages(pages: Map<string, string>): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const [path = '/', query] = (request.url ?? '/').split('?');
    const page = pages.get(path);
    const body = page !== undefined && query === 'declared' ? withDeclaredCss(page) : page;
    response.writeHead(body === undefined ? 404 : 200, {
      'content-type': 'text/html; charset=utf-8',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-store',
    });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
