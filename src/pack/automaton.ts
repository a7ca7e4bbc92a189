import automaton from './generated/automaton.json';
import type { SerializedAutomaton } from '../matching/automaton-format';

/**
 * The phrase matcher built and serialised at build time (scripts/compile-pack.ts): the content script loads it
 * with `createCompiledEngine` and never builds the automaton itself. Only the scanning engine imports this file.
 */
export const COMPILED_AUTOMATON: SerializedAutomaton = automaton;
