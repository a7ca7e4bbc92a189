import { describe, expect, it } from 'vitest';
import { isObject, readWorldGlobal, writeWorldGlobal } from '../../../src/messaging/world-global';
import { injectedCardBundle, publishCardBundle } from '../../../src/ui/card/bundle';

describe('world globals (what the scripts of one frame hand each other)', () => {
  it('reads back what was written, only when it is what the reader expects', () => {
    writeWorldGlobal('__factContextTest', { a: 1 });
    expect(readWorldGlobal('__factContextTest', isObject)).toEqual({ a: 1 });
    writeWorldGlobal('__factContextTest', 'engine started');
    expect(readWorldGlobal('__factContextTest', isObject)).toBeUndefined();
    writeWorldGlobal('__factContextTest', undefined);
  });

  it('takes for the card’s bundle only an object with createCardLayer', () => {
    writeWorldGlobal('__factContextCardBundle', { createCardLayer: 'no' });
    expect(injectedCardBundle()).toBeUndefined();
    const bundle = { createCardLayer: () => ({}) as never };
    publishCardBundle(bundle);
    expect(injectedCardBundle()).toBe(bundle);
    writeWorldGlobal('__factContextCardBundle', undefined);
  });
});
