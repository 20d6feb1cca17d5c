/**
 * Independent clinical cross-check (reviewer-owned), end to end through `assess()`. Every expected value was
 * computed by hand from the rules' primary sources (cited in vectors.ts and docs/clinical-rules.md), not read back
 * from the code; the worked vectors are shared with the calculator tests through vectors.ts. Fixtures are invented. Tests marked `it.fails` document a real bug (see the `// BUG:` line).
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/clinical/assess.js';
import { AssessmentSchema, MrecistInputSchema } from '../../src/clinical/assessment.js';
import { ECOG_CANCER_RELATED_ASSUMED } from '../../src/clinical/bclc.js';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { MELD3_SEX_ASSUMPTION } from '../../src/clinical/meld3.js';
import { mrecist } from '../../src/clinical/mrecist.js';
import { INVASION_SPREAD_ASSUMED } from '../../src/clinical/notStated.js';
import { assessText } from '../../src/pipeline.js';
import { msg } from './fixtures.js';
import {
  ALBI_SOURCE,
  ALBI_VECTORS,
  albiInput,
  MELD_SOURCE,
  MELD_VECTORS,
  MELD3_SOURCE,
  MELD3_VECTORS,
  MRECIST_SOURCE,
  MRECIST_VECTORS,
  TRANSPLANT_SOURCE,
  TRANSPLANT_VECTORS,
} from './vectors.js';

const mg = (value: number) => ({ value, unit: 'mg/dL' as const });
const umol = (value: number) => ({ value, unit: 'umol/L' as const });
const gdl = (value: number) => ({ value, unit: 'g/dL' as const });
const gl = (value: number) => ({ value, unit: 'g/L' as const });

/** Run the core the way the JSON door does: the schema, then assess. */
const run = (raw: CaseInputJson) => {
  const a = assess(CaseInputSchema.parse(raw));
  AssessmentSchema.parse(a); // contract shape holds for every case below
  return a;
};
const missingOf = (a: ReturnType<typeof run>, score: string) =>
  a.notEvaluable.find((n) => n.score === score)?.missing ?? null;

/** Child-Pugh A5: bili 1.0 mg/dL (1), alb 4.0 g/dL (1), INR 1.1 (1), no ascites (1), no HE (1) = 5. */
const CP_A5: CaseInputJson = {
  bilirubin: mg(1.0),
  albumin: gdl(4.0),
  inr: 1.1,
  ascites: 'none',
  encephalopathy: 'none',
};
/** Child-Pugh B7: as A5 but alb 3.0 g/dL (2 points) and mild ascites (2) = 1+2+1+2+1 = 7. */
const CP_B7: CaseInputJson = { ...CP_A5, albumin: gdl(3.0), ascites: 'mild' };
/** Child-Pugh C11: bili 3.5 (3), alb 2.5 (3), INR 1.1 (1), mod-severe ascites (3), no HE (1) = 11. */
const CP_C11: CaseInputJson = {
  ...CP_A5,
  bilirubin: mg(3.5),
  albumin: gdl(2.5),
  ascites: 'moderate-severe',
};

describe(`ALBI vectors through assess() (${ALBI_SOURCE}; −0.085, grades on the unrounded score)`, () => {
  for (const v of ALBI_VECTORS) {
    for (const [units, input] of [
      ['SI', albiInput(v)],
      ['US', v.usUnits],
    ] as const) {
      if (!input) continue;
      it(`${v.id} in ${units} units: ${v.score} → grade ${v.grade}, mALBI ${v.mAlbiGrade}`, () => {
        const a = run(input);
        expect(a.albi?.score).toBeCloseTo(v.score, 3);
        expect(a.albi?.grade).toBe(v.grade);
        expect(a.albi?.mAlbiGrade).toBe(v.mAlbiGrade);
      });
    }
  }
});

describe('Child-Pugh: middle bands inclusive, conversion before the cut-offs', () => {
  it('C2: bili 2.0, alb 3.5, INR 1.7 are each 2 points → 2+2+2+1+1 = 8 B', () => {
    const a = run({ ...CP_A5, bilirubin: mg(2.0), albumin: gdl(3.5), inr: 1.7 });
    expect(a.childPugh).toMatchObject({ points: 8, class: 'B' });
  });
  it('C3: bili 1.9, alb 3.6, INR 1.69 → all 1 point → 5 A', () => {
    const a = run({ ...CP_A5, bilirubin: mg(1.9), albumin: gdl(3.6), inr: 1.69 });
    expect(a.childPugh).toMatchObject({ points: 5, class: 'A' });
  });
  it('upper ends of the middle bands in SI: bili 51.3 µmol/L = 3.0 mg/dL (2), alb 28 g/L = 2.8 g/dL (2), INR 2.3 (2), mild (2), HE 1-2 (2) → 10 C', () => {
    const a = run({
      bilirubin: umol(51.3),
      albumin: gl(28),
      inr: 2.3,
      ascites: 'mild',
      encephalopathy: 'grade-1-2',
    });
    expect(a.childPugh).toMatchObject({ points: 10, class: 'C' });
  });
  it('bili 34 µmol/L = 1.988 mg/dL < 2 → 1 point (converted before the cut-off; the 34 µmol/L table cut does not apply)', () => {
    const a = run({ ...CP_A5, bilirubin: umol(34) });
    expect(a.childPugh?.points).toBe(5);
  });
  it('bili 34.2 µmol/L = 2.0 mg/dL → 2 points; alb 35 g/L = 3.5 g/dL → 2 points → 7 B', () => {
    const a = run({ ...CP_A5, bilirubin: umol(34.2), albumin: gl(35) });
    expect(a.childPugh).toMatchObject({ points: 7, class: 'B' });
  });
  it('just outside: bili 51.4 µmol/L = 3.006 mg/dL → 3; alb 27.9 g/L → 3; INR 2.31 → 3 → 3+3+3+1+1 = 11 C', () => {
    const a = run({ ...CP_A5, bilirubin: umol(51.4), albumin: gl(27.9), inr: 2.31 });
    expect(a.childPugh).toMatchObject({ points: 11, class: 'C' });
  });
  it('PT prolongation used only without INR: 4 s and 6 s are 2 points, 6.1 s is 3', () => {
    const { inr: _drop, ...noInr } = CP_A5;
    expect(run({ ...noInr, ptProlongationSeconds: 3.9 }).childPugh?.points).toBe(5);
    expect(run({ ...noInr, ptProlongationSeconds: 4 }).childPugh?.points).toBe(6);
    expect(run({ ...noInr, ptProlongationSeconds: 6 }).childPugh?.points).toBe(6);
    expect(run({ ...noInr, ptProlongationSeconds: 6.1 }).childPugh?.points).toBe(7);
    // INR wins when both are given: INR 1.1 (1) despite PT +7 s
    expect(run({ ...CP_A5, ptProlongationSeconds: 7 }).childPugh?.points).toBe(5);
  });
  it('C7 PBC: bili 5.0 cholestatic → 2 points → 6 A (standard bands would give 7 B)', () => {
    const base = { ...CP_A5, bilirubin: mg(5.0), albumin: gdl(3.6), inr: 1.2 };
    expect(run({ ...base, cholestatic: true }).childPugh).toMatchObject({ points: 6, class: 'A' });
    expect(run(base).childPugh).toMatchObject({ points: 7, class: 'B' });
  });
  it('cholestatic edges: 4 and 10 mg/dL are 2 points; 171 µmol/L = 10.0 mg/dL is 2; 172 µmol/L is 3', () => {
    const c = (b: CaseInputJson['bilirubin']) =>
      run({ ...CP_A5, bilirubin: b, cholestatic: true }).childPugh?.points;
    expect(c(mg(3.99))).toBe(5);
    expect(c(mg(4))).toBe(6);
    expect(c(mg(10))).toBe(6);
    expect(c(umol(171))).toBe(6);
    expect(c(umol(172))).toBe(7);
  });
  it('C5: 3+3+3+3+3 = 15 C; C8: alb 2.9 → 2 points (Pugh 2.8 band) → 6 A', () => {
    expect(
      run({
        bilirubin: mg(3.5),
        albumin: gdl(2.7),
        inr: 2.4,
        ascites: 'moderate-severe',
        encephalopathy: 'grade-3-4',
      }).childPugh,
    ).toMatchObject({ points: 15, class: 'C' });
    expect(run({ ...CP_A5, albumin: gdl(2.9) }).childPugh).toMatchObject({ points: 6, class: 'A' });
  });
});

describe(`MELD / MELD-Na vectors through assess() (${MELD_SOURCE}; > 11 gate on the integer MELD)`, () => {
  const v = (bili: number, inr: number, cr: number, na?: number, dialysis = false): CaseInputJson => ({
    bilirubin: mg(bili),
    inr,
    creatinine: mg(cr),
    ...(na === undefined ? {} : { sodium: na }),
    dialysis,
  });
  for (const { id, input, meld, meldNa } of MELD_VECTORS) {
    it(`${id}: MELD ${meld}, MELD-Na ${meldNa}`, () => {
      const a = run(input);
      expect(a.meld.meld).toBe(meld);
      expect(a.meld.meldNa).toBe(meldNa);
    });
  }
  it('dialysis removes the need for creatinine: M6 without creatinine → MELD 27, MELD-Na 30', () => {
    const a = run({ bilirubin: mg(2.0), inr: 1.5, sodium: 130, dialysis: true });
    expect(a.meld.meld).toBe(27);
    expect(a.meld.meldNa).toBe(30);
    expect(missingOf(a, 'MELD')).toBeNull();
  });
  it('sodium needed only when MELD > 11: M7 without Na → MELD-Na 11; M1 without Na → MELD-Na not evaluable, sodium missing', () => {
    const low = run(v(1.3, 1.3, 1.1));
    expect(low.meld.meldNa).toBe(11);
    expect(missingOf(low, 'MELD-Na')).toBeNull();
    const high = run(v(2.0, 1.5, 1.2));
    expect(high.meld.meld).toBe(15);
    expect(high.meld.meldNa).toBeNull();
    expect(missingOf(high, 'MELD-Na')?.join(' ')).toMatch(/sodium/);
  });
  it('MELD without creatinine and without dialysis is not evaluable and names creatinine', () => {
    const a = run({ bilirubin: mg(2.0), inr: 1.5 });
    expect(a.meld.meld).toBeNull();
    expect(missingOf(a, 'MELD')?.join(' ')).toMatch(/creatinine/);
  });
});

describe(`MELD 3.0 vectors through assess() (${MELD3_SOURCE}; round half up, no intermediate rounding)`, () => {
  const v = (
    bili: number,
    inr: number,
    cr: number,
    na: number,
    alb: number,
    sex: 'female' | 'male',
    dialysis = false,
  ): CaseInputJson => ({
    bilirubin: mg(bili),
    inr,
    creatinine: mg(cr),
    sodium: na,
    albumin: gdl(alb),
    sex,
    dialysis,
  });
  for (const { id, input, unrounded, score } of MELD3_VECTORS) {
    it(`${id} (${unrounded}) → ${score}`, () => {
      expect(run(input).meld.meld3).toBe(score);
    });
  }
  it('albumin in g/L is converted then clamped: 12 g/L = 1.2 g/dL → 1.5 (same as T6 → 38)', () => {
    expect(run({ ...v(5.0, 2.0, 5.0, 120, 1.2, 'female'), albumin: gl(12) }).meld.meld3).toBe(38);
  });
  it('needs sex: no sex → null, "sex" listed; the adult sex rule is shown as an assumption when computed', () => {
    const { sex: _s, ...noSex } = v(2.0, 1.5, 1.2, 135, 3.0, 'male');
    const a = run(noSex);
    expect(a.meld.meld3).toBeNull();
    expect(missingOf(a, 'MELD 3.0')).toContain('sex');
    expect(run(v(2.0, 1.5, 1.2, 135, 3.0, 'female')).assumptions.map(msg)).toContain(MELD3_SEX_ASSUMPTION);
  });
  it('free text with a realistic decompensated case: CP 11 C, MELD 25, MELD-Na 31, MELD 3.0 34', () => {
    // CP: bili 1.5 (1) + alb 3.0 (2) + INR 2.4 (3) + refractory (3) + HE 2 (2) = 11 C
    // MELD: 0.957·ln2.1 0.71003 + 0.378·ln1.5 0.15327 + 1.12·ln2.4 0.98053 + 0.643 = 2.48683 → 25
    // MELD-Na: Na 124 → 125: 25 + 15.84 − 0.033·25·12 (9.9) = 30.94 → 31
    // MELD 3.0 (F): 1.33 + 1.84892 + 9.84 − 1.16774 + 7.95801 + 8.26518 + 0.925 − 0.67887 + 6 = 34.3205 → 34
    const o = assessText(
      'TB 1.5 mg/dL, Alb 3.0, INR 2.4, creatinine 2.1 mg/dL, Na 124 mEq/L, female, refractory ascites, HE 2',
    );
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    expect(o.assessment.childPugh).toMatchObject({ points: 11, class: 'C' });
    expect(o.assessment.meld).toEqual({ meld: 25, meldNa: 31, meld3: 34 });
  });
});

describe(`Transplant criteria through assess() (${TRANSPLANT_SOURCE}), and the band edges`, () => {
  for (const { nodulesCm, afp, ...expected } of TRANSPLANT_VECTORS) {
    it(`${JSON.stringify(nodulesCm)} AFP ${afp}`, () => {
      expect(run({ nodulesCm, afp }).transplant).toEqual(expected);
    });
  }
  it('Metroticket band edges: AFP 199.9 → ≤ 7; 200 and 400 → ≤ 5; 400.1 → ≤ 4; 1000.1 → not eligible', () => {
    // [4, 1]: sum 5; [5, 1]: sum 6; [3, 1]: sum 4
    expect(run({ nodulesCm: [5], afp: 199.9 }).transplant.metroticket2).toBe(true); // 6 ≤ 7
    expect(run({ nodulesCm: [5], afp: 200 }).transplant.metroticket2).toBe(false); // 6 > 5
    expect(run({ nodulesCm: [4], afp: 400 }).transplant.metroticket2).toBe(true); // 5 ≤ 5
    expect(run({ nodulesCm: [4], afp: 400.1 }).transplant.metroticket2).toBe(false); // 5 > 4
    expect(run({ nodulesCm: [3], afp: 1000 }).transplant.metroticket2).toBe(true); // 4 ≤ 4
    expect(run({ nodulesCm: [1], afp: 1000.1 }).transplant.metroticket2).toBe(false);
  });
  it('AFP-model edges: 3 cm → 0, 3.1 → 1, 6 → 1, 6.1 → 4; AFP 100 → 0, 100.1 → 2, 1000 → 2, 1001 → 3', () => {
    const p = (d: number, afp: number) => run({ nodulesCm: [d], afp }).transplant.afpModel?.points;
    expect([p(3, 10), p(3.1, 10), p(6, 10), p(6.1, 10)]).toEqual([0, 1, 1, 4]);
    expect([p(1, 100), p(1, 100.1), p(1, 1000), p(1, 1001)]).toEqual([0, 2, 2, 3]);
  });
  it('UCSF with count + largest only: 3 nodules, largest 2.5 → total ≤ 7.5 → true; largest 3 → unknown, names diameters', () => {
    expect(run({ noduleCount: 3, largestNoduleCm: 2.5 }).transplant.ucsf).toBe(true);
    const a = run({ noduleCount: 3, largestNoduleCm: 3 });
    expect(a.transplant.ucsf).toBeNull();
    expect(missingOf(a, 'UCSF')?.length).toBeGreaterThan(0);
  });
  it('invasion or spread fails size criteria: reported false, not null, even without tumour size or AFP', () => {
    const a = run({ macrovascularInvasion: true });
    expect(a.transplant).toMatchObject({ milan: false, ucsf: false, upToSeven: false, metroticket2: false });
    expect(missingOf(a, 'Milan')).toBeNull();
  });
  it('invasion or spread also fails the AFP model: single 2 cm, AFP 10, extrahepatic spread → lowRisk false', () => {
    // size 0 + count 0 + AFP 0 = 0 points, yet macrovascular invasion or extrahepatic spread fails every criterion
    const a = run({ ...CP_A5, ecog: 1, nodulesCm: [2], afp: 10, extrahepaticSpread: true });
    expect(a.transplant.afpModel?.lowRisk).toBe(false);
  });
});

describe('HAP / mHAP-II (strict inequalities) and six-and-twelve', () => {
  it('all at HAP threshold (alb 36 g/L, AFP 400, bili 17 µmol/L, 7 cm, 2 nodules) → HAP 0 A, mHAP-II 2 C', () => {
    // mHAP-II scores bilirubin > 0.9 mg/dL (Park 2016), and 17 µmol/L is 0.99 mg/dL: one point more than HAP.
    const a = run({ albumin: gl(36), afp: 400, bilirubin: umol(17), nodulesCm: [7, 1] });
    expect(a.hap).toEqual({ points: 0, grade: 'A' });
    expect(a.mhap2).toEqual({ points: 2, grade: 'C' });
  });
  it('alb 3.6 g/dL = 36 g/L (0), bili 1.0 mg/dL = 17.1 µmol/L > 17 (1) → HAP 1 B', () => {
    const a = run({ albumin: gdl(3.6), afp: 10, bilirubin: mg(1.0), nodulesCm: [3] });
    expect(a.hap).toEqual({ points: 1, grade: 'B' });
  });
  it('(35, 500, 20, 8 cm, 3 nodules) → HAP 4 D, mHAP-II 5 D', () => {
    const a = run({ albumin: gl(35), afp: 500, bilirubin: umol(20), nodulesCm: [8, 2, 1] });
    expect(a.hap).toEqual({ points: 4, grade: 'D' });
    expect(a.mhap2).toEqual({ points: 5, grade: 'D' });
  });
  it('six-and-twelve: 4+2 = 6 → ≤6; 4.5+2 = 6.5 → middle; 10+2 = 12 → middle; 9+4 = 13 → >12', () => {
    const band = (nodulesCm: number[]) => run({ nodulesCm }).sixAndTwelve?.band;
    expect(band([4, 1])).toBe('<=6');
    expect(band([4.5, 1])).toBe('>6-12');
    expect(band([10, 1])).toBe('>6-12');
    expect(band([9, 1, 1, 1])).toBe('>12');
  });
});

describe(`mRECIST vectors (${MRECIST_SOURCE}: exact −30 % / +20 %)`, () => {
  const r = (baselineMm: number, nadirMm: number, currentMm: number, newLesion = false) =>
    mrecist(MrecistInputSchema.parse({ baselineMm, nadirMm, currentMm, newLesion })).response;
  for (const v of MRECIST_VECTORS) {
    it(`${v.baselineMm}/${v.nadirMm}/${v.currentMm} → ${v.response}`, () => {
      expect(r(v.baselineMm, v.nadirMm, v.currentMm)).toBe(v.response);
    });
  }
  it('a new lesion is PD whatever the sums', () => {
    expect(r(50, 20, 20, true)).toBe('PD');
  });
});

describe('BCLC 2022 stage paths', () => {
  it('0: single 2.0 cm (≤ 2), CP A5, ECOG 0', () => {
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [2.0] }).bclc).toMatchObject({
      stage: '0',
      liverFunction: 'preserved',
    });
  });
  it('A: single 2.1 cm; single 8 cm; [3, 3, 3]', () => {
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [2.1] }).bclc?.stage).toBe('A');
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [8] }).bclc?.stage).toBe('A');
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [3, 3, 3] }).bclc?.stage).toBe('A');
  });
  it('A (not 0): single 1.5 cm with Child-Pugh B7 → impaired, A, with the Child-Pugh B warning', () => {
    const a = run({ ...CP_B7, ecog: 0, nodulesCm: [1.5] });
    expect(a.childPugh).toMatchObject({ points: 7, class: 'B' });
    expect(a.bclc).toMatchObject({ stage: 'A', liverFunction: 'impaired' });
    expect(a.warnings.map(msg).join(' ')).toMatch(/Child-Pugh B/);
  });
  it('B: [3.1, 2] (2 nodules, one > 3 cm); [1, 1, 1, 1] (4 nodules); noduleCount 4 largest 2', () => {
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [3.1, 2] }).bclc?.stage).toBe('B');
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [1, 1, 1, 1] }).bclc?.stage).toBe('B');
    expect(run({ ...CP_A5, ecog: 0, noduleCount: 4, largestNoduleCm: 2 }).bclc?.stage).toBe('B');
  });
  it('B subgroups: infiltrative → systemic; [3.1, 2] within UCSF → extended-transplant; [5,5,5,5] AFP 50 → tace', () => {
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [3.1, 2], infiltrative: true }).bclc?.subgroup?.id).toBe(
      'systemic',
    );
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [3.1, 2], afp: 10 }).bclc?.subgroup?.id).toBe(
      'extended-transplant',
    );
    // [5,5,5,5]: UCSF ✘ (4 nodules), up-to-7 ✘ (9), Metroticket ✘ (9 > 7), AFP model 1 + 2 + 0 = 3 → high
    const a = run({ ...CP_A5, ecog: 0, nodulesCm: [5, 5, 5, 5], afp: 50, infiltrative: false });
    expect(a.bclc?.subgroup?.id).toBe('tace');
  });
  it('B subgroup without AFP: AFP is not asked for when no AFP could change a criterion', () => {
    // [5,5,5,5] without AFP: UCSF/up-to-7/Metroticket all false by size (9 > 7); the AFP model already scores
    // 1 + 2 = 3 > 2 on size and number, so it is high risk at any AFP.
    const a = run({ ...CP_A5, ecog: 0, nodulesCm: [5, 5, 5, 5] });
    expect(a.bclc?.stage).toBe('B');
    expect(a.transplant.afpModel).toEqual({ points: null, lowRisk: false });
    expect(a.bclc?.subgroup?.decidingInputs.join(' ')).not.toMatch(/afp/i);
  });
  it('C: ECOG 1 cancer-related (default, assumption shown); macrovascular invasion; extrahepatic spread', () => {
    const e = run({ ...CP_A5, ecog: 1, nodulesCm: [2] });
    expect(e.bclc?.stage).toBe('C');
    expect(e.assumptions.map(msg)).toContain(ECOG_CANCER_RELATED_ASSUMED(1));
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [2], macrovascularInvasion: true }).bclc?.stage).toBe('C');
    expect(run({ ...CP_A5, ecog: 0, nodulesCm: [2], extrahepaticSpread: true }).bclc?.stage).toBe('C');
  });
  it('ECOG 2 not cancer-related is staged as ECOG 0, with a visible note: single 2 cm CP A → 0', () => {
    const a = run({ ...CP_A5, ecog: 2, ecogCancerRelated: false, nodulesCm: [2] });
    expect(a.bclc?.stage).toBe('0');
    expect(a.bclc?.notes.join(' ')).toMatch(/not cancer-related/);
  });
  it('ECOG not cancer-related does not cancel invasion: ECOG 1 (comorbidity) + PVTT → C', () => {
    expect(
      run({ ...CP_A5, ecog: 1, ecogCancerRelated: false, macrovascularInvasion: true }).bclc?.stage,
    ).toBe('C');
  });
  it('D: ECOG 3 with CP A; CP C11 with ECOG 0 (Milan note); CP C with PVTT (no Milan note)', () => {
    expect(run({ ...CP_A5, ecog: 3, nodulesCm: [2] }).bclc?.stage).toBe('D');
    const c = run({ ...CP_C11, ecog: 0, nodulesCm: [1.5] });
    expect(c.childPugh).toMatchObject({ points: 11, class: 'C' });
    expect(c.bclc).toMatchObject({ stage: 'D', liverFunction: 'end-stage' });
    expect(c.bclc?.notes.join(' ')).toMatch(/Milan/);
    const pvtt = run({ ...CP_C11, ecog: 0, nodulesCm: [1.5], macrovascularInvasion: true });
    expect(pvtt.bclc?.stage).toBe('D');
    expect(pvtt.bclc?.notes.join(' ')).not.toMatch(/evaluate for liver transplantation/);
  });
  it('D outranks C: ECOG 1 cancer-related + CP C → D', () => {
    expect(run({ ...CP_C11, ecog: 1, macrovascularInvasion: true }).bclc?.stage).toBe('D');
  });
});

describe('BCLC with partial inputs (stage what the inputs already decide, never impute)', () => {
  it('ECOG 4 alone → D (liver function unknown)', () => {
    expect(run({ ecog: 4 }).bclc?.stage).toBe('D');
  });
  it('Child-Pugh C alone (no ECOG, no tumour) → D', () => {
    expect(run(CP_C11).bclc?.stage).toBe('D');
  });
  it('CP A + ECOG 0 + invasion, no tumour size → C', () => {
    expect(run({ ...CP_A5, ecog: 0, macrovascularInvasion: true }).bclc?.stage).toBe('C');
  });
  it('CP B + ECOG 2 cancer-related, no tumour size → C', () => {
    expect(run({ ...CP_B7, ecog: 2 }).bclc).toMatchObject({ stage: 'C', liverFunction: 'impaired' });
  });
  it('ECOG missing, CP A, invasion → not staged; missing names ecog', () => {
    const a = run({ ...CP_A5, macrovascularInvasion: true, nodulesCm: [2] });
    expect(a.bclc).toBeNull();
    expect(missingOf(a, 'BCLC')).toContain('ecog');
  });
  it('ECOG missing, CP A, single 1.5 cm → not staged (never assume ECOG 0)', () => {
    const a = run({ ...CP_A5, nodulesCm: [1.5] });
    expect(a.bclc).toBeNull();
    expect(missingOf(a, 'BCLC')).toEqual(['ecog']);
  });
  it('ECOG 1 + invasion but Child-Pugh incomplete → not staged (could be D); missing lists the CP inputs', () => {
    const a = run({ ecog: 1, macrovascularInvasion: true, bilirubin: mg(1), albumin: gdl(4), inr: 1.1 });
    expect(a.bclc).toBeNull();
    expect(missingOf(a, 'BCLC')).toEqual(expect.arrayContaining(['ascites', 'encephalopathy']));
  });
  it('CP A + ECOG 0, no tumour, no invasion → not staged; tumour size named', () => {
    const a = run({ ...CP_A5, ecog: 0 });
    expect(a.bclc).toBeNull();
    expect(missingOf(a, 'BCLC')?.join(' ')).toMatch(/nodule/);
  });
});

describe('missing inputs and assumptions (never impute)', () => {
  it('empty case: no score computed, each names its missing inputs; nothing assumed without a result', () => {
    const a = run({});
    expect(a.albi).toBeNull();
    expect(a.childPugh).toBeNull();
    expect(a.meld).toEqual({ meld: null, meldNa: null, meld3: null });
    expect(a.bclc).toBeNull();
    expect(missingOf(a, 'ALBI')).toEqual(['bilirubin', 'albumin']);
    expect(missingOf(a, 'Child-Pugh')).toEqual(
      expect.arrayContaining(['bilirubin', 'albumin', 'ascites', 'encephalopathy']),
    );
    for (const s of ['MELD', 'MELD-Na', 'MELD 3.0', 'HAP', 'mHAP-II', 'BCLC', 'Milan', 'UCSF', 'AFP model'])
      expect(missingOf(a, s)?.length, s).toBeGreaterThan(0);
    expect(a.assumptions.map(msg)).not.toContain(INVASION_SPREAD_ASSUMED);
  });
  it('Child-Pugh without ascites → null; no default of "none"', () => {
    const { ascites: _a, ...noAscites } = CP_A5;
    const a = run(noAscites);
    expect(a.childPugh).toBeNull();
    expect(missingOf(a, 'Child-Pugh')).toEqual(['ascites']);
  });
  it('stated invasion/spread false → no "taken as absent" assumption', () => {
    const a = run({
      ...CP_A5,
      ecog: 0,
      nodulesCm: [2],
      macrovascularInvasion: false,
      extrahepaticSpread: false,
    });
    expect(a.assumptions.map(msg).join(' ')).not.toMatch(/taken as absent/);
  });
});

describe('free text end to end (assessText)', () => {
  it('the README example: CP 7 B, ALBI −1.624 2b, MELD 12, MELD-Na 16, BCLC C (PVTT)', () => {
    // bili 34 µmol/L = 1.988 mg/dL (1); alb 31 g/L = 3.1 g/dL (2); INR 1.3 (1); mild (2); no HE (1) = 7 B
    // ALBI 0.66·log10 34 (1.01078) − 0.085·31 (2.635) = −1.6242 → 2b
    // MELD: Cr 0.9 → 1.0; 0.378·ln 1.988 (0.25978) + 1.12·ln 1.3 (0.29385) + 0.643 = 1.1966 → 12
    // MELD-Na: 12 + 1.32·4 − 0.033·12·4 = 15.696 → 16
    const o = assessText(
      'bili 34 umol/L, alb 31, INR 1.3, Cr 0.9, Na 133, mild ascites, no HE, ECOG 1, 3 lesions largest 4.2cm, PVTT, AFP 1200',
    );
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    const a = o.assessment;
    expect(a.childPugh).toMatchObject({ points: 7, class: 'B' });
    expect(a.albi?.score).toBeCloseTo(-1.6242, 3);
    expect(a.albi?.mAlbiGrade).toBe('2b');
    expect(a.meld.meld).toBe(12);
    expect(a.meld.meldNa).toBe(16);
    expect(a.bclc).toMatchObject({ stage: 'C', liverFunction: 'impaired' });
    expect(a.transplant.milan).toBe(false);
    expect(o.parse.assumptions.map((x) => x.field)).toEqual(
      expect.arrayContaining(['albumin', 'creatinine']),
    );
  });
  it('"62F … creat 80 … single 1.8 cm": CP 6 A, BCLC 0, MELD 9, MELD 3.0 10 (female)', () => {
    // CP: 1.1 (1) + 3.2 (2) + 1.2 (1) + 1 + 1 = 6 A; MELD: Cr 80/88.4 = 0.905 → 1.0;
    // 0.378·ln1.1 0.03603 + 1.12·ln1.2 0.20420 + 0.643 = 0.8832 → 9; MELD 3.0: 1.33 + 0.43461 + 1.65730 + 1.85·0.3
    // (0.555) + 6 = 9.977 → 10
    const o = assessText(
      '62F bili 1.1 mg/dl alb 3,2 g/dL INR 1.2 creat 80 Na 138 no ascites no HE PS 0 single 1.8 cm no PVTT no EHS AFP 12',
    );
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    expect(o.input.sex).toBe('female');
    expect(o.input.creatinine).toEqual({ value: 80, unit: 'umol/L' });
    expect(o.assessment.childPugh).toMatchObject({ points: 6, class: 'A' });
    expect(o.assessment.bclc?.stage).toBe('0');
    expect(o.assessment.meld).toMatchObject({ meld: 9, meldNa: 9, meld3: 10 });
  });
  it('ambiguous bare bilirubin without a configured unit system → not assessed (asks); with si → µmol/L', () => {
    expect(assessText('bili 12 alb 3.4 INR 1.8').status).toBe('not-assessed');
    const o = assessText('bili 12 alb 3.4 INR 1.8', { units: 'si' });
    expect(o.status).toBe('assessed');
    expect(o.parse.input.bilirubin).toEqual({ value: 12, unit: 'umol/L' });
  });
  it('microvascular invasion and bland portal vein thrombosis are not staged as macrovascular invasion', () => {
    const o = assessText(
      'bili 1 mg/dL alb 4 g/dL INR 1 no ascites no HE ECOG 0 single 1.5 cm, bland portal vein thrombosis, MVI on histology',
    );
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    // A thrombus stated bland is stated "no invasion" (and said so), not left unstated.
    expect(o.input.macrovascularInvasion).toBe(false);
    expect(o.assessment.bclc?.stage).toBe('0');
  });
  it('"2.1 x 1.8 cm" is one lesion of 2.1 cm → A, not 0; "not on dialysis" is not dialysis', () => {
    const o = assessText(
      'bili 0.9 mg/dL alb 4.1 g/dL INR 1.1 Cr 0.8 Na 140 not on dialysis no ascites no HE ECOG 0 single 2.1 x 1.8 cm lesion',
    );
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    expect(o.input.dialysis).toBe(false);
    expect(o.assessment.bclc?.stage).toBe('A');
    expect(o.assessment.meld.meld).toBe(7); // 0.378·ln1 + 1.12·ln1.1 (0.10675) + 0.643 = 0.7497 → 7
  });
  it('LN+ counts as extrahepatic spread → C; contradictions are errors', () => {
    const o = assessText(
      'bili 1.0 mg/dL alb 3.6 g/dL PT +3s no ascites no encephalopathy ECOG 0 two 2.5 cm nodules, LN+',
    );
    expect(o.status === 'assessed' && o.assessment.bclc?.stage).toBe('C');
    expect(assessText('no ascites, bili 0.8, alb 42, INR 1.0, mild ascites').status).toBe('not-assessed');
    expect(assessText('bili 1.2 mg/dL, tbili 2.0 mg/dL, alb 40, INR 1.1').status).toBe('not-assessed');
  });
  it('"LI-RADS 5 lesion 3.5 cm" is one 3.5 cm lesion → BCLC A, not B with 5 nodules', () => {
    const o = assessText(
      'LI-RADS 5 lesion segment 8 3.5 cm, ECOG 0, bili 0.7 mg/dL alb 4.2 g/dL INR 1.0 no ascites no HE',
    );
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    expect(o.input.noduleCount ?? o.input.nodulesCm?.length).toBe(1);
    expect(o.assessment.bclc?.stage).toBe('A');
  });
  it('"HCV cirrhosis F4" is a fibrosis stage, not sex: MELD 3.0 not computed (sex missing)', () => {
    // With sex unknown MELD 3.0 must be null; currently sex = female and MELD 3.0 = 1.33 + 6 = 7.33 → 7.
    const o = assessText('HCV cirrhosis F4, bili 1 mg/dL INR 1.0 Cr 1.0 mg/dL Na 137 alb 3.5 g/dL');
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    expect(o.input.sex).toBeUndefined();
    expect(o.assessment.meld.meld3).toBeNull();
  });
  it('"no longer on dialysis" is not dialysis: MELD 17, not 27 (creatinine 1.4 would be replaced by 4.0)', () => {
    // 0.957·ln1.4 (0.32200) + 0.378·ln2 (0.26201) + 1.12·ln1.5 (0.45412) + 0.643 = 1.68114 → 1.7 → 17
    // (with Cr forced to 4.0: 1.32668 + 0.26201 + 0.45412 + 0.643 = 2.68582 → 27)
    const o = assessText('no longer on dialysis, bili 2 mg/dL INR 1.5 Cr 1.4 mg/dL Na 137');
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    expect(o.input.dialysis).toBe(false);
    expect(o.assessment.meld.meld).toBe(17);
  });
  it('"previous HD for AKI" is not current dialysis: MELD 17', () => {
    const o = assessText('previous HD for AKI, bili 2 mg/dL INR 1.5 Cr 1.4 mg/dL Na 137');
    expect(o.status === 'assessed' && o.assessment.meld.meld).toBe(17);
  });
});
