import type { DecisionAuditEvent } from './decisionAudit.js';
import { ActorSchema, type Decision } from './decisionSchema.js';
import { type IdentifierScreen, type Problem, screenFreeText } from './decisionScreen.js';

/**
 * Sign-off: a decision is provisional until a member other than the recorder signs it, or the recorder does where
 * the channel allows self-sign-off. Once signed it is never changed again; only an amendment (a new version) can
 * replace it.
 */

export interface SignOffPolicy {
  /** The channel setting: may the person who recorded a decision also sign it off? */
  selfSignOff: boolean;
}

export type SignOffResult =
  | { ok: true; decision: Decision; audit: DecisionAuditEvent }
  | { ok: false; problems: Problem[] };

export const isSigned = (d: Decision): boolean => d.signOff !== null;

/** The current version of each decision (the highest version of each `decisionId`), oldest decision first. */
export function currentVersions(decisions: readonly Decision[]): Decision[] {
  const latest = new Map<string, Decision>();
  for (const d of decisions) {
    const seen = latest.get(d.decisionId);
    if (!seen || d.version > seen.version) latest.set(d.decisionId, d);
  }
  return [...latest.values()].sort(
    (a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id),
  );
}

/** The case's decision now in force: the current version of the most recently recorded decision. */
export function latestDecision(decisions: readonly Decision[]): Decision | null {
  return currentVersions(decisions).at(-1) ?? null;
}

export function signOff(
  decision: Decision,
  latestVersion: number,
  by: string,
  now: Date,
  policy: SignOffPolicy,
  screen: IdentifierScreen,
): SignOffResult {
  const actor = ActorSchema.safeParse(by);
  if (!actor.success)
    return { ok: false, problems: [{ path: 'by', message: actor.error.issues[0]!.message }] };
  const screened = screenFreeText([['by', actor.data]], screen);
  if (screened.length > 0) return { ok: false, problems: screened };
  if (decision.version !== latestVersion) {
    return {
      ok: false,
      problems: [
        {
          path: 'decision',
          message: `version ${decision.version} was amended; sign off the current version (${latestVersion})`,
        },
      ],
    };
  }
  if (decision.signOff) {
    return {
      ok: false,
      problems: [
        {
          path: 'decision',
          message: `is already signed off by ${decision.signOff.by}; a signed decision cannot change, only be amended with a reason`,
        },
      ],
    };
  }
  const self = sameActor(decision.recordedBy, actor.data);
  if (self && !policy.selfSignOff) {
    return {
      ok: false,
      problems: [
        {
          path: 'by',
          message:
            'recorded this decision, and this channel asks for sign-off by another member (its self-sign-off setting is off)',
        },
      ],
    };
  }
  const at = now.toISOString();
  return {
    ok: true,
    decision: { ...decision, signOff: { by: actor.data, at, self } },
    audit: {
      action: 'decision.signed-off',
      caseId: decision.caseId,
      subjectId: decision.id,
      actor: actor.data,
      at,
    },
  };
}

/** Initials and roles compare without case or surrounding space ("ab" signed what "AB" recorded). */
const sameActor = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
