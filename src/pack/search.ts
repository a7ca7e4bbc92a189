import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CompiledPack } from './compile';
import { FUSE_KEYS, type SearchDoc } from './search-doc';

const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: FUSE_KEYS,
  includeScore: true,
  includeMatches: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

/** A fuse.js searcher over the findings, from the index compiled at build time (no index work at run time). */
export function createFindingSearch(pack: CompiledPack): Fuse<SearchDoc> {
  const index = Fuse.parseIndex<SearchDoc>(pack.fuseIndex as Parameters<typeof Fuse.parseIndex>[0]);
  return new Fuse(pack.searchDocs, FUSE_OPTIONS, index);
}
