import { describe, expect, it } from 'vitest';
import {
  effectLine,
  formatGroup,
  formatMedians,
  shortName,
  trialEffect,
} from '../../src/references/format.js';
import { entryEffect, evidenceForOption, getReference } from '../../src/references/lookup.js';
import type { ReferenceEntry, Trial } from '../../src/references/schema.js';

const entry = (id: string): ReferenceEntry => {
  const e = getReference(id);
  if (!e) throw new Error(`no entry ${id}`);
  return e;
};
const trial = (id: string): Trial => {
  const e = entry(id);
  if (e.kind !== 'trial') throw new Error(`${id} is not a trial`);
  return e;
};

/** The one effect-line formatter: every card, summary line and JSON result goes through it. */
describe('effectLine', () => {
  it('writes OS medians and the hazard ratio, with a non-95 % interval named', () => {
    expect(trialEffect(trial('imbrave150'))).toBe('OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)');
    expect(trialEffect(trial('himalaya'))).toBe('OS 16.43 vs 13.77 mo, HR 0.78 (96.02% CI 0.65–0.93)');
  });

  it('leads with PFS for a PFS-only trial and says OS was not shown', () => {
    expect(trialEffect(trial('emerald-1'))).toBe(
      'PFS 15.0 vs 8.2 mo, HR 0.77 (0.61–0.98); no OS benefit shown',
    );
  });

  it('says when the benefit is PFS only although OS is reported', () => {
    expect(trialEffect(trial('cosmic-312'))).toMatch(
      /^OS 15\.4 vs 15\.5 mo, HR 0\.90 \(96% CI 0\.69–1\.18\)/,
    );
    expect(trialEffect(trial('cosmic-312'))).toContain('PFS benefit only');
  });

  it('shows the later update beside a headline it did not confirm (IMbrave050)', () => {
    const line = trialEffect(trial('imbrave050'));
    expect(line).toMatch(/^RFS HR 0\.72 \(0\.53–0\.98\)/);
    expect(line).toContain('the later update did not confirm it');
    expect(trialEffect({ ...trial('imbrave050'), laterUpdate: undefined })).not.toContain('later update');
  });

  it('gives a drug card the line of the option it backs: durvalumab alone is not STRIDE', () => {
    const durva = entryEffect(entry('durvalumab'));
    expect(durva).toContain('HR 0.86 (95.67% CI 0.73–1.03)');
    expect(durva).not.toContain('0.78');
    expect(durva).toBe(evidenceForOption('durvalumab').oneLine);
    expect(entryEffect(entry('atezolizumab-bevacizumab'))).toBe(
      'IMbrave150: OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)',
    );
  });

  it('falls back to the first trial for a drug that backs no option', () => {
    const e = entry('atezolizumab-bevacizumab');
    if (e.kind !== 'drug') throw new Error('not a drug');
    const line = effectLine(
      { ...e, optionIds: [] },
      { reference: getReference, optionLine: () => undefined },
    );
    expect(line).toBe('IMbrave150: OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)');
  });

  it('writes a procedure by its evidence and a biomarker by its status', () => {
    const tace = entry('tace');
    if (tace.kind !== 'procedure') throw new Error('not a procedure');
    expect(entryEffect(tace)).toBe(tace.evidence);
    expect(entryEffect(entry('afp'))).toMatch(/^approved: /);
  });
});

describe('number groups', () => {
  it('share the precision of the most precise member, never below the minimum', () => {
    expect(formatGroup([0.5, 0.79], 2)).toEqual(['0.50', '0.79']);
    expect(formatGroup([0.531, 0.949], 2)).toEqual(['0.531', '0.949']);
    expect(formatMedians(10.2, 8)).toBe('10.2 vs 8.0');
    expect(formatMedians(null, 10.4)).toBe('NR vs 10.4');
  });
});

describe('shortName', () => {
  it('names a guideline by body and year, a trial by its name', () => {
    expect(shortName(entry('esmo-2025'))).toBe('ESMO 2025');
    expect(shortName(entry('bclc-2022'))).toBe('BCLC 2022');
    expect(shortName(entry('imbrave150'))).toBe('IMbrave150');
  });
});
