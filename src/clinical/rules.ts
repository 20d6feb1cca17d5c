import type { RuleVersion } from './assessment.js';
import type { ScoreKey } from './scores.js';

/**
 * The name, version and source of every calculator rule, shown with each result (DESIGN.md: "Every output names
 * the version of each rule"). An identifier not yet checked against the publisher's record says so in the same
 * neutral words.
 */

export const BCLC_2022_RULE: RuleVersion = {
  id: 'bclc-2022',
  name: 'BCLC 2022',
  source: 'Reig M et al. J Hepatol 2022;76(3):681–693, doi 10.1016/j.jhep.2021.11.018',
};

export const ALBI_RULE: RuleVersion = {
  id: 'albi',
  name: 'ALBI (Johnson 2015)',
  source: 'Johnson PJ et al. J Clin Oncol 2015;33(6):550-558. PMID 25512453; doi 10.1200/JCO.2014.57.9151',
};

export const MALBI_RULE: RuleVersion = {
  id: 'malbi',
  name: 'Modified ALBI grade 2a/2b (Hiraoka 2017)',
  source:
    'Hiraoka A et al. Liver Cancer 2017;6(3):204-215. PMID 28626732; doi 10.1159/000452846 ' +
    '(the -2.270 cut-off may come from Hiraoka A et al. Liver Cancer 2017;6(4):325-336, also cited)',
};

export const CHILD_PUGH_RULE: RuleVersion = {
  id: 'child-pugh',
  name: 'Child-Pugh (Pugh 1973)',
  source:
    'Pugh RNH et al. Br J Surg 1973;60(8):646-649. PMID 4541913; doi 10.1002/bjs.1800600817 (DOI not yet checked against the primary record)',
};

export const MELD_RULE: RuleVersion = {
  id: 'meld',
  name: 'MELD (OPTN, before 2016)',
  source: 'Kamath PS et al. Hepatology 2001;33(2):464-470. PMID 11172350; OPTN/UNOS rounding and bounds',
};

export const MELD_NA_RULE: RuleVersion = {
  id: 'meld-na',
  name: 'MELD-Na (OPTN 2016)',
  source:
    'Kim WR et al. N Engl J Med 2008;359:1018-1026. PMID 18768945; doi 10.1056/NEJMoa0801209; ' +
    'OPTN Policy 9.1, effective 11 January 2016',
};

export const MELD_3_RULE: RuleVersion = {
  id: 'meld-3',
  name: 'MELD 3.0 (Kim 2021; OPTN 2023)',
  source:
    'Kim WR et al. Gastroenterology 2021;161(6):1887-1895.e4. PMID 34481845; doi 10.1053/j.gastro.2021.08.050; ' +
    'OPTN allocation from July 2023',
};

export const MILAN_RULE: RuleVersion = {
  id: 'milan',
  name: 'Milan criteria (Mazzaferro 1996)',
  source: 'Mazzaferro V et al. N Engl J Med 1996;334:693-699. PMID 8594428; doi 10.1056/NEJM199603143341104',
};

export const UCSF_RULE: RuleVersion = {
  id: 'ucsf',
  name: 'UCSF criteria (Yao 2001)',
  source: 'Yao FY et al. Hepatology 2001;33:1394-1403. PMID 11391528',
};

export const UP_TO_SEVEN_RULE: RuleVersion = {
  id: 'up-to-seven',
  name: 'Up-to-seven (Mazzaferro 2009)',
  source:
    'Mazzaferro V et al. Lancet Oncol 2009;10:35-43. PMID 19058754; doi 10.1016/S1470-2045(08)70284-5 (DOI not yet checked against the primary record)',
};

export const AFP_MODEL_RULE: RuleVersion = {
  id: 'afp-model',
  name: 'AFP model (Duvoux 2012)',
  source:
    'Duvoux C et al. Gastroenterology 2012;143:986-994.e3. PMID 22750200 (PMID not yet checked against the primary record)',
};

export const METROTICKET_2_RULE: RuleVersion = {
  id: 'metroticket-2',
  name: 'Metroticket 2.0 (Mazzaferro 2018)',
  source:
    'Mazzaferro V et al. Gastroenterology 2018;154:128-139. PMID 28989060 (PMID not yet checked against the primary record)',
};

export const HAP_RULE: RuleVersion = {
  id: 'hap',
  name: 'HAP score (Kadalayil 2013)',
  source: 'Kadalayil L et al. Ann Oncol 2013;24:2565-2570. PMID 23857958',
};

export const MHAP2_RULE: RuleVersion = {
  id: 'mhap2',
  name: 'mHAP-II score (Park 2016)',
  source:
    'Park Y et al. Liver Int 2016;36(1):100-107, doi 10.1111/liv.12878 (PMID not yet checked against the primary record)',
};

export const SIX_AND_TWELVE_RULE: RuleVersion = {
  id: 'six-and-twelve',
  name: 'Six-and-twelve (Wang 2019)',
  source: 'Wang Q et al. J Hepatol 2019;70:893-903 (PMID not yet checked against the primary record)',
};

export const MRECIST_RULE: RuleVersion = {
  id: 'mrecist',
  name: 'mRECIST (Lencioni & Llovet 2010)',
  source:
    'Lencioni R, Llovet JM. Semin Liver Dis 2010;30:52-60. PMID 20175033; doi 10.1055/s-0030-1247132 (DOI not yet checked against the primary record)',
};

/** The rule each score applies, so a renderer finds a score's version by key. */
export const RULE_OF = {
  albi: ALBI_RULE,
  malbi: MALBI_RULE,
  childPugh: CHILD_PUGH_RULE,
  meld: MELD_RULE,
  meldNa: MELD_NA_RULE,
  meld3: MELD_3_RULE,
  milan: MILAN_RULE,
  ucsf: UCSF_RULE,
  upToSeven: UP_TO_SEVEN_RULE,
  metroticket2: METROTICKET_2_RULE,
  afpModel: AFP_MODEL_RULE,
  hap: HAP_RULE,
  mhap2: MHAP2_RULE,
  sixAndTwelve: SIX_AND_TWELVE_RULE,
  bclc: BCLC_2022_RULE,
  mrecist: MRECIST_RULE,
} as const satisfies Record<ScoreKey, RuleVersion>;

/** Every rule, once, for the docs and for tests that check each rule is named. */
export const CALCULATOR_RULES: readonly RuleVersion[] = Object.values(RULE_OF);
