import { z } from 'zod';
import type { AuditEntry } from './audit.js';
import { addDays, addMonths, addWeeks, format } from './dateFns.js';
import { APP_ACTOR, type DecisionAuditEvent, decisionAuditEntry } from './decisionAudit.js';
import { ActorSchema } from './decisionSchema.js';
import { type IdentifierScreen, type Problem, screenFreeText } from './decisionScreen.js';
import type { ChannelSettings } from './decisionSettings.js';
import {
  asDate,
  isIsoDate,
  isWorkingDay,
  localDate,
  localTimeOn,
  nextWorkingDay,
  workingDayOnOrBefore,
} from './followUpDates.js';

/**
 * Follow-ups: what is to be done after a decision, by whom and when, and the reminders that bring it back to the
 * thread on its day.
 */

export const FollowUpSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  /** The decision version it follows from, when there is one. */
  decisionId: z.string().nullable(),
  task: z.string().min(1).max(300),
  /** Who is to do it: a Slack user or initials/role; null when not said. */
  assignee: ActorSchema.nullable(),
  /** The local date it is due, YYYY-MM-DD. */
  due: z.string().refine(isIsoDate),
  createdBy: ActorSchema,
  createdAt: z.iso.datetime(),
  doneBy: ActorSchema.nullable(),
  doneAt: z.iso.datetime().nullable(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** One row of the due-table: a reminder to post in the case thread at `remindAt`. */
export const ReminderSchema = z.strictObject({
  id: z.string().min(1),
  followUpId: z.string().min(1),
  caseId: z.string().min(1),
  remindAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  /** Set when the follow-up is done or the reminder snoozed before it was sent. */
  cancelledAt: z.iso.datetime().nullable(),
});
export type Reminder = z.infer<typeof ReminderSchema>;

export const DUE_EXAMPLES = '`2027-01-14`, `in 6 weeks` or `after 2 cycles, about 6 weeks`';

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};
const UNITS: Record<string, 'days' | 'weeks' | 'months'> = {
  d: 'days',
  day: 'days',
  days: 'days',
  w: 'weeks',
  wk: 'weeks',
  wks: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
  m: 'months',
  mo: 'months',
  mos: 'months',
  month: 'months',
  months: 'months',
};
/** "6 weeks", "6wks", "10 d", "3 months". */
const DIGIT_DURATION = /\b(\d+)\s*-?\s*(months?|mos?|weeks?|wks?|days?|[dwm])\b/g;
/** "six weeks", "a week", "two-month". */
const WORD_DURATION = new RegExp(
  `\\b(${Object.keys(NUMBER_WORDS).join('|')})(?:\\s+|-)(months?|weeks?|wks?|days?)\\b`,
  'g',
);
/** Far enough for any MDT follow-up; further than this is taken for a typing error. */
const MAX_DAYS_AHEAD = 2 * 366;

export type DueReading =
  | {
      ok: true;
      due: string /** How the text was read, for the person to check: "6 weeks from 2026-12-03". */;
      read: string;
    }
  | { ok: false; problem: Problem };

/**
 * When a follow-up is due, from a date or a duration counted from today in the channel's time zone. A text with
 * cycles but no duration, two durations, or words that are not a duration is refused with examples, never guessed.
 */
export function readDue(text: string, now: Date, timezone: string): DueReading {
  const fail = (message: string): DueReading => ({
    ok: false,
    problem: { path: 'due', message: `${message} Say ${DUE_EXAMPLES}.` },
  });
  const today = localDate(now, timezone);
  const t = text.trim().toLowerCase();
  if (!t) return fail('When is it due?');
  let due: string;
  let read: string;
  if (isIsoDate(t)) {
    due = t;
    read = t;
  } else if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(t)) {
    return fail(`'${t}' is not a calendar date.`);
  } else if (t === 'today' || t === 'tomorrow') {
    due = format(addDays(asDate(today), t === 'today' ? 0 : 1), 'yyyy-MM-dd');
    read = `${t} (${due})`;
  } else {
    const found = [...t.matchAll(DIGIT_DURATION), ...t.matchAll(WORD_DURATION)];
    if (found.length > 1) return fail(`'${text.trim()}' gives more than one duration; give one.`);
    const m = found[0];
    if (!m) {
      if (/\bcycles?\b/.test(t)) return fail('How long are the cycles? Add the time, e.g. "about 6 weeks".');
      return fail(`'${text.trim()}' is not a date or a duration I can read.`);
    }
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBER_WORDS[m[1]!]!;
    const unit = UNITS[m[2]!]!;
    if (n === 0) return fail('A duration of zero is today; say `today`.');
    if (/\d\s*[-–]\s*$/.test(t.slice(0, m.index)) || /\bto\s*$/.test(t.slice(0, m.index)))
      return fail(`'${text.trim()}' gives a range; give one figure.`);
    const base = asDate(today);
    const date =
      unit === 'days' ? addDays(base, n) : unit === 'weeks' ? addWeeks(base, n) : addMonths(base, n);
    due = format(date, 'yyyy-MM-dd');
    read = `${n} ${n === 1 ? unit.slice(0, -1) : unit} from ${today} (${due})`;
  }
  if (due < today) return fail(`${due} has passed.`);
  if (asDate(due).getTime() - asDate(today).getTime() > MAX_DAYS_AHEAD * 86_400_000)
    return fail(`${due} is more than two years ahead.`);
  return { ok: true, due, read };
}

/**
 * When the reminder for a follow-up due on `due` is posted: at the channel's reminder hour on the due date, or on
 * the working day before when the due date is a weekend (so nothing falls due unannounced over a weekend). When
 * that moment has already passed, it is posted at once on a working day, or at the next working day's hour.
 */
export function reminderTime(due: string, settings: ChannelSettings, now: Date): Date {
  const planned = localTimeOn(workingDayOnOrBefore(due), settings.reminderHour, 0, settings.timezone);
  if (planned.getTime() > now.getTime()) return planned;
  const today = localDate(now, settings.timezone);
  if (isWorkingDay(today)) return now;
  return localTimeOn(nextWorkingDay(today), settings.reminderHour, 0, settings.timezone);
}

export const FollowUpFormSchema = z.strictObject({
  task: z
    .string()
    .trim()
    .min(1, 'says what is to be done, e.g. "CT after 2 cycles"')
    .max(300, 'is longer than 300 characters'),
  /** A date or a duration, as `readDue` reads it. */
  due: z.string(),
  assignee: z.string().trim().max(60).optional(),
});
export type FollowUpFormJson = z.input<typeof FollowUpFormSchema>;

export interface FollowUpContext {
  caseId: string;
  decisionId: string | null;
  actor: string;
  now: Date;
  settings: ChannelSettings;
  newId: () => string;
  screen: IdentifierScreen;
}

export type FollowUpResult =
  | { ok: true; followUp: FollowUp; reminder: Reminder; read: string; audit: DecisionAuditEvent }
  | { ok: false; problems: Problem[] };

export function addFollowUp(raw: unknown, ctx: FollowUpContext): FollowUpResult {
  const parsed = FollowUpFormSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'form', message: i.message })),
    };
  const form = parsed.data;
  const problems: Problem[] = [];
  const due = readDue(form.due, ctx.now, ctx.settings.timezone);
  if (!due.ok) problems.push(due.problem);
  const actor = ActorSchema.safeParse(ctx.actor);
  if (!actor.success) problems.push({ path: 'by', message: actor.error.issues[0]!.message });
  problems.push(
    ...screenFreeText(
      [
        ['task', form.task],
        ['assignee', form.assignee],
        ['by', ctx.actor],
      ],
      ctx.screen,
    ),
  );
  if (problems.length > 0 || !due.ok || !actor.success) return { ok: false, problems };
  const at = ctx.now.toISOString();
  const followUp: FollowUp = {
    id: ctx.newId(),
    caseId: ctx.caseId,
    decisionId: ctx.decisionId,
    task: form.task,
    assignee: form.assignee || null,
    due: due.due,
    createdBy: actor.data,
    createdAt: at,
    doneBy: null,
    doneAt: null,
  };
  const reminder: Reminder = {
    id: ctx.newId(),
    followUpId: followUp.id,
    caseId: ctx.caseId,
    remindAt: reminderTime(due.due, ctx.settings, ctx.now).toISOString(),
    sentAt: null,
    cancelledAt: null,
  };
  return {
    ok: true,
    followUp,
    reminder,
    read: due.read,
    audit: { action: 'follow-up.added', caseId: ctx.caseId, subjectId: followUp.id, actor: actor.data, at },
  };
}

export const isDone = (f: FollowUp): boolean => f.doneAt !== null;

/** Due or overdue on the channel's local date `today` and not done. */
export const isDueBy = (f: FollowUp, today: string): boolean => !isDone(f) && f.due <= today;

/** Done: the follow-up is closed and its unsent reminders are cancelled. Done twice is refused. */
export function markDone(
  followUp: FollowUp,
  pending: readonly Reminder[],
  by: string,
  now: Date,
):
  | { ok: true; followUp: FollowUp; cancelled: Reminder[]; audit: DecisionAuditEvent }
  | { ok: false; problems: Problem[] } {
  if (followUp.doneAt)
    return {
      ok: false,
      problems: [{ path: 'followUp', message: `was already marked done by ${followUp.doneBy}` }],
    };
  const at = now.toISOString();
  return {
    ok: true,
    followUp: { ...followUp, doneBy: by, doneAt: at },
    cancelled: pending
      .filter((r) => r.sentAt === null && r.cancelledAt === null)
      .map((r) => ({ ...r, cancelledAt: at })),
    audit: { action: 'follow-up.done', caseId: followUp.caseId, subjectId: followUp.id, actor: by, at },
  };
}

/** The audit of a reminder the app posted in the thread on its day. */
export const reminderSentAudit = (r: Reminder, at: Date): AuditEntry[] => [
  decisionAuditEntry(
    { action: 'reminder.sent', caseId: r.caseId, subjectId: r.id, actor: APP_ACTOR, at: at.toISOString() },
    ['remindAt'],
  ),
];

export const SNOOZE_CHOICES = ['next-working-day', 'one-week'] as const;
export const SnoozeChoiceSchema = z.enum(SNOOZE_CHOICES);
export type SnoozeChoice = z.infer<typeof SnoozeChoiceSchema>;

/**
 * Snooze: a new reminder at the reminder hour of the next working day, or a week later (moved back to a working
 * day). The due date is unchanged, so the follow-up still shows as overdue.
 */
export function snooze(
  followUp: FollowUp,
  pending: readonly Reminder[],
  choice: SnoozeChoice,
  by: string,
  now: Date,
  settings: ChannelSettings,
  newId: () => string,
):
  | { ok: true; reminder: Reminder; cancelled: Reminder[]; audit: DecisionAuditEvent }
  | { ok: false; problems: Problem[] } {
  if (followUp.doneAt)
    return { ok: false, problems: [{ path: 'followUp', message: 'is done; there is nothing to snooze' }] };
  const today = localDate(now, settings.timezone);
  const day =
    choice === 'next-working-day'
      ? nextWorkingDay(today)
      : workingDayOnOrBefore(format(addWeeks(asDate(today), 1), 'yyyy-MM-dd'));
  const at = now.toISOString();
  return {
    ok: true,
    reminder: {
      id: newId(),
      followUpId: followUp.id,
      caseId: followUp.caseId,
      remindAt: localTimeOn(day, settings.reminderHour, 0, settings.timezone).toISOString(),
      sentAt: null,
      cancelledAt: null,
    },
    cancelled: pending
      .filter((r) => r.sentAt === null && r.cancelledAt === null)
      .map((r) => ({ ...r, cancelledAt: at })),
    audit: { action: 'follow-up.snoozed', caseId: followUp.caseId, subjectId: followUp.id, actor: by, at },
  };
}
