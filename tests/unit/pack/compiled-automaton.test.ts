import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUTOMATON_JSON, compileAutomatonFromDisk } from '../../../scripts/compile-pack';
import { COMPILED_AUTOMATON } from '../../../src/pack/automaton';
import { loadAutomaton } from '../../../src/matching/automaton-format';

describe('the bundled compiled automaton', { timeout: 60_000 }, () => {
  it('equals a fresh compile of the pack (run `npm run compile-pack` after editing the YAML or the matcher)', () => {
    expect(readFileSync(AUTOMATON_JSON, 'utf8')).toBe(compileAutomatonFromDisk());
  });

  it('loads', () => {
    expect(loadAutomaton(COMPILED_AUTOMATON).first.length).toBe(COMPILED_AUTOMATON.states);
  });
});
