import puppeteer, { TargetType, type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CARD_HOST_TAG,
  CHROME_EXTENSION_DIR,
  CHROMIUM_PATH,
  HIGHLIGHT_NAME,
  startStaticServer,
  waitFor,
  waitForCard,
  waitForScan,
  type StaticServer,
  ifSet,
  CHROMIUM_ARGS,
  tempProfile,
} from './harness';
import { fromPuppeteer, problems, type WatchedPage } from './harness/hardening-helpers';
import { markCount, serveHostilePages, sleep } from '../fixtures/hostile/serve';

/**
 * Case 15: two tabs open while the extension is reloaded (Chromium only). `chrome.runtime.reload()` of an
 * unpacked extension does not bring it back in this headless Chromium, so the test reloads it the way the
 * "Reload" button of chrome://extensions does: loading the same unpacked folder again over CDP
 * (`Extensions.loadUnpacked`, puppeteer's installExtension) — same id, new instance, old content scripts orphaned.
 *
 * The orphaned script must remove its marks and stylesheet and stop, as soon as it learns of it: on its next use of
 * the extension API (here: the page changes, it reports a new count) or when a newer instance announces itself in
 * the document (WXT's `content-script-started` event, the first thing a re-injected script does). A reloaded tab
 * gets exactly one fresh instance: one set of marks, one stylesheet, one card host.
 */
describe('hostile pages in chromium: 15, an extension reload with two tabs open', () => {
  let server: StaticServer;
  let browser: Browser;
  let profile: Awaited<ReturnType<typeof tempProfile>>;

  beforeAll(async () => {
    server = await startStaticServer();
    await serveHostilePages(server);
    profile = await tempProfile('chromium-reload');
    browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: CHROMIUM_PATH,
      pipe: true,
      headless: true,
      userDataDir: profile.dir,
      enableExtensions: [CHROME_EXTENSION_DIR],
      args: CHROMIUM_ARGS,
      defaultViewport: { width: 1280, height: 900 },
    });
  });

  afterAll(async () => {
    await ifSet(browser)?.close();
    await ifSet(profile)?.remove();
    await ifSet(server)?.close();
  });

  const ourStyles = (page: WatchedPage) =>
    page.evaluate(() => document.querySelectorAll('style[data-fact-context-ui]').length);
  const addParagraph = (page: WatchedPage) =>
    page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'Later: China and Russia promoted trade in national currencies, Xi and Putin said.';
      document.getElementById('story')!.append(paragraph);
    });

  it('15: the old content scripts stop and clean up, a reloaded tab has no double marks', async () => {
    const worker = await browser.waitForTarget((target) => target.type() === TargetType.SERVICE_WORKER, {
      timeout: 30_000,
    });
    const extensionId = new URL(worker.url()).host;
    const url = `${server.origin}/hostile/15-two-tabs.html`;
    const tabA = fromPuppeteer(await browser.newPage());
    const tabB = fromPuppeteer(await browser.newPage());
    for (const tab of [tabA, tabB]) {
      await tab.goto(url);
      await waitForScan(tab);
    }
    const marksBefore = await markCount(tabB);
    expect(marksBefore).toBeGreaterThan(0);
    expect(await markCount(tabA)).toBe(marksBefore);

    expect(await browser.installExtension(CHROME_EXTENSION_DIR)).toBe(extensionId); // the reload

    // Tab A: the page changes; the orphan notices on reporting the new count, and cleans up.
    await addParagraph(tabA);
    await waitFor(tabA, 'the orphan in tab A to remove its marks', (name) => !CSS.highlights.has(name), HIGHLIGHT_NAME);
    expect(await ourStyles(tabA)).toBe(0);
    await addParagraph(tabA);
    await sleep(800);
    expect(await markCount(tabA)).toBe(0); // stopped: it no longer reads the page

    // Tab B: a newer instance announces itself (as a re-injected script does first); the orphan stops at once.
    await tabB.evaluate((id) => {
      document.dispatchEvent(
        new CustomEvent(`${id}:content:wxt:content-script-started`, {
          detail: { contentScriptName: 'content', messageId: 'newer' },
        }),
      );
    }, extensionId);
    await waitFor(tabB, 'the orphan in tab B to remove its marks', (name) => !CSS.highlights.has(name), HIGHLIGHT_NAME);
    expect(await ourStyles(tabB)).toBe(0);

    // A reload of tab B: exactly one new instance.
    await tabB.reload();
    await waitForScan(tabB);
    await sleep(500);
    expect(await markCount(tabB)).toBe(marksBefore);
    // The default mark style comes from the manifest's stylesheet, so the new instance adds no <style> of its own.
    expect(await ourStyles(tabB)).toBe(0);
    // The new instance answers the new background (the keyboard command's message) and opens one card.
    await tabB.bringToFront();
    const newWorker = await browser.waitForTarget((target) => target.type() === TargetType.SERVICE_WORKER, {
      timeout: 30_000,
    });
    const answered = await (await newWorker.worker())!.evaluate(async () => {
      type Api = {
        tabs: {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, message: object): Promise<{ res?: unknown } | undefined>;
        };
      };
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const answers: unknown[] = [];
      for (const tab of await api.tabs.query({})) {
        const answer = await api.tabs
          .sendMessage(tab.id!, { id: 1, type: 'nextMention', timestamp: Date.now() })
          .catch(() => undefined);
        if (answer) answers.push(answer.res);
      }
      return answers;
    });
    expect(answered).toEqual([true]); // only tab B's new instance answers: the orphan in A is gone
    await waitForCard(tabB);
    expect(await tabB.evaluate((tag) => document.querySelectorAll(tag).length, CARD_HOST_TAG)).toBe(1);
    expect(problems(tabA)).toEqual([]);
    expect(problems(tabB)).toEqual([]);
  });
});
