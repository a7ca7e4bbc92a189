import compiled from './generated/compiled.json';
import type { CompiledPack, FindingView } from './compile';

/** The pack compiled at build time (scripts/compile-pack.ts), bundled into every entry point that imports it. */
export const PACK = compiled as unknown as CompiledPack;

const byId = new Map(PACK.findings.map((finding) => [finding.id, finding]));

export function findingById(id: string): FindingView | undefined {
  return byId.get(id);
}
