/**
 * One small driver interface over Playwright (Chromium) and puppeteer-core (Firefox over WebDriver BiDi), so the
 * same test body runs in both browsers.
 */
export type BrowserName = 'chromium' | 'firefox';

export interface TestPage {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's main world (where CSS.highlights is the document's registry). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** A key name as Playwright and puppeteer both spell it: 'Escape', 'Tab', 'Alt+Shift+KeyN'... */
  press(key: string): Promise<void>;
  screenshot(file: string, fullPage?: boolean): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Makes this tab the focused one (keyboard focus only lands in the focused tab). */
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /**
   * Runs `fn` inside an extension page (popup.html), where `chrome.*` / `browser.*` APIs are available, e.g. to
   * write settings to `chrome.storage.local`.
   */
  evaluateInExtension<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  close(): Promise<void>;
}
