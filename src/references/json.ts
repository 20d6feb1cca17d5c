import { entryEffect } from './lookup.js';
import type { OverallSurvivalJson, ReferenceEntry, ReferenceJson } from './schema.js';

/** The JSON shape of an entry, as the CLI (`--json`) prints it. */

function overallSurvival(e: ReferenceEntry): OverallSurvivalJson {
  if (e.kind !== 'trial' || !e.osHazardRatio) return null;
  const hr = e.osHazardRatio;
  return {
    experimentalMonths: e.medianOsMonths?.experimental ?? null,
    controlMonths: e.medianOsMonths?.control ?? null,
    hazardRatio: hr.value,
    ci: [hr.ci[0], hr.ci[1]],
    ciLevel: hr.ciLevel,
  };
}

/** The JSON the CLI (`--json`) and Slack use for one entry. */
export function toJsonResult(e: ReferenceEntry): ReferenceJson {
  const base: ReferenceJson = {
    id: e.id,
    kind: e.kind,
    title: e.title,
    citations: e.citations.map((c) => ({
      ...(c.pmid ? { pmid: c.pmid } : {}),
      ...(c.doi ? { doi: c.doi } : {}),
      url: c.url,
    })),
    effect: entryEffect(e),
    summary: e.summary,
    verified: e.verified,
    unverified: [...e.unverified],
    lastReviewed: e.lastReviewed,
    stages: [...e.stages],
    optionIds: [...e.optionIds],
    notes: [...e.notes],
  };
  switch (e.kind) {
    case 'trial':
      return {
        ...base,
        name: e.name,
        regimen: e.regimen,
        comparator: e.comparator,
        setting: e.setting,
        population: e.population,
        primaryEndpoint: e.primaryEndpoint,
        primaryEndpointMet: e.primaryEndpointMet,
        benefit: e.benefit,
        journal: e.journal,
        year: e.year,
        overallSurvival: overallSurvival(e),
        medianPfsMonths: e.medianPfsMonths,
        otherHazardRatios: e.otherHazardRatios,
        osDirectionNote: e.osDirectionNote,
      };
    case 'drug':
      return {
        ...base,
        drugClass: e.drugClass,
        mechanism: e.mechanism,
        approvals: e.approvals,
        cautions: e.cautions,
      };
    case 'procedure':
      return {
        ...base,
        techniques: e.techniques,
        indications: e.indications,
        contraindications: e.contraindications,
      };
    case 'guideline':
      return { ...base, body: e.body, year: e.year, byStage: e.byStage, keyPoints: e.keyPoints };
    case 'biomarker':
      return { ...base, status: e.status, use: e.use };
    case 'emerging':
      return { ...base, status: e.status, category: e.category, examples: e.examples };
  }
}
