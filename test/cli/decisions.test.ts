import { addDays, format } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { tempStoreCli } from './tempStore.js';

/** The offline flow: case → agenda → decision with dissent → sign-off → follow-up → treatment → report. */

const temp = tempStoreCli('hcc-mdt-cli-decisions-');

async function run(...argv: string[]) {
  const r = await temp.cli([...argv, '--db', temp.db], { TZ: 'UTC' });
  return { ...r, json: () => JSON.parse(r.out) };
}

const today = format(new Date(), 'yyyy-MM-dd');
const inAWeek = format(addDays(new Date(), 7), 'yyyy-MM-dd');

async function stagedCase() {
  const id = (await run('case', 'new', '--json')).json().caseId as string;
  const add = await run(
    'case',
    'add',
    id,
    'bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE 3 lesions largest 4.2cm ECOG 0 AFP 250 creatinine 0.9 mg/dl Na 138 no PVTT no mets',
  );
  expect(add.code).toBe(0);
  return id;
}

describe('hcc-mdt decisions on the CLI', () => {
  it('goes from the agenda to a signed decision with dissent, a follow-up and its reminder, and the treatment, and reports it', async () => {
    const id = await stagedCase();
    expect((await run('meetings', 'weekly', 'thursday', '08:00', '--timezone', 'UTC')).code).toBe(0);
    const scheduled = await run('case', 'schedule', id, '--meeting', inAWeek, '--json');
    expect(scheduled.code).toBe(0);
    expect(scheduled.json().agendaItem).toMatchObject({ caseId: id, meeting: inAWeek });
    const agenda = await run('agenda', '--meeting', inAWeek);
    expect(agenda.out).toContain(`${id}  BCLC B`);

    const decided = await run(
      'case',
      'decide',
      id,
      '--outcome',
      'recommend',
      '--treatment',
      'tace',
      '--rationale',
      'Intermediate stage; TACE first.',
      '--dissent',
      'CD: would consider resection',
      '--specialties',
      'hepatology,surgery,interventional-radiology,medical-oncology',
      '--patient-preference',
      'yes',
      '--by',
      'AB',
      '--json',
    );
    expect(decided.code).toBe(0);
    const decision = decided.json().decision;
    expect(decision).toMatchObject({
      outcome: 'recommend',
      treatment: { kind: 'option', id: 'tace' },
      signedOff: false,
      version: 1,
      dissent: [{ members: ['CD'], reason: 'would consider resection' }],
      atDecision: { bclcStage: 'B' },
    });

    const self = await run('case', 'sign-off', id, '--by', 'AB');
    expect(self.code).toBe(2);
    expect(self.err).toContain('asks for sign-off by another member');
    const signed = await run('case', 'sign-off', id, '--by', 'EF', '--json');
    expect(signed.code).toBe(0);
    expect(signed.json().decision).toMatchObject({ signedOff: true, signOff: { by: 'EF' } });

    const change = await run(
      'case',
      'decide',
      id,
      '--outcome',
      'recommend',
      '--treatment',
      'sorafenib',
      '--by',
      'AB',
    );
    // A second plain decide records a new decision; amending is explicit and needs a reason.
    expect(change.code).toBe(2);
    expect(change.err).toContain("'sorafenib' is not among this case's BCLC options");

    const follow = await run(
      'case',
      'follow-up',
      id,
      '--due',
      'in 6 weeks',
      '--task',
      'CT after 2 sessions',
      '--json',
    );
    expect(follow.code).toBe(0);
    expect(follow.json().followUp).toMatchObject({
      due: format(addDays(new Date(), 42), 'yyyy-MM-dd'),
      done: false,
    });

    // The follow-up's reminder, offline: what is due by a day, overdue or not.
    const notYet = await run('follow-ups');
    expect(notYet.out).toContain(`No follow-up is due by ${today}.`);
    const dueDay = format(addDays(new Date(), 43), 'yyyy-MM-dd');
    const due = await run('follow-ups', '--due-by', dueDay, '--json');
    expect(due.json()).toMatchObject({
      dueBy: dueDay,
      followUps: [{ caseId: id, task: 'CT after 2 sessions', overdue: false, done: false }],
    });
    expect((await run('follow-ups', '--due-by', 'soon')).err).toContain("'soon' is not a date");

    const differs = await run(
      'case',
      'treated',
      id,
      '--treatment',
      'atezolizumab-bevacizumab',
      '--on',
      today,
    );
    expect(differs.code).toBe(2);
    expect(differs.err).toContain('differs from the decision; say why');
    const treated = await run('case', 'treated', id, '--treatment', 'tace', '--on', today, '--json');
    expect(treated.code).toBe(0);
    expect(treated.json().treatment).toMatchObject({ concordance: 'concordant' });

    const show = await run('case', 'show', id, '--json');
    const shown = show.json();
    expect(
      shown.decisions.map((d: { outcome: string; signedOff: boolean; version: number }) => [
        d.outcome,
        d.signedOff,
        d.version,
      ]),
    ).toEqual([['recommend', true, 1]]);
    expect(
      shown.followUps.map((f: { due: string; task: string; done: boolean }) => [f.task, f.done]),
    ).toEqual([['CT after 2 sessions', false]]);
    expect(shown.treatments).toHaveLength(1);
    const text = await run('case', 'show', id);
    expect(text.out).toContain('signed off by EF');

    const report = await run(
      'report',
      '--from',
      today,
      '--to',
      format(addDays(new Date(), 30), 'yyyy-MM-dd'),
      '--json',
    );
    expect(report.json().report).toMatchObject({
      casesDiscussed: 1,
      outcomes: { recommend: 1 },
      shareWithDecision: 1,
      shareWithSignedDecision: 1,
      concordance: 1,
      medianDaysToDecision: 0,
      medianDaysDecisionToTreatment: 0,
    });
  });

  it('amends a signed decision only with a reason, keeping both versions', async () => {
    const id = await stagedCase();
    await run('case', 'decide', id, '--outcome', 'recommend', '--treatment', 'tace', '--by', 'AB');
    await run('case', 'sign-off', id, '--by', 'EF');
    const amended = await run(
      'case',
      'decide',
      id,
      '--outcome',
      'defer',
      '--missing',
      'biopsy',
      '--amend',
      'histology requested',
      '--by',
      'AB',
      '--json',
    );
    expect(amended.code).toBe(0);
    expect(amended.json().decision).toMatchObject({
      version: 2,
      amendmentReason: 'histology requested',
      signedOff: false,
    });
    const shown = (await run('case', 'show', id, '--json')).json();
    expect(
      shown.decisions.map((d: { version: number; signedOff: boolean }) => [d.version, d.signedOff]),
    ).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it('refuses identifiers, unknown words and unknown cases with specific messages', async () => {
    const id = await stagedCase();
    const named = await run(
      'case',
      'decide',
      id,
      '--outcome',
      'refer',
      '--rationale',
      'Mr Invented Person to transplant centre',
    );
    expect(named.code).toBe(2);
    expect(named.err).toContain('rationale: looks like it holds a patient identifier');
    expect(named.err).not.toContain('Invented');
    const words = await run(
      'case',
      'decide',
      id,
      '--outcome',
      'defer',
      '--missing',
      'scan',
      '--specialties',
      'radiology',
    );
    expect(words.err).toContain("'scan' is not one of imaging, biopsy, labs, ecog, patient-view, other");
    expect(words.err).toContain('say interventional-radiology or diagnostic-radiology');
    const dissent = await run(
      'case',
      'decide',
      id,
      '--outcome',
      'recommend',
      '--treatment',
      'tace',
      '--dissent',
      'disagrees',
    );
    expect(dissent.err).toContain('says who, a colon, then why');
    const unknown = await run('case', 'sign-off', 'HCC-22222', '--by', 'EF');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no case HCC-22222 in this store');
    const noDue = await run('case', 'follow-up', id, '--due', 'after 2 cycles', '--task', 'CT');
    expect(noDue.err).toContain('How long are the cycles?');
    const noMeetings = await run('agenda');
    expect(noMeetings.code).toBe(2);
    expect(noMeetings.err).toContain('no meeting days');
  });

  it('shows the meeting days with no schedule given', async () => {
    const none = await run('meetings');
    expect(none.code).toBe(0);
    expect(none.out).toContain('No meeting days set');
    await run('meetings', 'weekly', 'thursday', '08:00', '--timezone', 'Europe/London');
    const shown = await run('meetings', '--json');
    expect(shown.json()).toMatchObject({
      meetings: { kind: 'weekly', weekday: 'thursday', time: '08:00' },
      timezone: 'Europe/London',
    });
    expect((await run('meetings')).out).toContain('weekly on Thursday at 08:00 (Europe/London)');
  });

  it('shows and changes the settings; with self-sign-off on, the recorder may sign off', async () => {
    const shown = await run('settings');
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('Self-sign-off: off');
    expect(shown.out).toContain('Reminder hour: 09:00');
    expect(shown.out).toContain('Meeting days: none');

    const bad = await run(
      'settings',
      '--self-sign-off',
      'yes',
      '--reminder-hour',
      '25',
      '--timezone',
      'Mars',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--self-sign-off: must be "on" or "off"');
    expect(bad.err).toContain('--reminder-hour: must be a whole hour from 0 to 23');
    expect(bad.err).toContain('--timezone: is not a time zone; give an IANA name such as "Europe/London"');
    expect(bad.err).toContain('Example: hcc-mdt settings --self-sign-off on');
    expect((await run('settings', '--json')).json().settings.selfSignOff).toBe(false);

    const id = await stagedCase();
    await run('case', 'decide', id, '--outcome', 'recommend', '--treatment', 'tace', '--by', 'AB');
    expect((await run('case', 'sign-off', id, '--by', 'AB')).code).toBe(2);

    const set = await run(
      'settings',
      '--self-sign-off',
      'on',
      '--reminder-hour',
      '8',
      '--timezone',
      'europe/london',
      '--json',
    );
    expect(set.code).toBe(0);
    expect(set.json()).toMatchObject({
      settings: { selfSignOff: true, reminderHour: 8, timezone: 'Europe/London' },
      changed: ['self-sign-off', 'reminder-hour', 'timezone'],
    });
    expect((await run('settings', '--reminder-hour', '8')).out).toContain('Nothing changed.');
    const self = await run('case', 'sign-off', id, '--by', 'AB', '--json');
    expect(self.code).toBe(0);
    expect(self.json().decision.signOff).toMatchObject({ by: 'AB' });
  });

  it('puts a case deferred for imaging back on the next agenda when the imaging arrives', async () => {
    const id = (await run('case', 'new', '--json')).json().caseId as string;
    await run('case', 'add', id, 'bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE ECOG 0');
    await run('meetings', 'weekly', 'thursday', '08:00', '--timezone', 'UTC');
    const deferred = await run(
      'case',
      'decide',
      id,
      '--outcome',
      'defer',
      '--missing',
      'imaging',
      '--by',
      'AB',
    );
    expect(deferred.code).toBe(0);
    const labs = await run('case', 'add', id, 'Na 138', '--json');
    expect(labs.json().backOnAgenda).toBeNull();
    const imaging = await run('case', 'add', id, '3 lesions largest 4.2cm no PVTT');
    expect(imaging.code).toBe(0);
    const back =
      /Back on the agenda for (\d{4}-\d{2}-\d{2}): the data its deferral was waiting for has arrived/.exec(
        imaging.out,
      )?.[1];
    expect(back).toBeDefined();
    // Said in words too, and only once: the case is listed now.
    const again = await run('case', 'add', id, 'no mets');
    expect(again.out).not.toContain('Back on the agenda');
    const agenda = await run('agenda', '--meeting', back!, '--json');
    expect(agenda.json().agenda.entries).toEqual([
      expect.objectContaining({ caseId: id, returning: true, bclcStage: 'B' }),
    ]);
  });
});
