import { describe, expect, it } from 'vitest';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import { parseCase } from '../../src/parse/parseCase.js';
import type { UnitSystem } from '../../src/parse/parseResult.js';

/**
 * Text as clinicians paste it: clinic letters, radiology reports, referral proformas, lab trends. Every message is
 * invented (no real patient); each row gives every value a careful reader takes from it. Rows expect no errors.
 */
type Row = [string, Record<string, unknown>, UnitSystem?];

const mg = (value: number) => ({ value, unit: 'mg/dL' });
const um = (value: number) => ({ value, unit: 'umol/L' });
const gdl = (value: number) => ({ value, unit: 'g/dL' });
const gl = (value: number) => ({ value, unit: 'g/L' });

const LETTERS: Row[] = [
  [
    'Thank you for seeing this 66-year-old gentleman with HCV cirrhosis. Her total bilirubin is 34 µmol/L, albumin was 31 g/L and an INR of 1.4.',
    { sex: 'male', bilirubin: um(34), albumin: gl(31), inr: 1.4 },
  ],
  [
    'This lady aged 71 has NASH cirrhosis. Bilirubin was 18 umol/L, albumin 36 g/L, INR 1.1. There is no clinical ascites and no history of encephalopathy.',
    { sex: 'female', bilirubin: um(18), albumin: gl(36), inr: 1.1, ascites: 'none', encephalopathy: 'none' },
  ],
  [
    'On examination he was not jaundiced, there was no flap and small-volume ascites. WHO performance status 1.',
    { ascites: 'mild', ecog: 1 },
  ],
  [
    'She is fully active (performance status 0). Labs: bilirubin 12 umol/L, albumin 41 g/L, INR 1.0, creatinine 64 umol/L, sodium 140 mmol/L.',
    { ecog: 0, bilirubin: um(12), albumin: gl(41), inr: 1, creatinine: um(64), sodium: 140 },
  ],
  [
    'A 58 year old man with alcohol-related liver disease, abstinent. Albumin level of 2.9 g/dL, total bilirubin of 2.2 mg/dL, INR, recorded at 1.6.',
    { sex: 'male', albumin: gdl(2.9), bilirubin: mg(2.2), inr: 1.6 },
  ],
  [
    'He remains ambulatory and capable of all self-care but unable to work. Trace ascites on ultrasound only. No encephalopathy.',
    { ecog: 2, ascites: 'mild', encephalopathy: 'none' },
  ],
  [
    'Mrs is well. ECOG I. HE grade II on admission, now resolved? Treat as HE grade II. bili 40 umol/L alb 28 g/L INR 1.7',
    { ecog: 1, encephalopathy: 'grade-1-2', bilirubin: um(40), albumin: gl(28), inr: 1.7 },
  ],
  [
    'Impression: 2 x LR-5 lesions (S6 3.1 cm, S4a 2.2 cm), no PVTT, no extrahepatic disease. PS 0.',
    {
      nodulesCm: [3.1, 2.2],
      noduleCount: 2,
      macrovascularInvasion: false,
      extrahepaticSpread: false,
      ecog: 0,
    },
  ],
  [
    'Sex: F. Age: 69. Aetiology: HBV (on tenofovir). Bilirubin: 15 umol/L. Albumin: 39 g/L. INR: 1.1. Platelets: 112.',
    { sex: 'female', bilirubin: um(15), albumin: gl(39), inr: 1.1 },
  ],
  [
    'The patient is a 74-year-old woman, ECOG 1 due to osteoarthritis of both knees, with a solitary 2.6 cm HCC in segment 7.',
    { sex: 'female', ecog: 1, ecogCancerRelated: false, nodulesCm: [2.6], noduleCount: 1 },
  ],
  [
    'Her serum bilirubin was found to be 1.9 mg/dL and the serum albumin 3.0 g/dL; INR 1.5. She is encephalopathic, grade 2.',
    { bilirubin: mg(1.9), albumin: gdl(3), inr: 1.5, encephalopathy: 'grade-1-2' },
  ],
  [
    'Mild ascites controlled on diuretics, no hepatic encephalopathy. AFP 45 kU/L.',
    { ascites: 'mild', encephalopathy: 'none', afp: 54.45 },
  ],
  [
    'Weight 82 kg, height 176 cm, BMI 26. Spleen 14 cm. A single 3.4 cm arterially enhancing lesion in segment 6.',
    { nodulesCm: [3.4], noduleCount: 1 },
  ],
  [
    'Background: HCV treated with SVR in 2019, type 2 diabetes. s/p RFA to a 1.5 cm segment 8 lesion in 2022. Now a new 2.4 cm lesion in segment 5.',
    { nodulesCm: [2.4], noduleCount: 1 },
  ],
  [
    'He is restricted in physically strenuous activity but walks daily. Gentleman, 63.',
    { ecog: 1, sex: 'male' },
  ],
  [
    'She is now bed-bound and confused (HE grade III), with gross ascites.',
    { ecog: 4, encephalopathy: 'grade-3-4', ascites: 'moderate-severe' },
  ],
  [
    'No clinically apparent ascites. Not encephalopathic. ECOG performance status 0.',
    { ascites: 'none', encephalopathy: 'none', ecog: 0 },
  ],
  [
    'Bloods 14/10: Hb 128, platelets 96, WCC 4.1, bilirubin 21 umol/L, albumin 36 g/L, ALT 41, INR 1.2, creatinine 78 umol/L, sodium 137 mmol/L, potassium 4.4, eGFR > 90. AFP 46 ng/mL.',
    { bilirubin: um(21), albumin: gl(36), inr: 1.2, creatinine: um(78), sodium: 137, afp: 46 },
  ],
  [
    'In summary, a 60-year-old man, Child-Pugh B7, with a 4 cm lesion and a right portal vein tumour thrombus.',
    { sex: 'male', nodulesCm: [4], noduleCount: 1, macrovascularInvasion: true },
  ],
  [
    'Dear colleague, the MDT discussed this gentleman with multifocal HCC: dominant 5.5 cm S6 lesion plus 2 satellites 1 cm. No ascites.',
    { sex: 'male', noduleCount: 3, largestNoduleCm: 5.5, ascites: 'none' },
  ],
];

const RADIOLOGY: Row[] = [
  [
    'CT liver (triphasic): 3.2 × 2.8 cm arterially enhancing lesion in segment 8 with washout, LI-RADS 5. No portal vein tumour thrombus. No extrahepatic disease.',
    { nodulesCm: [3.2], noduleCount: 1, macrovascularInvasion: false, extrahepaticSpread: false },
  ],
  [
    'MRI: lesions 3.1, 2.4 and 1.2 cm in segments 6, 7 and 8 respectively. Hepatic veins patent.',
    { nodulesCm: [3.1, 2.4, 1.2], noduleCount: 3 },
  ],
  [
    'Findings: a 25 mm LR-5 observation in segment 4a and an 18 mm LR-5 observation in segment 2.',
    { nodulesCm: [2.5, 1.8], noduleCount: 2 },
  ],
  [
    'Tumour thrombus extends into the main portal vein (Vp4). Multiple lung nodules up to 8 mm, in keeping with metastases.',
    { macrovascularInvasion: true, extrahepaticSpread: true },
  ],
  [
    'Conclusion: solitary 6.5 cm HCC in segment 8. Bland thrombus in a segmental portal vein branch, non-enhancing. No lymphadenopathy.',
    { nodulesCm: [6.5], noduleCount: 1, macrovascularInvasion: false },
  ],
  [
    'A 6 mm nodule in the right lung base is indeterminate. Liver: single 2.1 x 1.8 cm LR-5 lesion, segment 6.',
    { extrahepaticSpread: true, nodulesCm: [2.1], noduleCount: 1 },
  ],
  [
    'Hepatic vein tumour thrombus extending towards the IVC. Infiltrative HCC occupying the right lobe.',
    { macrovascularInvasion: true, infiltrative: true },
  ],
  [
    'Two lesions: 42 mm (segment 7) and 19 mm (segment 5). Small volume ascites. Splenomegaly 15 cm.',
    { nodulesCm: [4.2, 1.9], noduleCount: 2, ascites: 'mild' },
  ],
  [
    'Post-TACE x2: LR-TR viable in segment 8. 3 lesions, largest 5 cm. No new lesions elsewhere. No PVTT.',
    { noduleCount: 3, largestNoduleCm: 5, macrovascularInvasion: false },
  ],
  [
    'Peritoneal nodules up to 15 mm are new since the last study, consistent with peritoneal deposits. Liver: 4 lesions largest 3.8 cm.',
    { extrahepaticSpread: true, noduleCount: 4, largestNoduleCm: 3.8 },
  ],
  [
    'Multiphase CT: there is a 48 mm lesion in segment 4b and two satellite nodules of 8 and 11 mm.',
    { nodulesCm: [4.8, 0.8, 1.1], noduleCount: 3 },
  ],
  [
    'Simple cyst 12 mm segment 3 (unchanged). Haemangioma 9 mm segment 6. New 22 mm LR-5 lesion in segment 7.',
    { nodulesCm: [2.2], noduleCount: 1 },
  ],
  [
    'Lytic bone lesion in T11, suspicious for metastasis. Liver: single 7 cm HCC. No PVTT.',
    { extrahepaticSpread: true, nodulesCm: [7], noduleCount: 1, macrovascularInvasion: false },
  ],
  [
    'Moderate ascites. The liver is cirrhotic with a 3.0 cm LR-5 lesion in segment 2. CBD 6 mm. Portal vein patent.',
    { ascites: 'moderate-severe', nodulesCm: [3], noduleCount: 1 },
  ],
  [
    'Impression: main PVTT (Vp4) with a 9 cm infiltrative mass. Porta hepatis lymph nodes 2.2 cm, likely nodal metastases.',
    {
      macrovascularInvasion: true,
      infiltrative: true,
      nodulesCm: [9],
      noduleCount: 1,
      extrahepaticSpread: true,
    },
  ],
  [
    'Ultrasound: 1.6 cm hypoechoic lesion in segment 2, no ascites, spleen 11 cm, portal vein diameter 12 mm with hepatopetal flow.',
    { nodulesCm: [1.6], noduleCount: 1, ascites: 'none' },
  ],
  [
    'Staging CT chest: no pulmonary nodules. No adrenal metastases. Liver: 2 lesions, 3.5 and 2 cm.',
    { nodulesCm: [3.5, 2], noduleCount: 2 },
  ],
  [
    'Segmental PVTT in the right anterior portal vein (Vp2). Three lesions in the right lobe, the largest 4.4 cm.',
    { macrovascularInvasion: true, noduleCount: 3, largestNoduleCm: 4.4 },
  ],
  [
    'No macrovascular invasion. No evidence of extrahepatic spread. 5 lesions, largest 2.9 cm, bilobar.',
    { macrovascularInvasion: false, extrahepaticSpread: false, noduleCount: 5, largestNoduleCm: 2.9 },
  ],
  [
    'Compared with the prior study, the single lesion now measures 5.1 cm (previously 4.2 cm).',
    { nodulesCm: [5.1], noduleCount: 1 },
  ],
];

const PROFORMAS: Row[] = [
  [
    'Name: [removed]\nAetiology: ALD\nBilirubin (umol/L): 27\nAlbumin (g/L): 33\nINR: 1.3\nCreatinine (umol/L): 88\nSodium (mmol/L): 135\nAscites: mild\nEncephalopathy: none\nECOG: 1',
    {
      bilirubin: um(27),
      albumin: gl(33),
      inr: 1.3,
      creatinine: um(88),
      sodium: 135,
      ascites: 'mild',
      encephalopathy: 'none',
      ecog: 1,
    },
  ],
  [
    'Bili | 22 umol/L\nAlb | 38 g/L\nINR | 1.1\nCr | 70 umol/L\nNa | 138\nAsc: none | Enceph: none\nPS: 0',
    {
      bilirubin: um(22),
      albumin: gl(38),
      inr: 1.1,
      creatinine: um(70),
      sodium: 138,
      ascites: 'none',
      encephalopathy: 'none',
      ecog: 0,
    },
  ],
  [
    'Referral proforma\nSex: M\nPerformance status: 2\nTumour: 2 lesions 4.5 and 3 cm\nVascular invasion: no PVTT\nExtrahepatic spread: none\nAFP: 320 ng/mL',
    {
      sex: 'male',
      ecog: 2,
      nodulesCm: [4.5, 3],
      noduleCount: 2,
      macrovascularInvasion: false,
      extrahepaticSpread: false,
      afp: 320,
    },
  ],
  [
    'Labs: Bil 18 / Alb 38 / INR 1.2 / Cr 80 / Na 139\nImaging: 2 x LR-5 (S6 3.1 cm, S4a 2.2 cm), no PVTT\nECOG 0',
    {
      bilirubin: um(18),
      albumin: gl(38),
      inr: 1.2,
      creatinine: um(80),
      sodium: 139,
      nodulesCm: [3.1, 2.2],
      noduleCount: 2,
      macrovascularInvasion: false,
      ecog: 0,
    },
    'si',
  ],
  [
    'Case 3:\nbili 15 umol/L, alb 40 g/L, INR 1.0, Cr 72 umol/L, Na 141\nsingle 2.8 cm LR-5 segment 7\nno ascites, no HE, ECOG 0, male',
    {
      bilirubin: um(15),
      albumin: gl(40),
      inr: 1,
      creatinine: um(72),
      sodium: 141,
      nodulesCm: [2.8],
      noduleCount: 1,
      ascites: 'none',
      encephalopathy: 'none',
      ecog: 0,
      sex: 'male',
    },
  ],
  [
    'ASCITES: No\nHE: No\nECOG: 1 (cancer related)\nPVTT: Yes (Vp3)\nEHS: No',
    {
      ascites: 'none',
      encephalopathy: 'none',
      ecog: 1,
      ecogCancerRelated: true,
      macrovascularInvasion: true,
      extrahepaticSpread: false,
    },
  ],
  [
    'Total bilirubin (mg/dL) 1.4; Albumin (g/dL) 3.2; INR 1.3; Creatinine (mg/dL) 0.9; Na 134',
    { bilirubin: mg(1.4), albumin: gdl(3.2), inr: 1.3, creatinine: mg(0.9), sodium: 134 },
  ],
  [
    'Gender: female\nAFP: 12 000 ng/mL\nPIVKA-II: 850 mAU/mL\nLesions: x4, largest 6 cm',
    { sex: 'female', afp: 12000, pivka: { value: 850, unit: 'mAU/mL' }, noduleCount: 4, largestNoduleCm: 6 },
  ],
  [
    'Previous treatment: TACE x3, SBRT 2024\nCurrent: 2 lesions, 2.5 cm each\nno ascites; HE grade 0',
    { nodulesCm: [2.5, 2.5], noduleCount: 2, ascites: 'none', encephalopathy: 'none' },
  ],
  [
    'MDT proforma | Bilirubin: 45 µmol/L | Albumin: 29 g/L | INR: 1.6 | Ascites: moderate | HE: grade 1 | ECOG: 2 | Dialysis: no',
    {
      bilirubin: um(45),
      albumin: gl(29),
      inr: 1.6,
      ascites: 'moderate-severe',
      encephalopathy: 'grade-1-2',
      ecog: 2,
      dialysis: false,
    },
  ],
  [
    'Liver function: compensated Child-Pugh A. Bilirubin 0.8 mg/dL, albumin 4.1 g/dL, INR 1.0. Platelets 142 x10^9/L.',
    { bilirubin: mg(0.8), albumin: gdl(4.1), inr: 1 },
  ],
  [
    'Sex M | ECOG 0 | Tumour: solitary 1.8 cm | AFP 5 | HVPG 12 mmHg | CSPH: yes',
    { sex: 'male', ecog: 0, nodulesCm: [1.8], noduleCount: 1, afp: 5, portalHypertension: true },
  ],
  [
    'Creatinine 1.1 mg/dL; sodium 131 mEq/L; urine sodium 15 mmol/L; potassium 4.8 mmol/L.',
    { creatinine: mg(1.1), sodium: 131 },
  ],
  ['Albumin 3.4 g/dL (serum); ascitic fluid albumin 1.1 g/dL; SAAG 2.3.', { albumin: gdl(3.4) }],
  ['Na+ 129 | K+ 5.1 | Urea 9.8 | Creat 145 umol/L | eGFR 41', { sodium: 129, creatinine: um(145) }],
  [
    'WHO performance status: 1\nAscites: none\nEncephalopathy: West Haven grade 0',
    { ecog: 1, ascites: 'none', encephalopathy: 'none' },
  ],
  [
    'Diagnosis: HCC, BCLC B. 3 lesions. Largest: 4.2 cm. Total tumour diameter: 9 cm.',
    { noduleCount: 3, largestNoduleCm: 4.2, totalDiameterCm: 9 },
  ],
  [
    'T.bil 0.6 mg/dl\nalbumin 3,9 g/dl\nPT-INR 1,05\nAFP 7,2 ng/ml',
    { bilirubin: mg(0.6), albumin: gdl(3.9), inr: 1.05, afp: 7.2 },
  ],
  [
    'On haemodialysis three times a week. Creatinine 5.2 mg/dL, bilirubin 1.1 mg/dL, INR 1.2, Na 136.',
    { dialysis: true, creatinine: mg(5.2), bilirubin: mg(1.1), inr: 1.2, sodium: 136 },
  ],
  [
    'PMH: PBC on UDCA. Bilirubin 68 umol/L, albumin 30 g/L, INR 1.3.',
    { cholestatic: true, bilirubin: um(68), albumin: gl(30), inr: 1.3 },
  ],
];

const TRENDS: Row[] = [
  ['Bilirubin rose from 1.1 to 2.3 mg/dL over the week.', { bilirubin: mg(2.3) }],
  ['Creatinine increased from 90 to 142 umol/L after contrast.', { creatinine: um(142) }],
  ['Albumin 29 g/L (was 34 g/L in March).', { albumin: gl(29) }],
  ['INR 1.2 -> 1.5 -> 1.7', { inr: 1.7 }],
  ['bili 20 → 45 umol/L, alb 35 → 31 g/L', { bilirubin: um(45), albumin: gl(31) }],
  ['Sodium previously 136, now 129 mmol/L.', { sodium: 129 }],
  ['AFP 85 → 1,240 ng/mL over three months.', { afp: 1240 }],
  ['Albumin now 2.9 g/dL (was 3.4).', { albumin: gdl(2.9) }],
  ['Bilirubin has improved from 3.1 to 1.8 mg/dL with steroids.', { bilirubin: mg(1.8) }],
  ['Baseline creatinine 80 umol/L; creatinine today 160 umol/L.', { creatinine: um(160) }],
  ['INR was 1.4, now 1.9.', { inr: 1.9 }],
  ['The bilirubin fell from 52 to 30 umol/L after drainage.', { bilirubin: um(30) }],
  ['Na 138 -> 131, creat 1.0 -> 1.6 mg/dL', { sodium: 131, creatinine: mg(1.6) }],
  ['AFP was 12 ng/mL, currently 410 ng/mL.', { afp: 410 }],
  ['alb 3.8 → 3.1 g/dL, INR stable at 1.3', { albumin: gdl(3.1), inr: 1.3 }],
];

const MORE: Row[] = [
  [
    'A 49-year-old woman with HBV; total bilirubin 0.9 mg/dL, albumin 4.2 g/dL, INR 1.0, creatinine 0.7 mg/dL, Na 141; solitary 1.9 cm lesion.',
    {
      sex: 'female',
      bilirubin: mg(0.9),
      albumin: gdl(4.2),
      inr: 1,
      creatinine: mg(0.7),
      sodium: 141,
      nodulesCm: [1.9],
      noduleCount: 1,
    },
  ],
  [
    'MRI 12/11: two lesions, 2.8 cm (S7) and 1.1 cm (S8); no vascular invasion on imaging, no PVTT',
    { nodulesCm: [2.8, 1.1], noduleCount: 2, macrovascularInvasion: false },
  ],
  [
    'Child-Pugh A6 (albumin 33 g/L, bilirubin 19 umol/L, INR 1.2, no ascites, no HE)',
    { albumin: gl(33), bilirubin: um(19), inr: 1.2, ascites: 'none', encephalopathy: 'none' },
  ],
  [
    'PS 1, capable of light work. Moderate ascites requiring paracentesis. HE: none.',
    { ecog: 1, ascites: 'moderate-severe', encephalopathy: 'none' },
  ],
  [
    'Known PSC. Tbili 3.4 mg/dL, alb 3.3 g/dL, INR 1.2. 1 lesion 3.5 cm. AFP < 10.',
    {
      cholestatic: true,
      bilirubin: mg(3.4),
      albumin: gdl(3.3),
      inr: 1.2,
      nodulesCm: [3.5],
      noduleCount: 1,
      afp: 10,
    },
  ],
  [
    'Man, 57, ECOG 0. Labs: bili 0.7, alb 4.3, INR 1.0, Cr 0.9, Na 139 (all US units).',
    { sex: 'male', ecog: 0, bilirubin: mg(0.7), albumin: gdl(4.3), inr: 1, creatinine: mg(0.9), sodium: 139 },
  ],
];

const PASTE: Row[] = [
  ['bi\u200Bli 34 umol/L al\u200Bb 31 g/L IN\u200BR 1.3', { bilirubin: um(34), albumin: gl(31), inr: 1.3 }],
  ['bili\u00A028\u00A0µmol/L, INR\u00A01.2', { bilirubin: um(28), inr: 1.2 }],
  ['HE grade 1\u20132, ascites: \u201Cmild\u201D', { encephalopathy: 'grade-1-2', ascites: 'mild' }],
  ['ECOG\u202F1 \u2014 cancer-related', { ecog: 1, ecogCancerRelated: true }],
  ['\uFEFFAlbumin\u200C 3.2 g/dL', { albumin: gdl(3.2) }],
  ['INR\uFF1A1.4\uFF0C Na 135', { inr: 1.4, sodium: 135 }],
  [
    'Hb 9.8 g/dL, alb 3.0 g/dL, direct bilirubin 1.2 mg/dL, total bilirubin 2.4 mg/dL',
    { albumin: gdl(3), bilirubin: mg(2.4) },
  ],
  ['creatinine clearance 45 mL/min, creatinine 1.6 mg/dL', { creatinine: mg(1.6) }],
  ['He is 170 cm tall and weighs 80 kg; urine output of 700 cm³/day.', {}],
  ['Blood pressure 127/77 mm Hg, heart rate 102 bpm, PaO2 76 mm Hg, sodium 135 mmol/L', { sodium: 135 }],
  ['2 cycles of TACE, then atezo-bev. Now 3 lesions largest 4 cm.', { noduleCount: 3, largestNoduleCm: 4 }],
  ['HCV, NASH overlap. plt 88. PIVKA-II 120 mAU/mL.', { pivka: { value: 120, unit: 'mAU/mL' } }],
  ['no lung nodules; single 3 cm HCC', { nodulesCm: [3], noduleCount: 1 }],
  ['LR-TR nonviable after RFA; new 1.4 cm lesion segment 3', { nodulesCm: [1.4], noduleCount: 1 }],
  ['4.2cm  Mr Zqxtestname daughter nodules x2', { noduleCount: 3, largestNoduleCm: 4.2 }],
  ['Temperature 37.8 °C, WBC 12.1, CRP 45, bili 2.0 mg/dL', { bilirubin: mg(2) }],
  ['Portal hypertension with varices (banded). No PVT.', { portalHypertension: true }],
  ['Alpha-1 antitrypsin deficiency cirrhosis; albumin 35 g/L; INR 1.2', { albumin: gl(35), inr: 1.2 }],
  [
    'eGFR 60, TB 2.5, Albumin 30g/L, INR 1.4, Asc: mild, Enceph: none, 3 nodules each < 3 cm',
    {
      bilirubin: mg(2.5),
      albumin: gl(30),
      inr: 1.4,
      ascites: 'mild',
      encephalopathy: 'none',
      noduleCount: 3,
      largestNoduleCm: 3,
    },
  ],
  [
    'post-TACE baseline 45mm nadir 20 now 22mm, bili 1.0 mg/dL alb 40 INR 1.1 Cr 0.8 Na 139 no ascites no HE ECOG 0',
    {
      bilirubin: mg(1),
      albumin: gl(40),
      creatinine: mg(0.8),
      inr: 1.1,
      sodium: 139,
      ascites: 'none',
      encephalopathy: 'none',
      ecog: 0,
    },
  ],
];

/** Thrombus in a vessel: a bland one is not invasion (stated false), a tumour thrombus in any vessel is. */
const THROMBUS: Row[] = [
  [
    'MRI: single 3.2 cm LR-5 lesion in segment 6. Bland PVT in the right posterior branch, no enhancement.',
    { nodulesCm: [3.2], noduleCount: 1, macrovascularInvasion: false },
  ],
  [
    'Known bland portal vein thrombosis on apixaban. 2 lesions 2.5 and 1.8 cm. No extrahepatic disease.',
    { nodulesCm: [2.5, 1.8], noduleCount: 2, macrovascularInvasion: false, extrahepaticSpread: false },
  ],
  [
    'Impression: non-tumoural/bland thrombus in the main portal vein. Solitary 4.1 cm HCC.',
    { nodulesCm: [4.1], noduleCount: 1, macrovascularInvasion: false },
  ],
  [
    'M, ascites: no, HE: no, PVT (bland), single 2.1 x 1.8 cm LR-5',
    {
      sex: 'male',
      ascites: 'none',
      encephalopathy: 'none',
      macrovascularInvasion: false,
      nodulesCm: [2.1],
      noduleCount: 1,
    },
  ],
  [
    'Non-tumoural PVT, chronic, with cavernous transformation; 3 lesions largest 2.9 cm',
    {
      macrovascularInvasion: false,
      noduleCount: 3,
      largestNoduleCm: 2.9,
    },
  ],
  [
    'CT: 8 cm HCC in the right lobe with hepatic vein tumour thrombus extending into the IVC. Lung clear.',
    { nodulesCm: [8], noduleCount: 1, macrovascularInvasion: true },
  ],
  [
    'Right hepatic vein tumor thrombus; 2 lesions 5 and 3 cm; ECOG 1',
    {
      macrovascularInvasion: true,
      nodulesCm: [5, 3],
      noduleCount: 2,
      ecog: 1,
    },
  ],
  [
    'Bland portal vein thrombosis, but middle hepatic vein tumour thrombus. Infiltrative HCC.',
    { macrovascularInvasion: true, infiltrative: true },
  ],
];

/** Narrative notes as pasted from case reports: what is read, and what is only recognised. */
const NARRATIVE: Row[] = [
  [
    'On examination, he appears jaundiced with minimal palpable ascites. Laboratory findings reveal an INR of 2.1.',
    { ascites: 'mild', inr: 2.1 },
  ],
  [
    'On biochemical investigation, the INR was elevated to 2.0. Albumin levels at 2.7 g/dL.',
    { inr: 2, albumin: gdl(2.7) },
  ],
  [
    'Intravenous terlipressin along with albumin (20%, 100 mL) was given. Albumin 2.83 g/dL, total bilirubin 2.11 mg/dL.',
    { albumin: gdl(2.83), bilirubin: mg(2.11) },
  ],
  [
    'The patient is oriented only to self. Asterixis is present. Bilirubin 2.2 mg/dL.',
    { bilirubin: mg(2.2) },
  ],
  [
    'Fine flapping tremor of the hands, grade 1-2 encephalopathy, INR 1.8',
    { encephalopathy: 'grade-1-2', inr: 1.8 },
  ],
  ['A&O x3, no asterixis, no encephalopathy; INR 1.1', { encephalopathy: 'none', inr: 1.1 }],
];

describe.each([
  ['clinic letters', LETTERS],
  ['radiology reports', RADIOLOGY],
  ['proformas', PROFORMAS],
  ['trends', TRENDS],
  ['more letters and reports', MORE],
  ['pasted text and traps read right', PASTE],
  ['thrombus: bland or tumour', THROMBUS],
  ['narrative case notes', NARRATIVE],
])('%s', (_name, rows) => {
  it.each(rows)('%s', (text, expected, units) => {
    const r = parseCase(text, { units });
    expect(r.errors).toEqual([]);
    expect(r.input).toEqual(expected);
    if (Object.keys(expected).length > 0) expect(CaseInputSchema.safeParse(r.input).success).toBe(true);
  });
});

describe('traps refused or read right, with a message naming the fragment', () => {
  it('more than 50 listed sizes is refused by the parser, not by the schema', () => {
    const text = `lesions ${Array.from({ length: 51 }, () => '1').join(', ')} cm`;
    const r = parseCase(text);
    expect(r.errors.map((e) => e.code)).toEqual(['implausible']);
    expect(r.errors[0]!.message).toMatch(/lists 51 lesion sizes.*up to 50/);
    expect(r.errors[0]!.spans.length).toBeGreaterThan(0);
  });
  it('a total diameter smaller than the largest lesion is asked about', () => {
    const r = parseCase('3 lesions largest 5 cm, total diameter 4 cm');
    expect(r.errors.map((e) => e.code)).toEqual(['contradiction']);
    expect(r.errors[0]!.message).toContain('"total diameter 4 cm" is smaller than the largest lesion');
  });
  it('a total diameter that is not the sum of the listed sizes is asked about', () => {
    const r = parseCase('2 lesions 5 and 3 cm, total tumour diameter 6 cm');
    expect(r.errors.map((e) => e.code)).toEqual(['contradiction']);
    expect(r.errors[0]!.message).toContain('is not the sum of the sizes');
  });
  it('two values of one lab with no stated order: asks which is current, naming both', () => {
    const r = parseCase('bili 1.1 mg/dL on Monday; bili 2.3 mg/dL on Thursday');
    expect(r.errors.map((e) => e.code)).toEqual(['contradiction']);
    expect(r.errors[0]!.message).toMatch(
      /"bili 1.1 mg\/dL" and "bili 2.3 mg\/dL" give two values of bilirubin; which is current/,
    );
  });
  it('urine sodium, potassium and eGFR are not read as sodium or creatinine', () => {
    const r = parseCase('urine sodium 20 mmol/L, potassium 3.3 mmol/L, eGFR 55');
    expect(r.input).toEqual({});
    expect(r.context!.map((c) => c.kind)).toEqual(['other-fluid', 'other-lab', 'other-lab']);
  });
  it('a bland thrombus is stated "no invasion", with an assumption saying bland thrombus is not invasion', () => {
    for (const text of [
      'bland PVT',
      'bland portal vein thrombosis',
      'non-tumoural/bland thrombus',
      'PVT (bland)',
    ]) {
      const r = parseCase(`${text}, single 3 cm HCC`);
      expect(r.input.macrovascularInvasion, text).toBe(false);
      expect(r.warnings, text).toEqual([]);
      const a = r.assumptions.find((x) => x.field === 'macrovascularInvasion');
      expect(a?.message, text).toContain('a bland thrombus is not tumour invasion');
    }
  });
  it('a hepatic vein tumour thrombus is macrovascular invasion, beside a bland portal one', () => {
    expect(parseCase('hepatic vein tumour thrombus').input.macrovascularInvasion).toBe(true);
    expect(parseCase('bland PVT, hepatic vein tumour thrombus').input.macrovascularInvasion).toBe(true);
    // The same vessel both ways is a contradiction to settle.
    expect(parseCase('bland PVT, main PVTT').errors.map((e) => e.code)).toEqual(['contradiction']);
  });
  it('asterixis without a grade is not scored: a warning asks for the West Haven grade, unless one is given', () => {
    const r = parseCase('Asterixis is present, bili 2 mg/dL');
    expect(r.input.encephalopathy).toBeUndefined();
    expect(r.warnings.find((w) => w.field === 'encephalopathy')?.message).toContain('gives no grade');
    expect(parseCase('asterixis, HE grade 2').warnings).toEqual([]);
    expect(parseCase('no asterixis').warnings).toEqual([]);
  });
  it('a percentage after a lab name is not its level ("albumin (20%)", "AFP-L3 15%")', () => {
    expect(parseCase('albumin (20%, 100 mL) given').input.albumin).toBeUndefined();
    expect(parseCase('AFP-L3 15%').input.afp).toBeUndefined();
  });
  it('a plain "PVT" is not read as invasion, and the warning names the field', () => {
    const r = parseCase('PVT, multifocal HCC largest 6 cm');
    expect(r.input.macrovascularInvasion).toBeUndefined();
    const w = r.warnings.find((x) => x.field === 'macrovascularInvasion');
    expect(w?.message).toContain('was not read as tumour invasion');
  });
  it('mRECIST sums inside a case are a response, not nodules, and the warning says how to get the view', () => {
    const r = parseCase('baseline 52 nadir 30 now 37 mm');
    expect(r.input).toEqual({});
    expect(r.mrecist).toEqual({ baselineMm: 52, nadirMm: 30, currentMm: 37 });
    expect(r.warnings.map((w) => w.code)).toEqual(['mrecist-in-case']);
    expect(r.warnings[0]!.message).toContain('send "mrecist baseline 52 nadir 30 now 37 mm"');
  });
  it('treatment history is context, never tumour data', () => {
    const r = parseCase('s/p RFA 2022, post-TACE x2, 2 cycles of TACE, on atezo-bev');
    expect(r.input).toEqual({});
    expect(r.notUnderstood).toEqual([]);
    expect(r.context!.every((c) => c.kind === 'treatment')).toBe(true);
  });
  it('a height and a urine volume are not tumour sizes', () => {
    const r = parseCase('height 170 cm, urine output of 700 cm³/day, single 2 cm lesion');
    expect(r.input).toEqual({ nodulesCm: [2], noduleCount: 1 });
  });
  it('a message over 8,000 characters is refused as too long', () => {
    expect(parseCase('x'.repeat(8001)).errors.map((e) => e.code)).toEqual(['too-long']);
  });
  it('a bare SI bilirubin without team units is refused, and the refusal names the fix', () => {
    const r = parseCase('bili 28, alb 34');
    expect(r.errors[0]!.message).toContain('--units si');
    expect(r.errors[0]!.message).toContain('HCC_MDT_UNITS=si');
    expect(parseCase('bili 28, alb 34', { units: 'si' }).input.bilirubin).toEqual(um(28));
  });
});
