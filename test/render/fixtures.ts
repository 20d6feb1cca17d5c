import fc from 'fast-check';
import { type Assessment, AssessmentSchema, type TreatmentOption } from '../../src/clinical/assessment.js';
import { type CaseInput, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { BCLC_2022_RULE, CALCULATOR_RULES } from '../../src/clinical/rules.js';
import { SCORE_KEYS } from '../../src/clinical/scores.js';
import { type TreatmentOptionId, TreatmentOptionIdSchema } from '../../src/clinical/treatmentOptionIds.js';
import { type ParseResult, ParseResultSchema } from '../../src/parse/parseResult.js';
import { defaultEvidenceSource } from '../../src/render/defaultEvidence.js';
import type { EvidenceSource, OptionEvidence } from '../../src/render/evidenceSource.js';

/** A string planted in everything the user typed; it must never reach a `text` fallback. */
export const MARKER = 'ZQXMARKERQZX';

export const RULES = [
  BCLC_2022_RULE,
  ...CALCULATOR_RULES.filter((r) => r.id !== 'mrecist' && r.id !== BCLC_2022_RULE.id),
];

export const inputB: CaseInput = CaseInputSchema.parse({
  bilirubin: { value: 34, unit: 'umol/L' },
  albumin: { value: 31, unit: 'g/L' },
  inr: 1.3,
  creatinine: { value: 0.9, unit: 'mg/dL' },
  sodium: 133,
  ascites: 'none',
  encephalopathy: 'none',
  ecog: 0,
  sex: 'male',
  noduleCount: 4,
  largestNoduleCm: 4.2,
  afp: 1200,
});

const opt = (
  id: TreatmentOptionId,
  label: string,
  role: TreatmentOption['role'],
  condition: string | null = null,
  conditionMet: boolean | null = null,
  verified = true,
  basis: TreatmentOption['basis'] = 'BCLC 2022',
): TreatmentOption => ({ id, label, role, condition, conditionMet, basis, verified });

/** BCLC B, Child-Pugh A6, ALBI 2, with assumptions, a missing score and a subgroup. */
export const assessmentB: Assessment = AssessmentSchema.parse({
  ok: true,
  albi: { score: -1.6244, grade: '2', mAlbiGrade: '2b' },
  childPugh: {
    points: 6,
    class: 'A',
    components: {
      bilirubin: 1,
      albumin: 2,
      coagulation: 1,
      coagulationBy: 'inr',
      ascites: 1,
      encephalopathy: 1,
    },
    bilirubinBands: 'standard',
  },
  meld: { meld: 9, meldNa: 12, meld3: 11 },
  bclc: {
    stage: 'B',
    liverFunction: 'preserved',
    basis: 'Stage B: 4 nodules, largest 4.2 cm, no macrovascular invasion or extrahepatic spread, ECOG 0.',
    subgroup: {
      id: 'tace',
      reason: 'Not within extended transplant criteria: BCLC-B subgroup for TACE — the MDT confirms',
      decidingInputs: ['infiltrative pattern not stated'],
    },
    notes: [],
  },
  treatment: {
    stage: 'B',
    options: [
      opt(
        'tace',
        'TACE (transarterial chemoembolisation)',
        'first-option',
        'Well-defined nodules, preserved portal flow',
        null,
        true,
      ),
      opt(
        'liver-transplant',
        'Liver transplantation',
        'alternative',
        'Within extended transplant criteria',
        false,
      ),
      opt(
        'atezolizumab-bevacizumab',
        'Atezolizumab + bevacizumab',
        'alternative',
        'Diffuse, infiltrative or bilobar',
        false,
      ),
    ],
    notes: ['Treatment stage migration: progression may move the patient to the next option.'],
  },
  transplant: {
    milan: false,
    ucsf: false,
    upToSeven: true,
    metroticket2: false,
    afpModel: { points: 5, lowRisk: false },
  },
  hap: { points: 2, grade: 'C' },
  mhap2: null,
  sixAndTwelve: { sum: 8.2, band: '>6-12' },
  notEvaluable: [{ score: 'mHAP-II', about: 'mhap2', missing: ['largestNoduleCm', 'ptProlongationSeconds'] }],
  warnings: [
    { about: ['bclc'], fields: [], message: 'AFP 1200 ng/mL: high AFP worsens prognosis within BCLC B.' },
  ],
  assumptions: [
    { about: ['childPugh'], fields: ['ascites'], message: 'Ascites taken as none (not stated)' },
    { about: ['meld3'], fields: [], message: 'MELD 3.0 uses the adult sex coefficient' },
  ],
  rules: RULES,
});

export const parseB: ParseResult = ParseResultSchema.parse({
  input: { bilirubin: { value: 34, unit: 'umol/L' } },
  recognised: [
    { start: 0, end: 7, kind: 'bilirubin' },
    { start: 8, end: 14, kind: 'albumin' },
  ],
  notUnderstood: [{ kind: 'unknown', start: 20, end: 31, text: `${MARKER} bilu`, suggestion: 'bili' }],
  assumptions: [{ field: 'albumin', message: 'albumin 31 read as g/L (no unit given)' }],
  errors: [],
  warnings: [],
});

const systemic: TreatmentOption[] = [
  opt(
    'atezolizumab-bevacizumab',
    'Atezolizumab + bevacizumab',
    'first-option',
    'Child-Pugh A, no untreated varices',
    null,
    false,
  ),
  opt(
    'durvalumab-tremelimumab',
    'Durvalumab + tremelimumab (STRIDE)',
    'first-option',
    'Child-Pugh A',
    true,
    false,
  ),
  opt(
    'nivolumab-ipilimumab',
    'Nivolumab + ipilimumab',
    'first-option',
    'Child-Pugh A',
    true,
    false,
    'BCLC 2025 update',
  ),
  opt('sorafenib', 'Sorafenib', 'alternative', 'If immunotherapy is not possible', null, false),
  opt('lenvatinib', 'Lenvatinib', 'alternative', 'If immunotherapy is not possible', null, false),
  opt('durvalumab', 'Durvalumab', 'alternative', 'If immunotherapy is not possible', null, false),
  opt('tislelizumab', 'Tislelizumab', 'alternative', 'If immunotherapy is not possible', null, false),
  opt(
    'camrelizumab-rivoceranib',
    'Camrelizumab + rivoceranib',
    'alternative',
    'Regional approval (China)',
    null,
    false,
  ),
  opt('regorafenib', 'Regorafenib', 'second-line', 'After sorafenib, tolerant', null, false),
  opt('cabozantinib', 'Cabozantinib', 'second-line', 'After sorafenib', null, false),
  opt('ramucirumab', 'Ramucirumab', 'second-line', 'AFP >= 400 ng/mL after sorafenib', true, false),
  opt('clinical-trial', 'Clinical trial', 'note', 'After immunotherapy-based first line', null, false),
];

/** BCLC C with the longest option list the BCLC module produces. */
export const assessmentC: Assessment = AssessmentSchema.parse({
  ...assessmentB,
  bclc: {
    stage: 'C',
    liverFunction: 'preserved',
    basis: 'Stage C: macrovascular invasion; Child-Pugh A6 (preserved liver function).',
    subgroup: null,
    notes: [],
  },
  treatment: { stage: 'C', options: systemic, notes: ['No trial-based second line after immunotherapy.'] },
});

/** Nothing but a few labs: BCLC and most scores not computed. */
export const assessmentSparse: Assessment = AssessmentSchema.parse({
  ok: true,
  albi: null,
  childPugh: null,
  meld: { meld: null, meldNa: null, meld3: null },
  bclc: null,
  treatment: null,
  transplant: { milan: null, ucsf: null, upToSeven: null, metroticket2: null, afpModel: null },
  hap: null,
  mhap2: null,
  sixAndTwelve: null,
  notEvaluable: [
    { score: 'ALBI', about: 'albi', missing: ['albumin'] },
    { score: 'Child-Pugh', about: 'childPugh', missing: ['albumin', 'ascites', 'encephalopathy'] },
    { score: 'MELD 3.0', about: 'meld3', missing: ['sex', 'creatinine'] },
    {
      score: 'BCLC',
      about: 'bclc',
      missing: ['ecog', 'nodule sizes (nodulesCm, or noduleCount with largestNoduleCm)'],
    },
    { score: 'Milan', about: 'milan', missing: ['nodule sizes'] },
  ],
  warnings: [],
  assumptions: [],
  rules: [],
});

export const emptyParse = (over: Partial<ParseResult> = {}): ParseResult =>
  ParseResultSchema.parse({
    input: {},
    recognised: [],
    notUnderstood: [],
    assumptions: [],
    errors: [],
    warnings: [],
    ...over,
  });

/** The real evidence base with invented one-line evidence per option, so tests can tell where a line lands. */
export const fakeEvidence: EvidenceSource = {
  ...defaultEvidenceSource,
  evidenceForOption: (id: TreatmentOptionId): OptionEvidence => ({
    optionId: id,
    oneLine:
      id === 'atezolizumab-bevacizumab'
        ? 'IMbrave150: OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)'
        : `${id} evidence line`,
    conditions:
      id === 'ramucirumab' ? ['AFP >= 400 ng/mL'] : ['Child-Pugh A in most trials; B7 limited evidence'],
    referenceIds: ['imbrave150'],
    verified: id !== 'tace',
    url: 'https://pubmed.ncbi.nlm.nih.gov/34902530/',
    urlLabel: 'PMID 34902530',
  }),
  reviewed: '2026-11-28',
};

// ---------------------------------------------------------------- fast-check arbitraries

/** Strings that stress escaping and length: mrkdwn specials, emoji, and some very long ones. */
export const arbText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 60 }) },
  {
    weight: 2,
    arbitrary: fc.string({
      unit: fc.constantFrom('&', '<', '>', '`', '*', '_', 'a', ' ', '\n', '😀', '|'),
      maxLength: 200,
    }),
  },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 4000 }) },
);
const arbLabel = fc.string({ minLength: 1, maxLength: 120 });
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });

const arbOption: fc.Arbitrary<TreatmentOption> = fc.record({
  id: fc.constantFrom(...TreatmentOptionIdSchema.options),
  label: arbLabel,
  role: fc.constantFrom('first-option', 'alternative', 'second-line', 'note'),
  condition: nullable(arbText),
  conditionMet: nullable(fc.boolean()),
  basis: fc.constantFrom('BCLC 2022', 'BCLC 2025 update'),
  verified: fc.boolean(),
});

const stage = fc.constantFrom('0', 'A', 'B', 'C', 'D');
const arbScoreKey = fc.constantFrom(...SCORE_KEYS);
const arbNote = fc.record({
  about: fc.array(arbScoreKey, { minLength: 1, maxLength: 4 }),
  fields: fc.constant([]),
  message: arbText,
});

export const arbAssessment: fc.Arbitrary<Assessment> = fc
  .record({
    ok: fc.constant(true as const),
    albi: nullable(
      fc.record({
        score: fc.double({ min: -6, max: 3, noNaN: true }),
        grade: fc.constantFrom('1', '2', '3'),
        mAlbiGrade: fc.constantFrom('1', '2a', '2b', '3'),
      }),
    ),
    childPugh: nullable(
      fc.record({
        points: fc.integer({ min: 5, max: 15 }),
        class: fc.constantFrom('A', 'B', 'C'),
        components: fc.record({
          bilirubin: fc.constantFrom(1, 2, 3),
          albumin: fc.constantFrom(1, 2, 3),
          coagulation: fc.constantFrom(1, 2, 3),
          coagulationBy: fc.constantFrom('inr', 'pt'),
          ascites: fc.constantFrom(1, 2, 3),
          encephalopathy: fc.constantFrom(1, 2, 3),
        }),
        bilirubinBands: fc.constantFrom('standard', 'cholestatic'),
      }),
    ),
    meld: fc.record({
      meld: nullable(fc.integer({ min: 6, max: 40 })),
      meldNa: nullable(fc.integer({ min: 6, max: 40 })),
      meld3: nullable(fc.integer({ min: 6, max: 40 })),
    }),
    bclc: nullable(
      fc.record({
        stage,
        liverFunction: fc.constantFrom('preserved', 'impaired', 'end-stage'),
        basis: arbText,
        subgroup: nullable(
          fc.record({
            id: nullable(fc.constantFrom('extended-transplant', 'tace', 'systemic')),
            reason: arbText,
            decidingInputs: fc.array(arbText, { maxLength: 8 }),
          }),
        ),
        notes: fc.array(arbText, { maxLength: 12 }),
      }),
    ),
    treatment: nullable(
      fc.record({
        stage,
        // The real module names at most ~12; go well past it.
        options: fc.oneof(fc.constant(systemic), fc.array(arbOption, { maxLength: 30 })),
        notes: fc.array(arbText, { maxLength: 10 }),
      }),
    ),
    transplant: fc.record({
      milan: nullable(fc.boolean()),
      ucsf: nullable(fc.boolean()),
      upToSeven: nullable(fc.boolean()),
      metroticket2: nullable(fc.boolean()),
      afpModel: nullable(fc.record({ points: fc.integer({ min: 0, max: 9 }), lowRisk: fc.boolean() })),
    }),
    hap: nullable(
      fc.record({ points: fc.integer({ min: 0, max: 5 }), grade: fc.constantFrom('A', 'B', 'C', 'D') }),
    ),
    mhap2: nullable(
      fc.record({ points: fc.integer({ min: 0, max: 5 }), grade: fc.constantFrom('A', 'B', 'C', 'D') }),
    ),
    sixAndTwelve: nullable(
      fc.record({
        sum: fc.double({ min: 0, max: 200, noNaN: true }),
        band: fc.constantFrom('<=6', '>6-12', '>12'),
      }),
    ),
    notEvaluable: fc.array(
      fc.record({
        score: arbText,
        about: arbScoreKey,
        missing: fc.array(arbText, { minLength: 1, maxLength: 6 }),
      }),
      { maxLength: 40 },
    ),
    warnings: fc.array(arbNote, { maxLength: 60 }),
    assumptions: fc.array(arbNote, { maxLength: 60 }),
    rules: fc.oneof(
      fc.constant(RULES),
      fc.array(fc.record({ id: arbText, name: arbText, source: arbText }), { maxLength: 30 }),
    ),
  })
  .map((a) => AssessmentSchema.parse(a));

export const arbParse: fc.Arbitrary<ParseResult> = fc
  .record({
    input: fc.constant({}),
    recognised: fc.array(
      fc.record({
        start: fc.nat(500),
        end: fc.nat(500),
        kind: fc.constantFrom(
          'bilirubin',
          'albumin',
          'inr',
          'tumour',
          'filler',
          'mrecist',
          'portal-hypertension',
        ),
      }),
      { maxLength: 40 },
    ),
    notUnderstood: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant('unknown' as const),
          start: fc.nat(500),
          end: fc.nat(500),
          text: arbText.map((t) => `${MARKER}${t}`),
          suggestion: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        }),
        fc.record({ kind: fc.constant('identifier' as const), start: fc.nat(500), end: fc.nat(500) }),
      ),
      { maxLength: 80 },
    ),
    assumptions: fc.array(
      fc.record({ field: fc.constantFrom('albumin', 'sex', 'ecog', 'other'), message: arbText }),
      {
        maxLength: 30,
      },
    ),
    errors: fc.array(
      fc.record({
        code: fc.constantFrom('contradiction', 'implausible', 'ambiguous-unit'),
        message: arbText.map((t) => `${MARKER}${t}`),
        spans: fc.constant([]),
      }),
      { maxLength: 30 },
    ),
    warnings: fc.array(
      fc.record({
        code: fc.constantFrom('unusual', 'privacy', 'microvascular-invasion', 'not-understood'),
        message: arbText.map((t) => `${MARKER}${t}`),
        spans: fc.constant([]),
      }),
      { maxLength: 30 },
    ),
  })
  .map((p) => ParseResultSchema.parse(p));

export const arbInput: fc.Arbitrary<CaseInput> = fc
  .record({
    bilirubin: fc.constant({ value: 34, unit: 'umol/L' as const }),
    nodulesCm: fc.option(
      fc.array(fc.double({ min: 0.1, max: 30, noNaN: true }), { minLength: 1, maxLength: 50 }),
      {
        nil: undefined,
      },
    ),
    afp: fc.option(fc.double({ min: 0.5, max: 1_000_000, noNaN: true }), { nil: undefined }),
    ecog: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  })
  .map((i) =>
    CaseInputSchema.parse(Object.fromEntries(Object.entries(i).filter(([, v]) => v !== undefined))),
  );
