import { z } from 'zod';
import type { BclcStage } from '../clinical/assessment.js';
import type { CaseInput } from '../clinical/caseInput.js';
import { isLateAddition, type Meeting } from './agendaSchedule.js';
import type { DecisionAuditEvent } from './decisionAudit.js';
import type { Decision, MissingItem } from './decisionSchema.js';
import { MISSING_LABELS } from './decisionSchema.js';
import { latestDecision } from './decisionSignOff.js';
import { isIsoDate, localDate } from './followUpDates.js';

/**
 * The agenda: which cases a meeting discusses and, for each, what it still needs before the team can decide.
 */

export const AgendaItemSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  /** Local date of the meeting, YYYY-MM-DD. */
  meeting: z.string().refine(isIsoDate),
  addedBy: z.string().min(1),
  addedAt: z.iso.datetime(),
  /** Added less than 24 hours before the meeting, after the list should have gone out. */
  late: z.boolean(),
  /** "deferral": put back automatically when the data a deferral waited for arrived. */
  source: z.enum(['added', 'deferral']),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** The CaseInput fields that answer each data-checkable deferral item. */
export const FIELDS_FOR_MISSING = {
  labs: ['bilirubin', 'albumin', 'inr', 'ptProlongationSeconds', 'creatinine', 'sodium', 'afp'],
  imaging: [
    'nodulesCm',
    'noduleCount',
    'largestNoduleCm',
    'totalDiameterCm',
    'macrovascularInvasion',
    'extrahepaticSpread',
    'infiltrative',
  ],
  ecog: ['ecog', 'ecogCancerRelated'],
} as const satisfies Partial<Record<MissingItem, readonly (keyof CaseInput)[]>>;
type CheckableItem = keyof typeof FIELDS_FOR_MISSING;
const isCheckable = (m: MissingItem): m is CheckableItem => m in FIELDS_FOR_MISSING;

/**
 * What the case record knows, as the agenda needs it: the merged input, when each field was last stated, and
 * which fields the case record flags as stale.
 */
export interface CaseFacts {
  caseId: string;
  bclcStage: BclcStage | null;
  input: Partial<CaseInput>;
  /** ISO instant each field was last stated; a field absent here was never stated. */
  statedAt: Partial<Record<keyof CaseInput, string>>;
  stale: readonly (keyof CaseInput)[];
  decisions: readonly Decision[];
}

export type NeedItem = 'labs' | 'imaging' | 'ecog' | 'patient-view' | 'biopsy' | 'other';

export interface Need {
  item: NeedItem;
  /** What exactly, in the clinic's words: "bilirubin, INR", "stale: albumin", "asked at the deferral of 2026-12-03". */
  detail: string;
}

const stated = (f: CaseFacts, k: keyof CaseInput) => f.statedAt[k] !== undefined;
const fresh = (f: CaseFacts, k: keyof CaseInput) => stated(f, k) && !f.stale.includes(k);

/**
 * What the case still needs for a decision: labs for Child-Pugh, ALBI and MELD-Na; imaging (nodules and whether
 * there is invasion or spread); ECOG; the patient's view; and whatever an open deferral is waiting for.
 */
export function completeness(f: CaseFacts, timezone: string): Need[] {
  const needs: Need[] = [];
  const labNames: [keyof CaseInput, string][] = [
    ['bilirubin', 'bilirubin'],
    ['albumin', 'albumin'],
    ['creatinine', 'creatinine'],
    ['sodium', 'sodium'],
  ];
  const missingLabs = labNames.filter(([k]) => !stated(f, k)).map(([, n]) => n);
  if (!stated(f, 'inr') && !stated(f, 'ptProlongationSeconds')) missingLabs.splice(2, 0, 'INR');
  const staleLabs = labNames
    .concat([['inr', 'INR']])
    .filter(([k]) => stated(f, k) && !fresh(f, k))
    .map(([, n]) => n);
  const labParts = [
    ...(missingLabs.length ? [missingLabs.join(', ')] : []),
    ...(staleLabs.length ? [`out of date: ${staleLabs.join(', ')}`] : []),
  ];
  if (labParts.length) needs.push({ item: 'labs', detail: labParts.join('; ') });

  const imaging: string[] = [];
  if (!stated(f, 'noduleCount') && !stated(f, 'nodulesCm')) imaging.push('number of nodules');
  if (!stated(f, 'largestNoduleCm') && !stated(f, 'nodulesCm')) imaging.push('size');
  if (!stated(f, 'macrovascularInvasion')) imaging.push('vascular invasion');
  if (!stated(f, 'extrahepaticSpread')) imaging.push('extrahepatic spread');
  const staleImaging = FIELDS_FOR_MISSING.imaging.some((k) => stated(f, k) && !fresh(f, k));
  if (imaging.length || staleImaging)
    needs.push({
      item: 'imaging',
      detail: [
        ...(imaging.length ? [`not stated: ${imaging.join(', ')}`] : []),
        ...(staleImaging ? ['out of date'] : []),
      ].join('; '),
    });

  if (!stated(f, 'ecog')) needs.push({ item: 'ecog', detail: 'performance status not stated' });

  const last = latestDecision(f.decisions);
  const viewDiscussed = f.decisions.some((d) => d.patientPreferenceDiscussed === true);
  const deferral = last?.outcome === 'defer' ? last : null;
  const deferredDate = deferral ? localDate(new Date(deferral.recordedAt), timezone) : null;
  if (!viewDiscussed || deferral?.missing.includes('patient-view'))
    needs.push({
      item: 'patient-view',
      detail: deferral?.missing.includes('patient-view')
        ? `asked at the deferral of ${deferredDate}`
        : 'not yet recorded in a decision',
    });
  for (const m of deferral?.missing ?? []) {
    if (m === 'biopsy' || m === 'other')
      needs.push({
        item: m,
        detail: `asked at the deferral of ${deferredDate}${m === 'other' && deferral?.missingOther ? `: ${deferral.missingOther}` : ''}`,
      });
  }
  return needs;
}

/** "labs (bilirubin, INR)", for the agenda and the CLI. */
export const describeNeed = (n: Need): string =>
  `${n.item === 'patient-view' ? "patient's view" : n.item === 'ecog' ? 'ECOG' : MISSING_LABELS[n.item]} (${n.detail})`;

/**
 * Whether a deferred case comes back on the agenda: the decision in force is a deferral, and every item it waits
 * for that data can answer (labs, imaging, ECOG) has been stated since. A deferral that also waits for a biopsy,
 * the patient's view or something else comes back only when someone adds it.
 */
export function deferralAnswered(f: CaseFacts): {
  answered: boolean;
  arrived: MissingItem[];
  waiting: MissingItem[];
} {
  const last = latestDecision(f.decisions);
  if (last?.outcome !== 'defer') return { answered: false, arrived: [], waiting: [] };
  const arrived: MissingItem[] = [];
  const waiting: MissingItem[] = [];
  for (const m of last.missing) {
    const since =
      isCheckable(m) && FIELDS_FOR_MISSING[m].some((k) => (f.statedAt[k] ?? '') > last.recordedAt);
    (since ? arrived : waiting).push(m);
  }
  return { answered: waiting.length === 0 && arrived.length > 0, arrived, waiting };
}

/** Puts a case on a meeting's agenda; a case already on it is refused (the list keeps one line per case). */
export function addToAgenda(
  caseId: string,
  meeting: Meeting,
  existing: readonly AgendaItem[],
  ctx: { actor: string; now: Date; newId: () => string; source?: AgendaItem['source'] },
):
  | { ok: true; item: AgendaItem; audit: DecisionAuditEvent }
  | { ok: false; problems: { path: string; message: string }[] } {
  if (existing.some((i) => i.caseId === caseId && i.meeting === meeting.date))
    return {
      ok: false,
      problems: [{ path: 'meeting', message: `${caseId} is already on the agenda for ${meeting.date}` }],
    };
  const at = ctx.now.toISOString();
  const item: AgendaItem = {
    id: ctx.newId(),
    caseId,
    meeting: meeting.date,
    addedBy: ctx.actor,
    addedAt: at,
    late: isLateAddition(meeting, ctx.now),
    source: ctx.source ?? 'added',
  };
  return {
    ok: true,
    item,
    audit: { action: 'agenda.added', caseId, subjectId: item.id, actor: ctx.actor, at },
  };
}

export interface AgendaEntry {
  caseId: string;
  bclcStage: BclcStage | null;
  needs: Need[];
  late: boolean;
  returning: boolean;
}

export interface Agenda {
  meeting: string;
  entries: AgendaEntry[];
}

/** The agenda of one meeting, in the order cases were added (late additions last). */
export function buildAgenda(
  meeting: string,
  items: readonly AgendaItem[],
  facts: ReadonlyMap<string, CaseFacts>,
  timezone: string,
): Agenda {
  const listed = items
    .filter((i) => i.meeting === meeting)
    .sort((a, b) => Number(a.late) - Number(b.late) || a.addedAt.localeCompare(b.addedAt));
  return {
    meeting,
    entries: listed.flatMap((i) => {
      const f = facts.get(i.caseId);
      // A case deleted since it was listed leaves the agenda with it.
      if (!f) return [];
      return [
        {
          caseId: i.caseId,
          bclcStage: f.bclcStage,
          needs: completeness(f, timezone),
          late: i.late,
          returning: i.source === 'deferral',
        },
      ];
    }),
  };
}
