/**
 * Limits that keep a hostile or runaway settings value small (each list is shown in full on the options page).
 * A module of their own, without valibot: the dismissals (dismissals.ts) that the engine's content script runs
 * need them, and that script bundles no validation (the background cleans settings: src/background/settings.ts).
 */
export const MAX_DISMISSALS = 500;
export const MAX_PHRASE_LENGTH = 200;
export const MAX_SENTENCE_LENGTH = 1000;
