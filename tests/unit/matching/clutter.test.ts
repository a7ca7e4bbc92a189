import { describe, expect, it } from 'vitest';
import { CLUTTER_WINDOW, ClutterGuard } from '../../../src/matching/clutter';

describe('ClutterGuard', () => {
  const everyBlockProse = () => true;

  it('admits a phrase once per block and once per window of prose blocks', () => {
    const guard = new ClutterGuard(everyBlockProse);
    expect(guard.admitPhrase('sanctions', 0)).toBe(true);
    expect(guard.admitPhrase('sanctions', 0)).toBe(false);
    expect(guard.admitPhrase('sanctions', CLUTTER_WINDOW - 1)).toBe(false);
    expect(guard.admitPhrase('sanctions', CLUTTER_WINDOW)).toBe(true);
    guard.releasePhrase('sanctions', 0);
    expect(guard.admitPhrase('sanctions', 0)).toBe(true);
  });

  it('does not count headings and furniture between two paragraphs as distance', () => {
    const guard = new ClutterGuard((block) => block % 2 === 0);
    expect(guard.admitPhrase('yuan', 0)).toBe(true);
    expect(guard.admitPhrase('yuan', 2 * CLUTTER_WINDOW - 1)).toBe(false);
    expect(guard.admitPhrase('yuan', 2 * CLUTTER_WINDOW)).toBe(true);
  });

  it('admits three marks per finding per block, a joined mark counting once for each of its findings', () => {
    const guard = new ClutterGuard(everyBlockProse);
    expect(guard.admitMark(['limits', 'trust'], 3)).toBe(true);
    expect(guard.admitMark(['limits'], 3)).toBe(true);
    expect(guard.admitMark(['trust', 'limits'], 3)).toBe(true);
    // limits has its three marks in block 3; trust two, so a mark led by trust is still shown.
    expect(guard.admitMark(['limits'], 3)).toBe(false);
    expect(guard.admitMark(['trust'], 3)).toBe(true);
    expect(guard.admitMark(['trust'], 3)).toBe(false);
    expect(guard.admitMark(['limits'], 4)).toBe(true);
    guard.releaseMark(['limits', 'trust'], 3);
    expect(guard.admitMark(['limits'], 3)).toBe(true);
  });

  it('knows whether a prose block carries a finding (for the headline rule)', () => {
    const guard = new ClutterGuard((block) => block !== 0);
    guard.admitMark(['axis'], 0);
    expect(guard.inProse('axis')).toBe(false);
    guard.admitMark(['gas', 'axis'], 2);
    expect(guard.inProse('axis')).toBe(true);
    guard.releaseMark(['gas', 'axis'], 2);
    expect(guard.inProse('axis')).toBe(false);
  });
});
