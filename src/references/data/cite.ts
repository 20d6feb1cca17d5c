import { type Citation, doiUrl, pubmedUrl } from '../schema.js';

/** The review date of everything curated in this pass. Change it only for entries you re-review. */
export const REVIEWED_2026_11_28 = '2026-11-28';
/** Entries re-reviewed against their primary records on this date (SURF, ALBI, IMbrave050, the MDT paper). */
export const REVIEWED_2026_12_01 = '2026-12-01';

/** A paper found by PMID (optionally also its DOI); the link is the PubMed page. */
export function pubmed(pmid: string, label: string, doi?: string): Citation {
  return { kind: 'paper', pmid, ...(doi ? { doi } : {}), url: pubmedUrl(pmid), label };
}

/** A paper known only by DOI; the link is doi.org. */
export function doi(id: string, label: string): Citation {
  return { kind: 'paper', doi: id, url: doiUrl(id), label };
}

/** A paper known by its PubMed Central id; the link is the PMC article. */
export function pmc(pmcid: string, label: string): Citation {
  return { kind: 'paper', pmcid, url: `https://pmc.ncbi.nlm.nih.gov/articles/${pmcid}/`, label };
}

/** A guideline published with a DOI. */
export function guidelineDoi(id: string, label: string): Citation {
  return { kind: 'guideline', doi: id, url: doiUrl(id), label };
}

/** A guideline published with a PMID (and DOI). */
export function guidelinePubmed(pmid: string, label: string, doi?: string): Citation {
  return { kind: 'guideline', pmid, ...(doi ? { doi } : {}), url: pubmedUrl(pmid), label };
}

/** A trial registration on ClinicalTrials.gov. */
export function registration(nct: string, label: string): Citation {
  return { kind: 'registration', url: `https://clinicaltrials.gov/study/${nct}`, label };
}

/** An official page without a DOI (guideline site, regulator, press release of record). */
export function official(url: string, label: string, kind: 'guideline' | 'label' | 'web' = 'web'): Citation {
  return { kind, url, label };
}
