import { browser } from 'wxt/browser';
import { ENGINE_STARTED, HANDED_SETTINGS_KEY, leaveHandedSettings } from '../messaging/settings';
import { getSettings, isSiteEnabled } from '../settings';

/** The engine's bundle: WXT's output for entrypoints/content (`registration: 'runtime'`, not in the manifest). */
const ENGINE_SCRIPT = '/content-scripts/content.js';
/** The card's bundle: WXT's output for the unlisted script entrypoints/card.ts (not in the manifest either). */
const CARD_SCRIPT = '/card.js';

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
  const frame = frameOf(sender);
  const url = sender.url ?? sender.tab?.url;
  if (frame === undefined || url === undefined) return false;
  const settings = await getSettings();
  if (!isSiteEnabled(url, settings)) return false;
  // The settings just read go with the engine (src/messaging/settings.ts: takeHandedSettings), so that its first
  // scan need not wait for a round trip to ask for them; it confirms them once it runs. Both are sent at once (one
  // wait, not two): the function has no file to load and runs first. If it ever came second, the engine has asked
  // for the settings itself by then and marked the world as having an engine: the late function leaves nothing, so
  // no later engine in that world takes these settings for its own.
  // The hand-off is best effort: the engine's file ran or not whatever became of it, and an engine that finds no
  // settings asks for them (loadEngine's answer is the engine's alone: a false failure would let the sentinel ask
  // again, and a second engine would run).
  const handOff = browser.scripting
    .executeScript({
      target: frame,
      func: leaveHandedSettings,
      args: [HANDED_SETTINGS_KEY, ENGINE_STARTED, settings],
      injectImmediately: true,
    })
    .catch((error: unknown) => console.debug('[Fact Context] handing the settings to the engine failed:', error));
  const [, injected] = await Promise.all([handOff, injectInto(frame, ENGINE_SCRIPT)]);
  return injected;
}

/**
 * Answers an engine that is about to open its first card: injects the card's bundle into the same frame (the
 * extension's world of it, where the engine finds what the bundle leaves: src/ui/card/bundle.ts). The answer comes
 * after the bundle has run.
 */
export async function injectCard(sender: EngineRequester): Promise<boolean> {
  const frame = frameOf(sender);
  return frame !== undefined && (await injectInto(frame, CARD_SCRIPT));
}

async function injectInto(frame: InjectionFrame, file: typeof ENGINE_SCRIPT | typeof CARD_SCRIPT): Promise<boolean> {
  await browser.scripting.executeScript({
    target: frame,
    files: [file],
    // The sentinel asks at document_end, before the page is idle: without this the engine would wait for idle.
    injectImmediately: true,
  });
  return true;
}

interface InjectionFrame {
  tabId: number;
  frameIds: number[];
}

/** The frame that asked (the sentinel and the engine run in the top frame only); undefined without a tab. */
function frameOf(sender: EngineRequester): InjectionFrame | undefined {
  const tabId = sender.tab?.id;
  return tabId === undefined ? undefined : { tabId, frameIds: [sender.frameId ?? 0] };
}
