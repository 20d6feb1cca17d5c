import { isAfter, isValid, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { OPTION_EVIDENCE } from '../../src/references/data/optionEvidence.js';
import { trials } from '../../src/references/data/trials.js';
import { allReferences, getReference } from '../../src/references/lookup.js';
import {
  CitationSchema,
  DoiSchema,
  entryProblems,
  PmidSchema,
  type ReferenceEntry,
  ReferenceEntrySchema,
  type Trial,
} from '../../src/references/schema.js';
import { normalize } from '../../src/references/search.js';

const entries = allReferences();
const byKind = (kind: ReferenceEntry['kind']) => entries.filter((e) => e.kind === kind);

describe('every entry', () => {
  it.each(entries.map((e) => [e.id, e] as const))('%s validates against its zod schema', (_id, entry) => {
    const r = ReferenceEntrySchema.safeParse(entry);
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('has a citation, and every citation has an https url', () => {
    for (const e of entries) {
      expect(e.citations.length, e.id).toBeGreaterThan(0);
      for (const c of e.citations) expect(c.url, e.id).toMatch(/^https:\/\//);
    }
  });

  it('cites trials and papers by PMID or DOI, and labels, guidelines and registrations by an official URL', () => {
    for (const t of byKind('trial')) {
      expect(
        t.citations.some((c) => c.kind === 'paper' && (c.pmid || c.doi)),
        `${t.id} needs a paper with a PMID or DOI`,
      ).toBe(true);
    }
    for (const e of entries) {
      for (const c of e.citations) {
        if (c.kind === 'paper') expect(Boolean(c.pmid || c.doi || c.pmcid), `${e.id}: ${c.label}`).toBe(true);
        if (c.kind === 'registration')
          expect(c.url, e.id).toMatch(/^https:\/\/clinicaltrials\.gov\/study\/NCT\d{8}$/);
        if (c.pmid)
          expect(
            c.url === `https://pubmed.ncbi.nlm.nih.gov/${c.pmid}/` || c.url === `https://doi.org/${c.doi}`,
          ).toBe(true);
        if (!c.pmid && c.doi) expect(c.url).toBe(`https://doi.org/${c.doi}`);
      }
    }
  });

  it('has well-formed PMIDs (1–9 digits, no leading zero) and DOIs ("10." prefix and "/")', () => {
    for (const e of entries) {
      for (const c of e.citations) {
        if (c.pmid !== undefined) expect(c.pmid, e.id).toMatch(/^[1-9]\d{0,8}$/);
        if (c.doi !== undefined) expect(c.doi, e.id).toMatch(/^10\.\d{4,9}\/\S+$/);
      }
    }
  });

  it('has a lastReviewed that is a valid date and not in the future', () => {
    const now = new Date();
    for (const e of entries) {
      const d = parseISO(e.lastReviewed);
      expect(isValid(d), e.id).toBe(true);
      expect(isAfter(d, now), e.id).toBe(false);
    }
  });

  it('says what is unverified exactly when it is not verified', () => {
    for (const e of entries) {
      expect(e.verified ? e.unverified : ['(something)'], e.id).toEqual(e.verified ? [] : ['(something)']);
      if (!e.verified) expect(e.unverified.length, e.id).toBeGreaterThan(0);
    }
  });
});

describe('trial figures', () => {
  const trialEntries = byKind('trial') as Trial[];

  it('keep every hazard ratio inside its own interval', () => {
    for (const t of trialEntries) {
      for (const hr of [...(t.osHazardRatio ? [t.osHazardRatio] : []), ...t.otherHazardRatios]) {
        expect(hr.ci[0], `${t.id} lower bound`).toBeLessThanOrEqual(hr.value);
        expect(hr.value, `${t.id} upper bound`).toBeLessThanOrEqual(hr.ci[1]);
        expect(hr.ci[0], t.id).toBeLessThan(hr.ci[1]);
      }
    }
  });

  it('never have an experimental median OS contradicting the HR direction without a note', () => {
    for (const t of trialEntries) {
      const os = t.medianOsMonths;
      const hr = t.osHazardRatio;
      if (!os || !hr || os.experimental === null || os.control === null) continue;
      const contradicts =
        (hr.value < 1 && os.experimental < os.control) || (hr.value > 1 && os.experimental > os.control);
      if (contradicts) expect(t.osDirectionNote, t.id).toBeTruthy();
    }
  });

  it('state the interval level when it is not 95 % (HIMALAYA 96.02 %, COSMIC-312 96 %)', () => {
    expect(getReference('himalaya')).toMatchObject({
      osHazardRatio: { value: 0.78, ci: [0.65, 0.93], ciLevel: 96.02 },
    });
    expect(getReference('cosmic-312')).toMatchObject({ osHazardRatio: { value: 0.9, ciLevel: 96 } });
    expect(getReference('cosmic-312')).toMatchObject({ osDirectionNote: expect.any(String) });
  });

  it('carry IMbrave150 updated and primary analyses, and the CARES-310 final OS paper', () => {
    expect(getReference('imbrave150')).toMatchObject({
      medianOsMonths: { experimental: 19.2, control: 13.4 },
      osHazardRatio: { value: 0.66, ci: [0.52, 0.85] },
      otherHazardRatios: [{ value: 0.58, ci: [0.42, 0.79] }],
    });
    const cares = getReference('cares-310');
    expect(cares).toMatchObject({ osHazardRatio: { value: 0.64, ci: [0.52, 0.79] } });
    expect(cares?.citations[0]).toMatchObject({ pmid: '41308676', doi: '10.1016/S1470-2045(25)00543-1' });
  });

  it('mark negative trials and PFS-only TACE combinations as such', () => {
    for (const id of ['checkmate-459', 'leap-002', 'cosmic-312', 'keynote-240']) {
      expect(getReference(id), id).toMatchObject({ primaryEndpointMet: false });
    }
    expect(getReference('emerald-1')).toMatchObject({ benefit: 'pfs-only', osHazardRatio: null });
    const leap012 = getReference('leap-012');
    expect(leap012).toMatchObject({ benefit: 'pfs-only' });
    expect(leap012?.notes.join(' ')).toMatch(/Oct 2025.*futility/);
  });

  it('include every trial of the evidence table, SHARP to FOHAIC-1', () => {
    const expected = [
      'sharp',
      'asia-pacific',
      'reflect',
      'imbrave150',
      'himalaya',
      'checkmate-459',
      'rationale-301',
      'orient-32',
      'cares-310',
      'leap-002',
      'cosmic-312',
      'checkmate-9dw',
      'resorce',
      'celestial',
      'reach-2',
      'keynote-240',
      'keynote-394',
      'checkmate-040-cohort-4',
      'emerald-1',
      'leap-012',
      'launch',
      'chance001',
      'imbrave050',
      'storm',
      'llovet-2002',
      'lo-2002',
      'llovet-bruix-2003',
      'fohaic-1',
    ];
    const ids = new Set(trials.map((t) => t.id));
    expect(expected.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('does not list niraparib (a PARP inhibitor, not an HCC drug) as a treatment', () => {
    const text = JSON.stringify(entries).toLowerCase();
    expect(text).not.toContain('niraparib');
  });
});

describe('the base as a whole', () => {
  it('has unique ids', () => {
    const ids = entries.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has no alias that repeats another entry’s id, title or alias (after normalising)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of entries) {
      for (const k of [e.id, e.title]) {
        const key = normalize(k).replace(/ /g, '');
        const prev = owner.get(key);
        if (prev && prev !== e.id) clashes.push(`${k} (${e.id} vs ${prev})`);
        owner.set(key, e.id);
      }
    }
    for (const e of entries) {
      for (const a of e.aliases) {
        const key = normalize(a).replace(/ /g, '');
        const prev = owner.get(key);
        if (prev) clashes.push(`${a} (${e.id} vs ${prev})`);
        owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('points only at entries that exist', () => {
    const missing: string[] = [];
    for (const e of entries) {
      const refs = e.kind === 'drug' ? e.trialIds : e.kind === 'procedure' ? e.relatedIds : [];
      for (const id of refs) if (!getReference(id)) missing.push(`${e.id} → ${id}`);
    }
    for (const s of OPTION_EVIDENCE) {
      for (const id of [s.primaryId, ...s.supportingIds])
        if (!getReference(id)) missing.push(`${s.optionId} → ${id}`);
    }
    expect(missing).toEqual([]);
  });

  it('has at least the six kinds, with biomarkers and emerging therapy stating a status', () => {
    for (const kind of ['trial', 'drug', 'procedure', 'guideline', 'biomarker', 'emerging'] as const) {
      expect(byKind(kind).length, kind).toBeGreaterThan(0);
    }
    for (const e of [...byKind('biomarker'), ...byKind('emerging')]) {
      expect(['approved', 'in-trials', 'preclinical']).toContain((e as { status: string }).status);
    }
  });
});

describe('the checks themselves fail on bad data', () => {
  const good = getReference('sharp') as Trial;

  it('rejects a malformed PMID or DOI', () => {
    expect(PmidSchema.safeParse('0123').success).toBe(false);
    expect(PmidSchema.safeParse('1234567890').success).toBe(false);
    expect(PmidSchema.safeParse('18650514').success).toBe(true);
    expect(DoiSchema.safeParse('11.1056/NEJMoa0708857').success).toBe(false);
    expect(DoiSchema.safeParse('10.1056').success).toBe(false);
    expect(DoiSchema.safeParse('10.1056/EVIDoa2100070').success).toBe(true);
  });

  it('rejects a paper citation with no identifier, and a PMID whose url is not its PubMed page', () => {
    expect(
      CitationSchema.safeParse({ kind: 'paper', url: 'https://example.org/x', label: 'x' }).success,
    ).toBe(false);
    expect(
      CitationSchema.safeParse({ kind: 'paper', pmid: '18650514', url: 'https://example.org/x', label: 'x' })
        .success,
    ).toBe(false);
  });

  it('rejects an entry without citations', () => {
    expect(ReferenceEntrySchema.safeParse({ ...good, citations: [] }).success).toBe(false);
  });

  it('rejects a trial without a PMID or DOI', () => {
    const bad = {
      ...good,
      citations: [
        { kind: 'registration' as const, url: 'https://clinicaltrials.gov/study/NCT00105443', label: 'x' },
      ],
    };
    expect(entryProblems(bad)).toContain('a trial needs a paper citation with a PMID or DOI');
  });

  it('rejects an HR outside its interval', () => {
    const bad = {
      ...good,
      osHazardRatio: { ...(good.osHazardRatio as NonNullable<Trial['osHazardRatio']>), value: 0.95 },
    };
    expect(ReferenceEntrySchema.safeParse(bad).success).toBe(false);
  });

  it('rejects medians that contradict the HR direction unless a note explains it', () => {
    const bad = { ...good, medianOsMonths: { experimental: 7.0, control: 7.9 } };
    expect(ReferenceEntrySchema.safeParse(bad).success).toBe(false);
    expect(ReferenceEntrySchema.safeParse({ ...bad, osDirectionNote: 'curves cross' }).success).toBe(true);
  });

  it('rejects a verified entry that lists unverified items, and a review date that is not a date', () => {
    expect(ReferenceEntrySchema.safeParse({ ...good, unverified: ['x'] }).success).toBe(false);
    expect(ReferenceEntrySchema.safeParse({ ...good, lastReviewed: '2026-02-30' }).success).toBe(false);
  });
});
