import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChannelSettingsSchema } from '../../src/cases/decisionSettings.js';
import {
  addFollowUp,
  type FollowUp,
  isDueBy,
  markDone,
  type Reminder,
  readDue,
  reminderTime,
  snooze,
} from '../../src/cases/followUp.js';
import { screen, sequentialIds } from './decisionFixtures.js';

// Thursday 3 December 2026, 10:15 in London (GMT, no DST).
const thursday = new Date('2026-12-03T10:15:00Z');
const london = ChannelSettingsSchema.parse({ timezone: 'Europe/London' });

function due(text: string, now = thursday, tz = 'Europe/London') {
  const r = readDue(text, now, tz);
  if (!r.ok) throw new Error(r.problem.message);
  return r;
}

describe('readDue', () => {
  it.each([
    ['in 6 weeks', '2027-01-14'],
    ['after 2 cycles, about 6 weeks', '2027-01-14'],
    ['6 weeks', '2027-01-14'],
    ['in six weeks', '2027-01-14'],
    ['in 6wks', '2027-01-14'],
    ['in 10 days', '2026-12-13'],
    ['in a week', '2026-12-10'],
    ['in 3 months', '2027-03-03'],
    ['tomorrow', '2026-12-04'],
    ['today', '2026-12-03'],
    ['2027-01-14', '2027-01-14'],
  ])('reads %j as %s', (text, date) => {
    expect(due(text).due).toBe(date);
  });

  it('says how it read a duration, so the person can check it', () => {
    expect(due('after 2 cycles, about 6 weeks').read).toBe('6 weeks from 2026-12-03 (2027-01-14)');
    expect(due('in 1 week').read).toBe('1 week from 2026-12-03 (2026-12-10)');
  });

  it('counts from the local date in the channel time zone', () => {
    // 23:30 UTC on 3 Dec is already 4 Dec in Auckland.
    const late = new Date('2026-12-03T23:30:00Z');
    expect(due('in 1 day', late, 'Pacific/Auckland').due).toBe('2026-12-05');
    expect(due('in 1 day', late, 'UTC').due).toBe('2026-12-04');
  });

  it('adds months by the calendar (31 January + 1 month is the end of February)', () => {
    expect(due('in 1 month', new Date('2027-01-31T12:00:00Z'), 'UTC').due).toBe('2027-02-28');
  });

  it.each([
    ['after 2 cycles', 'How long are the cycles?'],
    ['in 2-3 weeks', 'gives a range'],
    ['in 2 to 3 weeks', 'gives a range'],
    ['6 weeks or 3 months', 'more than one duration'],
    ['soonish', "'soonish' is not a date or a duration"],
    ['2027-02-30', 'not a calendar date'],
    ['2026-12-01', '2026-12-01 has passed'],
    ['in 3 years', 'not a date or a duration'],
    ['in 30 months', 'more than two years ahead'],
    ['', 'When is it due?'],
    ['in 0 days', 'zero'],
  ])('refuses %j with a specific message and examples', (text, message) => {
    const r = readDue(text, thursday, 'Europe/London');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.path).toBe('due');
    expect(r.problem.message).toContain(message);
    expect(r.problem.message).toContain('in 6 weeks');
  });

  it('does not read "and" as "a day"', () => {
    expect(due('after 2 cycles and about 6 weeks').due).toBe('2027-01-14');
  });

  it('never throws and never returns a past date, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const r = readDue(text, thursday, 'Europe/London');
        if (r.ok) expect(r.due >= '2026-12-03').toBe(true);
      }),
    );
  });
});

describe('reminderTime', () => {
  it('is 09:00 local on the due date', () => {
    expect(reminderTime('2027-01-14', london, thursday).toISOString()).toBe('2027-01-14T09:00:00.000Z');
  });

  it('follows summer time in the channel zone', () => {
    // 9:00 BST is 08:00 UTC.
    expect(reminderTime('2027-06-10', london, thursday).toISOString()).toBe('2027-06-10T08:00:00.000Z');
    const ny = ChannelSettingsSchema.parse({ timezone: 'America/New_York', reminderHour: 8 });
    expect(reminderTime('2027-01-14', ny, thursday).toISOString()).toBe('2027-01-14T13:00:00.000Z');
  });

  it('moves a weekend due date to the Friday before', () => {
    expect(reminderTime('2027-01-16', london, thursday).toISOString()).toBe('2027-01-15T09:00:00.000Z');
    expect(reminderTime('2027-01-17', london, thursday).toISOString()).toBe('2027-01-15T09:00:00.000Z');
  });

  it('is now when the hour has passed on a working day, and Monday when it has passed at a weekend', () => {
    expect(reminderTime('2026-12-03', london, thursday)).toEqual(thursday);
    const saturday = new Date('2026-12-05T12:00:00Z');
    expect(reminderTime('2026-12-05', london, saturday).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });
});

const ctx = () => ({
  caseId: 'HCC-7QK2M',
  decisionId: 'd1',
  actor: 'U0NURSE',
  now: thursday,
  settings: london,
  newId: sequentialIds('f'),
  screen,
});

function added(form: object = { task: 'CT after 2 cycles', due: 'after 2 cycles, about 6 weeks' }) {
  const r = addFollowUp(form, ctx());
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('addFollowUp', () => {
  it('records what, who and when, with its reminder and an audit entry', () => {
    const r = added({ task: 'CT after 2 cycles', due: 'after 2 cycles, about 6 weeks', assignee: 'U0ONC' });
    expect(r.followUp).toMatchObject({
      caseId: 'HCC-7QK2M',
      decisionId: 'd1',
      task: 'CT after 2 cycles',
      assignee: 'U0ONC',
      due: '2027-01-14',
      createdBy: 'U0NURSE',
      doneAt: null,
    });
    expect(r.reminder).toMatchObject({
      followUpId: r.followUp.id,
      remindAt: '2027-01-14T09:00:00.000Z',
      sentAt: null,
      cancelledAt: null,
    });
    expect(r.audit.action).toBe('follow-up.added');
  });

  it('gives every problem at once: no task, an unreadable due date, an identifier', () => {
    const r = addFollowUp({ task: ' ', due: 'whenever' }, ctx());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['task']);
    const r2 = addFollowUp({ task: 'Call Mrs Invented', due: 'whenever' }, ctx());
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.problems.map((p) => p.path)).toEqual(['due', 'task']);
  });
});

describe('done and snooze', () => {
  const sent = (r: Reminder): Reminder => ({ ...r, sentAt: '2027-01-14T09:00:05.000Z' });

  it('done closes the follow-up and cancels unsent reminders, once', () => {
    const { followUp, reminder } = added();
    const r = markDone(followUp, [reminder], 'U0ONC', new Date('2027-01-10T10:00:00Z'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.followUp).toMatchObject({ doneBy: 'U0ONC', doneAt: '2027-01-10T10:00:00.000Z' });
    expect(r.cancelled).toEqual([{ ...reminder, cancelledAt: '2027-01-10T10:00:00.000Z' }]);
    expect(markDone(followUp, [sent(reminder)], 'U0ONC', thursday)).toMatchObject({
      ok: true,
      cancelled: [],
    });
    expect(markDone(r.followUp, [], 'U0ONC', thursday).ok).toBe(false);
  });

  it('snoozes to the next working day or a week, at the reminder hour, keeping the due date', () => {
    const { followUp, reminder } = added();
    const friday = new Date('2027-01-15T11:00:00Z');
    const next = snooze(followUp, [sent(reminder)], 'next-working-day', 'U0ONC', friday, london, () => 'r2');
    expect(next.ok).toBe(true);
    if (next.ok) expect(next.reminder.remindAt).toBe('2027-01-18T09:00:00.000Z');
    const week = snooze(
      followUp,
      [],
      'one-week',
      'U0ONC',
      new Date('2027-01-14T11:00:00Z'),
      london,
      () => 'r3',
    );
    if (week.ok) expect(week.reminder.remindAt).toBe('2027-01-21T09:00:00.000Z');
    // A week from a Sunday is a Sunday: the reminder moves to the Friday before.
    const sunday = snooze(
      followUp,
      [],
      'one-week',
      'U0ONC',
      new Date('2027-01-17T11:00:00Z'),
      london,
      () => 'r4',
    );
    if (sunday.ok) expect(sunday.reminder.remindAt).toBe('2027-01-22T09:00:00.000Z');
    expect(followUp.due).toBe('2027-01-14');
  });

  it('is due or overdue from its due date until done', () => {
    const f: FollowUp = added().followUp;
    expect(isDueBy(f, '2027-01-13')).toBe(false);
    expect(isDueBy(f, '2027-01-14')).toBe(true);
    expect(isDueBy(f, '2027-02-01')).toBe(true);
    expect(isDueBy({ ...f, doneAt: '2027-01-14T10:00:00.000Z', doneBy: 'x' }, '2027-02-01')).toBe(false);
  });
});
