import { describe, expect, it } from 'vitest';
import { escapeRegExp } from '../../../src/checks/escape-regexp';

describe('escapeRegExp', () => {
  const special = '.*+?^${}()|[]\\';

  it('matches the text literally, every special character included', () => {
    for (const flags of ['', 'u']) {
      const regexp = new RegExp(`^${escapeRegExp(special)}$`, flags);
      expect(regexp.test(special), flags).toBe(true);
      expect(regexp.test('x'.repeat(special.length)), flags).toBe(false);
    }
  });

  it('leaves other text as it is', () => {
    expect(escapeRegExp('no-limits partnership, 2022')).toBe('no-limits partnership, 2022');
  });
});
