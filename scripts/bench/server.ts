/**
 * A local HTTP server for the generated pages. Cross-origin isolation headers (COOP/COEP) give the pages
 * `performance.now()` with microsecond resolution instead of the coarse 100 µs of an ordinary page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

export async function servePages(pages: Map<string, string>): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const [path = '/'] = (request.url ?? '/').split('?');
    const body = pages.get(path);
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
