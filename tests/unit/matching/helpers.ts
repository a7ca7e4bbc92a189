/** A small pack built in the test, so engine rules are tested apart from the shipped pack's wording. */
import { compilePack, type CompiledPack } from '../../../src/pack/compile';
import type { Pack } from '../../../src/pack/schema';
import type { TextSegment } from '../../../src/matching/types';

type TriggerSpec = { phrase: string; variants?: string[]; context?: 'any' | 'topic' | 'near'; also?: string[] };

export function makePack(
  findings: Record<string, TriggerSpec[]>,
  concepts: {
    concepts?: Pack['concepts'];
    combinations?: Record<string, Pack['findings'][number]['combinations']>;
  } = {},
): CompiledPack {
  const pack: Pack = {
    report: { title: 'Test report', publisher: 'Test', kind: 'test', release: 'test', source_file: 'test.txt' },
    concepts: concepts.concepts ?? [],
    findings: Object.entries(findings).map(([id, triggers]) => ({
      id,
      title: `Finding ${id}`,
      summary: `Summary of ${id}.`,
      quotes: [{ text: `quote ${id}` }],
      keywords: [],
      triggers: triggers.map((t) => ({ context: 'topic' as const, also: [], ...t })),
      combinations: concepts.combinations?.[id] ?? [],
    })),
  };
  return compilePack(pack, findingsSource(pack));
}

function findingsSource(pack: Pack): string {
  return pack.findings.map((f) => f.quotes.map((q) => q.text).join('\n')).join('\n');
}

/** One segment per block. */
export function blocks(...texts: string[]): TextSegment[] {
  return texts.map((text, block) => ({ text, block }));
}

/** A paragraph that makes a page about China–Russia relations (both named, enough references). */
export const ON_TOPIC = 'Xi Jinping of China met Vladimir Putin of Russia in Moscow. Beijing and the Kremlin talked.';

/**
 * A paragraph of 200 words that speaks to nothing: room for 6 more marks under the density rule (30 per 1,000
 * words, src/matching/clutter.ts), for a test of a page with more marks than a page of its few lines may show.
 */
export const ROOM = Array.from({ length: 25 }, () => 'The weather stayed mild across the whole region.').join(' ');
