import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectEngine } from '../../../src/background/engine-injection';

type Injection = Parameters<typeof fakeBrowser.scripting.executeScript>[0];

const sender = { tab: { id: 7, url: 'https://news.example/a' }, url: 'https://news.example/a', frameId: 0 };

describe('injectEngine', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('answers true once the engine’s file ran, even when handing the settings over failed', async () => {
    const files: string[][] = [];
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((injection: Injection) => {
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
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((injection: Injection) =>
      'files' in injection && injection.files ? Promise.reject(new Error('Cannot access')) : Promise.resolve([]),
    );
    await expect(injectEngine(sender)).rejects.toThrow('Cannot access');
  });
});
