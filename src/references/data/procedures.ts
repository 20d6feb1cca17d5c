import type { Citation, Procedure } from '../schema.js';
import { doi, guidelinePubmed, official, pubmed, REVIEWED_2026_11_28 as R, registration } from './cite.js';

/** Locoregional, surgical and supportive options, each with the RCT or guideline line it rests on. */

export const BCLC_2022_CITATION: Citation = guidelinePubmed(
  '34801630',
  'Reig M et al. BCLC strategy: the 2022 update. J Hepatol 2022;76:681–693',
  '10.1016/j.jhep.2021.11.018',
);

export const procedures: Procedure[] = [
  {
    id: 'resection',
    kind: 'procedure',
    name: 'Liver resection',
    title: 'Surgical resection',
    aliases: ['hepatectomy', 'liver resection', 'surgery', 'resect'],
    summary:
      'First option for a single tumour in a patient without clinically significant portal hypertension and with normal bilirubin.',
    techniques: [
      'Anatomical or non-anatomical resection',
      'Open or minimally invasive (laparoscopic/robotic)',
    ],
    indications: [
      'BCLC 0–A, single tumour, no clinically significant portal hypertension, normal bilirubin (BCLC 2022)',
      'Child-Pugh A with adequate future liver remnant (AASLD 2023)',
    ],
    contraindications: [
      'Clinically significant portal hypertension with raised bilirubin',
      'Inadequate future liver remnant',
    ],
    evidence:
      'BCLC 2022 first option for single tumours with preserved function; SURF RCT: RFS surgery vs RFA HR 0.92 (0.67–1.25) for HCC ≤ 3 cm.',
    relatedIds: ['bclc-2022', 'surf', 'aasld-2023', 'ablation'],
    citations: [BCLC_2022_CITATION, doi('10.1159/000521665', 'SURF trial (surgery vs RFA)')],
    verified: false,
    unverified: ['The BCLC 2022 stage 0/A branch wording not yet checked against the published figure'],
    lastReviewed: R,
    optionIds: ['resection'],
    stages: ['0', 'A'],
    lines: ['curative'],
    notes: [
      'AASLD 2023 allows minimally invasive resection with mild portal hypertension for minor resections.',
    ],
  },
  {
    id: 'liver-transplant',
    kind: 'procedure',
    name: 'Liver transplantation',
    title: 'Liver transplantation',
    aliases: ['lt', 'olt', 'transplant', 'ltx', 'milan criteria'],
    summary:
      'Treats the tumour and the cirrhosis; within Milan criteria outcomes match non-cancer indications. Also the route for end-stage liver function when the tumour is within criteria.',
    techniques: ['Deceased-donor', 'Living-donor'],
    indications: [
      'Within Milan criteria (single ≤ 5 cm, or 2–3 nodules each ≤ 3 cm, no vascular invasion)',
      'BCLC 0–A when resection is not suitable; BCLC B within extended criteria per local policy',
      'End-stage liver function with tumour burden acceptable for transplant: evaluate for LT, not BSC',
    ],
    contraindications: [
      'Macrovascular invasion or extrahepatic spread',
      'Tumour beyond local criteria without successful downstaging',
    ],
    evidence:
      'Milan criteria (Mazzaferro 1996) set the benchmark; BCLC 2022 lists LT for 0/A when resection is unsuitable and for B within extended criteria.',
    relatedIds: ['bclc-2022', 'downstaging-to-transplant'],
    citations: [
      pubmed(
        '8594428',
        'Mazzaferro V et al. N Engl J Med 1996;334:693–699 (Milan criteria)',
        '10.1056/NEJM199603143341104',
      ),
      BCLC_2022_CITATION,
    ],
    verified: false,
    unverified: [
      'Milan PMID and DOI not yet checked against PubMed',
      'BCLC 2022 0/A transplant branch not yet checked against the published figure',
    ],
    lastReviewed: R,
    optionIds: ['liver-transplant'],
    stages: ['0', 'A', 'B', 'D'],
    lines: ['curative'],
    notes: [
      'Extended criteria (UCSF, up-to-seven, AFP model, Metroticket 2.0) depend on local allocation policy.',
    ],
  },
  {
    id: 'downstaging-to-transplant',
    kind: 'procedure',
    name: 'Downstaging to transplant',
    title: 'Downstaging to liver transplantation',
    aliases: ['downstaging', 'xxl trial', 'bridging'],
    summary:
      'Locoregional (usually TACE) or other therapy to bring a tumour beyond criteria within them, followed by transplant after sustained response.',
    techniques: ['TACE', 'TARE', 'Ablation', 'Systemic therapy (investigational for this purpose)'],
    indications: [
      'BCLC B beyond transplant criteria in a transplant candidate',
      'Centre with a defined downstaging protocol',
    ],
    contraindications: ['Macrovascular invasion or extrahepatic spread at presentation (most protocols)'],
    evidence:
      'XXL RCT: after successful downstaging, 5-year OS 77.5 % with transplant vs 31.2 % without (stopped early, n = 45); BCLC 2022: downstaging with TACE can lead to LT.',
    relatedIds: ['liver-transplant', 'tace', 'bclc-2022'],
    citations: [
      registration('NCT01387503', 'XXL trial (Mazzaferro V et al. Lancet Oncol 2020;21:947–956)'),
      BCLC_2022_CITATION,
    ],
    verified: false,
    unverified: [
      'XXL figures (5-year OS 77.5 % vs 31.2 %, n = 45) and the PMID/DOI of the paper not yet checked against the paper',
    ],
    lastReviewed: R,
    optionIds: ['downstaging-to-transplant'],
    stages: ['B'],
    lines: ['curative', 'locoregional'],
    notes: [
      'XXL randomised only after successful downstaging and stopped early: strong signal, small trial.',
    ],
  },
  {
    id: 'ablation',
    kind: 'procedure',
    name: 'Percutaneous ablation',
    title: 'Ablation (RFA, MWA, cryoablation, ethanol/acetic acid)',
    aliases: [
      'rfa',
      'mwa',
      'radiofrequency ablation',
      'microwave ablation',
      'cryoablation',
      'pei',
      'ethanol injection',
      'acetic acid injection',
      'thermal ablation',
    ],
    summary:
      'Curative-intent local destruction of small tumours; first option for very early HCC when resection is unsuitable.',
    techniques: [
      'Radiofrequency ablation (RFA)',
      'Microwave ablation (MWA)',
      'Cryoablation',
      'Percutaneous ethanol injection (PEI)',
      'Percutaneous acetic acid injection',
    ],
    indications: [
      'BCLC 0–A, tumours ≤ 3 cm (best results ≤ 2 cm), when resection is not suitable or as alternative in BCLC 0',
      'Bridging to transplant',
    ],
    contraindications: [
      'Location next to major bile ducts or vessels (relative; technique-dependent)',
      'Uncorrectable coagulopathy',
    ],
    evidence:
      'SURF RCT (≤ 3 cm, ≤ 3 nodules): RFS surgery vs RFA HR 0.92 (0.67–1.25), no difference; BCLC 2025 widens ablative options.',
    relatedIds: ['surf', 'resection', 'bclc-2022', 'bclc-2025'],
    citations: [doi('10.1159/000521665', 'SURF trial (surgery vs RFA)'), BCLC_2022_CITATION],
    verified: false,
    unverified: ['BCLC 2022 0/A ablation branches not yet checked against the published figure'],
    lastReviewed: R,
    optionIds: ['ablation'],
    stages: ['0', 'A'],
    lines: ['curative'],
    notes: ['Ethanol or acetic acid injection where thermal ablation is unsafe or unavailable.'],
  },
  {
    id: 'tace',
    kind: 'procedure',
    name: 'Transarterial chemoembolization',
    title: 'TACE (conventional and DEB-TACE)',
    aliases: ['chemoembolization', 'chemoembolisation', 'ctace', 'deb-tace', 'drug-eluting beads'],
    summary:
      'Intra-arterial chemotherapy with embolization; the standard for intermediate (BCLC B) HCC with well-defined nodules.',
    techniques: ['Conventional lipiodol TACE (cTACE)', 'Drug-eluting bead TACE (DEB-TACE)'],
    indications: [
      'BCLC B with well-defined nodules, preserved portal flow and selective access to feeding arteries (BCLC 2022 subgroup)',
      'Downstaging or bridging to transplant',
    ],
    contraindications: [
      'Diffuse, infiltrative, extensive bilobar disease (BCLC 2022: systemic therapy instead)',
      'Main portal vein tumour thrombosis',
      'Decompensated liver disease',
    ],
    evidence:
      'Llovet 2002 RCT: chemoembolization vs conservative, death HR 0.47 (0.25–0.91); Lo 2002 RCT concordant; TACE + systemic combinations show PFS benefit only.',
    relatedIds: ['llovet-2002', 'lo-2002', 'llovet-bruix-2003', 'emerald-1', 'leap-012', 'bclc-2022'],
    citations: [pubmed('12049862', 'Llovet JM et al. Lancet 2002;359:1734–1739'), BCLC_2022_CITATION],
    verified: true,
    unverified: [],
    lastReviewed: R,
    optionIds: ['tace'],
    stages: ['B'],
    lines: ['locoregional'],
    notes: [
      'EMERALD-1 and LEAP-012 add systemic therapy to TACE: PFS benefit only (LEAP-012 OS futility, Oct 2025).',
      'Repeated TACE in refractory disease should give way to systemic therapy (treatment stage migration).',
    ],
  },
  {
    id: 'tare',
    kind: 'procedure',
    name: 'Transarterial radioembolization',
    title: 'TARE / SIRT (yttrium-90)',
    aliases: [
      'y90',
      'sirt',
      'radioembolization',
      'radioembolisation',
      'yttrium-90',
      'theraspheres',
      'sir-spheres',
      'radiation segmentectomy',
    ],
    summary:
      'Intra-arterial yttrium-90 microspheres. Strongest data in solitary tumours (ablative dosing); not better than sorafenib in advanced disease.',
    techniques: ['Glass microspheres', 'Resin microspheres', 'Radiation segmentectomy / lobectomy'],
    indications: [
      'Solitary HCC ≤ 8 cm not suitable for resection or ablation (LEGACY population)',
      'Very early/early HCC as an alternative ablative option (BCLC 2025 update, per Hospital Clínic announcement)',
      'Bridging or downstaging to transplant',
    ],
    contraindications: ['Significant hepatopulmonary shunting', 'Decompensated liver disease'],
    evidence:
      'LEGACY (single arm, solitary ≤ 8 cm): ORR 88.3 %, 3-year OS 86.6 %; SARAH RCT vs sorafenib in advanced HCC: OS 8.0 vs 9.9 months, HR 1.15, not significant.',
    relatedIds: ['legacy', 'sarah', 'bclc-2025'],
    citations: [
      doi('10.1002/hep.31819', 'Salem R et al. Hepatology 2021 (LEGACY)'),
      doi('10.1016/S1470-2045(17)30683-6', 'Vilgrain V et al. Lancet Oncol 2017 (SARAH)'),
    ],
    verified: true,
    unverified: [],
    lastReviewed: R,
    optionIds: ['tare'],
    stages: ['A', '0', 'B', 'C'],
    lines: ['locoregional'],
    notes: ['SARAH: fewer adverse events and better quality of life than sorafenib despite no OS gain.'],
  },
  {
    id: 'haic',
    kind: 'procedure',
    name: 'Hepatic arterial infusion chemotherapy',
    title: 'HAIC (FOLFOX)',
    aliases: ['hepatic arterial infusion', 'hai chemotherapy'],
    summary:
      'Repeated intra-arterial oxaliplatin–fluorouracil–leucovorin via the hepatic artery; used mainly in China for large or vascular-invasive HCC. Not a BCLC option.',
    techniques: ['HAIC-FOLFOX', 'HAIC combined with sorafenib or immunotherapy (investigational)'],
    indications: [
      'Advanced HCC with heavy intrahepatic burden or portal vein invasion (regional practice, mainly China)',
    ],
    contraindications: ['Extensive extrahepatic disease', 'Decompensated liver disease'],
    evidence:
      'FOHAIC-1: HAIC-FOLFOX vs sorafenib OS 13.9 vs 8.2 months, HR 0.408 (0.301–0.552); He 2019: + sorafenib OS 13.37 vs 7.13 months.',
    relatedIds: ['fohaic-1', 'he-2019'],
    citations: [
      pubmed('34905388', 'FOHAIC-1. J Clin Oncol 2022;40:468–480', '10.1200/JCO.21.01963'),
      pubmed('31070690', 'He M et al. JAMA Oncol 2019;5:953–960', '10.1001/jamaoncol.2019.0250'),
    ],
    verified: false,
    unverified: [
      'Li 2022 (HAIC vs TACE for large HCC, J Clin Oncol 2022;40:150–160: OS 23.1 vs 16.1 months, HR 0.58) is not cited: no identifier confirmed',
    ],
    lastReviewed: R,
    optionIds: [],
    stages: ['C'],
    lines: ['locoregional', 'first'],
    notes: ['Comparators were sorafenib or TACE; no trial against current immunotherapy combinations.'],
  },
  {
    id: 'ebrt-sbrt',
    kind: 'procedure',
    name: 'External beam radiotherapy / SBRT',
    title: 'External beam radiotherapy and SBRT',
    aliases: ['sbrt', 'ebrt', 'radiotherapy', 'stereotactic body radiotherapy', 'sabr', 'proton therapy'],
    summary:
      'Conformal or stereotactic radiotherapy for small tumours unsuitable for ablation, vascular invasion (with TACE), and palliation of bone metastases or hepatic pain.',
    techniques: [
      'Stereotactic body radiotherapy (SBRT/SABR)',
      'Conformal external beam RT',
      'Proton beam therapy',
    ],
    indications: [
      'Very early/early HCC when ablation is not feasible (listed among ablative options in the BCLC 2025 announcement)',
      'Macrovascular invasion, combined with TACE (Yoon 2018 RCT)',
      'Painful bone metastases or hepatic pain (ESMO 2025)',
    ],
    contraindications: ['Insufficient uninvolved liver volume', 'Decompensated liver disease'],
    evidence:
      'Yoon 2018 RCT (macrovascular invasion): TACE + RT vs sorafenib, 12-week PFS 86.7 % vs 34.3 %, OS 55.0 vs 43.0 weeks.',
    relatedIds: ['yoon-2018', 'bclc-2025', 'esmo-2025'],
    citations: [
      pubmed('29543938', 'Yoon SM et al. JAMA Oncol 2018;4:661–669', '10.1001/jamaoncol.2017.5847'),
    ],
    verified: false,
    unverified: [
      'Yoon 2018 efficacy figures not yet checked against the paper',
      'ESMO 2025 RT statement not yet checked against the guideline text',
    ],
    lastReviewed: R,
    optionIds: ['ebrt-sbrt'],
    stages: ['C', '0', 'A'],
    lines: ['locoregional'],
    notes: [],
  },
  {
    id: 'best-supportive-care',
    kind: 'procedure',
    name: 'Best supportive care',
    title: 'Best supportive care',
    aliases: ['bsc', 'palliative care', 'symptomatic treatment', 'supportive care'],
    summary:
      'Symptom control, nutrition, psychological and palliative support for BCLC D (end-stage liver function or ECOG 3–4) without a transplant route.',
    techniques: ['Palliative care', 'Pain and symptom control', 'Management of cirrhosis complications'],
    indications: ['BCLC D: end-stage liver function or ECOG 3–4, tumour not within transplant criteria'],
    contraindications: [
      'End-stage liver function with tumour within transplant criteria: evaluate for LT first',
    ],
    evidence:
      'BCLC 2022: stage D → best supportive care, unless the tumour burden is acceptable for transplant.',
    relatedIds: ['bclc-2022', 'liver-transplant'],
    citations: [BCLC_2022_CITATION],
    verified: false,
    unverified: [
      'BCLC 2022 stage D treatment and expected survival not yet checked against the published figure',
    ],
    lastReviewed: R,
    optionIds: ['best-supportive-care'],
    stages: ['D'],
    lines: [],
    notes: ['The transplant exception is verified (NCCN reproduction of the BCLC 2022 figure).'],
  },
  {
    id: 'clinical-trial',
    kind: 'procedure',
    name: 'Enrolment in a clinical trial',
    title: 'Clinical trial enrolment',
    aliases: ['trial enrolment', 'trial enrollment', 'study participation', 'trials'],
    summary:
      'Where no trial-based standard exists (e.g. after immunotherapy-based first line in BCLC 2022), refer for a clinical trial.',
    techniques: ['Search registries (ClinicalTrials.gov, EU CTR)', 'Referral to a trial centre'],
    indications: [
      'Progression after immunotherapy-based first line (no trial-based second line in BCLC 2022)',
      'Adjuvant setting after curative treatment (no established adjuvant therapy)',
    ],
    contraindications: ['Patient preference; eligibility (most trials require Child-Pugh A, ECOG 0–1)'],
    evidence:
      'BCLC 2022: no trial-based second line after immunotherapy-based first line; clinical trials recommended.',
    relatedIds: ['bclc-2022', 'asco-2024'],
    citations: [
      BCLC_2022_CITATION,
      official(
        'https://clinicaltrials.gov/search?cond=Hepatocellular%20Carcinoma',
        'ClinicalTrials.gov: HCC trials',
      ),
    ],
    verified: false,
    unverified: ['BCLC 2022 systemic-therapy footnote wording not yet checked against the published figure'],
    lastReviewed: R,
    optionIds: ['clinical-trial'],
    stages: ['C', 'B', 'A', '0'],
    lines: ['second', 'later', 'adjuvant'],
    notes: [
      'ASCO 2024 does list second-line options after atezolizumab + bevacizumab (TKI, ramucirumab if AFP ≥ 400).',
    ],
  },
];
