import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

export interface StaticRoute {
  body: string;
  /** Extra response headers (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
  contentType?: string;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  origin: string;
  /** Add or replace an in-memory page at `pathname` (e.g. '/corpus/001.html'). */
  route(pathname: string, route: StaticRoute | string): string;
  close(): Promise<void>;
}

const HTML = 'text/html; charset=utf-8';
const TYPES: Record<string, string> = {
  '.html': HTML,
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A tiny static HTTP server on 127.0.0.1 for fixture pages: files under `roots` (first match wins) plus
 * in-memory routes. Content scripts match http(s) only, so fixtures cannot be opened as file: URLs.
 */
export async function startStaticServer(roots: string[] = []): Promise<StaticServer> {
  const routes = new Map<string, StaticRoute>();
  const serve = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const route = routes.get(pathname);
    if (route) {
      response.writeHead(200, { 'content-type': route.contentType ?? HTML, ...route.headers });
      response.end(route.body);
      return;
    }
    for (const root of roots) {
      const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      if (!file.startsWith(root)) break; // no ../ escapes
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(body);
        return;
      } catch {
        // try the next root
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  };
  const server = http.createServer((request, response) => {
    // A request the server cannot serve (a malformed %-escape in the path...) gets an error page, not a crash.
    serve(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    route(pathname, route) {
      routes.set(pathname, typeof route === 'string' ? { body: route } : route);
      return origin + pathname;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
