import type { Guideline } from '../schema.js';
import { doi, guidelineDoi, guidelinePubmed, official, REVIEWED_2026_11_28 as R } from './cite.js';
import { BCLC_2022_CITATION } from './procedures.js';

/** Guidelines and what each says for the stages it addresses (paraphrased; see `unverified` per entry). */

export const guidelines: Guideline[] = [
  {
    id: 'bclc-2022',
    kind: 'guideline',
    body: 'Barcelona Clinic Liver Cancer group',
    year: 2022,
    title: 'BCLC 2022 update: staging and treatment strategy',
    aliases: ['reig 2022', 'barcelona staging'],
    summary:
      'Five stages (0, A, B, C, D) by tumour burden, liver function and ECOG, each linked to a first-option treatment; adds treatment stage migration and expert clinical decision-making.',
    byStage: [
      {
        stage: '0',
        says: 'Single ≤ 2 cm, preserved liver function, ECOG 0: resection; ablation when resection is unsuitable; LT if candidate.',
      },
      {
        stage: 'A',
        says: 'Single, or 2–3 nodules ≤ 3 cm: resection if no portal hypertension and normal bilirubin; otherwise LT (candidate) or ablation.',
      },
      {
        stage: 'B',
        says: 'Three subgroups: extended LT criteria → LT; well-defined nodules with preserved portal flow → TACE; diffuse/infiltrative → systemic therapy.',
      },
      {
        stage: 'C',
        says: 'First line atezolizumab + bevacizumab or durvalumab + tremelimumab; else sorafenib, lenvatinib or durvalumab; after sorafenib regorafenib, cabozantinib, ramucirumab (AFP ≥ 400).',
      },
      {
        stage: 'D',
        says: 'End-stage liver function or ECOG 3–4: best supportive care, unless tumour burden is acceptable for transplant.',
      },
    ],
    keyPoints: [
      'Child-Pugh was abandoned as the stage-defining tool; decompensation means non-preserved function regardless of Child-Pugh or MELD.',
      'ALBI adds granularity within compensated disease; AFP is prognostic in B and part of extended LT criteria.',
      'Treatment stage migration: progression or toxicity may move a patient to the option of a more advanced stage.',
      'After immunotherapy-based first line there was no trial-based second line; clinical trials recommended.',
    ],
    citations: [BCLC_2022_CITATION],
    verified: false,
    unverified: [
      'Stage 0/A treatment branches, stage-C footnote wording and expected survival per stage not yet checked against the published figure',
    ],
    lastReviewed: R,
    optionIds: [
      'resection',
      'liver-transplant',
      'downstaging-to-transplant',
      'ablation',
      'tace',
      'atezolizumab-bevacizumab',
      'durvalumab-tremelimumab',
      'sorafenib',
      'lenvatinib',
      'durvalumab',
      'regorafenib',
      'cabozantinib',
      'ramucirumab',
      'clinical-trial',
      'best-supportive-care',
    ],
    stages: ['0', 'A', 'B', 'C', 'D'],
    lines: ['first', 'second', 'curative', 'locoregional'],
    notes: ['PMC8866082 (open access). B subgroups and the transplant exception to D are verified.'],
  },
  {
    id: 'bclc-2025',
    kind: 'guideline',
    body: 'Barcelona Clinic Liver Cancer group',
    year: 2025,
    title: 'BCLC 2025 update (“2026” in print) with the CUSE decision framework',
    aliases: ['bclc 2026', 'cuse', 'bclc cuse'],
    summary:
      'Keeps the 2022 staging and links each stage to an evidence-based first option, prioritising options by OS evidence; adds CUSE (Complexity, Uncertainty, Subjectivity, Emotion) for tumour-board decisions.',
    byStage: [
      {
        stage: '0',
        says: 'Ablative options widened: radiofrequency, microwave, EBRT, TARE or TACE.',
      },
      {
        stage: 'B',
        says: 'BCLC-B criteria clarified (details not yet checked against the published figure).',
      },
      {
        stage: 'C',
        says: 'New immunotherapies that improve survival added (agents not named in the abstract; nivolumab + ipilimumab is the post-2022 phase 3 OS-positive candidate).',
      },
    ],
    keyPoints: [
      'CUSE is a four-step loop: define the goal; grade each option with evidence strength and gaps; align with comorbidity, feasibility and patient values; choose a plan with check-ins.',
      'Options are prioritised by overall-survival evidence.',
      'Adds recurrence predictors after curative treatment (multinodularity, microvascular invasion).',
    ],
    citations: [
      guidelinePubmed(
        '41151697',
        'Reig M, Sanduzzi-Zamparelli M et al. J Hepatol (pre-proof “The 2025 update”)',
        '10.1016/j.jhep.2025.10.020',
      ),
      official(
        'https://www.clinicbarcelona.org/en/news/bclc-2025-guidelines-introduce-a-new-model-to-personalize-liver-cancer-treatment',
        'Hospital Clínic announcement, October 2025',
      ),
      doi(
        '10.20517/2394-5079.2026.44',
        'Weiskirchen R, Lonardo A. Hepatoma Res 2026 (commentary on BCLC-CUSE)',
      ),
    ],
    verified: false,
    unverified: [
      'First-line list and order, BCLC-B sub-criteria and expected survival values not yet checked against the published figure',
      'Final print citation (J Hepatol 2026;84:631–654) and the June 2026 erratum not yet checked',
    ],
    lastReviewed: R,
    optionIds: ['ablation', 'tare', 'tace', 'ebrt-sbrt', 'nivolumab-ipilimumab'],
    stages: ['0', 'A', 'B', 'C', 'D'],
    lines: ['first', 'curative', 'locoregional'],
    notes: [
      'Do not present a "2025/2026-compliant" first-line list until the full text and erratum are checked.',
    ],
  },
  {
    id: 'esmo-2025',
    kind: 'guideline',
    body: 'European Society for Medical Oncology',
    year: 2025,
    title: 'ESMO 2025 Clinical Practice Guideline: hepatocellular carcinoma',
    aliases: ['esmo', 'esmo guideline'],
    summary:
      'First line: atezolizumab + bevacizumab, STRIDE, camrelizumab + rivoceranib or nivolumab + ipilimumab; durvalumab or tislelizumab if combinations are contraindicated; lenvatinib or sorafenib if immunotherapy is not possible.',
    byStage: [
      {
        stage: 'A',
        says: 'Resection, ablation or transarterial therapy by stage; no adjuvant systemic therapy.',
      },
      { stage: 'B', says: 'Transarterial therapies for intermediate disease.' },
      {
        stage: 'C',
        says: 'Atezo/bev, STRIDE, camrelizumab/rivoceranib or nivo/ipi first; durvalumab or tislelizumab if combinations contraindicated; lenvatinib or sorafenib if no ICI. No systemic chemotherapy.',
      },
    ],
    keyPoints: [
      'Liquid biopsy and ctDNA testing are not recommended for diagnosis.',
      'External beam radiotherapy for painful bone metastases or hepatic pain.',
    ],
    citations: [
      official(
        'https://www.esmo.org/Guidelines/Gastrointestinal-Cancers/Hepatocellular-Carcinoma',
        'ESMO guideline page: hepatocellular carcinoma (Annals of Oncology 2025)',
        'guideline',
      ),
    ],
    verified: false,
    unverified: [
      'Content not yet checked against the guideline text',
      'DOI of the 2025 guideline not found; the link is the ESMO guideline page',
    ],
    lastReviewed: R,
    optionIds: [
      'atezolizumab-bevacizumab',
      'durvalumab-tremelimumab',
      'camrelizumab-rivoceranib',
      'nivolumab-ipilimumab',
      'durvalumab',
      'tislelizumab',
      'lenvatinib',
      'sorafenib',
      'ebrt-sbrt',
    ],
    stages: ['A', 'B', 'C'],
    lines: ['first', 'curative', 'locoregional'],
    notes: [],
  },
  {
    id: 'asco-2024',
    kind: 'guideline',
    body: 'American Society of Clinical Oncology',
    year: 2024,
    title: 'ASCO 2024 guideline update: systemic therapy for advanced HCC',
    aliases: ['asco', 'gordan 2024', 'asco guideline'],
    summary:
      'First line atezolizumab + bevacizumab or durvalumab + tremelimumab (Child-Pugh A, ECOG 0–1); sorafenib, lenvatinib or durvalumab if contraindicated; second-line options by first-line agent.',
    byStage: [
      {
        stage: 'C',
        says: 'After atezo + bev: a TKI, ramucirumab (AFP ≥ 400), durva + treme or nivo + ipi. After durva + treme: a TKI. After sorafenib/lenvatinib: cabozantinib, regorafenib (if sorafenib tolerated), ramucirumab (AFP ≥ 400), nivo + ipi, durvalumab; pembrolizumab or nivolumab.',
      },
      {
        stage: 'B',
        says: 'Advanced HCC recommendations apply to patients not amenable to locoregional therapy.',
      },
    ],
    keyPoints: [
      'Screen for and manage oesophageal varices before atezolizumab + bevacizumab.',
      'Weigh bleeding and thrombosis risk with bevacizumab when choosing between the combinations.',
      'Third line may be considered in Child-Pugh A with good performance status, using an agent with a different mechanism.',
    ],
    citations: [
      guidelineDoi('10.1200/JCO.23.02745', 'Gordan JD et al. J Clin Oncol 2024 (ASCO guideline update)'),
      official(
        'https://ace.asco.org/guidelines/149889',
        'ASCO guideline page: systemic therapy for advanced HCC',
        'guideline',
      ),
    ],
    verified: true,
    unverified: [],
    lastReviewed: R,
    optionIds: [
      'atezolizumab-bevacizumab',
      'durvalumab-tremelimumab',
      'nivolumab-ipilimumab',
      'sorafenib',
      'lenvatinib',
      'durvalumab',
      'regorafenib',
      'cabozantinib',
      'ramucirumab',
    ],
    stages: ['B', 'C'],
    lines: ['first', 'second', 'later'],
    notes: ['Published ahead of print 19 March 2024.'],
  },
  {
    id: 'aasld-2023',
    kind: 'guideline',
    body: 'American Association for the Study of Liver Diseases',
    year: 2023,
    title: 'AASLD 2023 practice guidance: prevention, diagnosis and treatment of HCC',
    aliases: ['aasld', 'singal 2023', 'aasld guidance'],
    summary:
      'Endorses BCLC 2022 staging and discussion of every patient at a multidisciplinary tumour board; surveillance with ultrasound plus AFP every 6 months in cirrhosis.',
    byStage: [
      {
        stage: 'A',
        says: 'Resection for Child-Pugh A, single tumour, no clinically significant portal hypertension, adequate remnant; minimally invasive surgery may extend this.',
      },
      {
        stage: 'B',
        says: 'Selected BCLC-B patients may be resection candidates; locoregional therapy otherwise.',
      },
      {
        stage: 'C',
        says: 'Immune checkpoint inhibitor combinations (atezolizumab + bevacizumab, durvalumab + tremelimumab) preferred first line.',
      },
    ],
    keyPoints: [
      'LI-RADS for non-invasive diagnosis in at-risk patients; AFP alone does not diagnose HCC.',
      'Multidisciplinary care and advance care planning are explicit recommendations.',
    ],
    citations: [
      guidelineDoi(
        '10.1097/HEP.0000000000000466',
        'Singal AG et al. Hepatology 2023 (AASLD practice guidance)',
      ),
    ],
    verified: false,
    unverified: ['Recommendations not yet checked against the full text of the guidance'],
    lastReviewed: R,
    optionIds: ['resection', 'atezolizumab-bevacizumab', 'durvalumab-tremelimumab'],
    stages: ['0', 'A', 'B', 'C'],
    lines: ['first', 'curative'],
    notes: [],
  },
];
