import type { CarePlan, Patient, Procedure, Reference, Task } from '@medplum/fhirtypes';
import { type FollowUp, isDone } from '../cases/followUp.js';
import type { TreatmentGiven } from '../cases/followUpTreatment.js';
import { actor, resourceId } from './context.js';
import { treatmentCode } from './decision.js';

interface Ctx {
  caseId: string;
  patient: Reference<Patient>;
  /** The decision's CarePlan, when a decision is recorded. */
  carePlan: Reference<CarePlan> | null;
}

/** A follow-up as a Task based on the CarePlan, due at the end of its restriction period. */
export function followUpTask(f: FollowUp, ctx: Ctx): Task & { id: string } {
  return {
    resourceType: 'Task',
    id: resourceId(ctx.caseId, 'task', f.id),
    status: isDone(f) ? 'completed' : 'requested',
    intent: 'plan',
    ...(ctx.carePlan ? { basedOn: [ctx.carePlan] } : {}),
    description: f.task,
    for: ctx.patient,
    authoredOn: f.createdAt,
    requester: actor(f.createdBy),
    ...(f.assignee ? { owner: actor(f.assignee) } : {}),
    ...(f.doneAt ? { lastModified: f.doneAt } : {}),
    restriction: { period: { end: f.due } },
  };
}

/** A treatment given as a Procedure based on the CarePlan; the link is what measures concordance. */
export function treatmentProcedure(t: TreatmentGiven, ctx: Ctx): Procedure & { id: string } {
  return {
    resourceType: 'Procedure',
    id: resourceId(ctx.caseId, 'treatment', t.id),
    ...(ctx.carePlan ? { basedOn: [ctx.carePlan] } : {}),
    status: 'completed',
    code: treatmentCode(t.treatment),
    subject: ctx.patient,
    performedDateTime: t.on,
    recorder: actor(t.recordedBy),
    ...(t.concordance === 'discordant'
      ? { note: [{ text: `Differs from the decision${t.reason ? `: ${t.reason}` : ''}` }] }
      : {}),
  };
}
