import { describe, expect, it } from 'vitest';
import { assessText } from '../../src/pipeline.js';

/** A score the message states is compared with the computed one (invented messages). */
const stated = (text: string) => {
  const o = assessText(text, { units: 'si' });
  if (o.status !== 'assessed')
    throw new Error(`not assessed: ${o.parse.errors.map((e) => e.message).join('; ')}`);
  return o.statedScores ?? [];
};

describe('stated scores', () => {
  it('a stated Child-Pugh class that disagrees with the computed one is flagged', () => {
    const [s] = stated('Child Pugh B8, bili 45 umol/L, alb 26 g/L, INR 2.0, moderate ascites, HE grade 2');
    expect(s).toMatchObject({ score: 'childPugh', stated: 'Child Pugh B8', agrees: false });
    expect(s!.computed).toMatch(/^Child-Pugh C\d+$/);
    expect(s!.message).toContain('You wrote Child Pugh B8, but the values give Child-Pugh C');
  });
  it('an agreeing stated score says so', () => {
    const [s] = stated('CP A5, bili 15 umol/L, alb 40 g/L, INR 1.0, no ascites, no HE');
    expect(s).toMatchObject({ agrees: true, computed: 'Child-Pugh A5' });
  });
  it('an uncomputable stated score says what to add', () => {
    const [s] = stated('CP-A5, MELD 8, solitary 6.5cm seg 8 HCC, bili 1 mg/dL, alb 40 g/L, INR 1.1');
    expect(s).toMatchObject({ score: 'childPugh', agrees: null, computed: null });
    expect(s!.message).toBe('You wrote CP-A5: add ascites and encephalopathy to compute it.');
  });
  it('an uncomputable stated BCLC asks for the inputs in clinic words, never field names', () => {
    const [s] = stated('BCLC B, bili 1 mg/dL, alb 40 g/L, INR 1.1');
    expect(s!.message).toBe(
      'You wrote BCLC B: add ECOG, ascites, encephalopathy and the lesion sizes (or their number and the largest) to compute it.',
    );
    expect(s!.message).not.toMatch(/nodulesCm|noduleCount|largestNoduleCm/);
  });
  it('a bare MELD agrees with any of MELD, MELD-Na and MELD 3.0; BCLC compares the stage', () => {
    const out = stated(
      'MELD 6, BCLC A, bili 1 mg/dL, Cr 0.8 mg/dL, INR 1.0, Na 139, alb 40 g/L, no ascites, no HE, ECOG 0, single 2.5 cm lesion, no PVTT, no EHS',
    );
    expect(out.map((s) => [s.score, s.agrees])).toEqual([
      ['meld', true],
      ['bclc', true],
    ]);
    const [m] = stated('MELD 9, bili 1 mg/dL, Cr 0.8 mg/dL, INR 1.0, Na 139');
    expect(m!.message).toBe(
      'You wrote MELD 9, but the values give MELD 6, MELD-Na 6: check the values or the stated score.',
    );
  });
});
