/**
 * Names of the user-timing marks our content scripts put on the page's performance timeline, in the order they
 * come on a page with the subject. The benchmark's extension check reads them (scripts/bench/extension-check.ts).
 */
export const TIMELINE_MARKS = {
  /** The sentinel started (document_end). */
  sentinelStart: 'fact-context:sentinel-start',
  /** The sentinel read the page's text once (passed or not). */
  subjectChecked: 'fact-context:subject-checked',
  /** The engine script, injected by the background, started. */
  engineStart: 'fact-context:engine-start',
  /** The engine read the settings (storage). */
  settingsRead: 'fact-context:settings-read',
  /** The stylesheet is in, the engine loaded: the scan pipeline starts. */
  scanStart: 'fact-context:scan-start',
  /** The first scan is done and its marks registered. */
  scanDone: 'fact-context:scan-done',
} as const;
