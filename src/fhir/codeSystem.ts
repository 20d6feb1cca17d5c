import type { CodeSystem } from '@medplum/fhirtypes';
import { HCC_MDT_CODESYSTEM_VERSION, HCC_MDT_SYSTEM, LOCAL_CONCEPTS } from './codes.js';

/**
 * This project's CodeSystem, built from the code table. fhir/CodeSystem-hcc-mdt.json publishes it; a test checks
 * that the published file is exactly this (regenerate it with `npm run fhir:codesystem`).
 */
export function hccMdtCodeSystem(): CodeSystem {
  return {
    resourceType: 'CodeSystem',
    id: 'hcc-mdt',
    url: HCC_MDT_SYSTEM,
    version: HCC_MDT_CODESYSTEM_VERSION,
    name: 'HccMdt',
    title: 'HCC MDT assistant: scores, stages and decisions without a verified standard code',
    status: 'active',
    experimental: false,
    publisher: 'hcc-mdt',
    description:
      'Concepts the hcc-mdt FHIR export needs for which no standard code (LOINC, SNOMED CT, NCIt) was verified: ' +
      'liver-function scores, BCLC stage values, MDT outcomes and treatment options.',
    caseSensitive: true,
    content: 'complete',
    count: LOCAL_CONCEPTS.length,
    concept: LOCAL_CONCEPTS.map((c) => ({ code: c.code, display: c.display, definition: c.definition })),
  };
}
