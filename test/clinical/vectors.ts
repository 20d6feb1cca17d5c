import type { CaseInputJson } from '../../src/clinical/caseInput.js';

/**
 * Worked vectors: invented inputs with the result each rule's published formula gives, computed by hand from the
 * cited paper (intermediate terms in the comments), never read back from the code. The calculator tests and the
 * end-to-end cross-check both run them, so a vector is written once.
 */

const mg = (value: number) => ({ value, unit: 'mg/dL' as const });
const umol = (value: number) => ({ value, unit: 'umol/L' as const });
const gdl = (value: number) => ({ value, unit: 'g/dL' as const });
const gl = (value: number) => ({ value, unit: 'g/L' as const });

// ------------------------------------------------------------------------------------------------------- ALBI

/**
 * ALBI = 0.66 × log10(bilirubin µmol/L) − 0.085 × albumin g/L: Johnson PJ et al., J Clin Oncol 2015;33(6):550-558,
 * PMID 25512453, doi 10.1200/JCO.2014.57.9151. Grades 1 ≤ −2.60 < 2 ≤ −1.39 < 3 and mALBI 2a ≤ −2.270 < 2b:
 * Hiraoka A et al., Liver Cancer 2017;6(3):204-215, PMID 28626732, doi 10.1159/000452846.
 */
export const ALBI_SOURCE = 'Johnson 2015 (PMID 25512453); grades Hiraoka 2017 (PMID 28626732)';

export interface AlbiVector {
  id: string;
  /** Bilirubin µmol/L and albumin g/L, the units of the formula. */
  bilirubinUmolL: number;
  albuminGL: number;
  /** The same values in the US units the clinic may type, where they convert exactly (17.1 µmol/L per mg/dL). */
  usUnits?: CaseInputJson;
  score: number;
  grade: '1' | '2' | '3';
  mAlbiGrade: '1' | '2a' | '2b' | '3';
}

export const ALBI_VECTORS: readonly AlbiVector[] = [
  // 0.66 · 1.00000 − 3.8250 = −3.1650
  { id: 'A1', bilirubinUmolL: 10, albuminGL: 45, score: -3.165, grade: '1', mAlbiGrade: '1' },
  // 0.66 · log10(17.1) 1.23300 = 0.8138; − 3.4000 = −2.5862
  {
    id: 'A2',
    bilirubinUmolL: 17.1,
    albuminGL: 40,
    usUnits: { bilirubin: mg(1.0), albumin: gl(40) },
    score: -2.5862,
    grade: '2',
    mAlbiGrade: '2a',
  },
  // 0.66 · 1.31218 = 0.8660; − 2.9750 = −2.1090
  {
    id: 'A3',
    bilirubinUmolL: 20.52,
    albuminGL: 35,
    usUnits: { bilirubin: mg(1.2), albumin: gdl(3.5) },
    score: -2.109,
    grade: '2',
    mAlbiGrade: '2b',
  },
  // 0.66 · 1.53403 = 1.0125; − 2.5500 = −1.5375
  {
    id: 'A4',
    bilirubinUmolL: 34.2,
    albuminGL: 30,
    usUnits: { bilirubin: mg(2.0), albumin: gdl(3.0) },
    score: -1.5375,
    grade: '2',
    mAlbiGrade: '2b',
  },
  // 0.66 · 1.71012 = 1.1287; − 2.3800 = −1.2513
  {
    id: 'A5',
    bilirubinUmolL: 51.3,
    albuminGL: 28,
    usUnits: { bilirubin: mg(3.0), albumin: gl(28) },
    score: -1.2513,
    grade: '3',
    mAlbiGrade: '3',
  },
  // Coefficient edge: 0.8138 − 3.4085 = −2.5947 > −2.60 → grade 2 (−0.0852 would give −2.6027, grade 1).
  {
    id: 'A6',
    bilirubinUmolL: 17.1,
    albuminGL: 40.1,
    usUnits: { bilirubin: mg(1.0), albumin: gl(40.1) },
    score: -2.5947,
    grade: '2',
    mAlbiGrade: '2a',
  },
  // mALBI edge: 0.66 · 1.30103 = 0.8587; − 3.1280 = −2.2693 > −2.270 → 2b (−0.0852 would give 2a).
  { id: 'A7', bilirubinUmolL: 20, albuminGL: 36.8, score: -2.2693, grade: '2', mAlbiGrade: '2b' },
];

export const albiInput = (v: AlbiVector): CaseInputJson => ({
  bilirubin: umol(v.bilirubinUmolL),
  albumin: gl(v.albuminGL),
});

// -------------------------------------------------------------------------------------------------- Child-Pugh

/**
 * Child-Pugh points 1/2/3, middle bands inclusive: bilirubin < 2 | 2-3 | > 3 mg/dL (cholestatic < 4 | 4-10 | > 10),
 * albumin > 3.5 | 2.8-3.5 | < 2.8 g/dL, INR < 1.7 | 1.7-2.3 | > 2.3; A 5-6, B 7-9, C 10-15.
 * Pugh RNH et al., Br J Surg 1973;60(8):646-649, PMID 4541913, doi 10.1002/bjs.1800600817.
 */
export const CHILD_PUGH_SOURCE = 'Pugh 1973 (PMID 4541913)';

type Ascites = 'none' | 'mild' | 'moderate-severe';
type Encephalopathy = 'none' | 'grade-1-2' | 'grade-3-4';

export interface ChildPughVector {
  id: string;
  /** mg/dL, g/dL, INR. */
  bilirubinMgDl: number;
  albuminGdl: number;
  inr: number;
  ascites: Ascites;
  encephalopathy: Encephalopathy;
  cholestatic: boolean;
  /** Points for bilirubin, albumin, INR, ascites, encephalopathy. */
  components: [number, number, number, number, number];
  points: number;
  class: 'A' | 'B' | 'C';
}

export const CHILD_PUGH_VECTORS: readonly ChildPughVector[] = [
  {
    id: 'C1',
    bilirubinMgDl: 1.0,
    albuminGdl: 4.0,
    inr: 1.1,
    ascites: 'none',
    encephalopathy: 'none',
    cholestatic: false,
    components: [1, 1, 1, 1, 1],
    points: 5,
    class: 'A',
  },
  // Every value at the lower edge of its middle band.
  {
    id: 'C2 (middle bands inclusive)',
    bilirubinMgDl: 2.0,
    albuminGdl: 3.5,
    inr: 1.7,
    ascites: 'none',
    encephalopathy: 'none',
    cholestatic: false,
    components: [2, 2, 2, 1, 1],
    points: 8,
    class: 'B',
  },
  // Every value just outside the middle band.
  {
    id: 'C3 (just below)',
    bilirubinMgDl: 1.9,
    albuminGdl: 3.6,
    inr: 1.69,
    ascites: 'none',
    encephalopathy: 'none',
    cholestatic: false,
    components: [1, 1, 1, 1, 1],
    points: 5,
    class: 'A',
  },
  {
    id: 'C4',
    bilirubinMgDl: 2.5,
    albuminGdl: 3.0,
    inr: 1.8,
    ascites: 'mild',
    encephalopathy: 'none',
    cholestatic: false,
    components: [2, 2, 2, 2, 1],
    points: 9,
    class: 'B',
  },
  {
    id: 'C5',
    bilirubinMgDl: 3.5,
    albuminGdl: 2.7,
    inr: 2.4,
    ascites: 'moderate-severe',
    encephalopathy: 'grade-3-4',
    cholestatic: false,
    components: [3, 3, 3, 3, 3],
    points: 15,
    class: 'C',
  },
  {
    id: 'C6',
    bilirubinMgDl: 1.5,
    albuminGdl: 3.2,
    inr: 1.2,
    ascites: 'mild',
    encephalopathy: 'grade-1-2',
    cholestatic: false,
    components: [1, 2, 1, 2, 2],
    points: 8,
    class: 'B',
  },
  // PBC/PSC bands: bilirubin 5.0 is 2 points (the standard bands would give 3, total 7, class B).
  {
    id: 'C7 (cholestatic)',
    bilirubinMgDl: 5.0,
    albuminGdl: 3.6,
    inr: 1.2,
    ascites: 'none',
    encephalopathy: 'none',
    cholestatic: true,
    components: [2, 1, 1, 1, 1],
    points: 6,
    class: 'A',
  },
  // Pugh's 2.8 g/dL albumin band: 2.9 is 2 points (a 3.0 g/dL table would give 3, total 7, class B).
  {
    id: 'C8 (albumin 2.8 band)',
    bilirubinMgDl: 1.0,
    albuminGdl: 2.9,
    inr: 1.1,
    ascites: 'none',
    encephalopathy: 'none',
    cholestatic: false,
    components: [1, 2, 1, 1, 1],
    points: 6,
    class: 'A',
  },
];

export const childPughInput = (v: ChildPughVector): CaseInputJson => ({
  bilirubin: mg(v.bilirubinMgDl),
  albumin: gdl(v.albuminGdl),
  inr: v.inr,
  ascites: v.ascites,
  encephalopathy: v.encephalopathy,
  cholestatic: v.cholestatic,
});

// ------------------------------------------------------------------------------------------- MELD and MELD-Na

/**
 * MELD(i) = 0.957 ln(Cr) + 0.378 ln(bilirubin) + 1.120 ln(INR) + 0.643 (mg/dL; values < 1.0 set to 1.0, creatinine
 * capped at 4.0, 4.0 on dialysis), rounded to the tenth and × 10, bounded 6-40: Kamath PS et al., Hepatology
 * 2001;33(2):464-470, PMID 11172350, with the OPTN/UNOS rounding (OPTN Policy 9.1).
 * MELD-Na = MELD + 1.32 (137 − Na) − 0.033 × MELD × (137 − Na) when MELD > 11, Na bounded 125-137: Kim WR et al.,
 * N Engl J Med 2008;359:1018-1026, PMID 18768945, doi 10.1056/NEJMoa0801209, as OPTN applies it since 11 January 2016.
 */
export const MELD_SOURCE = 'Kamath 2001 (PMID 11172350); MELD-Na Kim 2008 (PMID 18768945); OPTN Policy 9.1';

export interface MeldVector {
  id: string;
  input: CaseInputJson;
  /** MELD(i) before rounding. */
  unrounded: number;
  meld: number;
  meldNa: number;
}

const meldLabs = (bili: number, inr: number, cr: number, sodium: number, extra: CaseInputJson = {}) => ({
  bilirubin: mg(bili),
  inr,
  creatinine: mg(cr),
  sodium,
  ...extra,
});

export const MELD_VECTORS: readonly MeldVector[] = [
  // 0.1745 + 0.2620 + 0.4541 + 0.643 = 1.5336 → 15; 15 + 2.64 − 0.99 = 16.65 → 17
  { id: 'M1', input: meldLabs(2.0, 1.5, 1.2, 135), unrounded: 1.5336, meld: 15, meldNa: 17 },
  // Every lab below 1.0 is set to 1.0: 0.643 → 6; MELD ≤ 11, no sodium term.
  { id: 'M2 (floors)', input: meldLabs(0.6, 0.9, 0.7, 138), unrounded: 0.643, meld: 6, meldNa: 6 },
  // 0.3220 + 0.4397 + 0.6583 + 0.643 = 2.0630 → 21; 21 + 3.96 − 2.079 = 22.881 → 23
  { id: 'M3', input: meldLabs(3.2, 1.8, 1.4, 134), unrounded: 2.063, meld: 21, meldNa: 23 },
  // 2.4396 → 24; 24 + 11.88 − 7.128 = 28.752 → 29
  { id: 'M4', input: meldLabs(4.0, 1.8, 1.9, 128), unrounded: 2.4396, meld: 24, meldNa: 29 },
  // Creatinine 5.0 → 4.0, sodium 120 → 125: 3.3544 → 34; 34 + 15.84 − 13.464 = 36.376 → 36
  {
    id: 'M5 (creatinine cap, sodium floor)',
    input: meldLabs(5.0, 2.0, 5.0, 120),
    unrounded: 3.3544,
    meld: 34,
    meldNa: 36,
  },
  // Dialysis sets creatinine to 4.0: 2.6858 → 27; 27 + 9.24 − 6.237 = 30.003 → 30
  {
    id: 'M6 (dialysis)',
    input: meldLabs(2.0, 1.5, 1.1, 130, { dialysis: true }),
    unrounded: 2.6858,
    meld: 27,
    meldNa: 30,
  },
  // 1.1272 → 11: the > 11 gate is on the integer, so no sodium term (the unrounded 11.27 would give ≈ 22.6).
  { id: 'M7 (> 11 gate)', input: meldLabs(1.3, 1.3, 1.1, 125), unrounded: 1.1272, meld: 11, meldNa: 11 },
  // 4.6802 → 47, capped at 40; 47 + 15.84 − 18.612 = 44.228, capped at 40.
  { id: 'M8 (cap 40)', input: meldLabs(30, 4.0, 3.5, 120), unrounded: 4.6802, meld: 40, meldNa: 40 },
];

/** Published online-calculator examples that agree with the OPTN rounding (a check of the reading, not a source). */
export const MELD_CALCULATOR_EXAMPLES: readonly {
  id: string;
  input: CaseInputJson;
  meld: number;
  meldNa?: number;
}[] = [
  // MELD(i) 1.3409 → 13.
  { id: 'calculatorlib.com MELD example', input: meldLabs(1.9, 1.2, 1.3, 137), meld: 13 },
  // MELD(i) 1.2504 → 13; 13 + 2.64 − 0.858 = 14.78 → 15.
  { id: 'scoutmytool.com MELD-Na example', input: meldLabs(1.5, 1.5, 1.0, 135), meld: 13, meldNa: 15 },
];

// --------------------------------------------------------------------------------------------------- MELD 3.0

/**
 * MELD 3.0 = 1.33 (female) + 4.56 ln(bili) + 0.82 (137 − Na) − 0.24 (137 − Na) ln(bili) + 9.09 ln(INR)
 * + 11.14 ln(Cr) + 1.85 (3.5 − alb) − 1.83 (3.5 − alb) ln(Cr) + 6; bilirubin, INR, creatinine floored at 1.0,
 * creatinine capped at 3.0 (3.0 on dialysis), Na 125-137, albumin 1.5-3.5 g/dL; rounded half up, no intermediate
 * rounding. Kim WR et al., Gastroenterology 2021;161(6):1887-1895.e4, PMID 34481845, doi 10.1053/j.gastro.2021.08.050.
 */
export const MELD3_SOURCE = 'Kim 2021 (PMID 34481845)';

export interface Meld3Vector {
  id: string;
  input: CaseInputJson;
  /** The equation before rounding, where the vector checks it. */
  unrounded?: number;
  score: number;
}

/** The MELD 3.0 inputs in conventional units (mg/dL, g/dL), for the vectors and the cut-off tests. */
export const meld3Labs = (
  bili: number,
  inr: number,
  cr: number,
  sodium: number,
  albGdl: number,
  sex: 'female' | 'male',
  extra: CaseInputJson = {},
): CaseInputJson => ({
  bilirubin: mg(bili),
  inr,
  creatinine: mg(cr),
  sodium,
  albumin: gdl(albGdl),
  sex,
  ...extra,
});

export const MELD3_VECTORS: readonly Meld3Vector[] = [
  { id: 'T1', input: meld3Labs(1, 1, 1, 137, 3.5, 'male'), unrounded: 6, score: 6 },
  { id: 'T2 (female term)', input: meld3Labs(1, 1, 1, 137, 3.5, 'female'), unrounded: 7.33, score: 7 },
  // 3.1608 + 1.64 − 0.3327 + 3.6857 + 2.0311 + 0.925 − 0.1668 + 6 = 16.943
  { id: 'T3', input: meld3Labs(2, 1.5, 1.2, 135, 3.0, 'male'), unrounded: 16.943, score: 17 },
  { id: 'T4 (T3, female)', input: meld3Labs(2, 1.5, 1.2, 135, 3.0, 'female'), unrounded: 18.273, score: 18 },
  // 5.3040 + 2.46 − 0.8375 + 5.3430 + 3.7483 + 1.295 − 0.4310 + 6 = 22.882
  { id: 'T5', input: meld3Labs(3.2, 1.8, 1.4, 134, 2.8, 'male'), unrounded: 22.882, score: 23 },
  // Creatinine 5 → 3, sodium 120 → 125, albumin 1.2 → 1.5: 38.092
  { id: 'T6 (bounds)', input: meld3Labs(5, 2, 5, 120, 1.2, 'female'), unrounded: 38.092, score: 38 },
  // Dialysis sets creatinine to 3.0: 29.50002 rounds to 30 (29 if the terms were rounded before summing).
  {
    id: 'T7 (dialysis, half-up edge)',
    input: meld3Labs(2, 1.5, 1.1, 130, 2.5, 'male', { dialysis: true }),
    unrounded: 29.50002,
    score: 30,
  },
];

// --------------------------------------------------------------------------------------- transplant criteria

/**
 * Milan: single ≤ 5 cm or 2-3 nodules each ≤ 3 cm (Mazzaferro V et al., N Engl J Med 1996;334:693-699, PMID 8594428).
 * UCSF: single ≤ 6.5 cm, or ≤ 3 nodules with largest ≤ 4.5 cm and total ≤ 8 cm (Yao FY et al., Hepatology
 * 2001;33:1394-1403, PMID 11391528). Up-to-seven: largest + number ≤ 7 (Mazzaferro V et al., Lancet Oncol
 * 2009;10:35-43, PMID 19058754). AFP model: size ≤ 3 | ≤ 6 | > 6 cm → 0/1/4, 1-3 | ≥ 4 nodules → 0/2, AFP ≤ 100 |
 * ≤ 1000 | > 1000 → 0/2/3, low risk ≤ 2 (Duvoux C et al., Gastroenterology 2012;143:986-994.e3, PMID 22750200).
 * Metroticket 2.0: largest + number ≤ 7 if AFP < 200, ≤ 5 if ≤ 400, ≤ 4 if ≤ 1000, not eligible above
 * (Mazzaferro V et al., Gastroenterology 2018;154:128-139, PMID 28989060).
 */
export const TRANSPLANT_SOURCE = 'Mazzaferro 1996, Yao 2001, Mazzaferro 2009, Duvoux 2012, Mazzaferro 2018';

export interface TransplantVector {
  nodulesCm: number[];
  afp: number;
  milan: boolean;
  ucsf: boolean;
  upToSeven: boolean;
  metroticket2: boolean;
  afpModel: { points: number; lowRisk: boolean };
}

const tv = (
  nodulesCm: number[],
  afp: number,
  milan: boolean,
  ucsf: boolean,
  upToSeven: boolean,
  metroticket2: boolean,
  points: number,
  lowRisk: boolean,
): TransplantVector => ({
  nodulesCm,
  afp,
  milan,
  ucsf,
  upToSeven,
  metroticket2,
  afpModel: { points, lowRisk },
});

export const TRANSPLANT_VECTORS: readonly TransplantVector[] = [
  tv([5.0], 50, true, true, true, true, 1, true),
  tv([5.1], 50, false, true, true, true, 1, true),
  tv([3, 3, 3], 50, true, false, true, true, 0, true), // UCSF total 9 > 8
  tv([4.5, 2, 1.5], 50, false, true, false, false, 1, true), // UCSF total exactly 8; 4.5 + 3 = 7.5
  tv([4.5, 3, 1], 50, false, false, false, false, 1, true), // UCSF total 8.5
  tv([6.5], 50, false, true, false, false, 4, false), // > 6 cm: 4 points
  tv([4, 3], 150, false, true, true, true, 3, false), // 1 + 0 + 2
  tv([4, 3], 250, false, true, true, false, 3, false), // AFP 200-400 needs ≤ 5
  tv([3, 1], 450, true, true, true, false, 2, true), // AFP > 400 needs ≤ 4
  tv([2, 2, 2, 2], 20, false, false, true, true, 2, true), // 4 nodules: 2 points
  tv([6.1], 1000, false, true, false, false, 6, false), // 4 + 0 + 2
];

// ---------------------------------------------------------------------------------------- HAP and mHAP-II

/**
 * HAP: one point each for albumin < 36 g/L, AFP > 400 ng/mL, bilirubin > 17 µmol/L, largest > 7 cm; A 0, B 1, C 2,
 * D ≥ 3 (Kadalayil L et al., Ann Oncol 2013;24:2565-2570, PMID 23857958). mHAP-II adds a point for ≥ 2 nodules and
 * scores bilirubin > 0.9 mg/dL, as its abstract lists it (Park Y et al., Liver Int 2016;36(1):100-107,
 * doi 10.1111/liv.12878).
 */
export const HAP_SOURCE = 'Kadalayil 2013 (PMID 23857958); mHAP-II Park 2016 (doi 10.1111/liv.12878)';

export interface HapVector {
  id: string;
  albuminGL: number;
  afp: number;
  bilirubinUmolL: number;
  largestCm: number;
  count: number;
  hap: { points: number; grade: 'A' | 'B' | 'C' | 'D' };
  mhap2: { points: number; grade: 'A' | 'B' | 'C' | 'D' };
}

export const HAP_VECTORS: readonly HapVector[] = [
  {
    id: 'all favourable',
    albuminGL: 40,
    afp: 10,
    bilirubinUmolL: 12,
    largestCm: 3,
    count: 1,
    hap: { points: 0, grade: 'A' },
    mhap2: { points: 0, grade: 'A' },
  },
  {
    id: 'low albumin',
    albuminGL: 35,
    afp: 10,
    bilirubinUmolL: 12,
    largestCm: 3,
    count: 1,
    hap: { points: 1, grade: 'B' },
    mhap2: { points: 1, grade: 'B' },
  },
  // Strict inequalities: nothing scores for HAP. mHAP-II scores 2 nodules, and 17 µmol/L (0.99 mg/dL) > 0.9 mg/dL.
  {
    id: 'all exactly at the HAP thresholds',
    albuminGL: 36,
    afp: 400,
    bilirubinUmolL: 17,
    largestCm: 7,
    count: 2,
    hap: { points: 0, grade: 'A' },
    mhap2: { points: 2, grade: 'C' },
  },
  // 15.39 µmol/L = 0.9 mg/dL: mHAP-II's bilirubin cut is not passed, only the nodule count scores.
  {
    id: 'all exactly at the mHAP-II thresholds',
    albuminGL: 36,
    afp: 400,
    bilirubinUmolL: 15.39,
    largestCm: 7,
    count: 2,
    hap: { points: 0, grade: 'A' },
    mhap2: { points: 1, grade: 'B' },
  },
  {
    id: 'all unfavourable',
    albuminGL: 35,
    afp: 500,
    bilirubinUmolL: 20,
    largestCm: 8,
    count: 3,
    hap: { points: 4, grade: 'D' },
    mhap2: { points: 5, grade: 'D' },
  },
];

export const hapInput = (v: HapVector): CaseInputJson => ({
  albumin: gl(v.albuminGL),
  afp: v.afp,
  bilirubin: umol(v.bilirubinUmolL),
  noduleCount: v.count,
  largestNoduleCm: v.largestCm,
});

// ------------------------------------------------------------------------------------------- six-and-twelve

/**
 * Largest diameter (cm) + number of nodules, banded ≤ 6 | > 6 and ≤ 12 | > 12: Wang Q et al., J Hepatol
 * 2019;70:893-903.
 */
export const SIX_AND_TWELVE_SOURCE = 'Wang 2019 (J Hepatol 2019;70:893-903)';

export const SIX_AND_TWELVE_VECTORS: readonly {
  largestCm: number;
  count: number;
  sum: number;
  band: '<=6' | '>6-12' | '>12';
}[] = [
  { largestCm: 4, count: 2, sum: 6, band: '<=6' },
  { largestCm: 4.5, count: 2, sum: 6.5, band: '>6-12' },
  { largestCm: 10, count: 2, sum: 12, band: '>6-12' },
  { largestCm: 9, count: 4, sum: 13, band: '>12' },
];

// ---------------------------------------------------------------------------------------------------- mRECIST

/**
 * Sums of viable (arterially enhancing) target diameters in mm. CR: no enhancement left; PR: ≥ 30 % decrease from
 * baseline; PD: ≥ 20 % increase from the nadir; SD otherwise. Lencioni R, Llovet JM, Semin Liver Dis
 * 2010;30:52-60, PMID 20175033, doi 10.1055/s-0030-1247132.
 */
export const MRECIST_SOURCE = 'Lencioni & Llovet 2010 (PMID 20175033)';

export const MRECIST_VECTORS: readonly {
  baselineMm: number;
  nadirMm: number;
  currentMm: number;
  response: 'CR' | 'PR' | 'SD' | 'PD';
}[] = [
  { baselineMm: 50, nadirMm: 50, currentMm: 0, response: 'CR' },
  { baselineMm: 50, nadirMm: 50, currentMm: 35, response: 'PR' }, // −30 % exactly
  { baselineMm: 50, nadirMm: 50, currentMm: 36, response: 'SD' }, // −28 %
  { baselineMm: 50, nadirMm: 30, currentMm: 36, response: 'PD' }, // +20 % from the nadir exactly
  { baselineMm: 50, nadirMm: 30, currentMm: 35.9, response: 'SD' }, // +19.7 %
  { baselineMm: 50, nadirMm: 50, currentMm: 60, response: 'PD' },
];
