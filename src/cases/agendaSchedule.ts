import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { format } from './dateFns.js';
import type { Problem } from './decisionScreen.js';
import { addDaysToDate, asDate, isIsoDate, localDate, localTimeOn } from './followUpDates.js';

/**
 * A channel's meeting days: weekly on one weekday, or a list of dates, at a local time in the channel's zone.
 */

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export const WeekdaySchema = z.enum(WEEKDAYS);
export type Weekday = z.infer<typeof WeekdaySchema>;

const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is a 24-hour time such as 08:00');
const DateSchema = z.string().refine(isIsoDate, 'is a date written YYYY-MM-DD');

export const MeetingScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('weekly'), weekday: WeekdaySchema, time: TimeSchema }),
  z.strictObject({ kind: z.literal('dates'), dates: z.array(DateSchema).min(1).max(200), time: TimeSchema }),
]);
export type MeetingSchedule = z.infer<typeof MeetingScheduleSchema>;

export const MEETINGS_EXAMPLE = '`weekly thursday 08:00` or `2026-12-03, 2026-12-17 08:00`';

const WEEKDAY_ALIASES: Record<string, Weekday> = Object.fromEntries(
  WEEKDAYS.flatMap((d) => [
    [d, d],
    [d.slice(0, 3), d],
  ]),
) as Record<string, Weekday>;
WEEKDAY_ALIASES.tues = 'tuesday';
WEEKDAY_ALIASES.thur = 'thursday';
WEEKDAY_ALIASES.thurs = 'thursday';

/** "08:00", "8:00" or "0800" as HH:MM; null when it is not a time of day. */
function readTime(word: string): string | null {
  const m = /^([01]?\d|2[0-3]):?([0-5]\d)$/.exec(word);
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/**
 * Reads what follows `/hcc meetings`: "weekly thursday 08:00", "every thu 8:00", or dates then a time
 * ("2026-12-03, 2026-12-17 08:00"). Every word must be understood; the message names what was not.
 */
export function parseMeetingSchedule(
  text: string,
): { ok: true; schedule: MeetingSchedule } | { ok: false; problem: Problem } {
  const words = text.toLowerCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  const fail = (message: string) => ({
    ok: false as const,
    problem: { path: 'meetings', message: `${message} Example: ${MEETINGS_EXAMPLE}.` },
  });
  if (words.length === 0) return fail('Say when the MDT meets.');
  const time = readTime(words.at(-1)!);
  if (!time) return fail('Give the meeting time last, as a 24-hour time.');
  const rest = words.slice(0, -1);
  if (rest[0] === 'weekly' || rest[0] === 'every') {
    const day = rest.length === 2 ? WEEKDAY_ALIASES[rest[1]!] : undefined;
    if (!day) return fail(`'${rest.slice(1).join(' ') || '(nothing)'}' is not one weekday.`);
    return { ok: true, schedule: { kind: 'weekly', weekday: day, time } };
  }
  if (rest.length === 0) return fail("Say 'weekly' and a weekday, or list the dates.");
  const bad = rest.filter((w) => !isIsoDate(w));
  if (bad.length > 0) return fail(`'${bad[0]}' is not a date written YYYY-MM-DD.`);
  return { ok: true, schedule: { kind: 'dates', dates: [...new Set(rest)].sort(), time } };
}

/** One meeting: its local date and the instant it starts. */
export interface Meeting {
  date: string;
  startsAt: Date;
}

const meetingOn = (date: string, time: string, timezone: string): Meeting => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return { date, startsAt: localTimeOn(date, h, m, timezone) };
};

/** The meetings in order from the local date of `from` (inclusive), at most `limit` of them. */
export function meetingsFrom(
  schedule: MeetingSchedule,
  from: Date,
  timezone: string,
  limit: number,
): Meeting[] {
  const today = localDate(from, timezone);
  if (schedule.kind === 'dates') {
    return schedule.dates
      .filter((d) => d >= today)
      .slice(0, limit)
      .map((d) => meetingOn(d, schedule.time, timezone));
  }
  const out: Meeting[] = [];
  const target = WEEKDAYS.indexOf(schedule.weekday);
  for (let i = 0; out.length < limit && i < 7 * limit + 7; i++) {
    const d = addDaysToDate(today, i);
    if (new Date(`${d}T12:00:00Z`).getUTCDay() === target) out.push(meetingOn(d, schedule.time, timezone));
  }
  return out;
}

/** The first meeting that starts after `now` (where "Add to next meeting" puts a case). */
export function nextMeeting(schedule: MeetingSchedule, now: Date, timezone: string): Meeting | null {
  return meetingsFrom(schedule, now, timezone, 3).find((m) => m.startsAt.getTime() > now.getTime()) ?? null;
}

/** How long after its start a meeting's agenda is still "the" agenda (the meeting is running). */
export const MEETING_RUNS_HOURS = 4;

/** Today's meeting while it runs, otherwise the next one (what `/hcc agenda` shows with no date). */
export function currentOrNextMeeting(schedule: MeetingSchedule, now: Date, timezone: string): Meeting | null {
  const grace = MEETING_RUNS_HOURS * 3_600_000;
  return (
    meetingsFrom(schedule, now, timezone, 3).find((m) => m.startsAt.getTime() + grace > now.getTime()) ?? null
  );
}

/** The list should go out at least 24 hours before the meeting; a case added later is a late addition. */
export const LATE_ADDITION_HOURS = 24;

export function isLateAddition(meeting: Meeting, addedAt: Date): boolean {
  return meeting.startsAt.getTime() - addedAt.getTime() < LATE_ADDITION_HOURS * 3_600_000;
}

/**
 * When a meeting's agenda is posted to the channel: on the day before, at the channel's reminder hour, or 24 hours
 * before the meeting when that is earlier (an 08:00 meeting's list goes out at 08:00 the day before), so the list
 * is out before the late-addition line.
 */
export function agendaPostTime(meeting: Meeting, reminderHour: number, timezone: string): Date {
  const dayBefore = localTimeOn(addDaysToDate(meeting.date, -1), reminderHour, 0, timezone);
  const line = meeting.startsAt.getTime() - LATE_ADDITION_HOURS * 3_600_000;
  return new Date(Math.min(dayBefore.getTime(), line));
}

/** The first meeting after the one on `date` that has not started by `now` (the next agenda to plan). */
export function meetingAfter(
  schedule: MeetingSchedule,
  date: string,
  now: Date,
  timezone: string,
): Meeting | null {
  const from = localTimeOn(addDaysToDate(date, 1), 12, 0, timezone);
  const start = from.getTime() > now.getTime() ? from : now;
  return (
    meetingsFrom(schedule, start, timezone, 3).find(
      (m) => m.date > date && m.startsAt.getTime() > now.getTime(),
    ) ?? null
  );
}

/** A schedule in words, for messages: "weekly on Thursday at 08:00". */
export function describeSchedule(s: MeetingSchedule, timezone: string): string {
  if (s.kind === 'weekly')
    return `weekly on ${s.weekday[0]!.toUpperCase()}${s.weekday.slice(1)} at ${s.time} (${timezone})`;
  const shown = s.dates.slice(0, 6).join(', ');
  return `on ${shown}${s.dates.length > 6 ? ` and ${s.dates.length - 6} more dates` : ''} at ${s.time} (${timezone})`;
}

/** A meeting in words for its agenda's title: "Thu 10 Dec 2026, 08:00 (Europe/London)", or the date alone. */
export function describeMeeting(date: string, startsAt: Date | null, timezone: string): string {
  if (!startsAt) return format(asDate(date), 'EEE d MMM yyyy');
  return `${format(new TZDate(startsAt.getTime(), timezone), 'EEE d MMM yyyy, HH:mm')} (${timezone})`;
}
