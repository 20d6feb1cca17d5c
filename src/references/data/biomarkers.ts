import type { Biomarker } from '../schema.js';
import { doi, pmc, pubmed, REVIEWED_2026_11_28 as R, REVIEWED_2026_12_01 as R2 } from './cite.js';
import { BCLC_2022_CITATION } from './procedures.js';

/**
 * Biomarkers. `status` is the plain answer to "can we use it today?": approved = in routine clinical use
 * (guideline-endorsed or standard pathology practice; not necessarily a regulatory approval), in-trials =
 * studied in patients but not for routine decisions, preclinical = laboratory or cohort research only.
 */

const TCGA_2017 = pmc(
  'PMC5680778',
  'Cancer Genome Atlas Research Network. Cell 2017;169:1327–1341 (HCC genomics)',
);

export const biomarkers: Biomarker[] = [
  {
    id: 'afp',
    kind: 'biomarker',
    status: 'approved',
    sample: 'serum',
    title: 'Alpha-fetoprotein (AFP)',
    aliases: ['alpha-fetoprotein', 'afp 400'],
    summary:
      'Serum tumour marker: prognostic, part of extended transplant criteria, and predictive for ramucirumab at ≥ 400 ng/mL.',
    use: 'Surveillance with ultrasound; prognosis within BCLC B; AFP model and Metroticket 2.0; ramucirumab only if AFP ≥ 400 ng/mL.',
    citations: [pubmed('30665869', 'REACH-2, Lancet Oncol 2019 (AFP ≥ 400 ng/mL)'), BCLC_2022_CITATION],
    verified: false,
    unverified: [
      'Surveillance and BCLC-B prognostic roles not yet checked against the AASLD 2023 and BCLC 2022 texts',
    ],
    lastReviewed: R,
    optionIds: ['ramucirumab'],
    stages: ['A', 'B', 'C'],
    lines: ['second'],
    notes: [
      'All cut-offs here are ng/mL; 1 IU/mL ≈ 1.21 ng/mL (check the lab unit). AFP alone does not diagnose HCC.',
    ],
  },
  {
    id: 'dcp-pivka-ii',
    kind: 'biomarker',
    status: 'approved',
    sample: 'serum',
    title: 'DCP / PIVKA-II (des-gamma-carboxy prothrombin)',
    aliases: ['pivka', 'pivka-ii', 'pivka 2', 'dcp', 'des-gamma-carboxy prothrombin', 'galad'],
    summary:
      'Serum marker used clinically in some regions and in the GALAD score (gender, age, AFP-L3, AFP, DCP) for detection of early HCC.',
    use: 'Clinically available assay; part of the GALAD model for surveillance and detection. Units are assay-specific (mAU/mL vs ng/mL): never convert between them.',
    citations: [
      doi('10.14218/JCTH.2022.00013', 'Eletreby R et al. J Clin Transl Hepatol 2023;11:334–340 (GALAD)'),
    ],
    verified: false,
    unverified: [
      'Routine use in Japan, regional availability and the warfarin/vitamin K note not yet checked against a primary source',
    ],
    lastReviewed: R,
    optionIds: [],
    stages: ['0', 'A'],
    lines: [],
    notes: ['Vitamin K deficiency and warfarin raise DCP independently of HCC.'],
  },
  {
    id: 'ctdna',
    kind: 'biomarker',
    status: 'in-trials',
    sample: 'blood-ctDNA',
    title: 'Circulating tumour DNA (liquid biopsy)',
    aliases: ['liquid biopsy', 'cfdna', 'circulating tumor dna'],
    summary:
      'Studied for detection, minimal residual disease and response monitoring; not recommended for routine diagnosis.',
    use: 'Research and trials only; ESMO 2025 does not recommend liquid biopsy or ctDNA for diagnosis.',
    citations: [
      {
        kind: 'guideline',
        url: 'https://www.esmo.org/Guidelines/Gastrointestinal-Cancers/Hepatocellular-Carcinoma',
        label: 'ESMO 2025 guideline page (ctDNA not recommended)',
      },
    ],
    verified: false,
    unverified: ['ESMO 2025 statement not yet checked against the guideline text'],
    lastReviewed: R,
    optionIds: [],
    stages: ['0', 'A', 'B', 'C'],
    lines: [],
    notes: [],
  },
  {
    id: 'albi',
    kind: 'biomarker',
    status: 'approved',
    sample: 'score',
    title: 'ALBI score (albumin–bilirubin)',
    aliases: ['albi grade', 'albumin bilirubin', 'malbi'],
    summary:
      'Objective liver-function score from albumin and bilirubin; stratifies compensated (Child-Pugh A) patients; used in trial stratification.',
    use: 'Prognosis and stratification within compensated disease (BCLC 2022); stratification factor in LEAP-012. Does not change the BCLC stage.',
    citations: [
      pubmed('25512453', 'Johnson PJ et al. J Clin Oncol 2015;33:550–558', '10.1200/JCO.2014.57.9151'),
      pubmed(
        '28626732',
        'Hiraoka A et al. Liver Cancer 2017;6:204–215 (ALBI in the JSH algorithm)',
        '10.1159/000452846',
      ),
    ],
    verified: true,
    unverified: [],
    lastReviewed: R2,
    optionIds: [],
    stages: ['0', 'A', 'B', 'C'],
    lines: [],
    notes: ['Grades: ≤ −2.60 grade 1; > −2.60 to ≤ −1.39 grade 2; > −1.39 grade 3 (Hiraoka 2017).'],
  },
  {
    id: 'tp53',
    kind: 'biomarker',
    status: 'in-trials',
    sample: 'genomic',
    title: 'TP53 mutation',
    aliases: ['p53'],
    summary:
      'One of the most frequent somatic alterations in HCC; associated with poorer prognosis. No approved test or targeted drug for HCC.',
    use: 'Research and exploratory trial biomarker only; not used for treatment selection.',
    citations: [TCGA_2017],
    verified: false,
    unverified: [
      'Frequency and prognostic statements not yet checked against a primary source; the TCGA paper names the gene as a key alteration',
    ],
    lastReviewed: R,
    optionIds: [],
    stages: [],
    lines: [],
    notes: ['TCGA developed a p53 target-gene signature correlating with poor survival.'],
  },
  {
    id: 'ctnnb1',
    kind: 'biomarker',
    status: 'in-trials',
    sample: 'genomic',
    title: 'CTNNB1 (β-catenin) mutation',
    aliases: ['beta-catenin', 'b-catenin', 'wnt', 'ctnnb1 mutation'],
    summary:
      'Activating mutations of the WNT/β-catenin pathway, among the commonest HCC drivers. No approved test or targeted drug for HCC.',
    use: 'Research and exploratory trial biomarker; WNT signalling is a candidate therapeutic target.',
    citations: [TCGA_2017],
    verified: false,
    unverified: [
      'Frequency and prognostic statements not yet checked against a primary source; the TCGA paper names the gene as a key alteration',
    ],
    lastReviewed: R,
    optionIds: [],
    stages: [],
    lines: [],
    notes: [],
  },
  {
    id: 'tert',
    kind: 'biomarker',
    status: 'in-trials',
    sample: 'genomic',
    title: 'TERT promoter alteration',
    aliases: ['telomerase', 'tert promoter'],
    summary:
      'TERT promoter mutations and telomerase activation are frequent early events in HCC. No approved test or drug for HCC.',
    use: 'Research and exploratory biomarker; TERT named as a potential therapeutic target.',
    citations: [TCGA_2017],
    verified: false,
    unverified: [
      'Frequency and prognostic statements not yet checked against a primary source; the TCGA paper names the gene as a key alteration',
    ],
    lastReviewed: R,
    optionIds: [],
    stages: [],
    lines: [],
    notes: [],
  },
  {
    id: 'hsp70',
    kind: 'biomarker',
    status: 'approved',
    sample: 'tissue',
    title: 'HSP70 (immunohistochemistry)',
    aliases: ['heat shock protein 70', 'hsp70 gpc3 gs panel'],
    summary:
      'Tissue marker in the HSP70–GPC3–glutamine synthetase panel that separates early HCC from dysplastic nodules.',
    use: 'Routine diagnostic pathology: two of three markers positive gave 72 % sensitivity and 100 % specificity for early/grade 1 HCC.',
    citations: [doi('10.1002/hep.21531', 'Di Tommaso L et al. Hepatology 2007;45:725–734')],
    verified: true,
    unverified: [],
    lastReviewed: R,
    optionIds: [],
    stages: ['0', 'A'],
    lines: [],
    notes: ['Single-marker sensitivity/specificity for early HCC: HSP70 78 %/95 %.'],
  },
  {
    id: 'gpc3',
    kind: 'biomarker',
    status: 'approved',
    sample: 'tissue',
    title: 'Glypican-3 (GPC3)',
    aliases: ['glypican-3'],
    summary:
      'Oncofetal membrane proteoglycan expressed in HCC but rarely in normal liver: a diagnostic stain and a therapeutic target (CAR-T).',
    use: 'Routine immunohistochemistry in the HSP70–GPC3–GS panel (69 %/91 % for early HCC); target of investigational CAR-T therapy.',
    citations: [doi('10.1002/hep.21531', 'Di Tommaso L et al. Hepatology 2007;45:725–734')],
    verified: true,
    unverified: [],
    lastReviewed: R,
    optionIds: [],
    stages: ['0', 'A', 'C'],
    lines: [],
    notes: ['As a therapeutic target see "CAR-T against GPC3" (in trials).'],
  },
];
