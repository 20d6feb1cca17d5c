import { describe, expect, it } from 'vitest';
import { mrecist } from '../../src/clinical/mrecist.js';
import { TreatmentOptionIdSchema } from '../../src/clinical/treatmentOptionIds.js';
import { searchReferences } from '../../src/references/lookup.js';
import { NO_EVIDENCE } from '../../src/render/defaultEvidence.js';
import { renderEvidenceMessage, renderReferenceResults } from '../../src/render/evidence.js';
import { effectLine } from '../../src/render/evidenceModel.js';
import type { ReferenceLike } from '../../src/render/evidenceSource.js';
import { blockKitViolations } from '../../src/render/limits.js';
import { renderMrecistMessage, renderMrecistText } from '../../src/render/mrecist.js';
import { renderSummaryMessage } from '../../src/render/summaryBlocks.js';
import { assessmentC, fakeEvidence, inputB, parseB } from './fixtures.js';

describe('mRECIST', () => {
  it('shows the response, the changes and the rule', () => {
    const r = mrecist({ baselineMm: 50, nadirMm: 50, currentMm: 30, newLesion: false });
    const m = renderMrecistMessage(r);
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.text).toBe('mRECIST PR (partial response): -40.0% from baseline, -40.0% from nadir.');
    expect(JSON.stringify(m.blocks)).toContain('mRECIST (Lencioni &amp; Llovet 2010)');
    const t = renderMrecistText(r);
    expect(t).toContain('mRECIST PR (partial response)');
    expect(t).toContain('Rule: mRECIST (Lencioni & Llovet 2010).');
  });

  it('says when the change from nadir is not defined', () => {
    const r = mrecist({ baselineMm: 40, nadirMm: 0, currentMm: 5, newLesion: false });
    expect(renderMrecistText(r)).toContain('change from nadir not defined (nadir 0)');
  });
});

const HIMALAYA: ReferenceLike = {
  id: 'himalaya',
  kind: 'trial',
  title: 'HIMALAYA',
  citations: [{ doi: '10.1056/EVIDoa2100070', url: 'https://doi.org/10.1056/EVIDoa2100070' }],
  verified: false,
  medianOsMonths: { experimental: 16.43, control: 13.77 },
  osHazardRatio: { endpoint: 'OS', value: 0.78, ci: [0.65, 0.93], ciLevel: 96.02 },
  otherHazardRatios: [],
  benefit: 'os',
  primaryEndpointMet: true,
};

const EMERALD: ReferenceLike = {
  id: 'emerald-1',
  kind: 'trial',
  title: 'EMERALD-1',
  citations: [{ pmid: '39798579', url: 'https://pubmed.ncbi.nlm.nih.gov/39798579/' }],
  verified: true,
  medianOsMonths: null,
  medianPfsMonths: { experimental: 15, control: 8.2 },
  osHazardRatio: null,
  otherHazardRatios: [{ endpoint: 'PFS', value: 0.77, ci: [0.61, 0.98], ciLevel: 95 }],
  benefit: 'pfs-only',
  primaryEndpointMet: true,
};

describe('evidence', () => {
  it('writes effect sizes with non-95% intervals and PFS-only benefit', () => {
    expect(effectLine(HIMALAYA)).toBe('OS 16.43 vs 13.77 mo, HR 0.78 (96.02% CI 0.65–0.93)');
    expect(effectLine(EMERALD)).toBe('PFS 15 vs 8.2 mo, PFS HR 0.77 (0.61–0.98); PFS benefit only');
    expect(effectLine({ ...HIMALAYA, primaryEndpointMet: false })).toContain('primary endpoint not met');
  });

  it('renders full cards for every option id within limits', () => {
    const m = renderEvidenceMessage(TreatmentOptionIdSchema.options, 'C', fakeEvidence);
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.text).toBe('Evidence for the BCLC C options.');
    const body = JSON.stringify(m.blocks);
    expect(body).toContain('IMbrave150');
    expect(body).toContain('<https://pubmed.ncbi.nlm.nih.gov/34902530/|PMID 34902530>');
    expect(renderEvidenceMessage(['tace'], '<!channel>', fakeEvidence).text).toBe(
      'Evidence for the treatment options.',
    );
  });

  it('renders reference results as compact cards with links, or suggestions', () => {
    const m = renderReferenceResults(
      'himalaya <b>',
      { results: [HIMALAYA, EMERALD], suggestions: [] },
      NO_EVIDENCE,
    );
    expect(blockKitViolations(m)).toEqual([]);
    const body = JSON.stringify(m.blocks);
    expect(body).toContain('<https://doi.org/10.1056/EVIDoa2100070|doi 10.1056/EVIDoa2100070>');
    expect(body).toContain('_(unverified)_');
    expect(body).toContain('himalaya &lt;b&gt;');
    expect(m.text).toBe('HCC MDT references: 2 found.');
    const none = renderReferenceResults('imbrav', { results: [], suggestions: ['imbrave150'] });
    expect(JSON.stringify(none.blocks)).toContain('Try: `imbrave150`');
    expect(none.text).not.toContain('imbrav');
  });

  it('keeps many results within limits', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...HIMALAYA, id: `t${i}`, title: 'T'.repeat(500) }));
    expect(
      blockKitViolations(renderReferenceResults('x'.repeat(5000), { results: many, suggestions: [] })),
    ).toEqual([]);
  });
});

describe('with the curated evidence base', () => {
  it('gives every option of the longest list its line of evidence, within limits', () => {
    const m = renderSummaryMessage(
      { parse: parseB, input: inputB, assessment: assessmentC },
      { shareable: true },
    );
    expect(blockKitViolations(m)).toEqual([]);
    const body = JSON.stringify(m.blocks);
    expect(body).toContain('IMbrave150');
    expect(body).not.toContain('left out');
  });

  it('renders evidence cards for every option and search results', () => {
    expect(blockKitViolations(renderEvidenceMessage(TreatmentOptionIdSchema.options, 'C'))).toEqual([]);
    for (const q of ['atezo bev', 'stage C', 'lenva', 'zzzzqqq']) {
      const m = renderReferenceResults(q, searchReferences(q));
      expect(blockKitViolations(m)).toEqual([]);
      expect(m.text).not.toContain(q);
    }
  });
});
