import { z } from 'zod';
import { MeetingScheduleSchema } from './agendaSchedule.js';
import type { Problem } from './decisionScreen.js';

const NOT_A_TIME_ZONE = 'is not a time zone; give an IANA name such as "Europe/London"';

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
  { message: NOT_A_TIME_ZONE },
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

/** The settings a team changes by name (`/hcc settings <name> <value>`, `hcc-mdt settings --<name> <value>`). */
export const SETTING_NAMES = ['self-sign-off', 'reminder-hour', 'timezone'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
const isSettingName = (s: string): s is SettingName => (SETTING_NAMES as readonly string[]).includes(s);

/** A setting as typed: its name and the words after it. */
export interface SettingChange {
  name: string;
  value: string;
}

type Changed = Partial<Pick<ChannelSettings, 'selfSignOff' | 'reminderHour' | 'timezone'>>;

/** One typed setting read into its field, or the problem with it (path: the setting's name). */
function readSetting(name: SettingName, typed: string): Changed | Problem {
  const value = typed.trim();
  if (name === 'self-sign-off') {
    const v = value.toLowerCase();
    if (v === 'on' || v === 'off') return { selfSignOff: v === 'on' };
    return {
      path: name,
      message:
        'must be "on" or "off"; for example "on" lets the member who recorded a decision sign it off too',
    };
  }
  if (name === 'reminder-hour') {
    const hour = /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
    if (hour >= 0 && hour <= 23) return { reminderHour: hour };
    return {
      path: name,
      message: "must be a whole hour from 0 to 23 in the channel's time zone; for example 9 posts at 09:00",
    };
  }
  const zone = canonicalTimeZone(value);
  return zone ? { timezone: zone } : { path: name, message: NOT_A_TIME_ZONE };
}

/**
 * The settings after the typed changes, with the names of those that differ from `current`; or every problem.
 * Meeting days are set on their own (`/hcc meetings`).
 */
export function applySettings(
  current: ChannelSettings,
  changes: readonly SettingChange[],
): { ok: true; settings: ChannelSettings; changed: SettingName[] } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  let settings = current;
  for (const c of changes) {
    const name = c.name.trim().toLowerCase();
    if (!isSettingName(name)) {
      problems.push({
        path: 'setting',
        message: `must be one of ${SETTING_NAMES.join(', ')}; for example "reminder-hour 9"`,
      });
      continue;
    }
    const read = readSetting(name, c.value);
    if ('message' in read) {
      problems.push(read);
      continue;
    }
    settings = { ...settings, ...read };
  }
  if (problems.length) return { ok: false, problems };
  const changed = SETTING_NAMES.filter((n) => describeSetting(n, settings) !== describeSetting(n, current));
  return { ok: true, settings, changed };
}

/** A setting's value in words: "on", "09:00", "Europe/London". */
export function describeSetting(name: SettingName, s: ChannelSettings): string {
  if (name === 'self-sign-off') return s.selfSignOff ? 'on' : 'off';
  if (name === 'reminder-hour') return `${String(s.reminderHour).padStart(2, '0')}:00`;
  return s.timezone;
}
