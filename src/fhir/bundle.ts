import type { Bundle, CarePlan, Patient, Reference, Resource } from '@medplum/fhirtypes';
import { mergedInput } from '../cases/values.js';
import { assess } from '../clinical/assess.js';
import { CaseInputSchema } from '../clinical/caseInput.js';
import { CODES, coding } from './codes.js';
import { bundleEntry, caseIdSystem, type ExportOptions, reference, resourceId } from './context.js';
import { boardReviewProcedure, decisionCarePlan, signOffProvenance } from './decision.js';
import { followUpTask, treatmentProcedure } from './followUp.js';
import type { FhirCase } from './input.js';
import { ecogObservation, examObservations, labObservations } from './observations.js';
import { scoreObservations } from './scores.js';
import { stageObservation } from './stage.js';

/**
 * The pseudonymous Patient: one identifier, the case ID, under this installation's system. No name, birth date,
 * address, sex or anything else about the person; the security label says the record is pseudonymised.
 */
export function pseudonymousPatient(caseId: string, baseUrl: string): Patient & { id: string } {
  return {
    resourceType: 'Patient',
    id: resourceId(caseId),
    meta: { security: [coding(CODES.pseudonymised)] },
    identifier: [{ system: caseIdSystem(baseUrl), value: caseId }],
  };
}

/**
 * A case as a FHIR R4 Bundle of type collection. Pure: the same case and options give the same bundle.
 * Order: Patient, input Observations, scores, stage, then the board review, CarePlan, Tasks, treatments and the
 * sign-off Provenance.
 */
export function caseBundle(c: FhirCase, options: ExportOptions): Bundle {
  const { caseId } = c;
  const patient = pseudonymousPatient(caseId, options.baseUrl);
  const subject = reference(patient);
  // The values were validated as a whole when they were merged; a record that no longer parses is a bug, not input.
  const input = CaseInputSchema.parse(mergedInput(c.values));
  const assessment = c.snapshot?.assessment ?? assess(input);
  const assessedAt = c.snapshot?.at ?? null;
  const values = c.values;

  const inputs = {
    ...labObservations(input, { caseId, patient: subject, values }),
    ...examObservations(input, { caseId, patient: subject, values }),
  };
  const ecog = ecogObservation(input, { caseId, patient: subject, values });
  if (ecog) inputs.ecog = ecog;
  const scores = scoreObservations(assessment, {
    caseId,
    patient: subject,
    assessedAt,
    inputs,
  });
  const stage = stageObservation(input, assessment, {
    caseId,
    patient: subject,
    assessedAt,
    ecog,
    scores,
  });

  const resources: (Resource & { id: string })[] = [
    patient,
    ...Object.values(inputs),
    ...Object.values(scores),
  ];
  if (stage) resources.push(stage);

  const d = c.decision;
  if (d) {
    const supporting = [...(stage ? [stage] : []), ...Object.values(scores)].map(reference);
    const review = boardReviewProcedure(d, { caseId, patient: subject, supporting });
    const carePlanId = resourceId(caseId, 'careplan', d.decisionId);
    const carePlanRef: Reference<CarePlan> = { reference: `CarePlan/${carePlanId}` };
    const followCtx = { caseId, patient: subject, carePlan: carePlanRef };
    const treatments = c.treatments.map((t) => treatmentProcedure(t, followCtx));
    const carePlan = decisionCarePlan(d, {
      caseId,
      patient: subject,
      supporting,
      review: reference(review),
      treatments: treatments.map(reference),
    });
    resources.push(review, carePlan, ...c.followUps.map((f) => followUpTask(f, followCtx)), ...treatments);
    const provenance = signOffProvenance(d, carePlanRef, caseId);
    if (provenance) resources.push(provenance);
  } else {
    const followCtx = { caseId, patient: subject, carePlan: null };
    resources.push(
      ...c.followUps.map((f) => followUpTask(f, followCtx)),
      ...c.treatments.map((t) => treatmentProcedure(t, followCtx)),
    );
  }

  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: options.exportedAt,
    entry: resources.map((r) => bundleEntry(options.baseUrl, r)),
  };
}
