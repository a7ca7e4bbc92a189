import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CompiledPack } from './compile';
import { FUSE_KEYS, type SearchDoc } from './search-doc';

/** The same options for every document type: the keys name SearchDoc fields; a doc without a field has no hits in it. */
function fuseOptions<Doc>(): IFuseOptions<Doc> {
  return {
    keys: FUSE_KEYS,
    includeScore: true,
    includeMatches: true,
    ignoreLocation: true,
    threshold: 0.4,
    minMatchCharLength: 2,
  };
}

/**
 * A fuse.js searcher over the findings, from the index compiled at build time (no index work at run time); also
 * over documents with fewer fields (the engine's ranking docs, engine-data.ts), indexed with the same keys.
 */
export function createFindingSearch<Doc extends Pick<SearchDoc, 'id'> = SearchDoc>(
  pack: Pick<CompiledPack, 'fuseIndex'> & { searchDocs: readonly Doc[] },
): Fuse<Doc> {
  const index = Fuse.parseIndex<Doc>(pack.fuseIndex as Parameters<typeof Fuse.parseIndex>[0]);
  return new Fuse(pack.searchDocs, fuseOptions<Doc>(), index);
}
