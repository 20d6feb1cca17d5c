import { describe, expect, it } from 'vitest';
import { TreatmentOptionIdSchema } from '../../src/clinical/treatmentOptionIds.js';
import { assessText } from '../../src/pipeline.js';
import { getReference } from '../../src/references/lookup.js';
import { searchReferences } from '../../src/references/search.js';
import {
  EVIDENCE_BUDGET,
  renderEvidenceMessage,
  renderReferenceResults,
  UNCONFIRMED_FOOTNOTE,
} from '../../src/render/evidence.js';
import { blockKitViolations, totalBlockText } from '../../src/render/limits.js';
import { fakeEvidence } from './fixtures.js';

const README_CASE =
  'bili 34 umol/L, alb 31, INR 1.3, Cr 0.9, Na 133, mild ascites, no HE, ECOG 1, 3 lesions largest 4.2cm, PVTT, AFP 1200';

const optionsOf = (text: string) => {
  const o = assessText(text, { units: 'si' });
  if (o.status !== 'assessed' || !o.assessment.treatment) throw new Error('not assessed');
  const t = o.assessment.treatment;
  return { stage: t.stage, ids: [...new Set(t.options.map((x) => x.id))] };
};

const bodyOf = (m: { blocks: unknown[] }) => JSON.stringify(m.blocks);
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('the Evidence view', () => {
  const c = optionsOf(README_CASE);
  const m = renderEvidenceMessage(c.ids, c.stage);
  const body = bodyOf(m);

  it('fits one message of at most 6,000 visible characters, within Block Kit limits', () => {
    expect(blockKitViolations(m)).toEqual([]);
    expect(totalBlockText(m.blocks)).toBeLessThanOrEqual(EVIDENCE_BUDGET);
    expect(m.text).toBe('Evidence for the BCLC C options.');
  });

  it('is complete for stage C: every option, nothing left out', () => {
    for (const label of [
      'Atezolizumab + bevacizumab',
      'Nivolumab + ipilimumab',
      'Clinical trial',
      'Ramucirumab',
    ])
      expect(body).toContain(label);
    expect(body).not.toMatch(/left out|shortened/i);
  });

  it('shows each trial once and each guideline once', () => {
    expect(count(body, 'IMbrave150:')).toBe(1); // its result once (a condition may name it)
    expect(count(body, 'CheckMate 9DW:')).toBe(1);
    expect(count(body, 'ESMO 2025')).toBeLessThanOrEqual(2); // the guideline list, and a condition that names it
    expect(count(body, '*Guidelines:*')).toBe(1);
  });

  it('shows the durvalumab arm, not STRIDE, on the durvalumab card', () => {
    const durva = m.blocks.map((b) => JSON.stringify(b)).find((b) => b.includes('*Durvalumab* —'));
    expect(durva).toContain('HR 0.86 (95.67% CI 0.73–1.03)');
    expect(durva).not.toContain('0.78');
  });

  it('ends with one neutral review line and no curation wording', () => {
    expect(body).toMatch(/Evidence reviewed \d{4}-\d{2}-\d{2}\./);
    expect(body).not.toMatch(/digest|unverified|docs\/|retriev|news summary|secondary/i);
  });

  it('cites the evidence for the option at this stage (very early HCC: no macrovascular-invasion trial)', () => {
    const zero = optionsOf(
      'bili 15 umol/L, alb 42, INR 1.0, no ascites, no HE, ECOG 0, single 1.6 cm lesion',
    );
    expect(zero.stage).toBe('0');
    const z = bodyOf(renderEvidenceMessage(zero.ids, zero.stage));
    expect(z).not.toContain('Yoon 2018');
    expect(z).not.toContain('SARAH');
    expect(z).toContain('very early HCC');
  });

  it('says what it shed when the options cannot fit, and how to see the rest', () => {
    const all = renderEvidenceMessage(TreatmentOptionIdSchema.options, 'C');
    expect(blockKitViolations(all)).toEqual([]);
    expect(totalBlockText(all.blocks)).toBeLessThanOrEqual(EVIDENCE_BUDGET);
    expect(bodyOf(all)).toMatch(/Left out to fit one message: .*refs/);
  });

  it('never takes the stage from the button value as text', () => {
    expect(renderEvidenceMessage(['tace'], '<!channel>', fakeEvidence).text).toBe(
      'Evidence for the treatment options.',
    );
  });
});

describe('reference results', () => {
  it('never repeat the query, whatever it holds', () => {
    for (const q of ['atezo bev', 'Mr Jones atezo', 'zzzzqqq', '<!channel> imbrave']) {
      const m = renderReferenceResults(searchReferences(q));
      expect(blockKitViolations(m)).toEqual([]);
      expect(bodyOf(m) + m.text).not.toContain(q);
    }
    expect(bodyOf(renderReferenceResults(searchReferences('Jones atezo')))).not.toContain('Jones');
  });

  it('mark a drug by its trial figures, not by its approval years', () => {
    // IMbrave150 is confirmed; the drug's approval years are not: no mark, no footnote.
    const atezo = getReference('atezolizumab-bevacizumab');
    if (!atezo) throw new Error('missing entry');
    const m = renderReferenceResults({ results: [atezo], suggestions: [] });
    expect(bodyOf(m)).not.toContain('†');
    expect(bodyOf(m)).not.toContain(UNCONFIRMED_FOOTNOTE);
  });

  it('show IMbrave050 with the update that did not confirm it, and one footnote', () => {
    const e = getReference('imbrave050');
    if (!e) throw new Error('missing entry');
    const body = bodyOf(renderReferenceResults({ results: [e], suggestions: [] }));
    expect(body).toMatch(/RFS HR 0\.72 .*later update did not confirm it/);
    expect(count(body, '†')).toBe(2); // the mark and its footnote
  });

  it('suggest names from the evidence base when nothing matched', () => {
    const none = renderReferenceResults({ results: [], suggestions: ['imbrave150'] });
    expect(bodyOf(none)).toContain('Try: `imbrave150`');
  });

  it('keep many results within limits', () => {
    const e = getReference('himalaya');
    if (!e) throw new Error('missing entry');
    const many = Array.from({ length: 40 }, (_, i) => ({ ...e, id: `t${i}`, title: 'T'.repeat(500) }));
    expect(blockKitViolations(renderReferenceResults({ results: many, suggestions: [] }))).toEqual([]);
  });
});
