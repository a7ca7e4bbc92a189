import { browser } from 'wxt/browser';
import { getSettings, isSiteEnabled } from '../settings';

/** The engine's bundle: WXT's output for entrypoints/content (`registration: 'runtime'`, not in the manifest). */
const ENGINE_SCRIPT = '/content-scripts/content.js';

/** What the background knows of the frame that asked (the message's sender). */
interface EngineRequester {
  tab?: { id?: number; url?: string };
  url?: string;
  frameId?: number;
}

/**
 * Answers a sentinel whose page passed the subject check: injects the engine into that frame when the site is on.
 * Chromium allows `scripting.executeScript` only with host permissions (content-script match patterns are not
 * enough: "Cannot access contents of the page"); WXT declares them from the engine entry's `matches`, and they add
 * no install warning beyond the one the content script already has ("Read and change all your data on all
 * websites"). Firefox MV3 injects on content-script matches alone, and its prompt shows the same host access.
 */
export async function injectEngine(sender: EngineRequester): Promise<boolean> {
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url;
  if (tabId === undefined || url === undefined) return false;
  if (!isSiteEnabled(url, await getSettings())) return false;
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [ENGINE_SCRIPT],
    // The sentinel asks at document_end, before the page is idle: without this the engine would wait for idle.
    injectImmediately: true,
  });
  return true;
}
