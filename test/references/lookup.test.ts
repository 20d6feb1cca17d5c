import { describe, expect, it } from 'vitest';
import { TreatmentOptionIdSchema } from '../../src/clinical/treatmentOptionIds.js';
import { toJsonResult } from '../../src/references/json.js';
import { allReferences, evidenceForOption, getReference } from '../../src/references/lookup.js';
import { OptionEvidenceSchema, ReferenceJsonSchema } from '../../src/references/schema.js';
import { parseFacets, searchReferences } from '../../src/references/search.js';

describe('evidenceForOption', () => {
  it("builds each option's evidence once, and no caller can change it for the next", () => {
    const first = evidenceForOption('resection', 'A');
    expect(evidenceForOption('resection', 'A')).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.conditions)).toBe(true);
    expect(() => (first.conditions as string[]).push('changed')).toThrow(TypeError);
    expect(evidenceForOption('resection', 'A').conditions).not.toContain('changed');
  });

  it.each(TreatmentOptionIdSchema.options)('finds evidence for %s', (id) => {
    const ev = evidenceForOption(id);
    expect(OptionEvidenceSchema.parse(ev)).toEqual(ev);
    expect(ev.oneLine.length).toBeLessThanOrEqual(160);
    for (const ref of ev.referenceIds) expect(getReference(ref), ref).toBeDefined();
    const primary = getReference(ev.referenceIds[0] as string);
    expect(primary?.optionIds).toContain(id);
    expect(ev.url).toBe(primary?.citations[0]?.url);
    expect(ev.verified).toBe(primary?.verified);
  });

  it('is backed by at least one entry for every option the BCLC module can recommend', () => {
    const backed = new Set(allReferences().flatMap((e) => e.optionIds));
    expect(TreatmentOptionIdSchema.options.filter((id) => !backed.has(id))).toEqual([]);
  });

  it('quotes the trial figures verbatim', () => {
    expect(evidenceForOption('atezolizumab-bevacizumab').oneLine).toBe(
      'IMbrave150: OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)',
    );
    expect(evidenceForOption('durvalumab-tremelimumab').oneLine).toBe(
      'HIMALAYA: OS 16.43 vs 13.77 mo, HR 0.78 (96.02% CI 0.65–0.93)',
    );
    expect(evidenceForOption('lenvatinib').oneLine).toBe(
      'REFLECT: OS 13.6 vs 12.3 mo, HR 0.92 (0.79–1.06), non-inferior',
    );
    expect(evidenceForOption('durvalumab').oneLine).toContain('HR 0.86 (95.67% CI 0.73–1.03)');
  });

  it('states the conditions an MDT needs', () => {
    expect(evidenceForOption('ramucirumab').conditions).toContain('AFP ≥ 400 ng/mL');
    expect(evidenceForOption('sorafenib').conditions).toContain(
      'Child-Pugh A in most trials; B7 limited evidence',
    );
    expect(evidenceForOption('camrelizumab-rivoceranib').conditions.join(' ')).toMatch(
      /China.*not FDA-approved/,
    );
    expect(evidenceForOption('regorafenib').conditions.join(' ')).toMatch(/tolerated/);
    expect(evidenceForOption('atezolizumab-bevacizumab').conditions.join(' ')).toMatch(/varices/);
  });
});

describe('searchReferences', () => {
  const top = (q: string) => searchReferences(q).results[0]?.id;

  it.each([
    ['atezo bev', 'atezolizumab-bevacizumab'],
    ['Atezo/Bev', 'atezolizumab-bevacizumab'],
    ['imbrave', 'imbrave150'],
    ['IMbrave150', 'imbrave150'],
    ['imbrav150', 'imbrave150'],
    ['lenva', 'lenvatinib'],
    ['sorafinib', 'sorafenib'],
    ['Y90', 'tare'],
    ['Y-90', 'tare'],
    ['SIRT', 'tare'],
    ['STRIDE', 'durvalumab-tremelimumab'],
    ['afp', 'afp'],
    ['tace', 'tace'],
    ['TACE', 'tace'],
    ['pivka', 'dcp-pivka-ii'],
    ['cuse', 'bclc-2025'],
    ['himalya', 'himalaya'],
    ['rfa', 'ablation'],
    ['ramucirumab', 'ramucirumab'],
    ['relatlimab', 'lag-3-relatlimab'],
    ['NCT04567615'.toLowerCase(), undefined],
  ])('"%s" → %s', (query, id) => {
    if (id === undefined) return;
    expect(top(query)).toBe(id);
  });

  it('"stage C" returns only entries for BCLC C, options first', () => {
    const { results } = searchReferences('stage C');
    expect(results.length).toBeGreaterThan(0);
    for (const e of results) expect(e.stages).toContain('C');
    expect(results[0]?.optionIds.length).toBeGreaterThan(0);
  });

  it('"bclc b" and "BCLC-B" filter to stage B', () => {
    for (const q of ['bclc b', 'BCLC-B']) {
      const { results } = searchReferences(q);
      expect(results.length, q).toBeGreaterThan(0);
      for (const e of results) expect(e.stages, q).toContain('B');
    }
  });

  it('"2nd line" and "second-line" return second-line evidence', () => {
    for (const q of ['2nd line', 'second-line', '2L']) {
      const { results } = searchReferences(q, 20);
      expect(results.length, q).toBeGreaterThan(0);
      for (const e of results) expect(e.lines, q).toContain('second');
      const ids = results.map((e) => e.id);
      expect(ids, q).toEqual(expect.arrayContaining(['regorafenib', 'cabozantinib', 'ramucirumab']));
    }
  });

  it('combines a stage with words: "stage C ramucirumab"', () => {
    expect(top('stage C ramucirumab')).toBe('ramucirumab');
  });

  it('"tace" also surfaces the TACE combination trials', () => {
    const ids = searchReferences('tace', 10).results.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['tace', 'emerald-1', 'leap-012']));
  });

  it('returns no results and close suggestions when nothing matches', () => {
    const r = searchReferences('qqqzzzxx');
    expect(r.results).toEqual([]);
    expect(r.suggestions.length).toBeGreaterThan(0);
    expect(searchReferences('imbraev1500000').suggestions.length).toBeGreaterThan(0);
  });

  it('returns nothing for an empty query, and respects the limit', () => {
    expect(searchReferences('   ')).toEqual({ results: [], suggestions: [] });
    expect(searchReferences('stage C', 3).results).toHaveLength(3);
  });

  it('is deterministic', () => {
    for (const q of ['stage C', 'imbrave', 'tace', 'lenva', '2nd line', 'sorafenib']) {
      expect(searchReferences(q).results.map((e) => e.id)).toEqual(
        searchReferences(q).results.map((e) => e.id),
      );
    }
  });

  it('parses facets', () => {
    expect(parseFacets('stage c')).toEqual({ stage: 'C', line: null, rest: '' });
    expect(parseFacets('bclc b tace')).toEqual({ stage: 'B', line: null, rest: 'tace' });
    expect(parseFacets('2nd line')).toEqual({ stage: null, line: 'second', rest: '' });
    expect(parseFacets('first line')).toMatchObject({ line: 'first' });
    expect(parseFacets('bclc 2022')).toEqual({ stage: null, line: null, rest: 'bclc 2022' });
  });
});

describe('toJsonResult', () => {
  it('gives trials an overallSurvival block with the CI level', () => {
    const json = toJsonResult(getReference('himalaya') as NonNullable<ReturnType<typeof getReference>>);
    expect(ReferenceJsonSchema.parse(json)).toBeTruthy();
    expect(json.overallSurvival).toEqual({
      experimentalMonths: 16.43,
      controlMonths: 13.77,
      hazardRatio: 0.78,
      ci: [0.65, 0.93],
      ciLevel: 96.02,
    });
    expect(json.citations[0]).toEqual({
      pmid: '38319892',
      doi: '10.1056/EVIDoa2100070',
      url: 'https://pubmed.ncbi.nlm.nih.gov/38319892/',
    });
  });

  it('gives overallSurvival null when a trial has no OS hazard ratio, and omits it for other kinds', () => {
    expect(toJsonResult(getReference('emerald-1') as never).overallSurvival).toBeNull();
    expect(toJsonResult(getReference('orient-32') as never).overallSurvival).toMatchObject({
      experimentalMonths: null,
      controlMonths: 10.4,
    });
    expect('overallSurvival' in toJsonResult(getReference('sorafenib') as never)).toBe(false);
  });

  it('validates for every entry', () => {
    for (const e of allReferences())
      expect(ReferenceJsonSchema.safeParse(toJsonResult(e)).success, e.id).toBe(true);
  });
});
