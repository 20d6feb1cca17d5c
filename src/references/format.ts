import type { TreatmentOptionId } from '../clinical/treatmentOptionIds.js';
import type { Citation, HazardRatio, ReferenceEntry, Trial } from './schema.js';

/** Compact text for cards and one-line evidence. Pure functions, no I/O. */

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot === -1 ? 0 : s.length - dot - 1;
}

/** Numbers of one group share the precision of the most precise one, never less than `min` ("0.50–0.79"). */
export function formatGroup(values: readonly number[], min: number): string[] {
  const d = Math.max(min, ...values.map(decimalsOf));
  return values.map((v) => v.toFixed(d));
}

export function formatCi(hr: HazardRatio): string {
  const [lo, hi] = formatGroup(hr.ci, 2);
  return hr.ciLevel === 95 ? `${lo}–${hi}` : `${hr.ciLevel}% CI ${lo}–${hi}`;
}

export function formatHr(hr: HazardRatio): string {
  const [value] = formatGroup([hr.value], 2);
  return `HR ${value} (${formatCi(hr)})`;
}

/** "19.2 vs 13.4", "10.2 vs 8.0", "NR vs 10.4" (NR: not reached or not reported). */
export function formatMedians(experimental: number | null, control: number | null): string {
  const known = [experimental, control].filter((m): m is number => m !== null);
  const formatted = formatGroup(known, 1);
  let i = 0;
  const next = (m: number | null) => (m === null ? 'NR' : (formatted[i++] as string));
  const e = next(experimental);
  return `${e} vs ${next(control)}`;
}

function benefitSuffix(t: Trial): string {
  switch (t.benefit) {
    case 'non-inferior':
      return ', non-inferior';
    case 'none':
      return ', not significant';
    case 'pfs-only':
      return ' (PFS benefit only)';
    case 'rfs-only':
      return ' (RFS only)';
    default:
      return '';
  }
}

/** "OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)", or the best available line when OS is missing; a later update beside it. */
export function trialEffect(t: Trial): string {
  const headline = trialHeadline(t);
  return t.laterUpdate ? `${headline}; ${t.laterUpdate}` : headline;
}

function trialHeadline(t: Trial): string {
  const os = t.medianOsMonths;
  const hr = t.osHazardRatio;
  if (hr && os && (os.experimental !== null || os.control !== null)) {
    return `OS ${formatMedians(os.experimental, os.control)} mo, ${formatHr(hr)}${benefitSuffix(t)}`;
  }
  const pfs = t.medianPfsMonths;
  const firstOther = t.otherHazardRatios[0];
  if (t.benefit === 'pfs-only' && pfs && pfs.experimental !== null && pfs.control !== null) {
    const pfsHr = t.otherHazardRatios.find((h) => h.endpoint === 'PFS');
    const osPart = hr ? `; OS ${formatHr(hr)}, not significant` : '; no OS benefit shown';
    return `PFS ${formatMedians(pfs.experimental, pfs.control)} mo${pfsHr ? `, ${formatHr(pfsHr)}` : ''}${osPart}`;
  }
  if (hr) return `OS ${formatHr(hr)}${benefitSuffix(t)}`;
  if (firstOther) return `${firstOther.endpoint} ${formatHr(firstOther)}${benefitSuffix(t)}`;
  return t.notes[0] ?? t.summary;
}

/** What `effectLine` needs to look up: entries by id, and the curated one-line evidence of an option. */
export interface EffectLookup {
  reference(id: string): ReferenceEntry | undefined;
  /** The option's one line (a drug card quotes it, so HIMALAYA's durvalumab arm is not shown as STRIDE's). */
  optionLine(optionId: TreatmentOptionId): string | undefined;
}

/**
 * The effect line of an entry, the one formatter every card, summary and JSON result uses: a trial's headline
 * figures; for a drug, the line of the option it backs, else its first trial's; a procedure's evidence; a
 * guideline's summary; a biomarker's or emerging therapy's status.
 */
export function effectLine(e: ReferenceEntry, lookup: EffectLookup): string {
  switch (e.kind) {
    case 'trial':
      return trialEffect(e);
    case 'drug': {
      const own = e.optionIds.map((id) => lookup.optionLine(id)).find((l): l is string => !!l);
      if (own) return own;
      const trial = e.trialIds.map((id) => lookup.reference(id)).find((t): t is Trial => t?.kind === 'trial');
      return trial ? `${trial.name}: ${trialEffect(trial)}` : e.summary;
    }
    case 'procedure':
      return e.evidence;
    case 'guideline':
      return e.summary;
    case 'biomarker':
      return `${e.status}: ${e.use}`;
    case 'emerging':
      return `${e.status}: ${e.summary}`;
  }
}

/** A short name for lists: a trial's, drug's or procedure's name; a guideline's title up to its year ("ESMO 2025"). */
export function shortName(e: ReferenceEntry): string {
  switch (e.kind) {
    case 'trial':
    case 'drug':
    case 'procedure':
      return e.name;
    case 'guideline':
      return /^.*?\b(?:19|20)\d{2}\b/.exec(e.title)?.[0] ?? e.title;
    default:
      return e.title;
  }
}

/** The label of a citation's link: "PMID 34902530", "doi 10.1159/000521665", or the site's host name. */
export function citationLabel(c: Citation): string {
  if (c.pmid) return `PMID ${c.pmid}`;
  if (c.doi) return `doi ${c.doi}`;
  if (c.pmcid) return c.pmcid;
  try {
    return new URL(c.url).hostname.replace(/^www\./, '');
  } catch {
    return 'source';
  }
}
