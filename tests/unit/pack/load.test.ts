import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack, PackError } from '../../../src/pack/load';
import { FIXTURES, SOURCE_TEXT } from './helpers';

describe('loadPack on fixtures', () => {
  it('accepts a minimal valid pack and fills defaults', () => {
    const pack = loadPack(readFileSync(join(FIXTURES, 'valid-minimal.yaml'), 'utf8'), SOURCE_TEXT);
    expect(pack.findings[0]?.keywords).toEqual([]);
    expect(pack.findings[0]?.triggers[0]).toMatchObject({ phrase: 'axis of convenience', context: 'any', also: [] });
  });

  const invalid = readdirSync(FIXTURES).filter((name) => name.startsWith('invalid-'));
  it('has invalid fixtures', () => expect(invalid.length).toBeGreaterThanOrEqual(8));

  for (const name of invalid) {
    it(`rejects ${name} with an error that names the field`, () => {
      const text = readFileSync(join(FIXTURES, name), 'utf8');
      const expected = /^# expect: (.+)$/m.exec(text)?.[1];
      expect(expected, 'fixture states its expected error').toBeTruthy();
      let error: unknown;
      try {
        loadPack(text, SOURCE_TEXT);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(PackError);
      expect((error as PackError).message).toContain(expected);
    });
  }
});
