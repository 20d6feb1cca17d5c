import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { type AgendaItem, AgendaItemSchema } from '../cases/agenda.js';
import type { AuditEntry } from '../cases/audit.js';
import type {
  DecisionRepository,
  DueAgenda,
  DueAgendas,
  DueReminder,
  DueReminders,
} from '../cases/decisionRepository.js';
import { type Decision, DecisionSchema } from '../cases/decisionSchema.js';
import {
  type ChannelSettings,
  ChannelSettingsSchema,
  DEFAULT_CHANNEL_SETTINGS,
} from '../cases/decisionSettings.js';
import { type FollowUp, FollowUpSchema, type Reminder, ReminderSchema } from '../cases/followUp.js';
import { type TreatmentGiven, TreatmentGivenSchema } from '../cases/followUpTreatment.js';
import type { CaseScope } from '../cases/record.js';
import { auditRows, isUniqueViolation } from './caseRepository.js';
import type { DecisionTables, ReminderTable } from './decisionTables.js';
import type { StoreDialect } from './dialect.js';
import type { StoreTables } from './schema.js';

type DB = StoreTables & DecisionTables;
type Tx = Kysely<DB> | Transaction<DB>;

/** A claim taken at `now` holds until `until`. */
const lease = (now: Date, leaseMs: number) => ({
  nowIso: now.toISOString(),
  until: new Date(now.getTime() + leaseMs).toISOString(),
});

/** A due-table row nobody holds: never claimed, or its lease ran out before `nowIso`. */
const unclaimed = (nowIso: string): Expression<SqlBool> =>
  sql<SqlBool>`(claimed_until is null or claimed_until < ${nowIso})`;

const toReminder = (r: ReminderTable): Reminder =>
  ReminderSchema.parse({
    id: r.id,
    followUpId: r.follow_up_id,
    caseId: r.case_id,
    remindAt: r.remind_at,
    sentAt: r.sent_at,
    cancelledAt: r.cancelled_at,
  });

/**
 * Decisions, follow-ups, reminders, treatments, agenda items and channel settings on Kysely, for SQLite and
 * PostgreSQL alike. Each write checks the case exists in the scope, writes its rows and audit entries, and touches
 * the case's last activity, all in one transaction.
 */
export class KyselyDecisionRepository implements DecisionRepository, DueReminders, DueAgendas {
  private readonly db: Kysely<DB>;
  constructor(
    db: Kysely<StoreTables>,
    private readonly dialect: StoreDialect,
  ) {
    this.db = db.withTables<DecisionTables>();
  }

  /** The case in the scope, inside `tx`; false when it does not exist there. Touches its last activity. */
  private async touch(tx: Tx, scope: CaseScope, caseId: string, at: string): Promise<boolean> {
    const r = await tx
      .updateTable('mdt_case')
      .set({ last_activity_at: at })
      .where('id', '=', caseId)
      .where('team_id', '=', scope.teamId)
      .where('channel_id', '=', scope.channelId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  private async inScope(scope: CaseScope, caseId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('mdt_case')
      .select('id')
      .where('id', '=', caseId)
      .where('team_id', '=', scope.teamId)
      .where('channel_id', '=', scope.channelId)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async audit(tx: Tx, scope: CaseScope, audit: readonly AuditEntry[]) {
    if (audit.length > 0) await tx.insertInto('audit_event').values(auditRows(audit, scope)).execute();
  }

  async addDecision(scope: CaseScope, d: Decision, audit: readonly AuditEntry[]) {
    try {
      return await this.db.transaction().execute(async (tx) => {
        if (!(await this.touch(tx, scope, d.caseId, d.recordedAt))) return 'not-found' as const;
        await tx
          .insertInto('decision')
          .values({
            id: d.id,
            decision_id: d.decisionId,
            case_id: d.caseId,
            version: d.version,
            recorded_at: d.recordedAt,
            signed_at: d.signOff?.at ?? null,
            body_json: JSON.stringify(d),
          })
          .execute();
        await this.audit(tx, scope, audit);
        return 'added' as const;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return 'version-taken';
      throw error;
    }
  }

  async signOff(scope: CaseScope, signed: Decision, audit: readonly AuditEntry[]) {
    if (!signed.signOff) throw new Error('signOff() needs a signed decision');
    const at = signed.signOff.at;
    return this.db.transaction().execute(async (tx) => {
      if (!(await this.touch(tx, scope, signed.caseId, at))) return 'not-found' as const;
      const r = await tx
        .updateTable('decision')
        .set({ signed_at: at, body_json: JSON.stringify(signed) })
        .where('id', '=', signed.id)
        .where('case_id', '=', signed.caseId)
        .where('signed_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) {
        const exists = await tx
          .selectFrom('decision')
          .select('id')
          .where('id', '=', signed.id)
          .executeTakeFirst();
        return exists ? ('already-signed' as const) : ('not-found' as const);
      }
      await this.audit(tx, scope, audit);
      return 'signed' as const;
    });
  }

  async decisions(caseId: string, scope: CaseScope): Promise<Decision[]> {
    if (!(await this.inScope(scope, caseId))) return [];
    const rows = await this.db
      .selectFrom('decision')
      .select('body_json')
      .where('case_id', '=', caseId)
      .orderBy('recorded_at')
      .orderBy('version')
      .execute();
    return rows.map((r) => DecisionSchema.parse(JSON.parse(r.body_json)));
  }

  async addFollowUp(scope: CaseScope, f: FollowUp, r: Reminder, audit: readonly AuditEntry[]) {
    return this.db.transaction().execute(async (tx) => {
      if (!(await this.touch(tx, scope, f.caseId, f.createdAt))) return 'not-found' as const;
      await tx
        .insertInto('follow_up')
        .values({ id: f.id, case_id: f.caseId, due: f.due, done_at: null, body_json: JSON.stringify(f) })
        .execute();
      await this.insertReminder(tx, r);
      await this.audit(tx, scope, audit);
      return 'added' as const;
    });
  }

  private async insertReminder(tx: Tx, r: Reminder) {
    await tx
      .insertInto('reminder')
      .values({
        id: r.id,
        follow_up_id: r.followUpId,
        case_id: r.caseId,
        remind_at: r.remindAt,
        sent_at: r.sentAt,
        cancelled_at: r.cancelledAt,
        claimed_by: null,
        claimed_until: null,
      })
      .execute();
  }

  private scopedFollowUps(scope: CaseScope) {
    return this.db
      .selectFrom('follow_up as f')
      .innerJoin('mdt_case as c', 'c.id', 'f.case_id')
      .where('c.team_id', '=', scope.teamId)
      .where('c.channel_id', '=', scope.channelId)
      .select('f.body_json');
  }

  async followUps(caseId: string, scope: CaseScope): Promise<FollowUp[]> {
    const rows = await this.scopedFollowUps(scope)
      .where('f.case_id', '=', caseId)
      .orderBy('f.due')
      .orderBy('f.id')
      .execute();
    return rows.map((r) => FollowUpSchema.parse(JSON.parse(r.body_json)));
  }

  async followUpsDueBy(scope: CaseScope, date: string): Promise<FollowUp[]> {
    const rows = await this.scopedFollowUps(scope)
      .where('f.due', '<=', date)
      .where('f.done_at', 'is', null)
      .orderBy('f.due')
      .orderBy('f.id')
      .execute();
    return rows.map((r) => FollowUpSchema.parse(JSON.parse(r.body_json)));
  }

  async followUp(id: string, scope: CaseScope) {
    const row = await this.scopedFollowUps(scope).where('f.id', '=', id).executeTakeFirst();
    if (!row) return null;
    const reminders = await this.db
      .selectFrom('reminder')
      .selectAll()
      .where('follow_up_id', '=', id)
      .orderBy('remind_at')
      .execute();
    return {
      followUp: FollowUpSchema.parse(JSON.parse(row.body_json)),
      reminders: reminders.map(toReminder),
    };
  }

  private async cancel(tx: Tx, cancelled: readonly Reminder[]) {
    for (const r of cancelled) {
      await tx
        .updateTable('reminder')
        .set({ cancelled_at: r.cancelledAt })
        .where('id', '=', r.id)
        .where('sent_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .execute();
    }
  }

  async completeFollowUp(
    scope: CaseScope,
    done: FollowUp,
    cancelled: readonly Reminder[],
    audit: readonly AuditEntry[],
  ) {
    const at = done.doneAt;
    if (!at) throw new Error('completeFollowUp() needs a follow-up marked done');
    return this.db.transaction().execute(async (tx) => {
      if (!(await this.touch(tx, scope, done.caseId, at))) return 'not-found' as const;
      const r = await tx
        .updateTable('follow_up')
        .set({ done_at: at, body_json: JSON.stringify(done) })
        .where('id', '=', done.id)
        .where('case_id', '=', done.caseId)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return 'already-done' as const;
      await this.cancel(tx, cancelled);
      await this.audit(tx, scope, audit);
      return 'done' as const;
    });
  }

  async snoozeFollowUp(
    scope: CaseScope,
    next: Reminder,
    cancelled: readonly Reminder[],
    audit: readonly AuditEntry[],
  ) {
    return this.db.transaction().execute(async (tx) => {
      if (!(await this.touch(tx, scope, next.caseId, audit[0]?.at ?? new Date().toISOString())))
        return 'not-found' as const;
      await this.cancel(tx, cancelled);
      await this.insertReminder(tx, next);
      await this.audit(tx, scope, audit);
      return 'snoozed' as const;
    });
  }

  async addTreatment(scope: CaseScope, t: TreatmentGiven, audit: readonly AuditEntry[]) {
    return this.db.transaction().execute(async (tx) => {
      if (!(await this.touch(tx, scope, t.caseId, t.recordedAt))) return 'not-found' as const;
      await tx
        .insertInto('treatment_given')
        .values({ id: t.id, case_id: t.caseId, given_on: t.on, body_json: JSON.stringify(t) })
        .execute();
      await this.audit(tx, scope, audit);
      return 'added' as const;
    });
  }

  async treatments(caseId: string, scope: CaseScope): Promise<TreatmentGiven[]> {
    if (!(await this.inScope(scope, caseId))) return [];
    const rows = await this.db
      .selectFrom('treatment_given')
      .select('body_json')
      .where('case_id', '=', caseId)
      .orderBy('given_on')
      .orderBy('id')
      .execute();
    return rows.map((r) => TreatmentGivenSchema.parse(JSON.parse(r.body_json)));
  }

  async addAgendaItem(scope: CaseScope, item: AgendaItem, audit: readonly AuditEntry[]) {
    try {
      return await this.db.transaction().execute(async (tx) => {
        if (!(await this.touch(tx, scope, item.caseId, item.addedAt))) return 'not-found' as const;
        await tx
          .insertInto('agenda_item')
          .values({
            id: item.id,
            case_id: item.caseId,
            meeting: item.meeting,
            body_json: JSON.stringify(item),
          })
          .execute();
        await this.audit(tx, scope, audit);
        return 'added' as const;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return 'already-listed';
      throw error;
    }
  }

  private scopedAgenda(scope: CaseScope) {
    return this.db
      .selectFrom('agenda_item as a')
      .innerJoin('mdt_case as c', 'c.id', 'a.case_id')
      .where('c.team_id', '=', scope.teamId)
      .where('c.channel_id', '=', scope.channelId)
      .select('a.body_json');
  }

  async agenda(scope: CaseScope, meeting: string): Promise<AgendaItem[]> {
    const rows = await this.scopedAgenda(scope).where('a.meeting', '=', meeting).orderBy('a.id').execute();
    return rows.map((r) => AgendaItemSchema.parse(JSON.parse(r.body_json)));
  }

  async agendaItems(caseId: string, scope: CaseScope): Promise<AgendaItem[]> {
    const rows = await this.scopedAgenda(scope)
      .where('a.case_id', '=', caseId)
      .orderBy('a.meeting')
      .execute();
    return rows.map((r) => AgendaItemSchema.parse(JSON.parse(r.body_json)));
  }

  async channelsOf(teamId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('mdt_case')
      .select('channel_id')
      .where('team_id', '=', teamId)
      .union(this.db.selectFrom('channel_settings').select('channel_id').where('team_id', '=', teamId))
      .execute();
    return [...new Set(rows.map((r) => r.channel_id))].sort();
  }

  async settings(scope: CaseScope): Promise<ChannelSettings> {
    const row = await this.db
      .selectFrom('channel_settings')
      .select('body_json')
      .where('team_id', '=', scope.teamId)
      .where('channel_id', '=', scope.channelId)
      .executeTakeFirst();
    return row ? ChannelSettingsSchema.parse(JSON.parse(row.body_json)) : DEFAULT_CHANNEL_SETTINGS;
  }

  async saveSettings(scope: CaseScope, settings: ChannelSettings, at: Date): Promise<void> {
    const body = JSON.stringify(ChannelSettingsSchema.parse(settings));
    await this.db
      .insertInto('channel_settings')
      .values({
        team_id: scope.teamId,
        channel_id: scope.channelId,
        updated_at: at.toISOString(),
        body_json: body,
      })
      .onConflict((oc) =>
        oc.columns(['team_id', 'channel_id']).doUpdateSet({ body_json: body, updated_at: at.toISOString() }),
      )
      .execute();
  }

  async claimDue(now: Date, claimer: string, leaseMs: number, limit: number): Promise<DueReminder[]> {
    const { nowIso, until } = lease(now, leaseMs);
    const claimed = await this.db.transaction().execute(async (tx) => {
      let candidates = tx
        .selectFrom('reminder')
        .select('id')
        .where('sent_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .where('remind_at', '<=', nowIso)
        .where(unclaimed(nowIso))
        .orderBy('remind_at')
        .limit(limit);
      // PostgreSQL: rows another replica is claiming right now are skipped, not waited for. SQLite: the
      // transaction holds the file's write lock (BEGIN IMMEDIATE), so replicas on one file take turns.
      if (this.dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
      const ids = (await candidates.execute()).map((r) => r.id);
      if (ids.length === 0) return [];
      // The guard is repeated so that a claim taken between the select and the update is never taken twice.
      return tx
        .updateTable('reminder')
        .set({ claimed_by: claimer, claimed_until: until })
        .where('id', 'in', ids)
        .where('sent_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .where(unclaimed(nowIso))
        .returningAll()
        .execute();
    });
    const out: DueReminder[] = [];
    for (const r of claimed) {
      const row = await this.db
        .selectFrom('follow_up as f')
        .innerJoin('mdt_case as c', 'c.id', 'f.case_id')
        .select(['f.body_json', 'c.team_id', 'c.channel_id', 'c.thread_ts'])
        .where('f.id', '=', r.follow_up_id)
        .executeTakeFirst();
      // The case was deleted after the claim: its reminder went with it.
      if (!row) continue;
      out.push({
        reminder: toReminder(r),
        followUp: FollowUpSchema.parse(JSON.parse(row.body_json)),
        scope: { teamId: row.team_id, channelId: row.channel_id },
        threadTs: row.thread_ts,
      });
    }
    return out;
  }

  async markSent(
    reminderId: string,
    claimer: string,
    at: Date,
    scope: CaseScope,
    audit: readonly AuditEntry[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('reminder')
        .set({ sent_at: at.toISOString() })
        .where('id', '=', reminderId)
        .where('claimed_by', '=', claimer)
        .where('sent_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await this.audit(tx, scope, audit);
      return true;
    });
  }

  async planAgendaPost(scope: CaseScope, meeting: string, postAt: Date): Promise<void> {
    const at = postAt.toISOString();
    await this.db
      .insertInto('agenda_post')
      .values({
        team_id: scope.teamId,
        channel_id: scope.channelId,
        meeting,
        post_at: at,
        sent_at: null,
        claimed_by: null,
        claimed_until: null,
      })
      .onConflict((oc) =>
        oc
          .columns(['team_id', 'channel_id', 'meeting'])
          .doUpdateSet({ post_at: at })
          .where('agenda_post.sent_at', 'is', null),
      )
      .execute();
  }

  async claimDueAgendas(now: Date, claimer: string, leaseMs: number, limit: number): Promise<DueAgenda[]> {
    const { nowIso, until } = lease(now, leaseMs);
    const rows = await this.db.transaction().execute(async (tx) => {
      let candidates = tx
        .selectFrom('agenda_post')
        .select(['team_id', 'channel_id', 'meeting'])
        .where('sent_at', 'is', null)
        .where('post_at', '<=', nowIso)
        .where(unclaimed(nowIso))
        .orderBy('post_at')
        .limit(limit);
      // As for reminders: PostgreSQL skips rows another replica is claiming; SQLite replicas take turns on the lock.
      if (this.dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
      const won = [];
      for (const c of await candidates.execute()) {
        const r = await tx
          .updateTable('agenda_post')
          .set({ claimed_by: claimer, claimed_until: until })
          .where('team_id', '=', c.team_id)
          .where('channel_id', '=', c.channel_id)
          .where('meeting', '=', c.meeting)
          .where('sent_at', 'is', null)
          .where(unclaimed(nowIso))
          .returning(['team_id', 'channel_id', 'meeting', 'post_at'])
          .executeTakeFirst();
        if (r) won.push(r);
      }
      return won;
    });
    return rows.map((r) => ({
      scope: { teamId: r.team_id, channelId: r.channel_id },
      meeting: r.meeting,
      postAt: r.post_at,
    }));
  }

  async markAgendaPosted(
    due: DueAgenda,
    claimer: string,
    at: Date,
    audit: readonly AuditEntry[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const r = await tx
        .updateTable('agenda_post')
        .set({ sent_at: at.toISOString() })
        .where('team_id', '=', due.scope.teamId)
        .where('channel_id', '=', due.scope.channelId)
        .where('meeting', '=', due.meeting)
        .where('claimed_by', '=', claimer)
        .where('sent_at', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      await this.audit(tx, due.scope, audit);
      return true;
    });
  }

  async dropAgendaPost(due: DueAgenda, claimer: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('agenda_post')
      .where('team_id', '=', due.scope.teamId)
      .where('channel_id', '=', due.scope.channelId)
      .where('meeting', '=', due.meeting)
      .where('claimed_by', '=', claimer)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numDeletedRows) === 1;
  }
}
