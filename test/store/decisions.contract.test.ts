import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToCase } from '../../src/cases/addToCase.js';
import { agendaToPost, planFollowingAgenda, scheduledPostAudit } from '../../src/cases/agendaPosts.js';
import {
  addCaseFollowUp,
  agendaFor,
  amend,
  caseDecisionView,
  channelReport,
  type DecisionDeps,
  decide,
  followUpDone,
  recordCaseTreatment,
  returnIfDeferralAnswered,
  scheduleCase,
  setMeetings,
  signOffDecision,
} from '../../src/cases/decisionService.js';
import { reminderSentAudit } from '../../src/cases/followUp.js';
import { openCase } from '../../src/cases/openCase.js';
import type { CaseScope } from '../../src/cases/record.js';
import { worklistFor } from '../../src/cases/worklist.js';
import { parseCase } from '../../src/parse/parseCase.js';
import { KyselyDecisionRepository } from '../../src/store/decisionRepository.js';
import type { DecisionTables } from '../../src/store/decisionTables.js';
import { openStore, type Store } from '../../src/store/openStore.js';
import { screen } from '../cases/decisionFixtures.js';
import { type Backend, PG_URL, postgresBackend, sqliteBackend } from './backends.js';

/** Decisions, follow-ups, reminders, treatments and the agenda: the same behaviour on SQLite and PostgreSQL. */

const WARD: CaseScope = { teamId: 'T0TEAM', channelId: 'C0WARD' };
const OTHER: CaseScope = { teamId: 'T0TEAM', channelId: 'C0OTHER' };
// Wednesday 2 December 2026, 10:00 UTC.
const T0 = new Date('2026-12-02T10:00:00.000Z');
const STAGE_B =
  'bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE 3 lesions largest 4.2cm ECOG 0 AFP 250 creatinine 0.9 mg/dl Na 138 no PVTT no mets';
const recommendTace = {
  outcome: 'recommend',
  treatment: { kind: 'option', id: 'tace' },
  rationale: 'Intermediate stage; TACE first.',
  patientPreferenceDiscussed: true,
  specialties: ['hepatology', 'surgery', 'interventional-radiology', 'medical-oncology'],
  dissent: [{ members: ['U0SURGEON'], reason: 'Would consider resection.' }],
};

for (const backend of [sqliteBackend, postgresBackend] as Backend[]) {
  describe.skipIf(backend.name === 'postgres' && !PG_URL)(
    `decision store contract on ${backend.name}`,
    () => {
      let store: Store;
      let repo: KyselyDecisionRepository;
      let file: string | undefined;
      let location: Parameters<typeof openStore>[0];
      let drop: () => Promise<void>;
      let clock: Date;
      let deps: DecisionDeps;
      beforeEach(async () => {
        const fresh = await backend.fresh();
        drop = fresh.drop;
        file = fresh.file;
        location = fresh.location;
        store = await openStore(fresh.location);
        repo = new KyselyDecisionRepository(store.db, store.dialect);
        clock = T0;
        deps = { cases: store.cases, decisions: repo, screen, newId: randomUUID, now: () => clock };
      });
      afterEach(async () => {
        await store.close();
        await drop();
      });

      async function stagedCase(scope = WARD, text = STAGE_B) {
        const { record } = await openCase(store.cases, {
          scope,
          threadTs: `17${Math.random()}`.slice(0, 16),
          at: T0,
          by: 'U0ALICE',
        });
        await addToCase(store.cases, {
          caseId: record.id,
          scope,
          parse: parseCase(text, {}),
          at: T0,
          by: 'U0ALICE',
        });
        return record.id;
      }

      it('runs agenda → decision with dissent → sign-off → follow-up → treatment, audited, only in its channel', async () => {
        const id = await stagedCase();
        const meetings = await setMeetings(deps, {
          scope: WARD,
          text: 'weekly thursday 08:00',
          timezone: 'Europe/London',
        });
        expect(meetings).toMatchObject({ status: 'ok', next: { date: '2026-12-03' } });
        const listed = await scheduleCase(deps, { caseId: id, scope: WARD, actor: 'U0COORD' });
        expect(listed).toMatchObject({ status: 'ok', item: { meeting: '2026-12-03', late: true } });
        const agenda = await agendaFor(deps, { scope: WARD });
        expect(agenda.status === 'ok' && agenda.agenda.entries.map((e) => [e.caseId, e.bclcStage])).toEqual([
          [id, 'B'],
        ]);

        clock = new Date('2026-12-03T09:00:00.000Z');
        const decided = await decide(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0CHAIR',
          form: recommendTace,
        });
        expect(decided.status).toBe('ok');
        if (decided.status !== 'ok') return;
        expect(decided.decision.atDecision.bclcStage).toBe('B');
        expect(
          await decide(deps, { caseId: id, scope: OTHER, actor: 'U0CHAIR', form: recommendTace }),
        ).toEqual({ status: 'not-found' });

        const self = await signOffDecision(deps, { caseId: id, scope: WARD, actor: 'U0CHAIR' });
        expect(self.status).toBe('invalid');
        const signed = await signOffDecision(deps, { caseId: id, scope: WARD, actor: 'U0CHECK' });
        expect(signed).toMatchObject({ status: 'ok', decision: { signOff: { by: 'U0CHECK', self: false } } });
        const again = await signOffDecision(deps, { caseId: id, scope: WARD, actor: 'U0OTHER' });
        expect(again.status).toBe('invalid');

        clock = new Date('2026-12-03T10:00:00.000Z');
        const follow = await addCaseFollowUp(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0NURSE',
          form: { task: 'CT after 2 sessions', due: 'after 2 cycles, about 6 weeks' },
        });
        expect(follow).toMatchObject({
          status: 'ok',
          followUp: { due: '2027-01-14' },
          remindAt: '2027-01-14T09:00:00.000Z',
        });

        clock = new Date('2026-12-20T10:00:00.000Z');
        const differs = await recordCaseTreatment(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0ONC',
          form: { treatment: { kind: 'option', id: 'atezolizumab-bevacizumab' }, on: '2026-12-18' },
        });
        expect(differs).toMatchObject({ status: 'invalid', needsReason: true });
        const treated = await recordCaseTreatment(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0ONC',
          form: { treatment: { kind: 'option', id: 'tace' }, on: '2026-12-18' },
        });
        expect(treated).toMatchObject({ status: 'ok', treatment: { concordance: 'concordant' } });

        const view = await caseDecisionView(deps, id, WARD);
        expect(view.decisions).toHaveLength(1);
        expect(view.followUps.map((f) => f.due)).toEqual(['2027-01-14']);
        expect(view.treatments).toHaveLength(1);
        expect(view.timeline).toMatchObject({
          firstDiscussion: '2026-12-03',
          decision: '2026-12-03',
          daysDecisionToTreatment: 15,
        });
        expect(await caseDecisionView(deps, id, OTHER)).toMatchObject({
          decisions: [],
          followUps: [],
          treatments: [],
          agenda: [],
        });

        const actions = (await store.audit.forCase(id, WARD)).map((a) => a.action);
        expect(actions).toEqual(
          expect.arrayContaining([
            'agenda.added',
            'decision.recorded',
            'decision.signed-off',
            'follow-up.added',
            'treatment.recorded',
          ]),
        );
        const report = await channelReport(deps, { scope: WARD, from: '2026-12-01', to: '2026-12-31' });
        expect(report).toMatchObject({
          status: 'ok',
          report: {
            casesDiscussed: 1,
            casesWithSignedDecision: 1,
            concordance: 1,
            medianDaysDecisionToTreatment: 15,
          },
        });
      });

      it('never changes a signed decision: an amendment is a new version, and the row itself refuses updates', async () => {
        const id = await stagedCase();
        const d = await decide(deps, { caseId: id, scope: WARD, actor: 'U0CHAIR', form: recommendTace });
        await signOffDecision(deps, { caseId: id, scope: WARD, actor: 'U0CHECK' });
        const amended = await amend(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0CHAIR',
          form: { ...recommendTace, treatment: { kind: 'option', id: 'atezolizumab-bevacizumab' } },
          reason: 'New imaging showed PVTT',
        });
        expect(amended).toMatchObject({ status: 'ok', decision: { version: 2, signOff: null } });
        const all = await repo.decisions(id, WARD);
        expect(all.map((x) => [x.version, x.signOff?.by ?? null])).toEqual([
          [1, 'U0CHECK'],
          [2, null],
        ]);
        if (d.status !== 'ok') return;
        await expect(
          sql`update decision set body_json = '{}' where id = ${d.decision.id}`.execute(store.db),
        ).rejects.toThrow(/signed decision cannot change/);
        expect(
          (await store.audit.forCase(id, WARD)).filter((a) => a.action === 'decision.amended'),
        ).toHaveLength(1);
      });

      it('lets exactly one of two simultaneous sign-offs win', async () => {
        const id = await stagedCase();
        await decide(deps, { caseId: id, scope: WARD, actor: 'U0CHAIR', form: recommendTace });
        const both = await Promise.all([
          signOffDecision(deps, { caseId: id, scope: WARD, actor: 'U0ONE' }),
          signOffDecision(deps, { caseId: id, scope: WARD, actor: 'U0TWO' }),
        ]);
        expect(both.map((r) => r.status).sort()).toEqual(['invalid', 'ok']);
      });

      it('stores no free text with an identifier', async () => {
        const id = await stagedCase();
        const r = await decide(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0CHAIR',
          form: { ...recommendTace, rationale: 'Mr Zebedee Plantedname MRN 99887766 wants TACE' },
        });
        expect(r.status).toBe('invalid');
        const f = await addCaseFollowUp(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0N',
          form: { task: 'call Mrs Plantedname', due: 'in 1 week' },
        });
        expect(f.status).toBe('invalid');
        expect(await repo.decisions(id, WARD)).toEqual([]);
        await store.close();
        if (file) {
          for (const suffix of ['', '-wal']) {
            let bytes = '';
            try {
              bytes = readFileSync(file + suffix).toString('latin1');
            } catch {}
            expect(bytes).not.toContain('Plantedname');
            expect(bytes).not.toContain('99887766');
          }
        }
        store = await openStore(location);
      });

      it('brings a deferred case back on the next agenda when the data it waited for arrives', async () => {
        const id = await stagedCase(WARD, 'bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE ECOG 0');
        await setMeetings(deps, { scope: WARD, text: 'weekly thursday 08:00', timezone: 'Europe/London' });
        const d = await decide(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0CHAIR',
          form: { outcome: 'defer', missing: ['imaging'] },
        });
        expect(d.status).toBe('ok');
        expect(
          await returnIfDeferralAnswered(deps, { caseId: id, scope: WARD, actor: 'U0ALICE' }),
        ).toBeNull();
        clock = new Date('2026-12-04T10:00:00.000Z');
        await addToCase(store.cases, {
          caseId: id,
          scope: WARD,
          parse: parseCase('3 lesions largest 4.2cm no PVTT', {}),
          at: clock,
          by: 'U0ALICE',
        });
        const back = await returnIfDeferralAnswered(deps, { caseId: id, scope: WARD, actor: 'U0ALICE' });
        expect(back).toMatchObject({ caseId: id, meeting: '2026-12-10', source: 'deferral', late: false });
        expect(
          await returnIfDeferralAnswered(deps, { caseId: id, scope: WARD, actor: 'U0ALICE' }),
        ).toBeNull();
      });

      it('deletes decisions, follow-ups and reminders with their case', async () => {
        const id = await stagedCase();
        await decide(deps, { caseId: id, scope: WARD, actor: 'U0CHAIR', form: recommendTace });
        await addCaseFollowUp(deps, {
          caseId: id,
          scope: WARD,
          actor: 'U0N',
          form: { task: 'CT', due: 'in 1 week' },
        });
        expect(await store.cases.delete(id, WARD, 'U0ADMIN', T0)).toBe(true);
        for (const table of ['decision', 'follow_up', 'reminder'] as const) {
          const rows = await store.db.withTables<DecisionTables>().selectFrom(table).select('id').execute();
          expect(rows).toEqual([]);
        }
      });

      it("builds a person's worklist from the channels given and no others", async () => {
        clock = new Date('2026-12-03T09:00:00.000Z');
        await setMeetings(deps, { scope: WARD, text: 'weekly thursday 08:00', timezone: 'Europe/London' });
        const listed = await stagedCase(WARD);
        await scheduleCase(deps, { caseId: listed, scope: WARD, actor: 'U0COORD' });
        const decided = await stagedCase(WARD);
        await decide(deps, { caseId: decided, scope: WARD, actor: 'U0CHAIR', form: recommendTace });
        await addCaseFollowUp(deps, {
          caseId: decided,
          scope: WARD,
          actor: 'U0N',
          form: { task: 'CT', due: '2026-12-07' },
        });
        const elsewhere = await stagedCase(OTHER);
        await decide(deps, { caseId: elsewhere, scope: OTHER, actor: 'U0CHAIR', form: recommendTace });
        await scheduleCase(deps, { caseId: elsewhere, scope: OTHER, actor: 'U0C', meeting: '2026-12-10' });
        expect(await repo.channelsOf('T0TEAM')).toEqual(['C0OTHER', 'C0WARD']);
        expect(await repo.channelsOf('T0ELSE')).toEqual([]);

        clock = new Date('2026-12-08T10:00:00.000Z');
        const w = await worklistFor(deps, 'T0TEAM', ['C0WARD']);
        expect(w).toEqual({
          awaitingDecision: [{ channelId: 'C0WARD', caseId: listed, detail: 'on the agenda for 2026-12-10' }],
          awaitingSignOff: [{ channelId: 'C0WARD', caseId: decided, recordedOn: '2026-12-03', version: 1 }],
          followUps: [{ channelId: 'C0WARD', caseId: decided, task: 'CT', due: '2026-12-07', overdue: true }],
          agendas: [
            { channelId: 'C0WARD', meeting: '2026-12-10', cases: [{ caseId: listed, ready: false }] },
          ],
        });
        expect(JSON.stringify(w)).not.toContain(elsewhere);
        expect(await worklistFor(deps, 'T0TEAM', [])).toEqual({
          awaitingDecision: [],
          awaitingSignOff: [],
          followUps: [],
          agendas: [],
        });
      });

      describe('the agenda due-table', () => {
        // Thursday 3 December, after that morning's meeting: the next is Thursday 10 December at 08:00 London.
        const AFTER_MEETING = new Date('2026-12-03T09:00:00.000Z');
        const claims = (r: KyselyDecisionRepository, at: string, who: string) =>
          r.claimDueAgendas(new Date(at), who, 60_000, 10);

        it('plans the post the day before, hands it to one poller only, again after the lease, and posts it once', async () => {
          clock = AFTER_MEETING;
          await setMeetings(deps, { scope: WARD, text: 'weekly thursday 08:00', timezone: 'Europe/London' });
          const id = await stagedCase();
          expect(await scheduleCase(deps, { caseId: id, scope: WARD, actor: 'U0COORD' })).toMatchObject({
            status: 'ok',
            item: { meeting: '2026-12-10', late: false },
          });
          const second = await openStore(location);
          try {
            const other = new KyselyDecisionRepository(second.db, second.dialect);
            // 24 hours before an 08:00 meeting is earlier than 09:00 the day before: 08:00 on Wednesday.
            expect(await claims(repo, '2026-12-09T07:59:00Z', 'a')).toEqual([]);
            const at = '2026-12-09T08:00:30Z';
            const [x, y] =
              backend.name === 'postgres'
                ? await Promise.all([claims(repo, at, 'a'), claims(other, at, 'b')])
                : [await claims(repo, at, 'a'), await claims(other, at, 'b')];
            expect([...x, ...y]).toEqual([
              { scope: WARD, meeting: '2026-12-10', postAt: '2026-12-09T08:00:00.000Z' },
            ]);
            const won = [...x, ...y][0]!;
            // "a" died before posting: nobody gets it until the lease runs out, then someone does.
            expect(await claims(other, '2026-12-09T08:01:00Z', 'b')).toEqual([]);
            const retry = await claims(other, '2026-12-09T08:02:00Z', 'b');
            expect(retry).toEqual([won]);

            clock = new Date('2026-12-09T08:02:00Z');
            const toPost = await agendaToPost(deps, retry[0]!);
            expect(toPost).toMatchObject({
              kind: 'post',
              title: 'Thu 10 Dec 2026, 08:00 (Europe/London)',
              agenda: { entries: [{ caseId: id }] },
            });
            if (toPost.kind !== 'post') return;
            const audit = scheduledPostAudit(toPost.agenda, clock);
            expect(await repo.markAgendaPosted(retry[0]!, 'a', clock, audit)).toBe(false);
            expect(await other.markAgendaPosted(retry[0]!, 'b', clock, audit)).toBe(true);
            const posted = (await store.audit.forCase(id, WARD)).filter((a) => a.action === 'agenda.posted');
            expect(posted).toEqual([expect.objectContaining({ actor: 'app', fields: ['meeting'] })]);

            // Posted stays posted: a late addition does not post the list again.
            const late = await stagedCase();
            expect(await scheduleCase(deps, { caseId: late, scope: WARD, actor: 'U0COORD' })).toMatchObject({
              item: { meeting: '2026-12-10', late: true },
            });
            expect(await claims(repo, '2026-12-09T12:00:00Z', 'a')).toEqual([]);

            // The next meeting is planned after the post.
            await planFollowingAgenda(deps, WARD, '2026-12-10');
            expect(await claims(repo, '2026-12-16T08:00:00Z', 'a')).toEqual([
              { scope: WARD, meeting: '2026-12-17', postAt: '2026-12-16T08:00:00.000Z' },
            ]);
          } finally {
            await second.close();
          }
        });

        it('drops an empty agenda, and plans it again when a case is listed', async () => {
          clock = new Date('2026-12-03T15:00:00.000Z');
          await setMeetings(deps, { scope: WARD, text: 'weekly thursday 14:00', timezone: 'Europe/London' });
          // A 14:00 meeting: the channel's reminder hour (09:00) the day before comes first.
          clock = new Date('2026-12-09T09:00:00Z');
          const [due] = await claims(repo, '2026-12-09T09:00:00Z', 'a');
          expect(due).toEqual({ scope: WARD, meeting: '2026-12-10', postAt: '2026-12-09T09:00:00.000Z' });
          expect(await agendaToPost(deps, due!)).toEqual({ kind: 'drop', reason: 'empty' });
          expect(await repo.dropAgendaPost(due!, 'a')).toBe(true);
          expect(await claims(repo, '2026-12-09T09:05:00Z', 'a')).toEqual([]);

          const id = await stagedCase();
          await scheduleCase(deps, { caseId: id, scope: WARD, actor: 'U0COORD', meeting: '2026-12-10' });
          const [again] = await claims(repo, '2026-12-09T10:00:00Z', 'a');
          expect(again).toMatchObject({ meeting: '2026-12-10' });
          // Once the meeting has started the list is no use any more.
          clock = new Date('2026-12-10T14:00:00Z');
          expect(await agendaToPost(deps, again!)).toEqual({ kind: 'drop', reason: 'started' });
          // Another channel's meetings are its own.
          expect(await agendaFor(deps, { scope: OTHER, meeting: '2026-12-10' })).toMatchObject({
            status: 'ok',
            agenda: { entries: [] },
          });
        });
      });

      describe('the due-table', () => {
        async function followUpDueOn(due: string) {
          const id = await stagedCase();
          const r = await addCaseFollowUp(deps, {
            caseId: id,
            scope: WARD,
            actor: 'U0N',
            form: { task: 'CT', due },
          });
          if (r.status !== 'ok') throw new Error('fixture');
          return r;
        }

        it('hands a due reminder to one poller only, and again after the lease when it was never marked sent', async () => {
          const f = await followUpDueOn('2026-12-09');
          const second = await openStore(location);
          try {
            const other = new KyselyDecisionRepository(second.db, second.dialect);
            expect(await repo.claimDue(new Date('2026-12-09T08:59:00Z'), 'a', 60_000, 10)).toEqual([]);
            const at = new Date('2026-12-09T09:00:30Z');
            // On PostgreSQL the two polls race; node:sqlite is synchronous, so two stores in one process can only
            // take turns (two processes on one file wait on the file's write lock instead).
            const [x, y] =
              backend.name === 'postgres'
                ? await Promise.all([repo.claimDue(at, 'a', 60_000, 10), other.claimDue(at, 'b', 60_000, 10)])
                : [await repo.claimDue(at, 'a', 60_000, 10), await other.claimDue(at, 'b', 60_000, 10)];
            expect(x.length + y.length).toBe(1);
            const won = [...x, ...y][0]!;
            expect(won).toMatchObject({ followUp: { id: f.followUp.id }, scope: WARD });
            expect(won.threadTs).toEqual(expect.any(String));
            // "a" crashed without posting: nobody gets it until the lease runs out, then someone does.
            expect(await other.claimDue(new Date('2026-12-09T09:01:00Z'), 'b', 60_000, 10)).toEqual([]);
            const retry = await other.claimDue(new Date('2026-12-09T09:02:00Z'), 'b', 60_000, 10);
            expect(retry).toHaveLength(1);
            const sentAt = new Date('2026-12-09T09:02:01Z');
            const audit = reminderSentAudit(retry[0]!.reminder, sentAt);
            expect(await repo.markSent(retry[0]!.reminder.id, 'a', sentAt, WARD, audit)).toBe(false);
            expect(await other.markSent(retry[0]!.reminder.id, 'b', sentAt, WARD, audit)).toBe(true);
            // The send is in the case's audit once, written by the claim that won.
            const sent = (await store.audit.forCase(f.followUp.caseId, WARD)).filter(
              (a) => a.action === 'reminder.sent',
            );
            expect(sent).toEqual([expect.objectContaining({ actor: 'app', fields: ['remindAt'] })]);
            expect(await repo.claimDue(new Date('2026-12-10T09:00:00Z'), 'a', 60_000, 10)).toEqual([]);
          } finally {
            await second.close();
          }
        });

        it('never sends a reminder whose follow-up is done', async () => {
          const f = await followUpDueOn('2026-12-09');
          expect(
            await followUpDone(deps, { followUpId: f.followUp.id, scope: WARD, actor: 'U0ONC' }),
          ).toMatchObject({ status: 'ok' });
          expect(await repo.claimDue(new Date('2026-12-09T10:00:00Z'), 'a', 60_000, 10)).toEqual([]);
          expect(
            await followUpDone(deps, { followUpId: f.followUp.id, scope: WARD, actor: 'U0ONC' }),
          ).toMatchObject({ status: 'invalid' });
          expect(
            await followUpDone(deps, { followUpId: f.followUp.id, scope: OTHER, actor: 'U0ONC' }),
          ).toEqual({ status: 'not-found' });
        });
      });
    },
  );
}
