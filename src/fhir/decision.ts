import type {
  Annotation,
  CarePlan,
  CarePlanActivity,
  CodeableConcept,
  Observation,
  Patient,
  Procedure,
  Provenance,
  Reference,
} from '@medplum/fhirtypes';
import {
  type Decision,
  type FrozenStage,
  MISSING_LABELS,
  type MissingItem,
  type TreatmentChoice,
} from '../cases/decisionSchema.js';
import { CODES, coding, LOCAL, type LocalConcept, localCoding, treatmentConcept } from './codes.js';
import { actor, resourceId } from './context.js';

interface Ctx {
  caseId: string;
  patient: Reference<Patient>;
  /** The stage and score Observations the team decided on. */
  supporting: Reference<Observation>[];
}

const MISSING_CONCEPTS: Record<MissingItem, LocalConcept> = {
  imaging: LOCAL.missingImaging,
  biopsy: LOCAL.missingBiopsy,
  labs: LOCAL.missingLabs,
  ecog: LOCAL.missingEcog,
  'patient-view': LOCAL.missingPatientView,
  other: LOCAL.missingOther,
};

/** A treatment as a CodeableConcept: a BCLC option by its project code, anything else as text. */
export function treatmentCode(t: TreatmentChoice): CodeableConcept {
  if (t.kind === 'option') {
    const c = treatmentConcept(t.id);
    return { coding: [localCoding(c)], text: c.display };
  }
  return { coding: [localCoding(LOCAL.otherTreatment)], text: t.text };
}

/** The tumour-board review (the Onconova TumorBoardReview pattern): SNOMED and NCIt codes for the same act. */
export function boardReviewProcedure(d: Decision, ctx: Ctx): Procedure & { id: string } {
  return {
    resourceType: 'Procedure',
    id: resourceId(ctx.caseId, 'review', d.decisionId),
    status: 'completed',
    code: {
      coding: [coding(CODES.tumourBoardReviewSnomed), coding(CODES.tumourBoardReviewNcit)],
      text: 'Liver-cancer MDT review',
    },
    subject: ctx.patient,
    performedDateTime: d.recordedAt,
    recorder: actor(d.recordedBy),
    ...(ctx.supporting.length > 0 ? { reasonReference: ctx.supporting } : {}),
    ...(d.specialties.length > 0
      ? { note: [{ text: `Specialties present: ${d.specialties.join(', ')}` }] }
      : {}),
  };
}

/** draft until signed off; then active, or on-hold when the team deferred for missing information. */
export function carePlanStatus(d: Decision): CarePlan['status'] {
  if (!d.signOff) return 'draft';
  return d.outcome === 'defer' ? 'on-hold' : 'active';
}

function activities(d: Decision, outcomes: Reference[]): CarePlanActivity[] {
  const done = outcomes.length > 0;
  const activity = (code: CodeableConcept, description?: string): CarePlanActivity => ({
    ...(done ? { outcomeReference: outcomes } : {}),
    detail: {
      code,
      status: done ? 'completed' : 'not-started',
      ...(description ? { description } : {}),
    },
  });
  switch (d.outcome) {
    case 'recommend':
      return d.treatment ? [activity(treatmentCode(d.treatment))] : [];
    case 'no-active-treatment':
      return [activity(treatmentCode(d.treatment ?? { kind: 'option', id: 'best-supportive-care' }))];
    case 'refer':
      return [activity({ coding: [localCoding(LOCAL.referElsewhere)], text: LOCAL.referElsewhere.display })];
    case 'defer':
      // What the decision waits for; these are not treatments and never carry the treatment given.
      return d.missing.map((m) => {
        const c = MISSING_CONCEPTS[m];
        return {
          detail: {
            code: { coding: [localCoding(c)], text: c.display },
            status: 'not-started',
            ...(m === 'other' && d.missingOther ? { description: d.missingOther } : {}),
          },
        };
      });
  }
}

/** "BCLC B (BCLC 2022), Child-Pugh A6, ALBI -2.71 (grade 1), MELD-Na 9, AFP 12 ng/mL, ECOG 0". */
export function frozenStageText(s: FrozenStage): string {
  const parts: string[] = [];
  if (s.bclcStage) parts.push(`BCLC ${s.bclcStage}${s.bclcRule ? ` (${s.bclcRule})` : ''}`);
  if (s.childPugh) parts.push(`Child-Pugh ${s.childPugh.class}${s.childPugh.points}`);
  if (s.albi) parts.push(`ALBI ${s.albi.score.toFixed(2)} (grade ${s.albi.grade})`);
  if (s.meldNa !== null) parts.push(`MELD-Na ${s.meldNa}`);
  if (s.afp !== null) parts.push(`AFP ${s.afp} ng/mL`);
  if (s.ecog !== null) parts.push(`ECOG ${s.ecog}`);
  return parts.length > 0 ? parts.join(', ') : 'no stage or scores recorded';
}

function notes(d: Decision): Annotation[] {
  const note: Annotation[] = [];
  const by = { authorString: d.recordedBy, time: d.recordedAt };
  if (d.outcome === 'defer') {
    const what = d.missing.map((m) => (m === 'other' && d.missingOther ? d.missingOther : MISSING_LABELS[m]));
    note.push({ ...by, text: `Deferred, missing: ${what.join('; ') || 'not stated'}` });
  }
  if (d.rationale) note.push({ ...by, text: `Rationale: ${d.rationale}` });
  for (const dissent of d.dissent)
    note.push({ text: `Dissent (${dissent.members.join(', ')}): ${dissent.reason}` });
  if (d.patientPreferenceDiscussed !== null)
    note.push({ text: `Patient's preference discussed: ${d.patientPreferenceDiscussed ? 'yes' : 'no'}` });
  note.push({ text: `At decision: ${frozenStageText(d.atDecision)}` });
  if (d.version > 1)
    note.push({ text: `Version ${d.version}${d.amendmentReason ? `, amended: ${d.amendmentReason}` : ''}` });
  return note;
}

/**
 * The decision as a CarePlan (the MII Tumorkonferenz pattern): the recommended treatment as the activity, the
 * rationale, dissent and what a deferral waits for as notes, the stage and scores it rests on as supportingInfo.
 */
export function decisionCarePlan(
  d: Decision,
  ctx: Ctx & { review: Reference; treatments: Reference[] },
): CarePlan & { id: string } {
  return {
    resourceType: 'CarePlan',
    id: resourceId(ctx.caseId, 'careplan', d.decisionId),
    status: carePlanStatus(d),
    intent: 'plan',
    category: [{ coding: [localCoding(LOCAL.recommendation)], text: LOCAL.recommendation.display }],
    title: 'Liver-cancer MDT recommendation',
    subject: ctx.patient,
    created: d.recordedAt,
    author: actor(d.recordedBy),
    supportingInfo: [ctx.review, ...ctx.supporting],
    activity: activities(d, ctx.treatments),
    note: notes(d),
  };
}

/** The sign-off as a Provenance on the CarePlan: the verifier, and the recorder as author. */
export function signOffProvenance(
  d: Decision,
  carePlan: Reference,
  caseId: string,
): (Provenance & { id: string }) | null {
  if (!d.signOff) return null;
  return {
    resourceType: 'Provenance',
    id: resourceId(caseId, 'signoff', d.id),
    target: [carePlan],
    recorded: d.signOff.at,
    activity: { coding: [localCoding(LOCAL.signOff)], text: LOCAL.signOff.display },
    agent: [
      { type: { coding: [coding(CODES.agentVerifier)] }, who: actor(d.signOff.by) },
      { type: { coding: [coding(CODES.agentAuthor)] }, who: actor(d.recordedBy) },
    ],
    ...(d.signOff.self
      ? { reason: [{ text: 'Signed off by the recorder (the channel allows self-sign-off)' }] }
      : {}),
  };
}
