import { z } from 'zod';
import type { Assessment } from '../clinical/assessment.js';
import type { CaseInput } from '../clinical/caseInput.js';
import { TREATMENT_OPTION_LABELS, type TreatmentOptionId } from '../clinical/treatmentOptionIds.js';
import type { DecisionAuditEvent } from './decisionAudit.js';
import {
  ActorSchema,
  CORE_SPECIALTY_GROUPS,
  type CoreSpecialtyGroup,
  type Decision,
  DecisionOutcomeSchema,
  DissentSchema,
  type FrozenStage,
  MissingItemSchema,
  type Specialty,
  SpecialtySchema,
  TreatmentChoiceSchema,
} from './decisionSchema.js';
import { type IdentifierScreen, type Problem, screenFreeText } from './decisionScreen.js';

/**
 * Recording an MDT decision: the form as a door collects it (modal or CLI flags), checked against the case's
 * BCLC options, screened for identifiers, with the stage and key scores frozen in.
 */

const optionalText = (max: number) =>
  z.string().trim().max(max, `is longer than ${max} characters`).optional();

export const DecisionFormSchema = z.strictObject({
  outcome: DecisionOutcomeSchema,
  treatment: TreatmentChoiceSchema.optional(),
  missing: z.array(MissingItemSchema).default([]),
  missingOther: optionalText(300),
  rationale: optionalText(3000),
  patientPreferenceDiscussed: z.boolean().optional(),
  specialties: z.array(SpecialtySchema).default([]),
  dissent: z.array(DissentSchema).max(10).default([]),
});
export type DecisionFormJson = z.input<typeof DecisionFormSchema>;
export type DecisionForm = z.output<typeof DecisionFormSchema>;

/** What the case record supplies when a decision is taken. */
export interface DecisionContext {
  caseId: string;
  /** The assessment of the case's current merged input; null when the case has not been staged. */
  assessment: Assessment | null;
  /** The merged input the assessment was made on (for AFP and ECOG). */
  input: Partial<CaseInput> | null;
  snapshotId: string | null;
  actor: string;
  now: Date;
  newId: () => string;
  screen: IdentifierScreen;
}

export type DecisionResult =
  | { ok: true; decision: Decision; warnings: string[]; audit: DecisionAuditEvent }
  | { ok: false; problems: Problem[] };

/** The treatment ids this case's BCLC options name (what the modal offers). */
export function caseTreatmentOptions(assessment: Assessment | null): TreatmentOptionId[] {
  return [...new Set((assessment?.treatment?.options ?? []).map((o) => o.id))];
}

/** The core groups (hepatology, surgery, radiology, oncology) with nobody present. */
export function absentCoreSpecialties(present: readonly Specialty[]): CoreSpecialtyGroup[] {
  const have = new Set(present);
  return (Object.keys(CORE_SPECIALTY_GROUPS) as CoreSpecialtyGroup[]).filter(
    (g) => !CORE_SPECIALTY_GROUPS[g].some((s: Specialty) => have.has(s)),
  );
}

/** The one sentence shown (modal, message, CLI) when a core specialty was absent. */
export function coreSpecialtyWarning(present: readonly Specialty[]): string | null {
  const absent = absentCoreSpecialties(present);
  if (absent.length === 0) return null;
  return `No ${absent.join(', ')} present: the core HCC MDT is hepatology, surgery, radiology and oncology.`;
}

/** The stage and key scores as the team saw them, kept with the decision. */
export function freezeStage(
  assessment: Assessment | null,
  input: Partial<CaseInput> | null,
  snapshotId: string | null,
): FrozenStage {
  const bclcRule = assessment?.bclc
    ? (assessment.rules.find((r) => r.id.startsWith('bclc'))?.name ?? null)
    : null;
  return {
    bclcStage: assessment?.bclc?.stage ?? null,
    bclcRule,
    childPugh: assessment?.childPugh
      ? { points: assessment.childPugh.points, class: assessment.childPugh.class }
      : null,
    albi: assessment?.albi ? { score: assessment.albi.score, grade: assessment.albi.grade } : null,
    meldNa: assessment?.meld.meldNa ?? null,
    afp: input?.afp ?? null,
    ecog: input?.ecog ?? null,
    snapshotId,
  };
}

function checkForm(form: DecisionForm, options: readonly TreatmentOptionId[]): Problem[] {
  const problems: Problem[] = [];
  const { outcome, treatment } = form;
  if (outcome === 'recommend' && !treatment) {
    problems.push({
      path: 'treatment',
      message: "is needed to recommend treatment: choose one of the case's options or give it as other text",
    });
  }
  if (outcome === 'defer') {
    if (form.missing.length === 0)
      problems.push({
        path: 'missing',
        message: 'says what the deferral waits for: imaging, biopsy, labs, ecog, patient-view or other',
      });
    if (treatment)
      problems.push({
        path: 'treatment',
        message: 'is not recorded on a deferral; record it at the next decision',
      });
  } else if (form.missing.length > 0) {
    problems.push({ path: 'missing', message: 'is only for a deferred outcome' });
  }
  if (form.missing.includes('other') && !form.missingOther) {
    problems.push({ path: 'missingOther', message: 'says what "other" is, e.g. "outside imaging report"' });
  }
  if (
    outcome === 'no-active-treatment' &&
    treatment &&
    !(treatment.kind === 'option' && treatment.id === 'best-supportive-care')
  ) {
    problems.push({
      path: 'treatment',
      message: 'contradicts "no active treatment"; leave it empty or choose "recommend treatment"',
    });
  }
  if (
    treatment?.kind === 'option' &&
    !options.includes(treatment.id) &&
    treatment.id !== 'best-supportive-care'
  ) {
    const offered = options.length > 0 ? options.join(', ') : 'none: the case has no BCLC stage yet';
    problems.push({
      path: 'treatment',
      message: `'${treatment.id}' is not among this case's BCLC options (${offered}); choose one of them or give the treatment as other text`,
    });
  }
  return problems;
}

function screenDecision(form: DecisionForm, actor: string, screen: IdentifierScreen): Problem[] {
  return screenFreeText(
    [
      ['rationale', form.rationale],
      ['missingOther', form.missingOther],
      ['treatment', form.treatment?.kind === 'other' ? form.treatment.text : undefined],
      ['by', actor],
      ...form.dissent.flatMap((d, i) => [
        [`dissent.${i}.reason`, d.reason] as const,
        ...d.members.map((m, j) => [`dissent.${i}.members.${j}`, m] as const),
      ]),
    ],
    screen,
  );
}

/** The problems in a raw form (zod issues as readable paths and messages). */
export function readDecisionForm(
  raw: unknown,
): { ok: true; form: DecisionForm } | { ok: false; problems: Problem[] } {
  const parsed = DecisionFormSchema.safeParse(raw);
  if (parsed.success) return { ok: true, form: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'form', message: i.message })),
  };
}

interface Lineage {
  decisionId: string;
  version: number;
  supersedes: string | null;
  amendmentReason: string | null;
}

function build(raw: unknown, ctx: DecisionContext, lineage: (id: string) => Lineage): DecisionResult {
  const read = readDecisionForm(raw);
  if (!read.ok) return read;
  const form = read.form;
  const actor = ActorSchema.safeParse(ctx.actor);
  if (!actor.success)
    return { ok: false, problems: [{ path: 'by', message: actor.error.issues[0]!.message }] };
  const problems = [
    ...checkForm(form, caseTreatmentOptions(ctx.assessment)),
    ...screenDecision(form, actor.data, ctx.screen),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const id = ctx.newId();
  const at = ctx.now.toISOString();
  const specialties = [...new Set(form.specialties)];
  const decision: Decision = {
    id,
    ...lineage(id),
    caseId: ctx.caseId,
    outcome: form.outcome,
    treatment: form.treatment ?? null,
    missing: [...new Set(form.missing)],
    missingOther: form.missingOther || null,
    rationale: form.rationale || null,
    patientPreferenceDiscussed: form.patientPreferenceDiscussed ?? null,
    specialties,
    dissent: form.dissent,
    atDecision: freezeStage(ctx.assessment, ctx.input, ctx.snapshotId),
    recordedBy: actor.data,
    recordedAt: at,
    signOff: null,
  };
  const warnings: string[] = [];
  const core = coreSpecialtyWarning(specialties);
  if (core) warnings.push(core);
  if (decision.patientPreferenceDiscussed === null)
    warnings.push("Whether the patient's preference was discussed is not recorded.");
  return {
    ok: true,
    decision,
    warnings,
    audit: { action: 'decision.recorded', caseId: ctx.caseId, subjectId: id, actor: actor.data, at },
  };
}

/** A new decision (version 1), provisional until signed off. */
export function recordDecision(raw: unknown, ctx: DecisionContext): DecisionResult {
  return build(raw, ctx, (id) => ({ decisionId: id, version: 1, supersedes: null, amendmentReason: null }));
}

/**
 * An amendment: a new version of `current` with a reason. `current` itself is left as it was, signed or not, so
 * both stay in the record; the new version is provisional and needs its own sign-off.
 */
export function amendDecision(
  current: Decision,
  latestVersion: number,
  raw: unknown,
  reason: string,
  ctx: DecisionContext,
): DecisionResult {
  if (current.version !== latestVersion) {
    return {
      ok: false,
      problems: [
        {
          path: 'decision',
          message: `version ${current.version} was already amended; amend version ${latestVersion}`,
        },
      ],
    };
  }
  const why = reason.trim();
  if (!why)
    return {
      ok: false,
      problems: [{ path: 'reason', message: 'an amendment needs a reason, e.g. "new imaging showed PVTT"' }],
    };
  if (why.length > 1000)
    return { ok: false, problems: [{ path: 'reason', message: 'is longer than 1000 characters' }] };
  const screened = screenFreeText([['reason', why]], ctx.screen);
  if (screened.length > 0) return { ok: false, problems: screened };
  const result = build(raw, { ...ctx, caseId: current.caseId }, () => ({
    decisionId: current.decisionId,
    version: current.version + 1,
    supersedes: current.id,
    amendmentReason: why,
  }));
  if (!result.ok) return result;
  return { ...result, audit: { ...result.audit, action: 'decision.amended' } };
}

/** A short line naming the treatment, for messages and the CLI. */
export function treatmentLabel(t: Decision['treatment']): string | null {
  if (!t) return null;
  return t.kind === 'option' ? TREATMENT_OPTION_LABELS[t.id] : t.text;
}
