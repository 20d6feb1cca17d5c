import { describe, expect, it } from 'vitest';
import { decide, setMeetings } from '../../src/cases/decisionService.js';
import { pollAgendas } from '../../src/slack/decisions/agendaPoller.js';
import { decisionsOf, serviceDeps } from '../../src/slack/decisions/decisionServices.js';
import { pollReminders } from '../../src/slack/decisions/reminderPoller.js';
import { createLogger } from '../../src/slack/log.js';
import { openStore, type Store } from '../../src/store/openStore.js';
import { type Backend, PG_URL, postgresBackend, sqliteBackend } from '../store/backends.js';
import type { FakeSlack } from './fakeSlack.js';
import { buttonPress, viewSubmission } from './harness.js';
import { members, mention, posts, storeHarness, THREAD, textOf } from './storeHarness.js';

/**
 * Decisions end to end: the real app over signed HTTP, a real store, a fake Slack on 127.0.0.1. A case goes from
 * assessment through a decision with dissent, sign-off by another member and a follow-up reminder to the
 * treatment given.
 */

const press = (fake: FakeSlack, actionId: string, value: object, user: string, id: string) => {
  const p = buttonPress(fake, actionId, JSON.stringify(value), { threadTs: THREAD, ephemeral: false }, id);
  return { ...p, user: { ...p.user, id: user } };
};
const submission = viewSubmission;
const choice = (value: string) => ({ choice: { type: 'radio_buttons', selected_option: { value } } });
const text = (value: string) => ({ value: { type: 'plain_text_input', value } });

for (const backend of [sqliteBackend, postgresBackend] as Backend[]) {
  describe.skipIf(backend.name === 'postgres' && !PG_URL)(`decisions in Slack on ${backend.name}`, () => {
    const env = storeHarness(backend);

    const quiet = createLogger({ level: 'error', write: () => {} });
    /** Two replicas (two stores on one database) poll at once: exactly one posts, and a poll after posts nothing. */
    async function onceWithTwoReplicas(poll: (s: Store, claimer: string) => Promise<number>) {
      const second = await openStore(env.fresh.location);
      try {
        // On PostgreSQL the two polls race; node:sqlite is synchronous, so two stores in one process take turns.
        const counts =
          backend.name === 'postgres'
            ? await Promise.all([poll(env.store, 'one'), poll(second, 'two')])
            : [await poll(env.store, 'one'), await poll(second, 'two')];
        expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
        expect(await poll(second, 'two')).toBe(0);
      } finally {
        await second.close();
      }
    }

    it('assessment → agenda (private, posted, and the day before once with two pollers) → decision with dissent → sign-off → follow-up reminder (once, two pollers) → treatment', async () => {
      await env.h.event(
        mention(
          'stage bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE 3 lesions largest 4.2cm ECOG 0 no PVTT no mets',
        ),
        'Ev-d1',
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(2);
      const card = textOf(posts(env.h.fake)[0]!);
      expect(card).toContain('hcc_decision_record');
      const scope = { teamId: 'T1', channelId: 'C1' };
      const id = (await env.store.cases.findByThread(scope, THREAD))!.id;
      members(env.h.fake, ['U0CHAIR', 'U0CHECK', 'U0NURSE', 'U0ONC']);

      // The channel's meeting days and the agenda, on the same case layer as `hcc-mdt meetings` and `agenda`.
      const reply = (n: number) => textOf(env.h.fake.callsTo(`/respond/cmd-${n}`)[0]!);
      await env.h.command('meetings', { user_id: 'U0CHAIR' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-1').length).toBe(1);
      expect(reply(1)).toContain('No meeting days are set');
      await env.h.command('meetings weekly thursday 08:00 UTC', { user_id: 'U0CHAIR' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-2').length).toBe(1);
      expect(reply(2)).toContain('Meetings set weekly on Thursday at 08:00 (UTC)');
      await env.h.interact(press(env.h.fake, 'hcc_agenda_add', { caseId: id }, 'U0CHAIR', 'add'));
      await expect.poll(() => env.h.fake.callsTo('/respond/add').length).toBe(1);
      expect(textOf(env.h.fake.callsTo('/respond/add')[0]!)).toContain(`${id} is on the agenda for`);
      const [listed] = await decisionsOf(env.store)!.agendaItems(id, scope);
      await env.h.command('agenda', { user_id: 'U0CHAIR' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-3').length).toBe(1);
      const privateAgenda = reply(3);
      expect(privateAgenda).toContain(`*${id}* · BCLC B`);
      expect(privateAgenda).toContain(
        "needs labs (creatinine, sodium); patient's view (not yet recorded in a decision)",
      );
      expect(privateAgenda).toContain('hcc_agenda_post');
      // Only the private reply so far: nothing went to the channel.
      expect(posts(env.h.fake)).toHaveLength(2);
      await env.h.command('agneda', { user_id: 'U0CHAIR' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-4').length).toBe(1);
      expect(reply(4)).toContain('Did you mean `agenda`?');
      await env.h.command('agenda', { user_id: 'U0STRANGER' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-5').length).toBe(1);
      expect(reply(5)).toContain('for its members only');
      expect(reply(5)).not.toContain(id);

      await env.h.interact(
        press(env.h.fake, 'hcc_agenda_post', { meeting: listed!.meeting }, 'U0CHAIR', 'post-agenda'),
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(3);
      const shared = posts(env.h.fake)[2]!;
      expect(shared.body.thread_ts).toBeUndefined();
      expect(textOf(shared)).toContain(`*${id}* · BCLC B`);
      expect(textOf(shared)).toContain('Posted by <@U0CHAIR>');

      // The day before the meeting two replicas poll the agenda due-table: the agenda goes out once.
      const dayBefore = new Date(`${listed!.meeting}T07:00:00Z`);
      await onceWithTwoReplicas((s, claimer) =>
        pollAgendas({
          svc: serviceDeps(s, () => dayBefore)!,
          agendas: decisionsOf(s)!,
          client: env.h.app.client,
          log: quiet,
          claimer,
        }),
      );
      expect(posts(env.h.fake)).toHaveLength(4);
      expect(textOf(posts(env.h.fake)[3]!)).toContain(`MDT agenda · Thu`);
      expect(textOf(posts(env.h.fake)[3]!)).not.toContain('Posted by');

      // Not a member: the case does not exist for them.
      await env.h.interact({
        ...press(env.h.fake, 'hcc_decision_record', { caseId: id }, 'U0STRANGER', 'stranger'),
      });
      await expect.poll(() => env.h.fake.callsTo('/respond/stranger').length).toBe(1);
      expect(env.h.fake.callsTo('views.open')).toHaveLength(0);

      await env.h.interact(press(env.h.fake, 'hcc_decision_record', { caseId: id }, 'U0CHAIR', 'rec'));
      await expect.poll(() => env.h.fake.callsTo('views.open').length).toBe(1);
      const view = env.h.fake.callsTo('views.open')[0]!.body.view as {
        private_metadata: string;
        blocks: unknown[];
      };
      expect(JSON.stringify(view.blocks)).toContain('"value":"tace"');

      const withName = await env.h.interact(
        submission(
          'hcc_decision_modal',
          view.private_metadata,
          {
            decision_outcome: choice('recommend'),
            decision_treatment: { choice: { type: 'static_select', selected_option: { value: 'tace' } } },
            decision_rationale: text('Mr Invented Person prefers it'),
          },
          'U0CHAIR',
        ),
      );
      const refused = (await withName.json()) as { response_action: string; errors: Record<string, string> };
      expect(refused.response_action).toBe('errors');
      expect(refused.errors.decision_rationale).toContain('patient identifier');

      const decided = submission(
        'hcc_decision_modal',
        view.private_metadata,
        {
          decision_outcome: choice('recommend'),
          decision_treatment: { choice: { type: 'static_select', selected_option: { value: 'tace' } } },
          decision_rationale: text('Intermediate stage; TACE first.'),
          decision_preference: choice('yes'),
          decision_specialties: {
            checked: {
              type: 'checkboxes',
              selected_options: [
                { value: 'hepatology' },
                { value: 'surgery' },
                { value: 'interventional-radiology' },
                { value: 'medical-oncology' },
              ],
            },
          },
          decision_dissenters: { users: { type: 'multi_users_select', selected_users: ['U0SURGEON'] } },
          decision_dissent_reason: text('Would consider resection.'),
        },
        'U0CHAIR',
      );
      const ok = await env.h.interact(decided);
      expect(ok.status).toBe(200);
      await expect.poll(() => posts(env.h.fake).length).toBe(5);
      // A copy of the same submission signed anew (not a byte-identical replay) is cleared, told, and not recorded.
      const again = await env.h.interact(decided, { timestamp: Math.floor(Date.now() / 1000) - 30 });
      expect(await again.json()).toEqual({ response_action: 'clear' });
      await expect
        .poll(() => env.h.fake.callsTo('chat.postEphemeral').filter((c) => c.body.user === 'U0CHAIR').length)
        .toBe(1);
      expect(String(env.h.fake.callsTo('chat.postEphemeral').at(-1)!.body.text)).toContain(
        'already submitted',
      );
      expect(await decisionsOf(env.store)!.decisions(id, scope)).toHaveLength(1);
      const decisionPost = posts(env.h.fake)[4]!;
      expect(decisionPost.body.thread_ts).toBe(THREAD);
      expect(textOf(decisionPost)).toContain('*Provisional*');
      expect(textOf(decisionPost)).toContain('<@U0SURGEON>');
      const [decision] = await decisionsOf(env.store)!.decisions(id, scope);
      expect(decision).toMatchObject({
        recordedBy: 'U0CHAIR',
        dissent: [{ members: ['U0SURGEON'] }],
        atDecision: { bclcStage: 'B' },
      });

      await env.h.interact(
        press(env.h.fake, 'hcc_decision_sign_off', { caseId: id, decision: decision!.id }, 'U0CHAIR', 'self'),
      );
      await expect
        .poll(
          () => env.h.fake.callsTo('/respond/self').length + env.h.fake.callsTo('chat.postEphemeral').length,
        )
        .toBeGreaterThan(0);
      await env.h.interact(
        press(env.h.fake, 'hcc_decision_sign_off', { caseId: id, decision: decision!.id }, 'U0CHECK', 'sign'),
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(6);
      expect(textOf(posts(env.h.fake)[5]!)).toContain('*Signed off* by <@U0CHECK>');

      await env.h.interact(
        submission(
          'hcc_follow_up_modal',
          JSON.stringify({ caseId: id, channel: 'C1', threadTs: THREAD }),
          { follow_up_task: text('CT after 2 sessions'), follow_up_due: text('in 6 weeks') },
          'U0NURSE',
        ),
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(7);
      const [followUp] = await decisionsOf(env.store)!.followUps(id, scope);
      expect(followUp).toBeDefined();

      // Two replicas poll on the due day: the reminder is posted once, in the thread.
      const dueDay = new Date(`${followUp!.due}T12:00:00Z`);
      await onceWithTwoReplicas((s, claimer) =>
        pollReminders({
          reminders: decisionsOf(s)!,
          client: env.h.app.client,
          log: quiet,
          claimer,
          now: () => dueDay,
        }),
      );
      const reminder = posts(env.h.fake)[7]!;
      expect(reminder.body.thread_ts).toBe(THREAD);
      expect(textOf(reminder)).toContain('hcc_reminder_done');
      expect(String(reminder.body.text)).not.toContain('CT after');

      await env.h.interact(
        press(env.h.fake, 'hcc_reminder_done', { caseId: id, followUp: followUp!.id }, 'U0ONC', 'done'),
      );
      await expect.poll(() => env.h.fake.callsTo('/respond/done').length).toBe(1);
      expect((await decisionsOf(env.store)!.followUps(id, scope))[0]!.doneBy).toBe('U0ONC');

      const today = new Date().toISOString().slice(0, 10);
      const treatmentMeta = JSON.stringify({ caseId: id, channel: 'C1', threadTs: THREAD });
      const differs = await env.h.interact(
        submission(
          'hcc_treatment_modal',
          treatmentMeta,
          {
            treatment_choice: { choice: { type: 'static_select', selected_option: { value: 'sorafenib' } } },
            treatment_on: { date: { type: 'datepicker', selected_date: today } },
          },
          'U0ONC',
        ),
      );
      expect(
        ((await differs.json()) as { errors: Record<string, string> }).errors.treatment_reason,
      ).toContain('differs from the decision');
      await env.h.interact(
        submission(
          'hcc_treatment_modal',
          treatmentMeta,
          {
            treatment_choice: { choice: { type: 'static_select', selected_option: { value: 'tace' } } },
            treatment_on: { date: { type: 'datepicker', selected_date: today } },
          },
          'U0ONC',
        ),
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(9);
      expect(textOf(posts(env.h.fake)[8]!)).toContain('as decided');
      const actions = (await env.store.audit.forCase(id, scope)).map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'decision.recorded',
          'decision.signed-off',
          'follow-up.added',
          'follow-up.done',
          'treatment.recorded',
          'agenda.added',
          'agenda.posted',
          'reminder.sent',
        ]),
      );
      const audit = await env.store.audit.forCase(id, scope);
      expect(audit.filter((a) => a.action === 'agenda.posted').map((a) => a.actor)).toEqual([
        'U0CHAIR',
        'app',
      ]);
      expect(audit.filter((a) => a.action === 'reminder.sent').map((a) => a.actor)).toEqual(['app']);
    });

    it('self-sign-off is refused by default and allowed after `/hcc settings self-sign-off on`, announced in the channel', async () => {
      await env.h.event(
        mention(
          'stage bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE 3 lesions largest 4.2cm ECOG 0 no PVTT no mets',
        ),
        'Ev-s1',
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(2);
      const scope = { teamId: 'T1', channelId: 'C1' };
      const id = (await env.store.cases.findByThread(scope, THREAD))!.id;
      members(env.h.fake, ['U0CHAIR', 'U0CHECK']);
      const r = await decide(serviceDeps(env.store)!, {
        caseId: id,
        scope,
        actor: 'U0CHAIR',
        form: { outcome: 'recommend', treatment: { kind: 'option', id: 'tace' } },
      });
      if (r.status !== 'ok') throw new Error('fixture');
      const signOff = (n: string) =>
        press(env.h.fake, 'hcc_decision_sign_off', { caseId: id, decision: r.decision.id }, 'U0CHAIR', n);
      const privately = (n: string) => [
        ...env.h.fake.callsTo(`/respond/${n}`),
        ...env.h.fake.callsTo('chat.postEphemeral').filter((c) => c.body.user === 'U0CHAIR'),
      ];

      await env.h.interact(signOff('self-1'));
      await expect.poll(() => privately('self-1').length).toBeGreaterThan(0);
      expect(privately('self-1').map(textOf).join()).toContain('asks for sign-off by another member');
      expect((await decisionsOf(env.store)!.decisions(id, scope))[0]!.signOff).toBeNull();

      const reply = (n: number) => textOf(env.h.fake.callsTo(`/respond/cmd-${n}`)[0]!);
      await env.h.command('settings', { user_id: 'U0CHAIR' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-1').length).toBe(1);
      expect(reply(1)).toContain('Self-sign-off: off');
      expect(reply(1)).toContain('Reminder hour: 09:00');
      await env.h.command('settings self-sign-off on', { user_id: 'U0STRANGER' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-2').length).toBe(1);
      expect(reply(2)).toContain('for its members only');
      await env.h.command('settings self-sign-off maybe', { user_id: 'U0CHAIR' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-3').length).toBe(1);
      expect(reply(3)).toContain('`self-sign-off` must be "on" or "off"');
      expect(reply(3)).toContain('/hcc settings self-sign-off on');
      // Nothing changed, nothing announced: the case card and its reply are all the channel has.
      expect(posts(env.h.fake)).toHaveLength(2);
      expect((await decisionsOf(env.store)!.settings(scope)).selfSignOff).toBe(false);

      await env.h.command('settings self-sign-off on', { user_id: 'U0CHAIR' });
      await expect.poll(() => env.h.fake.callsTo('/respond/cmd-4').length).toBe(1);
      expect(reply(4)).toContain("Set this channel's self-sign-off to on");
      const announced = posts(env.h.fake)[2]!;
      expect(announced.body.channel).toBe('C1');
      expect(announced.body.thread_ts).toBeUndefined();
      expect(String(announced.body.text)).toBe(
        "<@U0CHAIR> set this channel's self-sign-off to on (the member who records a decision may now sign it off).",
      );

      await env.h.interact(signOff('self-2'));
      await expect.poll(() => posts(env.h.fake).length).toBe(4);
      expect(textOf(posts(env.h.fake)[3]!)).toContain('*Signed off* by <@U0CHAIR>');
      expect((await decisionsOf(env.store)!.decisions(id, scope))[0]!.signOff).toMatchObject({
        by: 'U0CHAIR',
        self: true,
      });
      // The log names the outcome, never the words typed.
      expect(env.h.lines.join('\n')).toContain('"outcome":"settings-set"');
      expect(env.h.lines.join('\n')).not.toContain('self-sign-off maybe');
    });

    it('App Home shows each person only the channels they are in; a deferred case returns when its data arrives', async () => {
      const said = (channel: string, thread: string, text: string, ts: string) => ({
        type: 'app_mention',
        user: 'U0ALICE',
        text: `<@U0BOT> ${text}`,
        ts,
        thread_ts: thread,
        channel,
      });
      const [T1, T2] = ['1700000000.000100', '1700000000.000200'];
      const C1 = { teamId: 'T1', channelId: 'C0ONE' };
      const C2 = { teamId: 'T1', channelId: 'C0TWO' };
      await env.h.event(
        said(
          'C0ONE',
          T1,
          'stage bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE ECOG 0',
          '1700000002.000001',
        ),
        'Ev-w1',
      );
      await env.h.event(
        said(
          'C0TWO',
          T2,
          'stage bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE 3 lesions largest 4.2cm ECOG 0 no PVTT no mets',
          '1700000002.000002',
        ),
        'Ev-w2',
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(4);
      const svc = serviceDeps(env.store)!;
      const deferred = (await env.store.cases.findByThread(C1, T1))!.id;
      const elsewhere = (await env.store.cases.findByThread(C2, T2))!.id;
      await setMeetings(svc, { scope: C1, text: 'weekly thursday 08:00' });
      await decide(svc, {
        caseId: deferred,
        scope: C1,
        actor: 'U0CHAIR',
        form: { outcome: 'defer', missing: ['imaging'] },
      });
      await decide(svc, {
        caseId: elsewhere,
        scope: C2,
        actor: 'U0CHAIR',
        form: { outcome: 'recommend', treatment: { kind: 'option', id: 'tace' } },
      });

      // The imaging the deferral waited for arrives in the thread: the case is back on the next agenda.
      await env.h.event(
        said('C0ONE', T1, 'stage 3 lesions largest 4.2cm no PVTT no mets', '1700000002.000003'),
        'Ev-w3',
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(5);
      expect(textOf(posts(env.h.fake)[4]!)).toContain('Back on the agenda for');
      const [back] = await decisionsOf(env.store)!.agendaItems(deferred, C1);
      expect(back).toMatchObject({ source: 'deferral' });

      // C0ONE holds U0ME, C0TWO holds U0YOU (the channels are asked in order, once per person).
      const list = (ids: string[]) => ({
        body: { ok: true, members: ids, response_metadata: { next_cursor: '' } },
      });
      env.h.fake.on('conversations.members', [
        list(['U0ME']),
        list(['U0YOU']),
        list(['U0ME']),
        list(['U0YOU']),
      ]);
      const home = async (user: string, n: number) => {
        await env.h.event(
          { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home' },
          `Ev-home-${user}`,
        );
        await expect.poll(() => env.h.fake.callsTo('views.publish').length).toBe(n);
        const call = env.h.fake.callsTo('views.publish')[n - 1]!;
        expect(call.body.user_id).toBe(user);
        return JSON.stringify(call.body.view);
      };
      const mine = await home('U0ME', 1);
      expect(mine).toContain('My worklist');
      expect(mine).toContain(`*${deferred}* in <#C0ONE>`);
      expect(mine).toContain(`Next meeting in <#C0ONE>: ${back!.meeting}`);
      expect(mine).not.toContain(elsewhere);
      expect(mine).not.toContain('<#C0TWO>');
      const yours = await home('U0YOU', 2);
      expect(yours).toContain(`*${elsewhere}* in <#C0TWO>`);
      expect(yours).not.toContain(deferred);
      expect(yours).not.toContain('<#C0ONE>');
    });
  });
}
