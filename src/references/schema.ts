import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { BclcStageSchema } from '../clinical/assessment.js';
import { TreatmentOptionIdSchema } from '../clinical/treatmentOptionIds.js';

/**
 * The curated evidence base: one zod schema per kind of entry. Types are inferred from these schemas and
 * never written by hand. `docs/references.md` explains how entries are curated, reviewed and dated.
 */

/** PubMed identifier: digits only, no leading zero, at most 9 digits. */
export const PmidSchema = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'a PMID is 1 to 9 digits without a leading zero');
/** DOI: "10." + registrant code + "/" + suffix, no whitespace. */
export const DoiSchema = z.string().regex(/^10\.\d{4,9}\/\S+$/, 'a DOI starts with "10.<registrant>/"');
/** PubMed Central identifier, e.g. PMC8866082. */
export const PmcidSchema = z.string().regex(/^PMC[1-9]\d*$/, 'a PMCID is "PMC" followed by digits');

/** Calendar date as written in the data (YYYY-MM-DD). Whether it is in the past is checked by the tests. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write dates as YYYY-MM-DD')
  .refine((s) => isValid(parseISO(s)), 'not a calendar date');

/** What a citation points at; papers need a PMID, DOI or PMCID, the others an official URL. */
export const CitationKindSchema = z.enum(['paper', 'label', 'guideline', 'registration', 'web']);

export const CitationSchema = z
  .strictObject({
    kind: CitationKindSchema,
    pmid: PmidSchema.optional(),
    doi: DoiSchema.optional(),
    pmcid: PmcidSchema.optional(),
    /** Always present: the PubMed page, the doi.org link, or the official page (label, registry, guideline). */
    url: z.url({ protocol: /^https$/ }),
    /** Short citation for people: "NEJM 2008;359:378–90". */
    label: z.string().min(1),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'paper' && !c.pmid && !c.doi && !c.pmcid) {
      ctx.addIssue({ code: 'custom', message: 'a paper needs a PMID, DOI or PMCID', path: ['kind'] });
    }
    if (c.pmid && c.url !== pubmedUrl(c.pmid) && !(c.doi && c.url === doiUrl(c.doi))) {
      ctx.addIssue({ code: 'custom', message: 'with a PMID the url is its PubMed page', path: ['url'] });
    }
    if (!c.pmid && c.doi && c.url !== doiUrl(c.doi)) {
      ctx.addIssue({ code: 'custom', message: 'with only a DOI the url is its doi.org link', path: ['url'] });
    }
  });
export type Citation = z.infer<typeof CitationSchema>;

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${pmid}/`;
}
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}

/** Treatment line or setting an entry applies to; used by lookups such as "2nd line". */
export const LineSchema = z.enum(['first', 'second', 'later', 'adjuvant', 'locoregional', 'curative']);
export type Line = z.infer<typeof LineSchema>;

/** Explicit status for biomarkers and emerging therapy: no hedging words, one of three. */
export const DevelopmentStatusSchema = z.enum(['approved', 'in-trials', 'preclinical']);
export type DevelopmentStatus = z.infer<typeof DevelopmentStatusSchema>;

const base = {
  /** Stable kebab-case key. Entries that back a TreatmentOptionId of their own use that id. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are kebab-case'),
  title: z.string().min(1),
  /** Shorthand, spellings and common typos people type ("atezo bev", "Y90"); unique across all entries. */
  aliases: z.array(z.string().min(1)),
  /** One or two sentences in our own words. */
  summary: z.string().min(1),
  citations: z.array(CitationSchema).min(1),
  /** true only when every figure and identifier was checked against the primary source or official page. */
  verified: z.boolean(),
  /** What exactly is not confirmed; empty when verified. */
  unverified: z.array(z.string().min(1)),
  lastReviewed: IsoDateSchema,
  /** Treatment options (BCLC module ids) this entry supports. */
  optionIds: z.array(TreatmentOptionIdSchema),
  /** BCLC stages it applies to, main stage first (lookups rank on the first). */
  stages: z.array(BclcStageSchema),
  /** Lines or settings, main one first. */
  lines: z.array(LineSchema),
  notes: z.array(z.string().min(1)),
};

/** Median per arm, months; null when not reached or not reported (say which in `notes`). */
export const ArmMediansSchema = z.strictObject({
  experimental: z.number().positive().nullable(),
  control: z.number().positive().nullable(),
});
export type ArmMedians = z.infer<typeof ArmMediansSchema>;

export const HazardRatioSchema = z.strictObject({
  endpoint: z.enum(['OS', 'PFS', 'RFS', 'TTP']),
  /** Which comparison, when the trial has several arms or analyses ("durvalumab vs sorafenib", "primary analysis"). */
  comparison: z.string().min(1).optional(),
  value: z.number().positive(),
  ci: z.tuple([z.number().positive(), z.number().positive()]),
  /** Interval level in per cent; 95 unless the paper reports another (HIMALAYA: 96.02). */
  ciLevel: z.number().gt(50).lt(100),
  pValue: z.string().min(1).optional(),
  significant: z.boolean(),
});
export type HazardRatio = z.infer<typeof HazardRatioSchema>;

export const TrialSchema = z.strictObject({
  ...base,
  kind: z.literal('trial'),
  /** Trial acronym or first-author short name: "IMbrave150", "Llovet 2002". */
  name: z.string().min(1),
  regimen: z.string().min(1),
  comparator: z.string().min(1),
  /** Setting and line in words: "advanced HCC, first line". */
  setting: z.string().min(1),
  design: z.string().min(1),
  population: z.strictObject({
    description: z.string().min(1),
    /** Liver-function limit as the protocol set it ("A (5–6)", "A–B7"); null when not stated in our source. */
    childPugh: z.string().min(1).nullable(),
    ecog: z.string().min(1).nullable(),
    n: z.number().int().positive().nullable(),
  }),
  primaryEndpoint: z.string().min(1),
  primaryEndpointMet: z.boolean(),
  medianOsMonths: ArmMediansSchema.nullable(),
  medianPfsMonths: ArmMediansSchema.nullable(),
  /** The OS hazard ratio shown in cards (experimental vs control). */
  osHazardRatio: HazardRatioSchema.nullable(),
  /** PFS/RFS hazard ratios, other arms and earlier or later analyses. */
  otherHazardRatios: z.array(HazardRatioSchema),
  /** What the trial showed, in one word set: OS benefit, PFS only, non-inferiority, negative… */
  benefit: z.enum(['os', 'pfs-only', 'rfs-only', 'non-inferior', 'none', 'response-only', 'not-comparative']),
  /** Required when the medians point the other way from the hazard ratio (COSMIC-312: 15.4 vs 15.5, HR 0.90). */
  osDirectionNote: z.string().min(1).nullable(),
  /**
   * A later analysis that changes how the headline result reads (IMbrave050: the update did not confirm the RFS
   * benefit). Shown beside the headline wherever the headline is shown.
   */
  laterUpdate: z.string().min(1).optional(),
  journal: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  registration: z
    .string()
    .regex(/^NCT\d{8}$/)
    .nullable(),
});
export type Trial = z.infer<typeof TrialSchema>;

export const RegulatorSchema = z.enum(['FDA', 'EMA', 'NMPA']);
export const ApprovalSchema = z.strictObject({
  region: RegulatorSchema,
  status: z.enum(['approved', 'accelerated', 'withdrawn', 'refused', 'not-approved']),
  /** Year of the decision; null when not known to us. */
  year: z.number().int().min(1990).max(2100).nullable(),
  indication: z.string().min(1),
  verified: z.boolean(),
});
export type Approval = z.infer<typeof ApprovalSchema>;

export const DrugSchema = z.strictObject({
  ...base,
  kind: z.literal('drug'),
  /** Generic name(s): "atezolizumab + bevacizumab". */
  name: z.string().min(1),
  drugClass: z.string().min(1),
  mechanism: z.string().min(1),
  approvals: z.array(ApprovalSchema).min(1),
  cautions: z.array(z.string().min(1)),
  /** Trials (ids in this base) that the approvals rest on. */
  trialIds: z.array(z.string()),
});
export type Drug = z.infer<typeof DrugSchema>;

export const ProcedureSchema = z.strictObject({
  ...base,
  kind: z.literal('procedure'),
  name: z.string().min(1),
  /** Variants grouped here: RFA, MWA, cryoablation… */
  techniques: z.array(z.string().min(1)),
  indications: z.array(z.string().min(1)).min(1),
  contraindications: z.array(z.string().min(1)),
  /** The RCT or guideline line an MDT would quote. */
  evidence: z.string().min(1),
  relatedIds: z.array(z.string()),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

export const GuidelineSchema = z.strictObject({
  ...base,
  kind: z.literal('guideline'),
  body: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
  /** What the guideline says for each stage it addresses, in our words. */
  byStage: z.array(z.strictObject({ stage: BclcStageSchema, says: z.string().min(1) })),
  keyPoints: z.array(z.string().min(1)),
});
export type Guideline = z.infer<typeof GuidelineSchema>;

export const BiomarkerSchema = z.strictObject({
  ...base,
  kind: z.literal('biomarker'),
  status: DevelopmentStatusSchema,
  sample: z.enum(['serum', 'tissue', 'blood-ctDNA', 'score', 'genomic']),
  /** What it is used for today, plainly. */
  use: z.string().min(1),
});
export type Biomarker = z.infer<typeof BiomarkerSchema>;

export const EmergingSchema = z.strictObject({
  ...base,
  kind: z.literal('emerging'),
  status: DevelopmentStatusSchema,
  category: z.enum([
    'cell-therapy',
    'checkpoint',
    'vaccine',
    'gene-rna',
    'delivery',
    'digital',
    'care-model',
  ]),
  /** Named trials or agents, with registry ids where known. */
  examples: z.array(z.string().min(1)),
});
export type Emerging = z.infer<typeof EmergingSchema>;

/** Cross-field rules every entry must meet; also applied by the tests to report all problems at once. */
export function entryProblems(e: ReferenceEntryInput): string[] {
  const problems: string[] = [];
  if (e.verified && e.unverified.length > 0) problems.push('verified but lists unverified items');
  if (!e.verified && e.unverified.length === 0)
    problems.push('unverified but does not say what is unverified');
  if (e.kind === 'trial') {
    if (!e.citations.some((c) => c.kind === 'paper' && (c.pmid || c.doi))) {
      problems.push('a trial needs a paper citation with a PMID or DOI');
    }
    const hrs = [...(e.osHazardRatio ? [e.osHazardRatio] : []), ...e.otherHazardRatios];
    for (const hr of hrs) {
      const [lo, hi] = hr.ci;
      if (!(lo <= hr.value && hr.value <= hi))
        problems.push(`HR ${hr.value} outside its interval ${lo}–${hi}`);
    }
    const os = e.medianOsMonths;
    const hr = e.osHazardRatio;
    if (os && hr && os.experimental !== null && os.control !== null && !e.osDirectionNote) {
      const contradicts =
        (hr.value < 1 && os.experimental < os.control) || (hr.value > 1 && os.experimental > os.control);
      if (contradicts)
        problems.push('median OS points the other way from the HR and there is no osDirectionNote');
    }
  }
  if (e.kind === 'drug' && e.approvals.some((a) => !a.verified) && e.verified) {
    problems.push('verified drug with an unverified approval');
  }
  return problems;
}

const ReferenceEntryUnion = z.discriminatedUnion('kind', [
  TrialSchema,
  DrugSchema,
  ProcedureSchema,
  GuidelineSchema,
  BiomarkerSchema,
  EmergingSchema,
]);
type ReferenceEntryInput = z.infer<typeof ReferenceEntryUnion>;

export const ReferenceEntrySchema = ReferenceEntryUnion.superRefine((e, ctx) => {
  for (const message of entryProblems(e)) ctx.addIssue({ code: 'custom', message });
});
export type ReferenceEntry = z.infer<typeof ReferenceEntrySchema>;
export type ReferenceKind = ReferenceEntry['kind'];

/** One line of evidence and the conditions for one BCLC option, as the summary and the "Show evidence" card use it. */
export const OptionEvidenceSchema = z.strictObject({
  optionId: TreatmentOptionIdSchema,
  /** ≤ 160 characters: "IMbrave150: OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)". */
  oneLine: z.string().min(1).max(160),
  /** "AFP ≥ 400 ng/mL", "Child-Pugh A in most trials; B7 limited evidence", regional approval differences. */
  conditions: z.array(z.string().min(1)),
  referenceIds: z.array(z.string()).min(1),
  /** Whether the primary reference (the one the line quotes) is verified; conditions may rest on others. */
  verified: z.boolean(),
  /** Link for the one line (the first citation of the primary reference). */
  url: z.url(),
  /** The link's label: "PMID 34902530", "doi 10.1159/000521665" or the site's name. */
  urlLabel: z.string().min(1),
});
export type OptionEvidence = z.infer<typeof OptionEvidenceSchema>;

/** The JSON shape the CLI (`--json`) and Slack use for one result. */
export const ReferenceJsonSchema = z.looseObject({
  id: z.string(),
  kind: z.enum(['trial', 'drug', 'procedure', 'guideline', 'biomarker', 'emerging']),
  title: z.string(),
  citations: z.array(
    z.strictObject({
      pmid: z.string().optional(),
      doi: z.string().optional(),
      url: z.string(),
    }),
  ),
  /** Compact effect line or key statement, as shown on cards. */
  effect: z.string(),
  verified: z.boolean(),
  unverified: z.array(z.string()),
  lastReviewed: z.string(),
  stages: z.array(BclcStageSchema),
  optionIds: z.array(TreatmentOptionIdSchema),
});
export type ReferenceJson = z.infer<typeof ReferenceJsonSchema>;

export const OverallSurvivalJsonSchema = z
  .strictObject({
    /** Median OS, months; null when not reached or not reported. */
    experimentalMonths: z.number().nullable(),
    controlMonths: z.number().nullable(),
    hazardRatio: z.number(),
    ci: z.tuple([z.number(), z.number()]),
    /** 95 unless the paper reports another level. */
    ciLevel: z.number(),
  })
  .nullable();
export type OverallSurvivalJson = z.infer<typeof OverallSurvivalJsonSchema>;
