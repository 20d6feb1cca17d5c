import type { BclcStage } from '../../clinical/assessment.js';
import type { TreatmentOptionId } from '../../clinical/treatmentOptionIds.js';

/**
 * How each BCLC option is summarised in one line. `primaryId` is the entry the line quotes; when `oneLine` is
 * absent the line is derived from that trial's figures, so the card and the summary cannot disagree.
 */
export interface OptionEvidenceSource {
  optionId: TreatmentOptionId;
  /**
   * The stages this entry is written for; absent for the option's general entry. An option offered at several
   * stages cites the evidence for each (EBRT in very early HCC is not backed by a macrovascular-invasion trial).
   */
  stages?: readonly BclcStage[];
  primaryId: string;
  /** Other entries behind the option (trials, guidelines, drug labels). */
  supportingIds: string[];
  conditions: string[];
  /** Written line for procedures and for trials whose headline is not the main OS comparison. */
  oneLine?: string;
}

const CP_A = 'Child-Pugh A in most trials; B7 limited evidence';
const IF_NO_COMBINATION = 'Alternative when immunotherapy combinations are contraindicated';

export const OPTION_EVIDENCE: OptionEvidenceSource[] = [
  {
    optionId: 'resection',
    primaryId: 'resection',
    supportingIds: ['bclc-2022', 'surf', 'aasld-2023'],
    oneLine:
      'BCLC 2022: first option for a single tumour without clinically significant portal hypertension and with normal bilirubin',
    conditions: [
      'Single tumour, no clinically significant portal hypertension, normal bilirubin',
      'Adequate future liver remnant',
    ],
  },
  {
    optionId: 'liver-transplant',
    primaryId: 'liver-transplant',
    supportingIds: ['bclc-2022'],
    oneLine:
      'Milan criteria (single ≤ 5 cm or 2–3 nodules ≤ 3 cm) are the benchmark; BCLC 2022 option when resection is unsuitable',
    conditions: [
      'Within Milan or locally accepted extended criteria',
      'End-stage liver function with tumour within criteria: transplant evaluation, not BSC',
    ],
  },
  {
    optionId: 'downstaging-to-transplant',
    primaryId: 'downstaging-to-transplant',
    supportingIds: ['liver-transplant', 'bclc-2022'],
    oneLine:
      'XXL RCT: after successful downstaging, 5-year OS 77.5 % with transplant vs 31.2 % without (n = 45, stopped early)',
    conditions: [
      'Transplant candidate beyond criteria; centre with a downstaging protocol',
      'Sustained response before listing',
    ],
  },
  {
    optionId: 'ablation',
    primaryId: 'ablation',
    supportingIds: ['surf', 'bclc-2022', 'bclc-2025'],
    oneLine: 'SURF RCT (≤ 3 cm, ≤ 3 nodules): RFS surgery vs RFA HR 0.92 (0.67–1.25), no difference',
    conditions: [
      'Tumours ≤ 3 cm (best results ≤ 2 cm)',
      'When resection is unsuitable, or as an alternative in BCLC 0',
    ],
  },
  {
    optionId: 'tace',
    primaryId: 'tace',
    supportingIds: ['llovet-2002', 'lo-2002', 'llovet-bruix-2003', 'emerald-1', 'leap-012', 'bclc-2022'],
    oneLine:
      'Llovet 2002 RCT: chemoembolization vs conservative, death HR 0.47 (0.25–0.91); adding systemic therapy: PFS benefit only',
    conditions: [
      'BCLC B with well-defined nodules, preserved portal flow, selective arterial access',
      'Not with main portal vein tumour thrombosis or decompensation',
      'TACE + systemic (EMERALD-1, LEAP-012): PFS only; LEAP-012 OS futility (Oct 2025)',
    ],
  },
  {
    optionId: 'tare',
    primaryId: 'tare',
    supportingIds: ['legacy', 'sarah', 'bclc-2025'],
    oneLine:
      'LEGACY (solitary ≤ 8 cm, single arm): ORR 88.3 %, 3-yr OS 86.6 %; SARAH vs sorafenib: OS 8.0 vs 9.9 mo, HR 1.15 (NS)',
    conditions: [
      'Best evidence in solitary tumours ≤ 8 cm, Child-Pugh A',
      'Not superior to sorafenib in advanced HCC (SARAH)',
    ],
  },
  {
    optionId: 'ebrt-sbrt',
    stages: ['0', 'A'],
    primaryId: 'bclc-2025',
    supportingIds: ['ebrt-sbrt'],
    oneLine: 'BCLC 2025 update: EBRT among the ablative options for very early HCC',
    conditions: ['Very early HCC where ablation or resection is not feasible'],
  },
  {
    optionId: 'tare',
    stages: ['0', 'A'],
    primaryId: 'legacy',
    supportingIds: ['tare', 'bclc-2025'],
    oneLine: 'LEGACY (solitary ≤ 8 cm, single arm): ORR 88.3 %, 3-year OS 86.6 %',
    conditions: [
      'Solitary tumour ≤ 8 cm, Child-Pugh A (LEGACY)',
      'Among the ablative options of the BCLC 2025 update',
    ],
  },
  {
    optionId: 'tace',
    stages: ['0', 'A'],
    primaryId: 'bclc-2025',
    supportingIds: ['tace'],
    oneLine: 'BCLC 2025 update: TACE among the ablative options for very early HCC',
    conditions: ['Very early HCC where ablation or resection is not feasible'],
  },
  {
    optionId: 'ebrt-sbrt',
    primaryId: 'ebrt-sbrt',
    supportingIds: ['yoon-2018', 'bclc-2025', 'esmo-2025'],
    oneLine: 'Yoon 2018 RCT (macrovascular invasion): TACE + RT vs sorafenib, 12-week PFS 86.7 % vs 34.3 %',
    conditions: [
      'When ablation is not feasible, or with TACE for macrovascular invasion',
      'Palliation of bone metastases or hepatic pain',
    ],
  },
  {
    optionId: 'atezolizumab-bevacizumab',
    primaryId: 'imbrave150',
    supportingIds: ['atezolizumab-bevacizumab', 'asco-2024', 'esmo-2025', 'bclc-2022'],
    conditions: [
      CP_A,
      'ECOG 0–1 (IMbrave150)',
      'Screen and treat oesophageal varices before bevacizumab; bleeding risk',
    ],
  },
  {
    optionId: 'durvalumab-tremelimumab',
    primaryId: 'himalaya',
    supportingIds: ['durvalumab-tremelimumab', 'asco-2024', 'esmo-2025', 'bclc-2022'],
    conditions: [CP_A, 'ECOG 0–1 (HIMALAYA)', 'No anti-VEGF: suits patients with bleeding risk'],
  },
  {
    optionId: 'nivolumab-ipilimumab',
    primaryId: 'checkmate-9dw',
    supportingIds: ['nivolumab-ipilimumab', 'checkmate-040-cohort-4', 'asco-2024', 'esmo-2025'],
    conditions: [
      'Child-Pugh 5–6, ECOG 0–1 (CheckMate 9DW)',
      'Early excess of deaths in months 0–6',
      'First-line approval EU (Mar 2025) and US (Apr 2025)',
    ],
  },
  {
    optionId: 'camrelizumab-rivoceranib',
    primaryId: 'cares-310',
    supportingIds: ['camrelizumab-rivoceranib', 'esmo-2025'],
    conditions: [
      CP_A,
      'ECOG 0–1 (CARES-310)',
      'Approved in China; not FDA-approved (complete response letters 2024, 2025)',
    ],
  },
  {
    optionId: 'sorafenib',
    primaryId: 'sharp',
    supportingIds: ['asia-pacific', 'sorafenib', 'bclc-2022'],
    conditions: [CP_A, IF_NO_COMBINATION],
  },
  {
    optionId: 'lenvatinib',
    primaryId: 'reflect',
    supportingIds: ['lenvatinib', 'bclc-2022'],
    conditions: [CP_A, IF_NO_COMBINATION, 'Non-inferior to sorafenib, not superior'],
  },
  {
    optionId: 'durvalumab',
    primaryId: 'himalaya',
    supportingIds: ['durvalumab', 'asco-2024', 'esmo-2025'],
    oneLine:
      'HIMALAYA durvalumab arm: OS 16.56 vs 13.77 mo vs sorafenib, HR 0.86 (95.67% CI 0.73–1.03), non-inferior',
    conditions: [CP_A, 'When combinations are contraindicated (ASCO 2024, ESMO 2025)'],
  },
  {
    optionId: 'tislelizumab',
    primaryId: 'rationale-301',
    supportingIds: ['tislelizumab', 'esmo-2025'],
    conditions: [
      CP_A,
      'Regional: HCC approval in China; ESMO 2025 option when combinations are contraindicated',
    ],
  },
  {
    optionId: 'regorafenib',
    primaryId: 'resorce',
    supportingIds: ['regorafenib', 'asco-2024'],
    conditions: ['After sorafenib, only if sorafenib was tolerated', CP_A],
  },
  {
    optionId: 'cabozantinib',
    primaryId: 'celestial',
    supportingIds: ['cabozantinib', 'asco-2024'],
    conditions: ['After sorafenib (second or third line)', CP_A],
  },
  {
    optionId: 'ramucirumab',
    primaryId: 'reach-2',
    supportingIds: ['ramucirumab', 'afp', 'asco-2024'],
    conditions: ['AFP ≥ 400 ng/mL', 'After sorafenib', CP_A],
  },
  {
    optionId: 'clinical-trial',
    primaryId: 'clinical-trial',
    supportingIds: ['bclc-2022'],
    oneLine:
      'BCLC 2022: no trial-based second line after immunotherapy-based first line; clinical trials recommended',
    conditions: [
      'After immunotherapy-based first line, or where no standard exists',
      'Most trials require Child-Pugh A and ECOG 0–1',
    ],
  },
  {
    optionId: 'best-supportive-care',
    primaryId: 'best-supportive-care',
    supportingIds: ['bclc-2022', 'liver-transplant'],
    oneLine:
      'BCLC 2022: stage D → best supportive care, unless the tumour burden is acceptable for transplant',
    conditions: ['BCLC D without a transplant route'],
  },
];
