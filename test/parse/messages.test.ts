import { describe, expect, it } from 'vitest';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import { parseCase } from '../../src/parse/parseCase.js';
import type { UnitSystem } from '../../src/parse/parseResult.js';

/**
 * Realistic invented MDT messages (no real patients) with every value the parser must extract. Each row:
 * message, expected CaseInput, and optionally the team unit system. Rows expect no errors; error behaviour is
 * tested in errors.test.ts.
 */
type Row = [string, Record<string, unknown>, UnitSystem?];

const mg = (value: number) => ({ value, unit: 'mg/dL' });
const um = (value: number) => ({ value, unit: 'umol/L' });
const gdl = (value: number) => ({ value, unit: 'g/dL' });
const gl = (value: number) => ({ value, unit: 'g/L' });

const ROWS: Row[] = [
  // 1-10: the issue's own example and close variants
  [
    'bili 34 umol/L, alb 31, INR 1.3, Cr 0.9, Na 133, mild ascites, no HE, ECOG 1, 3 lesions largest 4.2cm, PVTT, AFP 1200',
    {
      bilirubin: um(34),
      albumin: gl(31),
      creatinine: mg(0.9),
      inr: 1.3,
      sodium: 133,
      afp: 1200,
      ascites: 'mild',
      encephalopathy: 'none',
      ecog: 1,
      noduleCount: 3,
      largestNoduleCm: 4.2,
      macrovascularInvasion: true,
    },
  ],
  [
    'bili 34 umol alb 31 INR 1.3, mild ascites, 3 lesions largest 4.2cm, PVTT',
    {
      bilirubin: um(34),
      albumin: gl(31),
      inr: 1.3,
      ascites: 'mild',
      noduleCount: 3,
      largestNoduleCm: 4.2,
      macrovascularInvasion: true,
    },
  ],
  ['Bili 1.2 mg/dL alb 3.5 g/dL INR 1.1', { bilirubin: mg(1.2), albumin: gdl(3.5), inr: 1.1 }],
  ['tbili 2.1 mg/dl, albumin 2.8 g/dl, INR 1.6', { bilirubin: mg(2.1), albumin: gdl(2.8), inr: 1.6 }],
  ['T.bil 0.9, Alb 4.1, PT-INR 1.0', { bilirubin: mg(0.9), albumin: gdl(4.1), inr: 1.0 }],
  ['TB 45 µmol/L, alb 29 g/L, INR 1.4', { bilirubin: um(45), albumin: gl(29), inr: 1.4 }],
  ['total bilirubin 17 μmol/L albumin 38 g/L INR 1.05', { bilirubin: um(17), albumin: gl(38), inr: 1.05 }],
  ['bilirubin 3.2 mg/dL; albumin 2.6 g/dL; INR 2.1', { bilirubin: mg(3.2), albumin: gdl(2.6), inr: 2.1 }],
  ['bili=22 micromol/L alb=36 inr=1.2', { bilirubin: um(22), albumin: gl(36), inr: 1.2 }],
  ['bili: 0.7 alb: 4.0 INR: 0.98', { bilirubin: mg(0.7), albumin: gdl(4.0), inr: 0.98 }],
  // 11-20: decimal commas and European style
  ['alb 3,2 g/dL, bili 1,4 mg/dL, INR 1,3', { albumin: gdl(3.2), bilirubin: mg(1.4), inr: 1.3 }],
  [
    'Bilirrubina? no: bili 25 umol/L, albumin 32 g/L, INR 1,15',
    { bilirubin: um(25), albumin: gl(32), inr: 1.15 },
  ],
  ['creat 0,8 mg/dL Na 136', { creatinine: mg(0.8), sodium: 136 }],
  ['alb 3,9 Cr 1,1', { albumin: gdl(3.9), creatinine: mg(1.1) }],
  ['nodules 4.5, 2 and 1.5 cm', { nodulesCm: [4.5, 2, 1.5], noduleCount: 3 }],
  ['nodules 4,5, 2 and 1,5 cm', { nodulesCm: [4.5, 2, 1.5], noduleCount: 3 }],
  ['AFP 1,200 ng/mL', { afp: 1200 }],
  ['AFP 12 000 ng/mL', { afp: 12000 }],
  ['INR 1,25; Na 131 mmol/L', { inr: 1.25, sodium: 131 }],
  ['alb 28,5 g/L', { albumin: gl(28.5) }],
  // 21-30: creatinine, sodium, AFP, PIVKA
  ['Cr 80 umol/L', { creatinine: um(80) }],
  ['creatinine 1.9 mg/dL, sodium 128 mEq/L', { creatinine: mg(1.9), sodium: 128 }],
  ['SCr 142 µmol/L Na+ 134', { creatinine: um(142), sodium: 134 }],
  ['creat 95', { creatinine: um(95) }],
  ['Na 133 mmol/L', { sodium: 133 }],
  ['AFP 8 ng/ml', { afp: 8 }],
  ['alpha-fetoprotein 450 ug/L', { afp: 450 }],
  ['α-FP 35 µg/L', { afp: 35 }],
  ['AFP 100 IU/mL', { afp: 121 }],
  ['PIVKA-II 350 mAU/mL, DCP', { pivka: { value: 350, unit: 'mAU/mL' } }],
  // 31-40: ascites
  ['no ascites', { ascites: 'none' }],
  ['ascites none', { ascites: 'none' }],
  ['ascites: none', { ascites: 'none' }],
  ['ascites absent', { ascites: 'none' }],
  ['slight ascites', { ascites: 'mild' }],
  ['ascites controlled on diuretics', { ascites: 'mild' }],
  ['moderate ascites', { ascites: 'moderate-severe' }],
  ['severe ascites', { ascites: 'moderate-severe' }],
  ['tense ascites', { ascites: 'moderate-severe' }],
  ['refractory ascites', { ascites: 'moderate-severe' }],
  // 41-50: encephalopathy
  ['no HE', { encephalopathy: 'none' }],
  ['HE none', { encephalopathy: 'none' }],
  ['HE absent', { encephalopathy: 'none' }],
  ['no encephalopathy', { encephalopathy: 'none' }],
  ['HE 0', { encephalopathy: 'none' }],
  ['HE 2', { encephalopathy: 'grade-1-2' }],
  ['HE grade 2', { encephalopathy: 'grade-1-2' }],
  ['HE 1-2', { encephalopathy: 'grade-1-2' }],
  ['grade 3 encephalopathy', { encephalopathy: 'grade-3-4' }],
  ['HE3', { encephalopathy: 'grade-3-4' }],
  // 51-60: ECOG, sex, age-sex
  ['ECOG 1', { ecog: 1 }],
  ['PS 1', { ecog: 1 }],
  ['WHO PS 2', { ecog: 2 }],
  ['ECOG 1 (comorbidity)', { ecog: 1, ecogCancerRelated: false }],
  ['ECOG 2 not cancer related', { ecog: 2, ecogCancerRelated: false }],
  ['62F', { sex: 'female' }],
  ['58M', { sex: 'male' }],
  ['female, ECOG 0', { sex: 'female', ecog: 0 }],
  ['71 yo man, PS 0', { sex: 'male', ecog: 0 }],
  ['woman with ECOG 3', { sex: 'female', ecog: 3 }],
  // 61-70: dialysis, cholestatic, portal hypertension
  ['on HD', { dialysis: true }],
  ['dialysis x2 last week', { dialysis: true }],
  ['CVVHD', { dialysis: true }],
  ['haemodialysis', { dialysis: true }],
  ['not on dialysis', { dialysis: false }],
  ['dialysis x1 last week', { dialysis: false }],
  ['PBC', { cholestatic: true }],
  ['PSC, bili 3.5 mg/dL', { cholestatic: true, bilirubin: mg(3.5) }],
  ['CSPH', { portalHypertension: true }],
  ['no CSPH', { portalHypertension: false }],
  // 71-85: tumour
  ['single 1.8 cm', { nodulesCm: [1.8], noduleCount: 1 }],
  ['solitary 6cm lesion', { nodulesCm: [6], noduleCount: 1 }],
  ['3 lesions largest 4.2 cm', { noduleCount: 3, largestNoduleCm: 4.2 }],
  ['two 2.5 cm nodules', { nodulesCm: [2.5, 2.5], noduleCount: 2 }],
  ['2.1 x 1.8 cm', { nodulesCm: [2.1], noduleCount: 1 }],
  ['18 mm', { nodulesCm: [1.8], noduleCount: 1 }],
  ['single lesion 3 cm', { nodulesCm: [3], noduleCount: 1 }],
  ['2 nodules 3 and 2 cm', { nodulesCm: [3, 2], noduleCount: 2 }],
  ['4 lesions up to 3.5 cm', { noduleCount: 4, largestNoduleCm: 3.5 }],
  ['HCC 4 cm seg 7', { nodulesCm: [4], noduleCount: 1 }],
  ['LR-5 lesion 2.3 cm', { nodulesCm: [2.3], noduleCount: 1 }],
  ['3 x 2.5 x 2 cm lesion', { nodulesCm: [3], noduleCount: 1 }],
  ['nodules 22 mm and 15 mm', { nodulesCm: [2.2, 1.5], noduleCount: 2 }],
  ['infiltrative', { infiltrative: true }],
  ['diffuse HCC', { infiltrative: true }],
  // 86-100: invasion and spread, negations
  ['PVTT', { macrovascularInvasion: true }],
  ['portal vein tumour thrombus', { macrovascularInvasion: true }],
  ['portal vein tumor thrombus', { macrovascularInvasion: true }],
  ['macrovascular invasion', { macrovascularInvasion: true }],
  ['Vp2', { macrovascularInvasion: true }],
  ['Vv1', { macrovascularInvasion: true }],
  ['no PVTT', { macrovascularInvasion: false }],
  ['EHS', { extrahepaticSpread: true }],
  ['extrahepatic spread', { extrahepaticSpread: true }],
  ['lung mets', { extrahepaticSpread: true }],
  ['mets lung', { extrahepaticSpread: true }],
  ['bone mets', { extrahepaticSpread: true }],
  ['nodes', { extrahepaticSpread: true }],
  ['LN+', { extrahepaticSpread: true }],
  ['without mets', { extrahepaticSpread: false }],
  ['no EHS', { extrahepaticSpread: false }],
  // 102+: whole notes in mixed order, multi-line, typos elsewhere
  [
    '62F HCV cirrhosis. T.bil 1.2 mg/dl, albumin 3,2 g/dL, PT-INR 1.1, creat 80, nodules 4.5, 2 and 1.5 cm, no PVTT, no EHS',
    {
      sex: 'female',
      bilirubin: mg(1.2),
      albumin: gdl(3.2),
      inr: 1.1,
      creatinine: um(80),
      nodulesCm: [4.5, 2, 1.5],
      noduleCount: 3,
      macrovascularInvasion: false,
      extrahepaticSpread: false,
    },
  ],
  [
    '58M\nbili 12 umol/L\nalb 35\nINR 1.4\nascites: none\nHE 0\nECOG 1 (comorbidity)\ntwo 2.5 cm nodules\nVp3\nlung mets',
    {
      sex: 'male',
      bilirubin: um(12),
      albumin: gl(35),
      inr: 1.4,
      ascites: 'none',
      encephalopathy: 'none',
      ecog: 1,
      ecogCancerRelated: false,
      nodulesCm: [2.5, 2.5],
      noduleCount: 2,
      macrovascularInvasion: true,
      extrahepaticSpread: true,
    },
  ],
  ['bili 12, alb 3.0, INR 1.5', { bilirubin: mg(12), albumin: gdl(3.0), inr: 1.5 }, 'us'],
  ['bili 12, alb 30, INR 1.5', { bilirubin: um(12), albumin: gl(30), inr: 1.5 }, 'si'],
  ['Cr 15, Na 130', { creatinine: um(15), sodium: 130 }, 'si'],
  ['Cr 15, Na 130', { creatinine: mg(15), sodium: 130 }, 'us'],
  [
    'HCC MDT: NASH cirrhosis, Child-Pugh pending. Labs: bili 40 µmol/L, alb 27 g/L, INR 1.8, Cr 110 µmol/L, Na 127. Moderate ascites, HE grade 2. ECOG 2. Multifocal: 5 lesions largest 6 cm, Vp4, bone mets. AFP 25000.',
    {
      bilirubin: um(40),
      albumin: gl(27),
      inr: 1.8,
      creatinine: um(110),
      sodium: 127,
      ascites: 'moderate-severe',
      encephalopathy: 'grade-1-2',
      ecog: 2,
      noduleCount: 5,
      largestNoduleCm: 6,
      macrovascularInvasion: true,
      extrahepaticSpread: true,
      afp: 25000,
    },
  ],
  [
    'alb 4.2 bili 0.6 INR 1.0 no ascites no HE PS 0 solitary 2.8 cm no CSPH AFP 6',
    {
      albumin: gdl(4.2),
      bilirubin: mg(0.6),
      inr: 1.0,
      ascites: 'none',
      encephalopathy: 'none',
      ecog: 0,
      nodulesCm: [2.8],
      noduleCount: 1,
      portalHypertension: false,
      afp: 6,
    },
  ],
  ['no ascites or HE', { ascites: 'none', encephalopathy: 'none' }],
  ['no PVTT/EHS', { macrovascularInvasion: false, extrahepaticSpread: false }],
  ['PVTT: no, EHS: none', { macrovascularInvasion: false, extrahepaticSpread: false }],
  ['34 umol/L bilirubin', { bilirubin: um(34) }],
  ['bili 1.2 mg/dL (20 umol/L)', { bilirubin: mg(1.2) }],
  ['INR1.3 Na133 bili0.8', { inr: 1.3, sodium: 133, bilirubin: mg(0.8) }],
  ['PT +3s', { ptProlongationSeconds: 3 }],
  ['PT prolonged 5 s', { ptProlongationSeconds: 5 }],
  ['ascites (mild), HE 1', { ascites: 'mild', encephalopathy: 'grade-1-2' }],
  ['MVI on path, single 2 cm', { nodulesCm: [2], noduleCount: 1 }],
  ['nodules: 3cm, 2cm, 1cm', { nodulesCm: [3, 2, 1], noduleCount: 3 }],
  ['3 lesions (4.2, 3 and 1 cm)', { nodulesCm: [4.2, 3, 1], noduleCount: 3 }],
  ['2 lesions 2 cm each', { nodulesCm: [2, 2], noduleCount: 2 }],
  ['total diameter 7 cm, 3 lesions largest 4 cm', { totalDiameterCm: 7, noduleCount: 3, largestNoduleCm: 4 }],
  ['mets to lung and bone', { extrahepaticSpread: true }],
  ['Vp0, no EHS', { macrovascularInvasion: false, extrahepaticSpread: false }],
  ['ALBUMIN 33 G/L BILIRUBIN 19 UMOL/L INR 1.2', { albumin: gl(33), bilirubin: um(19), inr: 1.2 }],
  ['bili 2 mg/dL, bili 34 umol/L', { bilirubin: mg(2) }],
  ['ECOG 1, ECOG 1', { ecog: 1 }],
  [
    'pt with PBC, on HD x3 this week, Cr 6.2 mg/dL',
    { cholestatic: true, dialysis: true, creatinine: mg(6.2) },
  ],
  ['portal hypertension, varices', { portalHypertension: true }],
  ['diuretic-controlled ascites', { ascites: 'mild' }],
  ['WHO PS 1 cancer related', { ecog: 1, ecogCancerRelated: true }],
];

describe('table of realistic messages', () => {
  it('has at least 100 rows', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(100);
  });
  it.each(ROWS.map((r, i) => [i + 1, ...r] as const))('#%i %s', (_n, text, expected, units) => {
    const r = parseCase(text, { units });
    expect(r.errors).toEqual([]);
    expect(r.input).toEqual(expected);
    // What the parser produces is valid CaseInput.
    expect(CaseInputSchema.safeParse(r.input).success).toBe(true);
  });
});
