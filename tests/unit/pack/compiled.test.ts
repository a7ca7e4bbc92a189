import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPILED_JSON, compileFromDisk } from '../../../scripts/compile-pack';
import { PACK } from '../../../src/pack/index';
import { createFindingSearch } from '../../../src/pack/search';
import { SOURCE_TEXT } from './helpers';

describe('the bundled compiled pack', { timeout: 60_000 }, () => {
  it('equals a fresh compile of the pack (run `npm run pack` after editing the YAML)', () => {
    expect(readFileSync(COMPILED_JSON, 'utf8')).toBe(compileFromDisk());
  });

  it('locates every quote in the source text', () => {
    for (const finding of PACK.findings) {
      for (const quote of finding.quotes) expect(SOURCE_TEXT.slice(quote.start, quote.end)).toBe(quote.text);
    }
  });

  it('loads the serialised fuse.js index and ranks the obvious finding first', () => {
    const search = createFindingSearch(PACK);
    expect(search.search('axis of convenience')[0]?.item.id).toBe('axis-of-convenience');
    expect(search.search('dual-use exports')[0]?.item.id).toBe('dual-use-restrictions');
    expect(search.search('GCHQ')[0]?.item.id).toBe('provenance');
  });
});
