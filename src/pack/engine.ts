import engineJson from './generated/engine.json';
import type { EngineData } from './engine-data';

/**
 * The engine's data compiled at build time (scripts/compile-pack.ts): what the scanning content script bundles in
 * place of the whole pack (see engine-data.ts). Only the scanning engine imports this file.
 */
export const ENGINE_DATA = engineJson as unknown as EngineData;
