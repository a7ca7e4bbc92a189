/**
 * Properties of the content scripts' global object, through which the scripts injected into one frame hand things
 * to each other (the engine's settings, the card's bundle). They all run in the extension's own world of the frame
 * (Chromium's isolated world, Firefox's content-script sandbox), which the page's scripts do not see.
 */
const world = (): Record<string, unknown> => globalThis;

/** The value at `key` if it is what `is` expects (else undefined: never there, taken, or something else). */
export function readWorldGlobal<T>(key: string, is: (value: unknown) => value is T): T | undefined {
  const value = world()[key];
  return is(value) ? value : undefined;
}

export function writeWorldGlobal(key: string, value: unknown): void {
  world()[key] = value;
}

/** An object (not null): what a guard of readWorldGlobal starts from. */
export function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
