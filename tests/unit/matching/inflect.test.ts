/**
 * Build-time inflection of the concept lexicons (src/matching/inflect.ts via compromise, compile-concepts.ts): verbs
 * are conjugated once, with the participle; `words` are taken as written.
 */
import { describe, expect, it } from 'vitest';
import { compileConcepts } from '../../../src/matching/compile-concepts';
import { verbForms } from '../../../src/matching/inflect';

describe('verbForms', () => {
  it('gives the past participle', () => {
    expect(verbForms('take')).toContain('taken');
    expect(verbForms('drive')).toContain('driven');
  });

  it('doubles the consonant of the gerund where the past tense does', () => {
    expect(verbForms('snap')).toEqual(expect.arrayContaining(['snapped', 'snapping']));
    expect(verbForms('snap')).not.toContain('snaping');
  });
});

describe('compileConcepts', () => {
  const compiled = compileConcepts({
    concepts: [
      { id: 'ideology', words: ['values', 'ideological'] },
      { id: 'trade', verbs: ['trade'] },
    ],
    findings: [{ id: 'transactional', combinations: [{ all: ['ideology', 'trade'], about: 'pair' }] }],
  });
  const formsOf = (id: string) =>
    compiled.terms.filter((t) => t.concepts.includes(compiled.ids.indexOf(id))).flatMap((t) => t.patterns);

  it('takes `words` as written', () => {
    expect(formsOf('ideology').sort()).toEqual(['ideological', 'values']);
  });

  it('conjugates `verbs` once', () => {
    expect(formsOf('trade')).toEqual(expect.arrayContaining(['trade', 'trades', 'traded', 'trading']));
    expect(formsOf('trade')).not.toContain('tradeds');
  });
});
