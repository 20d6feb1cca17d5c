import { z } from 'zod';
import { MeetingScheduleSchema } from './agendaSchedule.js';

/** An IANA time zone the runtime knows ("Europe/London"); reminders and meeting times are read in it. */
export const TimeZoneSchema = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a time zone; give an IANA name such as "Europe/London"' },
);

/** The runtime's name for a typed time zone ("europe/london" → "Europe/London"); null when it is not one. */
export function canonicalTimeZone(word: string): string | null {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(word)) return null;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: word }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * A channel's settings for decisions, follow-ups and the agenda. A channel without settings gets the defaults:
 * UTC, sign-off by a second member, reminders at 09:00, no meeting days.
 */
export const ChannelSettingsSchema = z.strictObject({
  timezone: TimeZoneSchema.default('UTC'),
  /** May the person who recorded a decision sign it off too? Off by default: a second clinician checks. */
  selfSignOff: z.boolean().default(false),
  /** Local hour at which reminders are posted on their day. */
  reminderHour: z.number().int().min(0).max(23).default(9),
  meetings: MeetingScheduleSchema.nullable().default(null),
});
export type ChannelSettings = z.output<typeof ChannelSettingsSchema>;
export const DEFAULT_CHANNEL_SETTINGS: ChannelSettings = ChannelSettingsSchema.parse({});
