import { z } from 'zod';
import type { DecisionAuditEvent } from './decisionAudit.js';
import { ActorSchema, type Decision, type TreatmentChoice, TreatmentChoiceSchema } from './decisionSchema.js';
import { type IdentifierScreen, type Problem, screenFreeText } from './decisionScreen.js';
import { latestDecision } from './decisionSignOff.js';
import { daysBetween, isIsoDate, localDate } from './followUpDates.js';

/**
 * Implementation: the treatment actually given, checked against the decision in force (concordance), and the days
 * from first discussion to decision to treatment.
 */

export const CONCORDANCE = ['concordant', 'discordant', 'no-recommendation'] as const;
export const ConcordanceSchema = z.enum(CONCORDANCE);
export type Concordance = z.infer<typeof ConcordanceSchema>;

export const TreatmentGivenSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  /** The decision version it was compared with; null when the case had no decision. */
  decisionId: z.string().nullable(),
  treatment: TreatmentChoiceSchema,
  /** Local date the treatment was given (or started), YYYY-MM-DD. */
  on: z.string().refine(isIsoDate),
  concordance: ConcordanceSchema,
  /** Why it differs from the decision (required when discordant). */
  reason: z.string().nullable(),
  recordedBy: ActorSchema,
  recordedAt: z.iso.datetime(),
});
export type TreatmentGiven = z.infer<typeof TreatmentGivenSchema>;

/** Same treatment: the same option, or the same other text ignoring case and spacing. */
export function sameTreatment(a: TreatmentChoice, b: TreatmentChoice): boolean {
  if (a.kind === 'option' && b.kind === 'option') return a.id === b.id;
  if (a.kind === 'other' && b.kind === 'other')
    return (
      a.text.trim().toLowerCase().replace(/\s+/g, ' ') === b.text.trim().toLowerCase().replace(/\s+/g, ' ')
    );
  return false;
}

/**
 * Does the treatment given follow the decision? A recommendation is followed by its treatment; "no active
 * treatment" by best supportive care; a referral by whatever treatment it named (none named: nothing to compare);
 * a deferral is no recommendation.
 */
export function concordance(decision: Decision | null, given: TreatmentChoice): Concordance {
  if (!decision || decision.outcome === 'defer') return 'no-recommendation';
  if (decision.outcome === 'no-active-treatment')
    return given.kind === 'option' && given.id === 'best-supportive-care' ? 'concordant' : 'discordant';
  if (!decision.treatment) return 'no-recommendation';
  return sameTreatment(decision.treatment, given) ? 'concordant' : 'discordant';
}

export const TreatmentFormSchema = z.strictObject({
  treatment: TreatmentChoiceSchema,
  on: z.string().refine(isIsoDate, 'is the date it was given, written YYYY-MM-DD'),
  reason: z.string().trim().max(1000, 'is longer than 1000 characters').optional(),
});
export type TreatmentFormJson = z.input<typeof TreatmentFormSchema>;

export interface TreatmentContext {
  caseId: string;
  /** Every decision version of the case; the one in force is compared. */
  decisions: readonly Decision[];
  actor: string;
  now: Date;
  timezone: string;
  newId: () => string;
  screen: IdentifierScreen;
}

export type TreatmentResult =
  | { ok: true; treatment: TreatmentGiven; audit: DecisionAuditEvent }
  | {
      ok: false;
      problems: Problem[];
      /** true when the only thing missing is the reason for a treatment that differs from the decision. */
      needsReason: boolean;
    };

export function recordTreatment(raw: unknown, ctx: TreatmentContext): TreatmentResult {
  const parsed = TreatmentFormSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      needsReason: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'form', message: i.message })),
    };
  const form = parsed.data;
  const problems: Problem[] = [];
  const today = localDate(ctx.now, ctx.timezone);
  if (form.on > today)
    problems.push({ path: 'on', message: `${form.on} is in the future; record a treatment once given` });
  const actor = ActorSchema.safeParse(ctx.actor);
  if (!actor.success) problems.push({ path: 'by', message: actor.error.issues[0]!.message });
  problems.push(
    ...screenFreeText(
      [
        ['treatment', form.treatment.kind === 'other' ? form.treatment.text : undefined],
        ['reason', form.reason],
        ['by', ctx.actor],
      ],
      ctx.screen,
    ),
  );
  const decision = latestDecision(ctx.decisions);
  const fit = concordance(decision, form.treatment);
  const missingReason = fit === 'discordant' && !form.reason;
  if (missingReason)
    problems.push({
      path: 'reason',
      message:
        'the treatment differs from the decision; say why (e.g. patient choice, comorbidity, new information)',
    });
  if (problems.length > 0 || !actor.success)
    return { ok: false, problems, needsReason: missingReason && problems.length === 1 };
  const at = ctx.now.toISOString();
  const treatment: TreatmentGiven = {
    id: ctx.newId(),
    caseId: ctx.caseId,
    decisionId: decision?.id ?? null,
    treatment: form.treatment,
    on: form.on,
    concordance: fit,
    reason: form.reason || null,
    recordedBy: actor.data,
    recordedAt: at,
  };
  return {
    ok: true,
    treatment,
    audit: {
      action: 'treatment.recorded',
      caseId: ctx.caseId,
      subjectId: treatment.id,
      actor: actor.data,
      at,
    },
  };
}

/**
 * The case's timeline in local dates: first discussion (the earliest meeting it was listed for that has taken place,
 * or the first decision when it was never listed), the first decision that was not a deferral, and the first
 * treatment given on or after it.
 */
export interface CaseTimeline {
  firstDiscussion: string | null;
  decision: string | null;
  treatment: string | null;
  daysToDecision: number | null;
  daysDecisionToTreatment: number | null;
}

export function caseTimeline(
  input: {
    meetingDates: readonly string[];
    decisions: readonly Decision[];
    treatments: readonly TreatmentGiven[];
  },
  timezone: string,
  today: string,
): CaseTimeline {
  const decisionDates = input.decisions
    .filter((d) => d.version === 1)
    .map((d) => ({ outcome: d.outcome, date: localDate(new Date(d.recordedAt), timezone) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const held = input.meetingDates.filter((d) => d <= today).sort();
  const firstDiscussion = [held[0], decisionDates[0]?.date].filter((d): d is string => !!d).sort()[0] ?? null;
  const decision = decisionDates.find((d) => d.outcome !== 'defer')?.date ?? null;
  const treatment = decision
    ? ([...input.treatments]
        .map((t) => t.on)
        .filter((d) => d >= decision)
        .sort()[0] ?? null)
    : null;
  return {
    firstDiscussion,
    decision,
    treatment,
    daysToDecision: firstDiscussion && decision ? daysBetween(firstDiscussion, decision) : null,
    daysDecisionToTreatment: decision && treatment ? daysBetween(decision, treatment) : null,
  };
}
