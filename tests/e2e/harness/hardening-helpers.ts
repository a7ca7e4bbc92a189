import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page as PlaywrightPage } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';
import type { ExtensionBrowser, TestPage } from './types';

/**
 * Helpers for the hardening suites (tests/e2e/hostile*, privacy, store, a11y): pages whose console, errors and
 * requests are recorded, init scripts that run before the page's own code (and before any CSP), and a recording
 * proxy that sees every request a browser makes. The shared harness stays as it is; these build on its launchers.
 */

export interface ConsoleEntry {
  type: string;
  text: string;
}

export interface WatchedPage extends TestPage {
  /** Every console message and uncaught page error since the page was opened. */
  console: ConsoleEntry[];
  errors: string[];
  /** Every request the page made (URL), as the driver reports it. */
  requests: string[];
  /** Runs `fn` in the page's main world before any of its scripts, on every navigation (not subject to CSP). */
  addInitScript(fn: () => void): Promise<void>;
  /** Reloads the page (the back/forward cache does not apply). */
  reload(): Promise<void>;
  goBack(): Promise<void>;
  goForward(): Promise<void>;
  raw: PlaywrightPage | PuppeteerPage;
}

type Launched = ExtensionBrowser & { context?: BrowserContext; browser?: Browser };

function fromPlaywright(page: PlaywrightPage): WatchedPage {
  const watched: WatchedPage = {
    console: [],
    errors: [],
    requests: [],
    raw: page,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    async screenshot(file, fullPage = false) {
      await page.screenshot({ path: file, fullPage });
    },
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    addInitScript: (fn) => page.addInitScript(fn),
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async goBack() {
      await page.goBack({ waitUntil: 'load' });
    },
    async goForward() {
      await page.goForward({ waitUntil: 'load' });
    },
  };
  page.on('console', (message) => watched.console.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => watched.errors.push(String(error)));
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

export function fromPuppeteer(page: PuppeteerPage): WatchedPage {
  const keyCombo = async (combo: string) => {
    const keys = combo.split('+') as Parameters<PuppeteerPage['keyboard']['press']>[0][];
    const last = keys.pop()!;
    for (const key of keys) await page.keyboard.down(key);
    await page.keyboard.press(last);
    for (const key of keys.reverse()) await page.keyboard.up(key);
  };
  const watched: WatchedPage = {
    console: [],
    errors: [],
    requests: [],
    raw: page,
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: keyCombo,
    async screenshot(file, fullPage = false) {
      await page.screenshot({ path: file as `${string}.png`, fullPage });
    },
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
    async addInitScript(fn) {
      await page.evaluateOnNewDocument(fn);
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    async goBack() {
      await page.goBack({ waitUntil: 'load' });
    },
    async goForward() {
      await page.goForward({ waitUntil: 'load' });
    },
  };
  page.on('console', (message) => watched.console.push({ type: message.type(), text: message.text() }));
  page.on('pageerror', (error) => watched.errors.push(String(error)));
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

/** A new tab whose console, errors and requests are recorded (works with the harness's launchers). */
export async function openWatchedPage(browser: ExtensionBrowser): Promise<WatchedPage> {
  const launched = browser as Launched;
  if (launched.context) return fromPlaywright(await launched.context.newPage());
  if (launched.browser) {
    const page = await launched.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    return fromPuppeteer(page);
  }
  throw new Error('openWatchedPage: not a harness browser');
}

/** Console lines that are warnings or errors (what a page's developer would see as a problem). */
export function problems(page: WatchedPage): string[] {
  return [
    ...page.errors.map((error) => `pageerror: ${error}`),
    ...page.console.filter((entry) => entry.type === 'error' || entry.type === 'warn' || entry.type === 'warning').map((entry) => `${entry.type}: ${entry.text}`),
  ];
}

/** Chromium only: the extension's service worker (for chrome.runtime.reload and the like). */
export function serviceWorkerOf(browser: ExtensionBrowser) {
  const context = (browser as Launched).context;
  if (!context) throw new Error('serviceWorkerOf: Chromium only');
  const worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith(browser.extensionOrigin));
  if (!worker) throw new Error('no extension service worker');
  return worker;
}

export interface RecordedRequest {
  /** 'GET http://host/path' for plain HTTP, 'CONNECT host:443' for a TLS tunnel. */
  line: string;
  host: string;
}

export interface RecordingProxy {
  /** `127.0.0.1:<port>` */
  address: string;
  port: number;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that records every request a browser sends through it (plain HTTP is forwarded to 127.0.0.1
 * only; TLS tunnels and other hosts are refused, so nothing leaves the machine). Pointing a browser at it shows
 * every request of every part of the browser — pages, extension pages, the service worker / background page.
 */
export async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://invalid');
    requests.push({ line: `${request.method} ${url.href}`, host: url.host });
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
      response.writeHead(502).end();
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: url.port || 80, path: url.pathname + url.search, method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request, socket: net.Socket) => {
    requests.push({ line: `CONNECT ${request.url}`, host: request.url ?? '' });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    address: `127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
