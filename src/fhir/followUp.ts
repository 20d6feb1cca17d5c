import type { CarePlan, Patient, Procedure, Reference, Task } from '@medplum/fhirtypes';
import { actor, resourceId } from './context.js';
import { treatmentCode } from './decision.js';
import type { FollowUp, TreatmentGiven } from './input.js';

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
    status: f.status === 'done' ? 'completed' : 'requested',
    intent: 'plan',
    ...(ctx.carePlan ? { basedOn: [ctx.carePlan] } : {}),
    description: f.task,
    for: ctx.patient,
    authoredOn: f.createdAt,
    requester: actor(f.createdBy),
    ...(f.assignee ? { owner: actor(f.assignee) } : {}),
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
    ...(t.reason ? { note: [{ text: `Differs from the decision: ${t.reason}` }] } : {}),
  };
}
