/**
 * Settings of Fact Context, one item in `storage.local` ("local:settings", versioned, migrated by WXT).
 *
 * Usage in any context (content script, background, popup, options):
 *   import { getSettings, watchSettings, isSiteEnabled } from '@/src/settings'; // or a relative path
 *   const settings = await getSettings();                       // always valid Settings, never throws
 *   if (!isSiteEnabled(location.href, settings)) return;        // global switch + site rules
 *   const stop = watchSettings((next) => apply(isSiteEnabled(location.href, next), next.cardOpen, next.markStyle));
 *   ctx.onInvalidated(stop);                                    // content scripts: stop with WXT's ctx
 * Change settings with `updateSettings((s) => setSiteEnabled(s, url, false))`; every watcher hears it at once.
 * Do not read `settingsItem` directly: its raw value may be corrupt; getSettings / watchSettings clean it.
 */
export * from './schema';
export * from './limits';
export * from './sites';
export * from './sanitize';
export * from './migrations';
export * from './storage';
export * from './transfer';
export * from './dismissals';
export * from './restricted';
