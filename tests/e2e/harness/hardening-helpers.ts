import http from 'node:http';
import net from 'node:net';
import { pipeline } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page as PlaywrightPage } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';
import { launchChromium, wrapPlaywrightPage } from '../../../scripts/lib/browser-chromium';
import { launchFirefox, setFirefoxViewport, wrapPuppeteerPage } from '../../../scripts/lib/browser-firefox';
import type { ExtensionBrowser, TestPage } from '../../../scripts/lib/browser-types';

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
  /**
   * Runs `fn` in the page's main world before any of its scripts, on every navigation and in every frame (not
   * subject to CSP), until the returned function removes it.
   */
  addInitScript(fn: () => void): Promise<() => Promise<void>>;
  /** Reloads the page (the back/forward cache does not apply). */
  reload(): Promise<void>;
  goBack(): Promise<void>;
  goForward(): Promise<void>;
  raw: PlaywrightPage | PuppeteerPage;
}

type Launched = ExtensionBrowser & { context?: BrowserContext; browser?: Browser };

function fromPlaywright(page: PlaywrightPage): WatchedPage {
  const watched: WatchedPage = {
    ...wrapPlaywrightPage(page),
    console: [],
    errors: [],
    requests: [],
    raw: page,
    async addInitScript(fn) {
      const script = await page.addInitScript(fn);
      return () => script.dispose();
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
  // The source of "Failed to load resource" lines is in the location, not the text.
  page.on('console', (message) =>
    watched.console.push({
      type: message.type(),
      text: `${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`,
    }),
  );
  page.on('pageerror', (error) =>
    watched.errors.push(process.env.FACT_CONTEXT_STACKS ? String(error.stack ?? error) : String(error)),
  );
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

export function fromPuppeteer(page: PuppeteerPage): WatchedPage {
  const watched: WatchedPage = {
    ...wrapPuppeteerPage(page),
    console: [],
    errors: [],
    requests: [],
    raw: page,
    async addInitScript(fn) {
      const { identifier } = await page.evaluateOnNewDocument(fn);
      return () => page.removeScriptToEvaluateOnNewDocument(identifier);
    },
    async reload() {
      await page.reload({ waitUntil: 'load' });
    },
    // A page restored from the back/forward cache fires no load event, which puppeteer's goBack waits for.
    goBack: () => historyStep(page, -1),
    goForward: () => historyStep(page, 1),
  };
  page.on('console', (message) =>
    watched.console.push({
      type: message.type(),
      text: `${message.text()}${message.location().url ? ` (${message.location().url})` : ''}`,
    }),
  );
  page.on('pageerror', (error) =>
    watched.errors.push(process.env.FACT_CONTEXT_STACKS ? String((error as Error).stack ?? error) : String(error)),
  );
  page.on('request', (request) => watched.requests.push(request.url()));
  return watched;
}

async function historyStep(page: PuppeteerPage, delta: number): Promise<void> {
  const before = await page.evaluate(() => location.href);
  await page.evaluate((step) => history.go(step), delta);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
    if (state && state[0] !== before && state[1] === 'complete') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`history.go(${delta}) from ${before} did not complete`);
}

/** A new tab whose console, errors and requests are recorded (works with the harness's launchers). */
export async function openWatchedPage(browser: ExtensionBrowser): Promise<WatchedPage> {
  const launched = browser as Launched;
  if (launched.context) return fromPlaywright(await launched.context.newPage());
  if (launched.browser) {
    const page = await launched.browser.newPage();
    await setFirefoxViewport(page, 1280, 900);
    return fromPuppeteer(page);
  }
  throw new Error('openWatchedPage: not a harness browser');
}

/** Console lines that are warnings or errors (what a page's developer would see as a problem). */
export function problems(page: WatchedPage): string[] {
  return [
    ...page.errors.map((error) => `pageerror: ${error}`),
    ...page.console
      .filter((entry) => entry.type === 'error' || entry.type === 'warn' || entry.type === 'warning')
      .map((entry) => `${entry.type}: ${entry.text}`),
  ];
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

/** The ways a peer hangs up on a connection; anything else is a bug in the proxy and is thrown. */
const HANG_UPS = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

function ignoreHangUp(error?: NodeJS.ErrnoException | null): void {
  if (error && !HANG_UPS.has(error.code ?? '')) throw error;
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
      {
        host: '127.0.0.1',
        port: url.port || 80,
        path: url.pathname + url.search,
        method: request.method,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        pipeline(answer, response, ignoreHangUp);
      },
    );
    upstream.on('error', () => {
      if (response.headersSent) response.destroy();
      else response.writeHead(502).end();
    });
    // A browser that gives up on a request (a tab closed, a preload cancelled) resets its connection: that is
    // its right, and an unhandled 'error' from it would fail whichever test file happens to be running.
    request.on('error', ignoreHangUp);
    request.pipe(upstream);
  });
  server.on('connect', (request, socket: net.Socket) => {
    requests.push({ line: `CONNECT ${request.url}`, host: request.url ?? '' });
    // The socket is ours once 'connect' hands it over: Node's clientError handling no longer covers it, and a
    // browser resets a refused tunnel (read ECONNRESET) more often than it closes it.
    socket.on('error', ignoreHangUp);
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

/**
 * Chromium with the extension, every request (loopback included) sent through `proxyPort`. Playwright also
 * reports service worker requests when PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS=1 is set before launch.
 */
export async function launchChromiumThroughProxy(
  proxyPort: number,
): Promise<ExtensionBrowser & { context: BrowserContext }> {
  const browser = await launchChromium({
    extraArgs: [`--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>'],
  });
  return { ...browser, newPage: async () => openWatchedPage(browser) };
}

/** Firefox ESR with the extension, every request (loopback included) sent through `proxyPort`. */
export async function launchFirefoxThroughProxy(proxyPort: number): Promise<ExtensionBrowser & { browser: Browser }> {
  const browser = await launchFirefox({
    extraPrefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
    },
  });
  return { ...browser, newPage: async () => openWatchedPage(browser) };
}
