import type {
  ArmMediansLike,
  CitationLike,
  HazardRatioLike,
  ReferenceLike,
  SurvivalLike,
} from './evidenceSource.js';
import { compact } from './format.js';

const num = (v: number | null | undefined): string | null =>
  typeof v === 'number' && Number.isFinite(v) ? compact(v, 2) : null;

function survival(name: string, s: SurvivalLike | null | undefined): string | null {
  if (!s) return null;
  const parts: string[] = [];
  const exp = num(s.experimentalMonths);
  const ctl = num(s.controlMonths);
  if (exp && ctl) parts.push(`${name} ${exp} vs ${ctl} mo`);
  else if (exp) parts.push(`${name} ${exp} mo`);
  const hr = num(s.hazardRatio);
  if (hr) {
    const lo = num(s.ci?.[0]);
    const hi = num(s.ci?.[1]);
    parts.push(`${parts.length ? '' : `${name} `}HR ${hr}${lo && hi ? ` (${lo}–${hi})` : ''}`);
  }
  return parts.length ? parts.join(', ') : null;
}

const hrText = (hr: HazardRatioLike): string => {
  const lo = num(hr.ci[0]);
  const hi = num(hr.ci[1]);
  const level = hr.ciLevel !== 95 ? `${compact(hr.ciLevel, 2)}% CI ` : '';
  return `HR ${compact(hr.value, 3)}${lo && hi ? ` (${level}${lo}–${hi})` : ''}`;
};

function curatedTrialLine(e: ReferenceLike): string | null {
  const parts: string[] = [];
  const medians = (name: string, m: ArmMediansLike | null | undefined) => {
    const exp = num(m?.experimental);
    const ctl = num(m?.control);
    if (exp && ctl) return `${name} ${exp} vs ${ctl} mo`;
    if (exp || ctl) return `${name} ${exp ?? 'NR'} vs ${ctl ?? 'NR'} mo`;
    return null;
  };
  const pfsFirst = e.benefit === 'pfs-only';
  const os = [medians('OS', e.medianOsMonths), e.osHazardRatio ? hrText(e.osHazardRatio) : null].filter(
    (s): s is string => !!s,
  );
  const pfsHr = e.otherHazardRatios?.find((h) => h.endpoint === 'PFS' || h.endpoint === 'RFS');
  const pfs = [medians('PFS', e.medianPfsMonths), pfsHr ? `${pfsHr.endpoint} ${hrText(pfsHr)}` : null].filter(
    (s): s is string => !!s,
  );
  if (pfsFirst) {
    if (pfs.length) parts.push(pfs.join(', '));
    parts.push('PFS benefit only');
  } else if (os.length) parts.push(os.join(', '));
  else if (pfs.length) parts.push(pfs.join(', '));
  if (e.primaryEndpointMet === false) parts.push('primary endpoint not met');
  else if (e.benefit === 'non-inferior') parts.push('non-inferior');
  return parts.length ? parts.join('; ') : null;
}

const STATUS_WORDS: Record<string, string> = {
  approved: 'approved',
  'in-trials': 'in trials',
  preclinical: 'preclinical',
};

/**
 * The effect size of an entry in one line: for a trial "OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)" (PFS for
 * PFS-only trials, "primary endpoint not met" for negative ones); otherwise its effect line, a procedure's evidence
 * or a biomarker's status.
 */
export function effectLine(entry: ReferenceLike): string | null {
  if (entry.kind === 'trial') {
    const curated = curatedTrialLine(entry);
    if (curated) return curated;
  }
  const lines = [
    survival('OS', entry.overallSurvival),
    survival('PFS', entry.progressionFreeSurvival),
  ].filter((s): s is string => !!s);
  if (lines.length) return lines.join('; ');
  if (entry.effect) return entry.effect;
  if (entry.evidence) return entry.evidence;
  if (entry.status && STATUS_WORDS[entry.status])
    return `${STATUS_WORDS[entry.status]}: ${entry.summary ?? ''}`.trim();
  return entry.summary ?? null;
}

export interface CitationLink {
  url: string;
  label: string;
}

const PMID = /^\d{1,9}$/;
const DOI = /^10\.\d{4,9}\/\S+$/;

/** A link for a citation: PubMed for a PMID, doi.org for a DOI, otherwise the citation's own URL. */
export function citationLink(c: CitationLike): CitationLink {
  if (c.pmid && PMID.test(c.pmid))
    return { url: `https://pubmed.ncbi.nlm.nih.gov/${c.pmid}/`, label: `PMID ${c.pmid}` };
  if (c.doi && DOI.test(c.doi)) return { url: `https://doi.org/${encodeURI(c.doi)}`, label: `doi ${c.doi}` };
  let host = 'source';
  try {
    host = new URL(c.url).hostname.replace(/^www\./, '') || 'source';
  } catch {
    // keep "source"
  }
  return { url: c.url, label: host };
}
