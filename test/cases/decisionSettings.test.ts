import { describe, expect, it } from 'vitest';
import type { DecisionRepository } from '../../src/cases/decisionRepository.js';
import { changeSettings, channelSettings, type DecisionDeps } from '../../src/cases/decisionService.js';
import {
  applySettings,
  type ChannelSettings,
  DEFAULT_CHANNEL_SETTINGS,
  describeSetting,
} from '../../src/cases/decisionSettings.js';
import { screen } from './decisionFixtures.js';

const SCOPE = { teamId: 'T0TEAM', channelId: 'C0WARD' };
// Wednesday 2 December 2026, 10:00 UTC.
const T0 = new Date('2026-12-02T10:00:00.000Z');

describe('applySettings: a typed setting read into the channel settings', () => {
  it.each([
    ['self-sign-off', 'on', { selfSignOff: true }],
    ['Self-Sign-Off', 'OFF', { selfSignOff: false }],
    ['reminder-hour', '7', { reminderHour: 7 }],
    ['reminder-hour', ' 0 ', { reminderHour: 0 }],
    ['reminder-hour', '23', { reminderHour: 23 }],
    ['timezone', 'europe/london', { timezone: 'Europe/London' }],
  ])('%s %j', (name, value, expected) => {
    const r = applySettings(DEFAULT_CHANNEL_SETTINGS, [{ name, value }]);
    expect(r).toMatchObject({ ok: true, settings: { ...DEFAULT_CHANNEL_SETTINGS, ...expected } });
  });

  it('names only what differs from the settings now', () => {
    const r = applySettings(DEFAULT_CHANNEL_SETTINGS, [
      { name: 'self-sign-off', value: 'on' },
      { name: 'reminder-hour', value: '9' },
      { name: 'timezone', value: 'UTC' },
    ]);
    expect(r).toMatchObject({ ok: true, changed: ['self-sign-off'] });
  });

  it.each([
    ['self-sign-off', 'yes', 'must be "on" or "off"; for example "on"'],
    ['self-sign-off', '', 'must be "on" or "off"'],
    ['reminder-hour', '24', 'must be a whole hour from 0 to 23'],
    ['reminder-hour', '9.5', 'for example 9 posts at 09:00'],
    ['reminder-hour', '9am', 'must be a whole hour from 0 to 23'],
    ['timezone', 'Mars/Olympus', 'give an IANA name such as "Europe/London"'],
    ['timezone', 'Europe/London extra', 'is not a time zone'],
  ])('%s %j is refused, naming the setting, with an example', (name, value, message) => {
    const r = applySettings(DEFAULT_CHANNEL_SETTINGS, [{ name, value }]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe(name);
    expect(r.problems[0]!.message).toContain(message);
  });

  it('an unknown name lists the settings there are; every problem is reported, nothing applied', () => {
    const r = applySettings(DEFAULT_CHANNEL_SETTINGS, [
      { name: 'self-signoff', value: 'on' },
      { name: 'reminder-hour', value: '25' },
    ]);
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          path: 'setting',
          message: 'must be one of self-sign-off, reminder-hour, timezone; for example "reminder-hour 9"',
        },
        expect.objectContaining({ path: 'reminder-hour' }),
      ],
    });
  });

  it('describes each setting in words', () => {
    const s = { ...DEFAULT_CHANNEL_SETTINGS, reminderHour: 7, selfSignOff: true };
    expect(describeSetting('reminder-hour', s)).toBe('07:00');
    expect(describeSetting('self-sign-off', s)).toBe('on');
    expect(describeSetting('timezone', s)).toBe('UTC');
  });
});

/** The three repository calls settings use, recorded. */
function fakeDeps(initial: ChannelSettings = DEFAULT_CHANNEL_SETTINGS) {
  let stored = initial;
  const saved: ChannelSettings[] = [];
  const planned: { meeting: string; postAt: string }[] = [];
  const decisions = {
    settings: async () => stored,
    saveSettings: async (_scope: unknown, s: ChannelSettings) => {
      stored = s;
      saved.push(s);
    },
    planAgendaPost: async (_scope: unknown, meeting: string, postAt: Date) => {
      planned.push({ meeting, postAt: postAt.toISOString() });
    },
  } as unknown as DecisionRepository;
  const deps: DecisionDeps = {
    cases: {} as DecisionDeps['cases'],
    decisions,
    screen,
    newId: () => 'id',
    now: () => T0,
  };
  return { deps, saved, planned };
}

const WEEKLY: ChannelSettings = {
  ...DEFAULT_CHANNEL_SETTINGS,
  meetings: { kind: 'weekly', weekday: 'thursday', time: '08:00' },
};

describe('channelSettings and changeSettings: one case layer for /hcc settings and hcc-mdt settings', () => {
  it('shows the defaults for a channel with none, meeting days in words when set', async () => {
    expect(await channelSettings(fakeDeps().deps, SCOPE)).toEqual({
      settings: DEFAULT_CHANNEL_SETTINGS,
      meetings: null,
    });
    expect((await channelSettings(fakeDeps(WEEKLY).deps, SCOPE)).meetings).toBe(
      'weekly on Thursday at 08:00 (UTC)',
    );
  });

  it('saves a change, keeping the other settings', async () => {
    const f = fakeDeps(WEEKLY);
    const r = await changeSettings(f.deps, {
      scope: SCOPE,
      changes: [{ name: 'self-sign-off', value: 'on' }],
    });
    expect(r).toMatchObject({ status: 'ok', changed: ['self-sign-off'] });
    expect(f.saved).toEqual([{ ...WEEKLY, selfSignOff: true }]);
    // Self-sign-off does not move the agenda post.
    expect(f.planned).toEqual([]);
  });

  it('moves the next agenda post with the reminder hour and the time zone', async () => {
    const f = fakeDeps(WEEKLY);
    await changeSettings(f.deps, { scope: SCOPE, changes: [{ name: 'reminder-hour', value: '7' }] });
    // Thursday 3 December 08:00 UTC: the list goes out at 07:00 the day before.
    expect(f.planned).toEqual([{ meeting: '2026-12-03', postAt: '2026-12-02T07:00:00.000Z' }]);
    await changeSettings(f.deps, { scope: SCOPE, changes: [{ name: 'timezone', value: 'Asia/Tokyo' }] });
    // 07:00 in Tokyo on Wednesday 2 December is 22:00 UTC on the 1st.
    expect(f.planned.at(-1)).toEqual({ meeting: '2026-12-03', postAt: '2026-12-01T22:00:00.000Z' });
  });

  it('saves nothing when nothing differs, or when a value is refused', async () => {
    const f = fakeDeps();
    const same = await changeSettings(f.deps, {
      scope: SCOPE,
      changes: [{ name: 'reminder-hour', value: '9' }],
    });
    expect(same).toMatchObject({ status: 'ok', changed: [] });
    const refused = await changeSettings(f.deps, {
      scope: SCOPE,
      changes: [
        { name: 'self-sign-off', value: 'on' },
        { name: 'reminder-hour', value: 'noon' },
      ],
    });
    expect(refused).toMatchObject({ status: 'invalid', problems: [{ path: 'reminder-hour' }] });
    expect(f.saved).toEqual([]);
  });
});
