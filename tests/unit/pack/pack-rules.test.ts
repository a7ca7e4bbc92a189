import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../src/pack/load';
import { PACK_YAML, SOURCE_TEXT } from './helpers';

/** The repo's rules for the shipped pack, as tests. */
const pack = loadPack(PACK_YAML, SOURCE_TEXT);

const REQUIRED_IDS = [
  'transactional',
  'no-alliance-trust',
  'unlimited-partnership',
  'axis-of-convenience',
  'sanctions-brics-coordination',
  'ukraine-non-endorsement',
  'europe-ties',
  'dual-use-restrictions',
  'joint-exercises',
  'weapons-requests',
  'economic-priority',
  'energy-dedollarisation',
  'provenance',
];

describe('the shipped assessment pack', () => {
  it('has every finding id other tools rely on', () => {
    const ids = pack.findings.map((f) => f.id);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
  });

  it('has unique ids', () => {
    const ids = pack.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('quotes the source verbatim, every quote', () => {
    for (const finding of pack.findings) {
      for (const quote of finding.quotes) expect(SOURCE_TEXT, finding.id).toContain(quote.text);
    }
  });

  it('resolves every trigger to findings that exist', () => {
    const ids = new Set(pack.findings.map((f) => f.id));
    for (const finding of pack.findings) {
      for (const trigger of finding.triggers) for (const id of trigger.also) expect(ids, trigger.phrase).toContain(id);
    }
  });

  it('gives every finding except provenance at least one trigger', () => {
    for (const finding of pack.findings.filter((f) => f.id !== 'provenance')) {
      expect(finding.triggers.length, finding.id).toBeGreaterThan(0);
    }
  });

  it('claims no number that the source does not contain', () => {
    for (const finding of pack.findings) {
      for (const number of `${finding.title} ${finding.summary}`.match(/\d[\d,.]*\d|\d/g) ?? []) {
        expect(SOURCE_TEXT, `${finding.id}: ${number}`).toContain(number);
      }
    }
  });

  it('names no person, body or place that the source does not name', () => {
    // Capitalised words after the start of a sentence are names; each must occur in the source text.
    const ordinary = new Set([
      'The',
      'A',
      'An',
      'Where',
      'According',
      'Despite',
      'It',
      'That',
      'This',
      'Analysts',
      'Beijing',
    ]);
    for (const finding of pack.findings) {
      const text = `${finding.title}. ${finding.summary}`;
      for (const match of text.matchAll(/(?<![.:!?]\s|^)\b([A-Z][A-Za-z]+)/g)) {
        const word = match[1]!;
        if (ordinary.has(word)) continue;
        expect(SOURCE_TEXT, `${finding.id}: "${word}"`).toContain(word);
      }
    }
  });

  it('states only report metadata the source supports, and no calendar date', () => {
    expect(SOURCE_TEXT).toContain('Government Communications Headquarters (GCHQ)');
    expect(SOURCE_TEXT).toContain('Joint Intelligence Committee');
    expect(pack.report.publisher).toContain('GCHQ');
    expect(JSON.stringify(pack.report)).not.toMatch(/\b(19|20)\d\d\b/);
  });
});
