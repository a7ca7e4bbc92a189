import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, TabBadges } from '../../../src/background/badge';
import { defaultSettings, setSiteEnabled } from '../../../src/settings';

const badgeOf = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

describe('badgeText', () => {
  it.each([
    [0, ''],
    [-1, ''],
    [Number.NaN, ''],
    [1, '1'],
    [42, '42'],
    [999, '999'],
    [1000, '999+'],
  ])('%d → %j', (count, text) => {
    expect(badgeText(count)).toBe(text);
  });
});

describe('TabBadges', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('shows each tab its own count', async () => {
    const badges = new TabBadges(defaultSettings());
    await badges.report(1, 'https://a.org/x', 3);
    await badges.report(2, 'https://b.org/y', 12);
    expect(await badgeOf(1)).toBe('3');
    expect(await badgeOf(2)).toBe('12');
  });

  it('clears a tab on navigation and leaves the others', async () => {
    const badges = new TabBadges(defaultSettings());
    await badges.report(1, 'https://a.org/x', 3);
    await badges.report(2, 'https://b.org/y', 5);
    await badges.navigated(1);
    expect(await badgeOf(1)).toBe('');
    expect(await badgeOf(2)).toBe('5');
  });

  it('empties the badge when the site is switched off, and shows it again when back on', async () => {
    const on = defaultSettings();
    const badges = new TabBadges(on);
    await badges.report(1, 'https://news.a.org/x', 4);
    await badges.report(2, 'https://b.org/', 2);
    await badges.settingsChanged(setSiteEnabled(on, 'a.org', false));
    expect(await badgeOf(1)).toBe('');
    expect(await badgeOf(2)).toBe('2');
    await badges.settingsChanged(on);
    expect(await badgeOf(1)).toBe('4');
  });

  it('shows nothing for a count reported from a disabled site', async () => {
    const badges = new TabBadges({ ...defaultSettings(), enabled: false });
    await badges.report(1, 'https://a.org/', 7);
    expect(await badgeOf(1)).toBe('');
  });

  it('a count of zero empties the badge', async () => {
    const badges = new TabBadges(defaultSettings());
    await badges.report(1, 'https://a.org/', 7);
    await badges.report(1, 'https://a.org/', 0);
    expect(await badgeOf(1)).toBe('');
  });
});

describe('TabBadges after a load completes', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  const answer =
    (count: number, enabled = true) =>
    () =>
      Promise.resolve({ enabled, mentions: Array.from({ length: count }), url: 'https://a.org/' });

  it('asks the page when a "navigation" was an in-page route change that sent no new count', async () => {
    const badges = new TabBadges(defaultSettings());
    await badges.report(1, 'https://a.org/', 5);
    await badges.navigated(1);
    await badges.loaded(1, answer(5));
    expect(await badgeOf(1)).toBe('5');
  });

  it('keeps the page’s own report when it came first', async () => {
    const badges = new TabBadges(defaultSettings());
    await badges.navigated(1);
    await badges.report(1, 'https://a.org/', 3);
    let asked = false;
    await badges.loaded(1, () => {
      asked = true;
      return Promise.resolve({ enabled: true, mentions: [], url: 'https://a.org/' });
    });
    expect(asked).toBe(false);
    expect(await badgeOf(1)).toBe('3');
  });

  it('stays empty when no content script answers or the site is off', async () => {
    const badges = new TabBadges(defaultSettings());
    await badges.navigated(1);
    await badges.loaded(1, () => Promise.resolve(undefined));
    expect(await badgeOf(1)).toBe('');
    await badges.navigated(2);
    await badges.loaded(2, answer(4, false));
    expect(await badgeOf(2)).toBe('');
  });
});
