import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomeOnInstall } from '../../../src/background/welcome';

describe('first-run page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens on install', async () => {
    await openWelcomeOnInstall({ reason: 'install' });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(fakeBrowser.runtime.getURL('/welcome.html'));
  });

  it.each(['update', 'chrome_update'] as const)('stays closed on %s', async (reason) => {
    await openWelcomeOnInstall({ reason, previousVersion: '0.0.9' } as never);
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).not.toContain(
      fakeBrowser.runtime.getURL('/welcome.html'),
    );
  });
});
