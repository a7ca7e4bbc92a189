import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectEngine } from '../../../src/background/engine-injection';
import { HANDED_SETTINGS_KEY, takeHandedSettings } from '../../../src/messaging/settings';
import { DEFAULT_SETTINGS, saveSettings } from '../../../src/settings';

type Injection = Parameters<typeof fakeBrowser.scripting.executeScript>[0];

/** The browser's side of `scripting.executeScript` (fakeBrowser leaves it unimplemented). */
function answerInjections(answer: (injection: Injection) => Promise<unknown>): void {
  // Typed as never: the spied method's overloads include a callback form that returns void.
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((injection) => answer(injection) as never);
}

const sender = { tab: { id: 7, url: 'https://news.example/a' }, url: 'https://news.example/a', frameId: 0 };

describe('injectEngine', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('answers true once the engine’s file ran, even when handing the settings over failed', async () => {
    const files: string[][] = [];
    answerInjections((injection: Injection) => {
      if ('files' in injection && injection.files) {
        files.push(injection.files);
        return Promise.resolve([]);
      }
      return Promise.reject(new Error('Frame with ID 0 was removed'));
    });
    vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    expect(await injectEngine(sender)).toBe(true);
    expect(files).toEqual([['/content-scripts/content.js']]);
  });

  it('fails when the engine’s file could not run', async () => {
    answerInjections((injection: Injection) =>
      'files' in injection && injection.files ? Promise.reject(new Error('Cannot access')) : Promise.resolve([]),
    );
    await expect(injectEngine(sender)).rejects.toThrow('Cannot access');
  });

  it('hands the settings over to its own engine only: run after the engine started, it leaves nothing for a later one', async () => {
    const functions: (() => void)[] = [];
    answerInjections((injection: Injection) => {
      if ('func' in injection && injection.func) {
        const { func, args } = injection as { func: (...args: unknown[]) => void; args: unknown[] };
        functions.push(() => func(...args));
      }
      return Promise.resolve([]);
    });
    await saveSettings({ ...DEFAULT_SETTINGS, hoverDelayMs: 900 });
    (globalThis as Record<string, unknown>)[HANDED_SETTINGS_KEY] = undefined;

    // In order: the function first, then the engine, which takes them.
    expect(await injectEngine(sender)).toBe(true);
    functions.shift()?.();
    expect(takeHandedSettings()).toMatchObject({ hoverDelayMs: 900 });

    // Out of order: the engine started (and asked for its settings) before the function ran.
    expect(await injectEngine(sender)).toBe(true);
    expect(takeHandedSettings()).toBeUndefined();
    functions.shift()?.();
    // A later engine in the same world (an extension reload) does not take what was left for another injection.
    expect(takeHandedSettings()).toBeUndefined();
  });
});
