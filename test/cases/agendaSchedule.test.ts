import { describe, expect, it } from 'vitest';
import {
  currentOrNextMeeting,
  describeSchedule,
  isLateAddition,
  meetingsFrom,
  nextMeeting,
  parseMeetingSchedule,
} from '../../src/cases/agendaSchedule.js';

const read = (text: string) => {
  const r = parseMeetingSchedule(text);
  if (!r.ok) throw new Error(r.problem.message);
  return r.schedule;
};

describe('parseMeetingSchedule', () => {
  it.each([
    ['weekly thursday 08:00', { kind: 'weekly', weekday: 'thursday', time: '08:00' }],
    ['Every Thu 8:00', { kind: 'weekly', weekday: 'thursday', time: '08:00' }],
    ['weekly tues 1730', { kind: 'weekly', weekday: 'tuesday', time: '17:30' }],
    [
      '2026-12-17, 2026-12-03 2026-12-17 08:30',
      { kind: 'dates', dates: ['2026-12-03', '2026-12-17'], time: '08:30' },
    ],
  ])('reads %j', (text, schedule) => {
    expect(read(text)).toEqual(schedule);
  });

  it.each([
    ['', 'Say when the MDT meets.'],
    ['weekly thursday', 'Give the meeting time last'],
    ['weekly thursday 25:00', 'Give the meeting time last'],
    ['weekly someday 08:00', "'someday' is not one weekday."],
    ['weekly thursday friday 08:00', "'thursday friday' is not one weekday."],
    ['fortnightly 08:00', "'fortnightly' is not a date written YYYY-MM-DD."],
    ['2026-02-30 08:00', "'2026-02-30' is not a date"],
  ])('refuses %j, naming what was not understood, with an example', (text, message) => {
    const r = parseMeetingSchedule(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.message).toContain(message);
    expect(r.problem.message).toContain('weekly thursday 08:00');
  });
});

describe('next meeting', () => {
  const weekly = read('weekly thursday 08:00');
  it('is the next Thursday at 08:00 local, today included while it has not started', () => {
    const wednesday = new Date('2026-12-02T12:00:00Z');
    expect(nextMeeting(weekly, wednesday, 'Europe/London')).toEqual({
      date: '2026-12-03',
      startsAt: new Date('2026-12-03T08:00:00Z'),
    });
    const thursdayEarly = new Date('2026-12-03T07:59:00Z');
    expect(nextMeeting(weekly, thursdayEarly, 'Europe/London')?.date).toBe('2026-12-03');
    const thursdayDuring = new Date('2026-12-03T08:30:00Z');
    expect(nextMeeting(weekly, thursdayDuring, 'Europe/London')?.date).toBe('2026-12-10');
  });

  it('keeps today as the agenda while the meeting runs (4 hours)', () => {
    expect(currentOrNextMeeting(weekly, new Date('2026-12-03T11:59:00Z'), 'Europe/London')?.date).toBe(
      '2026-12-03',
    );
    expect(currentOrNextMeeting(weekly, new Date('2026-12-03T12:00:00Z'), 'Europe/London')?.date).toBe(
      '2026-12-10',
    );
  });

  it('reads the time in the channel zone, across a change to summer time', () => {
    const m = meetingsFrom(weekly, new Date('2027-03-20T12:00:00Z'), 'Europe/London', 2);
    expect(m.map((x) => x.startsAt.toISOString())).toEqual([
      '2027-03-25T08:00:00.000Z',
      '2027-04-01T07:00:00.000Z',
    ]);
    const sydney = nextMeeting(weekly, new Date('2026-12-02T12:00:00Z'), 'Australia/Sydney');
    expect(sydney).toEqual({ date: '2026-12-03', startsAt: new Date('2026-12-02T21:00:00Z') });
  });

  it('takes the next listed date, and none after the last', () => {
    const dates = read('2026-12-03, 2026-12-17 08:00');
    expect(nextMeeting(dates, new Date('2026-12-04T00:00:00Z'), 'UTC')?.date).toBe('2026-12-17');
    expect(nextMeeting(dates, new Date('2026-12-18T00:00:00Z'), 'UTC')).toBeNull();
  });

  it('marks additions less than 24 hours before the meeting as late', () => {
    const m = { date: '2026-12-03', startsAt: new Date('2026-12-03T08:00:00Z') };
    expect(isLateAddition(m, new Date('2026-12-02T08:00:00Z'))).toBe(false);
    expect(isLateAddition(m, new Date('2026-12-02T08:00:01Z'))).toBe(true);
  });

  it('describes a schedule in words', () => {
    expect(describeSchedule(weekly, 'Europe/London')).toBe('weekly on Thursday at 08:00 (Europe/London)');
  });
});
