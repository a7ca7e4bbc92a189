/**
 * Build step: validate assets/pack/assessment.yaml and write what the extension bundles:
 * src/pack/generated/compiled.json (findings, search index, trigger patterns) and
 * src/pack/generated/automaton.json (the phrase matcher, built and serialised here so that no page builds it),
 * src/pack/generated/engine.json (what the scanning engine needs of the pack besides the automaton,
 * src/pack/engine-data.ts) and
 * src/pack/generated/subject-terms.json (the few words the sentinel content script checks a page for,
 * src/checks/subject-check.ts — so that the script every page gets does not carry the pack).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { loadPack, PackError } from '../src/pack/load';
import { compilePack } from '../src/pack/compile';
import { serializeAutomaton } from '../src/matching/automaton-format';
import { buildEngineTrie } from '../src/matching/engine';
import type { CompiledPack } from '../src/pack/compile';
import type { Pack } from '../src/pack/schema';
import { subjectTerms } from '../src/checks/subject-check';
import { engineDataOf } from '../src/pack/engine-data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACK_YAML = resolve(root, 'assets/pack/assessment.yaml');
export const COMPILED_JSON = resolve(root, 'src/pack/generated/compiled.json');
export const AUTOMATON_JSON = resolve(root, 'src/pack/generated/automaton.json');
export const ENGINE_JSON = resolve(root, 'src/pack/generated/engine.json');
export const SUBJECT_TERMS_JSON = resolve(root, 'src/pack/generated/subject-terms.json');

/** The sentinel's words, from the compiled pack's matcher (the text of compiled.json). */
export function subjectTermsJson(compiledJson: string): string {
  const { matcher } = JSON.parse(compiledJson) as CompiledPack;
  return `${JSON.stringify(subjectTerms(matcher))}\n`;
}

function packFromDisk(): { pack: Pack; sourceText: string } {
  const yamlText = readFileSync(PACK_YAML, 'utf8');
  // The source file is named inside the pack; read that name before the full validation needs the text.
  const named = (parseYaml(yamlText) as { report?: { source_file?: unknown } } | null)?.report?.source_file;
  const sourceFile = typeof named === 'string' ? named : 'assessment.txt';
  const sourceText = readFileSync(resolve(dirname(PACK_YAML), sourceFile), 'utf8');
  return { pack: loadPack(yamlText, sourceText), sourceText };
}

/** The text of compiled.json for the pack on disk. */
export function compileFromDisk(): string {
  const { pack, sourceText } = packFromDisk();
  return `${JSON.stringify(compilePack(pack, sourceText))}\n`;
}

/** The engine's data for a compiled pack (the text of engine.json, from the text of compiled.json). */
export function engineJson(compiledJson: string): string {
  return `${JSON.stringify(engineDataOf(JSON.parse(compiledJson) as CompiledPack))}\n`;
}

/** The automaton createEngine would build for this pack, serialised (createCompiledEngine loads it). */
function automatonJson(compiled: CompiledPack): string {
  return `${JSON.stringify(serializeAutomaton(buildEngineTrie(compiled.matcher)))}\n`;
}

/** The text of automaton.json for the pack on disk (builds the automaton: the slow part of the build). */
export function compileAutomatonFromDisk(): string {
  const { pack, sourceText } = packFromDisk();
  return automatonJson(compilePack(pack, sourceText));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { pack, sourceText } = packFromDisk();
    const compiled = compilePack(pack, sourceText);
    mkdirSync(dirname(COMPILED_JSON), { recursive: true });
    writeFileSync(COMPILED_JSON, `${JSON.stringify(compiled)}\n`);
    writeFileSync(AUTOMATON_JSON, automatonJson(compiled));
    writeFileSync(SUBJECT_TERMS_JSON, subjectTermsJson(JSON.stringify(compiled)));
    writeFileSync(ENGINE_JSON, engineJson(JSON.stringify(compiled)));
    console.error(`compiled ${PACK_YAML} → ${COMPILED_JSON}, ${AUTOMATON_JSON}`);
  } catch (error) {
    console.error(error instanceof PackError ? error.message : error);
    process.exit(1);
  }
}
