import type { ExtensionBrowser } from '../../../scripts/lib/browser-types';

/**
 * Sends a message of src/messaging/protocol.ts (the @webext-core/messaging envelope) from an extension page to the
 * content script of the page, as the popup or background would; returns `res`. The extension has no `tabs`
 * permission (tab URLs are hidden from it), so every tab is asked and the one whose content script answers wins:
 * keep one web page open per browser when using this.
 */
export async function sendToTab<T>(browser: ExtensionBrowser, type: string, data?: unknown): Promise<T> {
  const reply = await browser.evaluateInExtension(
    async ({ type, data }) => {
      type Api = {
        tabs: {
          query(q: object): Promise<{ id?: number }[]>;
          sendMessage(id: number, message: object): Promise<{ res?: unknown; err?: unknown } | undefined>;
        };
      };
      const api = (globalThis as { browser?: Api }).browser ?? (globalThis as unknown as { chrome: Api }).chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const answer = await api.tabs.sendMessage(tab.id, { id: Date.now(), type, data, timestamp: Date.now() });
          if (answer) return answer;
        } catch {
          // no content script in that tab (the extension page itself, about:blank...)
        }
      }
      throw new Error(`no content script answered ${type}`);
    },
    { type, data },
  );
  if (reply.err) throw new Error(`${type} failed: ${JSON.stringify(reply.err)}`);
  return reply.res as T;
}
