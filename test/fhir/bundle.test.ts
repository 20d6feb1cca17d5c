import type {
  Bundle,
  CarePlan,
  Observation,
  Patient,
  Procedure,
  Provenance,
  Reference,
  Resource,
  Task,
} from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { caseBundle } from '../../src/fhir/bundle.js';
import { caseIdSystem } from '../../src/fhir/context.js';
import { caseOf, DECISION, FULL_CASE, OPTIONS, SIGNED, STAGE_B_INPUT } from './fixtures.js';
import { bundleProblems } from './validate.js';

const resources = (b: Bundle): Resource[] => (b.entry ?? []).map((e) => e.resource as Resource);
const byId = <T extends Resource>(b: Bundle, suffix: string): T => {
  const r = resources(b).find((x) => x.id?.endsWith(suffix));
  if (!r) throw new Error(`no resource ending ${suffix}`);
  return r as T;
};
const ofType = <T extends Resource>(b: Bundle, type: T['resourceType']): T[] =>
  resources(b).filter((r) => r.resourceType === type) as T[];

/** Every relative reference in the bundle names an entry in it. */
function danglingReferences(b: Bundle): string[] {
  const present = new Set(resources(b).map((r) => `${r.resourceType}/${r.id}`));
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const ref = (v as Reference).reference;
      if (typeof ref === 'string' && !present.has(ref)) out.push(ref);
      Object.values(v).forEach(walk);
    }
  };
  walk(b);
  return out;
}

describe('the case bundle', () => {
  const bundle = caseBundle(FULL_CASE(), OPTIONS);

  it('is a collection that passes base R4, its mCODE profiles and every required binding', () => {
    expect(bundle.type).toBe('collection');
    expect(bundleProblems(bundle)).toEqual([]);
  });

  it('holds the expected resources, with fullUrls under the installation base', () => {
    const types = resources(bundle).map((r) => r.resourceType);
    expect(types.filter((t) => t === 'Patient')).toHaveLength(1);
    expect(types.filter((t) => t === 'Observation')).toHaveLength(16);
    expect(ofType<Procedure>(bundle, 'Procedure')).toHaveLength(2);
    expect(ofType<CarePlan>(bundle, 'CarePlan')).toHaveLength(1);
    expect(ofType<Task>(bundle, 'Task')).toHaveLength(2);
    expect(ofType<Provenance>(bundle, 'Provenance')).toHaveLength(1);
    for (const e of bundle.entry ?? [])
      expect(e.fullUrl).toBe(`${OPTIONS.baseUrl}/${e.resource?.resourceType}/${e.resource?.id}`);
  });

  it('has no reference that points outside the bundle', () => {
    expect(danglingReferences(bundle)).toEqual([]);
  });

  it('is the same bundle every time for the same case', () => {
    expect(caseBundle(FULL_CASE(), OPTIONS)).toEqual(bundle);
  });

  it('has a pseudonymous Patient: the case ID under the installation system, and nothing else', () => {
    const [patient] = ofType<Patient>(bundle, 'Patient');
    expect(patient?.identifier).toEqual([{ system: caseIdSystem(OPTIONS.baseUrl), value: 'HCC-7QK2M' }]);
    expect(Object.keys(patient ?? {}).sort()).toEqual(['id', 'identifier', 'meta', 'resourceType']);
    expect(patient?.meta?.security?.[0]?.code).toBe('PSEUDED');
  });

  it('names the installation in the identifier system when configured differently', () => {
    const other = caseBundle(FULL_CASE(), { ...OPTIONS, baseUrl: 'https://other.example/fhir' });
    expect(ofType<Patient>(other, 'Patient')[0]?.identifier?.[0]?.system).toBe(
      'https://other.example/fhir/sid/case-id',
    );
  });
});

describe('lab Observations', () => {
  const bundle = caseBundle(FULL_CASE(), OPTIONS);

  it.each([
    ['lab-bilirubin', '14631-6', 15, 'umol/L'],
    ['lab-albumin', '1751-7', 41, 'g/L'],
    ['lab-creatinine', '14682-9', 80, 'umol/L'],
    ['lab-inr', '6301-6', 1.1, '{INR}'],
    ['lab-sodium', '2951-2', 139, 'mmol/L'],
    ['lab-afp', '1834-1', 12, 'ng/mL'],
  ])('%s carries LOINC %s and the UCUM unit, dated when stated', (id, loinc, value, ucum) => {
    const o = byId<Observation>(bundle, id);
    expect(o.code.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: loinc });
    expect(o.valueQuantity).toMatchObject({ value, system: 'http://unitsofmeasure.org', code: ucum });
    expect(o.effectiveDateTime).toBe('2026-11-20T09:15:00.000Z');
    expect(o.category?.[0]?.coding?.[0]?.code).toBe('laboratory');
  });

  it('uses the mass-concentration codes for values stated in mg/dL', () => {
    const b = caseBundle(
      caseOf({
        ...STAGE_B_INPUT,
        bilirubin: { value: 0.9, unit: 'mg/dL' },
        creatinine: { value: 0.9, unit: 'mg/dL' },
        albumin: { value: 4.1, unit: 'g/dL' },
      }),
      OPTIONS,
    );
    expect(byId<Observation>(b, 'lab-bilirubin').code.coding?.[0]?.code).toBe('1975-2');
    expect(byId<Observation>(b, 'lab-creatinine').code.coding?.[0]?.code).toBe('2160-0');
    expect(byId<Observation>(b, 'lab-albumin').valueQuantity?.code).toBe('g/dL');
    expect(bundleProblems(b)).toEqual([]);
  });

  it('gives PIVKA-II in mAU/mL the unit as text only, with no LOINC or UCUM code', () => {
    const o = byId<Observation>(bundle, 'lab-pivka');
    expect(o.valueQuantity).toEqual({ value: 40, unit: 'mAU/mL' });
    expect(o.code.coding?.[0]?.system).not.toBe('http://loinc.org');
  });

  it('codes PIVKA-II in ng/mL with LOINC 34444-0', () => {
    const b = caseBundle(caseOf({ ...STAGE_B_INPUT, pivka: { value: 5, unit: 'ng/mL' } }), OPTIONS);
    const o = byId<Observation>(b, 'lab-pivka');
    expect(o.code.coding?.[0]?.code).toBe('34444-0');
    expect(o.valueQuantity?.code).toBe('ng/mL');
  });

  it('leaves out a lab the case never stated', () => {
    const { sodium: _s, ...noSodium } = STAGE_B_INPUT;
    const b = caseBundle(caseOf(noSodium), OPTIONS);
    expect(resources(b).some((r) => r.id?.endsWith('lab-sodium'))).toBe(false);
    expect(bundleProblems(b)).toEqual([]);
  });

  it('before the first snapshot, assesses the values itself and leaves the scores undated', () => {
    const b = caseBundle(caseOf(STAGE_B_INPUT, { snapshot: null }), OPTIONS);
    const stage = byId<Observation>(b, 'bclc');
    expect(stage.valueCodeableConcept?.text).toBe('BCLC B');
    expect(stage.effectiveDateTime).toBeUndefined();
    expect(byId<Observation>(b, 'lab-albumin').effectiveDateTime).toBe('2026-11-20T09:15:00.000Z');
    expect(bundleProblems(b)).toEqual([]);
  });
});

describe('ECOG and the scores', () => {
  const bundle = caseBundle(FULL_CASE(), OPTIONS);

  it('ECOG is an mCODE ECOG Performance Status: LOINC 89247-1, integer value, LOINC answer', () => {
    const o = byId<Observation>(bundle, 'ecog');
    expect(o.meta?.profile).toEqual([
      'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-ecog-performance-status',
    ]);
    expect(o.code.coding?.[0]?.code).toBe('89247-1');
    expect(o.valueInteger).toBe(0);
    expect(o.interpretation?.[0]?.coding?.[0]?.code).toBe('LA9622-7');
  });

  it('notes an ECOG recorded as not cancer-related', () => {
    const b = caseBundle(caseOf({ ...STAGE_B_INPUT, ecog: 1, ecogCancerRelated: false }), OPTIONS);
    const o = byId<Observation>(b, 'ecog');
    expect(o.interpretation?.[0]?.coding?.[0]?.code).toBe('LA9623-5');
    expect(o.note?.[0]?.text).toMatch(/not cancer-related/);
  });

  it('Child-Pugh: points, class, the rule version in method, derivedFrom its five inputs', () => {
    const o = byId<Observation>(bundle, 'child-pugh');
    expect(o.valueInteger).toBe(5);
    expect(o.component?.[0]?.valueCodeableConcept?.text).toBe('Child-Pugh class A');
    expect(o.method?.text).toMatch(/^Child-Pugh \(Pugh 1973\): Pugh RNH/);
    expect(o.derivedFrom?.map((r) => r.reference?.split('-').slice(2).join('-')).sort()).toEqual(
      ['exam-ascites', 'exam-encephalopathy', 'lab-albumin', 'lab-bilirubin', 'lab-inr'].sort(),
    );
  });

  it('ALBI: the unrounded score, grade and modified grade, both rules in method', () => {
    const o = byId<Observation>(bundle, 'albi');
    expect(o.valueQuantity?.value).toBeCloseTo(0.66 * Math.log10(15) - 0.085 * 41, 10);
    expect(o.component?.map((c) => c.valueInteger ?? c.valueString)).toEqual([1, '1']);
    expect(o.method?.text).toMatch(/ALBI \(Johnson 2015\).*Modified ALBI/);
    expect(o.derivedFrom).toHaveLength(2);
  });

  it('MELD, MELD-Na and MELD 3.0, each with its rule and inputs', () => {
    expect(byId<Observation>(bundle, 'meld').derivedFrom).toHaveLength(3);
    expect(byId<Observation>(bundle, 'meld-na').derivedFrom).toHaveLength(4);
    const m3 = byId<Observation>(bundle, 'meld-3');
    expect(m3.derivedFrom).toHaveLength(5);
    expect(m3.method?.text).toMatch(/MELD 3\.0 \(Kim 2021; OPTN 2023\)/);
    expect(typeof m3.valueInteger).toBe('number');
  });

  it('leaves out a score that could not be computed', () => {
    const b = caseBundle(caseOf({ ecog: 3 }), OPTIONS);
    for (const s of ['child-pugh', 'albi', 'meld', 'meld-na', 'meld-3'])
      expect(resources(b).some((r) => r.id?.endsWith(`-${s}`))).toBe(false);
  });
});

describe('the BCLC stage', () => {
  it('is an mCODE CancerStage: NCIt C115134, method C115132 with the BCLC edition, value B', () => {
    const o = byId<Observation>(caseBundle(FULL_CASE(), OPTIONS), 'bclc');
    expect(o.meta?.profile).toEqual(['http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-stage']);
    expect(o.code.coding?.[0]).toMatchObject({ code: 'C115134', display: 'BCLC Stage' });
    expect(o.method?.coding?.[0]?.code).toBe('C115132');
    expect(o.method?.text).toMatch(/^BCLC 2022: Reig M/);
    expect(o.valueCodeableConcept?.text).toBe('BCLC B');
    expect(o.valueCodeableConcept?.coding?.[0]?.code).toBe('bclc-B');
    expect(o.effectiveDateTime).toBe('2026-11-26T08:30:00.000Z');
  });

  it('stage B: hasMember is ECOG and Child-Pugh; the note gives the basis and the subgroup', () => {
    const o = byId<Observation>(caseBundle(FULL_CASE(), OPTIONS), 'bclc');
    expect(o.hasMember?.map((r) => r.reference)).toEqual([
      'Observation/HCC-7QK2M-ecog',
      'Observation/HCC-7QK2M-child-pugh',
    ]);
    expect(o.note?.[0]?.text).toMatch(/^Stage B: 4 nodules/);
    expect(o.note?.some((n) => n.text.startsWith('BCLC-B subgroup:'))).toBe(true);
  });

  it('stage D from ECOG 3 alone: hasMember is ECOG only, and the missing labs are not invented', () => {
    const b = caseBundle(caseOf({ ecog: 3 }), OPTIONS);
    const o = byId<Observation>(b, 'bclc');
    expect(o.valueCodeableConcept?.text).toBe('BCLC D');
    expect(o.hasMember?.map((r) => r.reference)).toEqual(['Observation/HCC-7QK2M-ecog']);
    expect(bundleProblems(b)).toEqual([]);
  });

  it('stage D from Child-Pugh C with ECOG 0: hasMember is Child-Pugh only', () => {
    const b = caseBundle(
      caseOf({
        ...STAGE_B_INPUT,
        bilirubin: { value: 60, unit: 'umol/L' },
        albumin: { value: 25, unit: 'g/L' },
        ascites: 'moderate-severe',
        inr: 2.5,
      }),
      OPTIONS,
    );
    const o = byId<Observation>(b, 'bclc');
    expect(o.valueCodeableConcept?.text).toBe('BCLC D');
    expect(o.hasMember?.map((r) => r.reference)).toEqual(['Observation/HCC-7QK2M-child-pugh']);
  });

  it('carries every assumption the assessment made, so the copy shows what could change the stage', () => {
    const c = caseOf({ ...STAGE_B_INPUT });
    const o = byId<Observation>(caseBundle(c, OPTIONS), 'bclc');
    const assumptions = c.snapshot?.assessment.assumptions ?? [];
    for (const a of assumptions) expect(o.note?.map((n) => n.text)).toContain(`Assumed: ${a.message}`);
    expect(assumptions.length).toBeGreaterThan(0);
  });

  it('is absent when the stage cannot be computed', () => {
    const b = caseBundle(caseOf({ bilirubin: { value: 15, unit: 'umol/L' } }), OPTIONS);
    expect(resources(b).some((r) => r.id?.endsWith('bclc'))).toBe(false);
    expect(bundleProblems(b)).toEqual([]);
  });
});

describe('the decision', () => {
  const full = caseBundle(FULL_CASE(), OPTIONS);
  const carePlan = ofType<CarePlan>(full, 'CarePlan')[0] as CarePlan;

  it('is a CarePlan, active once signed off, whose activity is the recommended treatment, done', () => {
    expect(carePlan.status).toBe('active');
    expect(carePlan.intent).toBe('plan');
    expect(carePlan.activity?.[0]?.detail?.code?.text).toBe('TACE (transarterial chemoembolisation)');
    expect(carePlan.activity?.[0]?.detail?.status).toBe('completed');
    expect(carePlan.activity?.[0]?.outcomeReference?.[0]?.reference).toBe(
      'Procedure/HCC-7QK2M-treatment-tx-1',
    );
  });

  it('keeps rationale, dissent, patient preference and the frozen stage in notes', () => {
    const notes = carePlan.note?.map((n) => n.text) ?? [];
    expect(notes).toContain(
      'Rationale: Multinodular, preserved liver function, well-defined nodules on imaging',
    );
    expect(notes).toContain('Dissent (U02ONC): Would consider systemic therapy first given four nodules');
    expect(notes).toContain("Patient's preference discussed: yes");
    expect(notes).toContain(
      'At decision: BCLC B (BCLC 2022), Child-Pugh A5, ALBI -2.71 (grade 1), MELD-Na 7, AFP 12 ng/mL, ECOG 0',
    );
  });

  it('rests on the stage, the scores and the board review', () => {
    const refs = carePlan.supportingInfo?.map((r) => r.reference);
    expect(refs).toContain('Observation/HCC-7QK2M-bclc');
    expect(refs).toContain('Procedure/HCC-7QK2M-review-dec-1');
  });

  it('is draft until signed off, with no Provenance', () => {
    const b = caseBundle(caseOf(STAGE_B_INPUT, { decision: DECISION }), OPTIONS);
    expect(ofType<CarePlan>(b, 'CarePlan')[0]?.status).toBe('draft');
    expect(ofType<Provenance>(b, 'Provenance')).toEqual([]);
    expect(ofType<CarePlan>(b, 'CarePlan')[0]?.activity?.[0]?.detail?.status).toBe('not-started');
    expect(bundleProblems(b)).toEqual([]);
  });

  it('deferred and signed: on-hold, with one activity per missing item and the reason in a note', () => {
    const deferred = {
      ...SIGNED,
      outcome: 'defer' as const,
      treatment: null,
      missing: ['imaging' as const, 'other' as const],
      missingOther: 'liver MRI with contrast',
    };
    const b = caseBundle(caseOf(STAGE_B_INPUT, { decision: deferred }), OPTIONS);
    const cp = ofType<CarePlan>(b, 'CarePlan')[0] as CarePlan;
    expect(cp.status).toBe('on-hold');
    expect(cp.activity?.map((a) => a.detail?.code?.text)).toEqual([
      'Awaiting imaging',
      'Awaiting other information',
    ]);
    expect(cp.activity?.[1]?.detail?.description).toBe('liver MRI with contrast');
    expect(cp.note?.[0]?.text).toBe('Deferred, missing: imaging; liver MRI with contrast');
    expect(bundleProblems(b)).toEqual([]);
  });

  it('no active treatment and referral each get their activity; "other" keeps its text', () => {
    const bsc = caseBundle(
      caseOf(STAGE_B_INPUT, { decision: { ...SIGNED, outcome: 'no-active-treatment', treatment: null } }),
      OPTIONS,
    );
    expect(ofType<CarePlan>(bsc, 'CarePlan')[0]?.activity?.[0]?.detail?.code?.coding?.[0]?.code).toBe(
      'treatment-best-supportive-care',
    );
    const refer = caseBundle(
      caseOf(STAGE_B_INPUT, { decision: { ...SIGNED, outcome: 'refer', treatment: null } }),
      OPTIONS,
    );
    expect(ofType<CarePlan>(refer, 'CarePlan')[0]?.activity?.[0]?.detail?.code?.coding?.[0]?.code).toBe(
      'refer-elsewhere',
    );
    const other = caseBundle(
      caseOf(STAGE_B_INPUT, {
        decision: { ...SIGNED, treatment: { kind: 'other', text: 'Histotripsy trial' } },
      }),
      OPTIONS,
    );
    expect(ofType<CarePlan>(other, 'CarePlan')[0]?.activity?.[0]?.detail?.code?.text).toBe(
      'Histotripsy trial',
    );
    for (const b of [bsc, refer, other]) expect(bundleProblems(b)).toEqual([]);
  });

  it('an amended decision says which version it is and why', () => {
    const b = caseBundle(
      caseOf(STAGE_B_INPUT, {
        decision: { ...SIGNED, id: 'dec-1-v2', version: 2, amendmentReason: 'New imaging' },
      }),
      OPTIONS,
    );
    expect(ofType<CarePlan>(b, 'CarePlan')[0]?.note?.map((n) => n.text)).toContain(
      'Version 2, amended: New imaging',
    );
  });

  it('the board review is a Procedure coded SNOMED 399414003 and NCIt C93304', () => {
    const p = byId<Procedure>(full, 'review-dec-1');
    expect(p.code?.coding?.map((c) => c.code)).toEqual(['399414003', 'C93304']);
    expect(p.performedDateTime).toBe(DECISION.recordedAt);
  });

  it('the sign-off is a Provenance on the CarePlan: verifier and author', () => {
    const [prov] = ofType<Provenance>(full, 'Provenance');
    expect(prov?.target).toEqual([{ reference: 'CarePlan/HCC-7QK2M-careplan-dec-1' }]);
    expect(prov?.recorded).toBe('2026-11-26T09:10:00Z');
    expect(prov?.agent.map((a) => [a.type?.coding?.[0]?.code, a.who.display])).toEqual([
      ['verifier', 'U03CHAIR'],
      ['author', 'U01REG'],
    ]);
  });
});

describe('follow-ups and treatment given', () => {
  const full = caseBundle(FULL_CASE(), OPTIONS);

  it('each follow-up is a Task based on the CarePlan, due at the end of its period', () => {
    const tasks = ofType<Task>(full, 'Task');
    expect(tasks.map((t) => [t.status, t.description, t.restriction?.period?.end])).toEqual([
      ['completed', 'Book TACE', '2026-12-10'],
      ['requested', 'Response CT after TACE', '2027-01-21'],
    ]);
    for (const t of tasks) expect(t.basedOn).toEqual([{ reference: 'CarePlan/HCC-7QK2M-careplan-dec-1' }]);
    expect(tasks[0]?.owner?.display).toBe('U04IR');
    expect(tasks[1]?.owner).toBeUndefined();
  });

  it('the treatment given is a Procedure based on the CarePlan; a difference keeps its reason', () => {
    const p = byId<Procedure>(full, 'treatment-tx-1');
    expect(p.basedOn).toEqual([{ reference: 'CarePlan/HCC-7QK2M-careplan-dec-1' }]);
    expect(p.performedDateTime).toBe('2026-12-08');
    const c = FULL_CASE();
    c.treatments = [
      {
        ...c.treatments[0]!,
        treatment: { kind: 'option', id: 'tare' },
        concordance: 'discordant',
        reason: 'Arterial anatomy unsuitable for TACE',
      },
    ];
    const b = caseBundle(c, OPTIONS);
    expect(byId<Procedure>(b, 'treatment-tx-1').note?.[0]?.text).toBe(
      'Differs from the decision: Arterial anatomy unsuitable for TACE',
    );
    expect(bundleProblems(b)).toEqual([]);
  });

  it('without a decision, follow-ups and treatments are exported unlinked and still valid', () => {
    const c = FULL_CASE();
    c.decision = null;
    const b = caseBundle(c, OPTIONS);
    expect(ofType<Task>(b, 'Task').every((t) => t.basedOn === undefined)).toBe(true);
    expect(danglingReferences(b)).toEqual([]);
    expect(bundleProblems(b)).toEqual([]);
  });
});
