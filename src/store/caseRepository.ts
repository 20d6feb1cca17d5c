import type { Kysely, Transaction } from 'kysely';
import { type AuditEntry, CASE_ACTIONS } from '../cases/audit.js';
import type { CaseId } from '../cases/caseId.js';
import type { CaseRecord, CaseScope, CaseSummary } from '../cases/record.js';
import type { CaseRepository, CreateResult, NewCase, SnapshotCommit } from '../cases/repository.js';
import { type Snapshot, SnapshotSchema } from '../cases/snapshot.js';
import { CaseValuesSchema } from '../cases/values.js';
import type { CaseTable, StoreTables } from './schema.js';

/** The case repository on Kysely: the same queries on SQLite and PostgreSQL. */

type Db = Kysely<StoreTables> | Transaction<StoreTables>;

const toRecord = (row: CaseTable): CaseRecord => ({
  id: row.id,
  scope: { teamId: row.team_id, channelId: row.channel_id },
  threadTs: row.thread_ts,
  createdAt: row.created_at,
  lastActivityAt: row.last_activity_at,
  lastSeq: Number(row.last_seq),
  values: CaseValuesSchema.parse(JSON.parse(row.values_json)),
});

/** A unique-key violation, on either back-end. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errcode?: unknown; message?: unknown } | null;
  if (e?.code === '23505') return true; // PostgreSQL unique_violation
  return (
    typeof e?.message === 'string' &&
    /UNIQUE constraint failed|PRIMARY KEY constraint failed/i.test(e.message)
  );
}

export function auditRows(entries: readonly AuditEntry[], scope: CaseScope) {
  return entries.map((e) => ({
    case_id: e.caseId,
    team_id: scope.teamId,
    channel_id: scope.channelId,
    at: e.at,
    actor: e.actor,
    action: e.action,
    fields_json: JSON.stringify(e.fields),
    seq: e.seq,
  }));
}

export class KyselyCaseRepository implements CaseRepository {
  constructor(private readonly db: Kysely<StoreTables>) {}

  private inScope(db: Db, scope: CaseScope) {
    return db
      .selectFrom('mdt_case')
      .selectAll()
      .where('team_id', '=', scope.teamId)
      .where('channel_id', '=', scope.channelId);
  }

  async create(c: NewCase): Promise<CreateResult> {
    const at = c.at.toISOString();
    const row: CaseTable = {
      id: c.id,
      team_id: c.scope.teamId,
      channel_id: c.scope.channelId,
      thread_ts: c.threadTs,
      created_at: at,
      last_activity_at: at,
      last_seq: 0,
      values_json: '{}',
    };
    try {
      await this.db.transaction().execute(async (tx) => {
        await tx.insertInto('mdt_case').values(row).execute();
        const created: AuditEntry = {
          caseId: c.id,
          at,
          actor: c.actor,
          action: CASE_ACTIONS.created,
          fields: [],
          seq: null,
        };
        await tx
          .insertInto('audit_event')
          .values(auditRows([created], c.scope))
          .execute();
      });
      return { status: 'created', record: toRecord(row) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (c.threadTs !== null) {
        const existing = await this.findByThread(c.scope, c.threadTs);
        if (existing) return { status: 'thread-taken', record: existing };
      }
      return { status: 'id-taken' };
    }
  }

  async get(id: CaseId, scope: CaseScope): Promise<CaseRecord | null> {
    const row = await this.inScope(this.db, scope).where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async findByThread(scope: CaseScope, threadTs: string): Promise<CaseRecord | null> {
    const row = await this.inScope(this.db, scope).where('thread_ts', '=', threadTs).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async list(scope: CaseScope): Promise<CaseSummary[]> {
    const rows = await this.db
      .selectFrom('mdt_case as c')
      .leftJoin('case_snapshot as s', (j) =>
        j.onRef('s.case_id', '=', 'c.id').onRef('s.seq', '=', 'c.last_seq'),
      )
      .select(['c.id', 'c.created_at', 'c.last_activity_at', 'c.last_seq', 's.bclc'])
      .where('c.team_id', '=', scope.teamId)
      .where('c.channel_id', '=', scope.channelId)
      .orderBy('c.last_activity_at', 'desc')
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      lastActivityAt: r.last_activity_at,
      lastSeq: Number(r.last_seq),
      bclc: r.bclc ?? null,
    }));
  }

  async commitSnapshot(commit: SnapshotCommit): Promise<'committed' | 'conflict' | 'not-found'> {
    const { snapshot, scope } = commit;
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx
        .updateTable('mdt_case')
        .set({
          values_json: JSON.stringify(commit.values),
          last_seq: snapshot.seq,
          last_activity_at: snapshot.at,
        })
        .where('id', '=', commit.caseId)
        .where('team_id', '=', scope.teamId)
        .where('channel_id', '=', scope.channelId)
        .where('last_seq', '=', commit.expectedSeq)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        const exists = await this.inScope(tx, scope).where('id', '=', commit.caseId).executeTakeFirst();
        return exists ? 'conflict' : 'not-found';
      }
      await tx
        .insertInto('case_snapshot')
        .values({
          case_id: commit.caseId,
          seq: snapshot.seq,
          at: snapshot.at,
          actor: snapshot.by,
          bclc: snapshot.scores.bclc,
          body_json: JSON.stringify(snapshot),
        })
        .execute();
      if (commit.audit.length > 0)
        await tx.insertInto('audit_event').values(auditRows(commit.audit, scope)).execute();
      return 'committed';
    });
  }

  async snapshots(id: CaseId, scope: CaseScope): Promise<Snapshot[]> {
    const rows = await this.db
      .selectFrom('case_snapshot as s')
      .innerJoin('mdt_case as c', 'c.id', 's.case_id')
      .select('s.body_json')
      .where('c.id', '=', id)
      .where('c.team_id', '=', scope.teamId)
      .where('c.channel_id', '=', scope.channelId)
      .orderBy('s.seq')
      .execute();
    return rows.map((r) => SnapshotSchema.parse(JSON.parse(r.body_json)));
  }

  async delete(id: CaseId, scope: CaseScope, actor: string, at: Date): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const found = await this.inScope(tx, scope).where('id', '=', id).executeTakeFirst();
      if (!found) return false;
      await removeCases(tx, [id]);
      const entry: AuditEntry = {
        caseId: id,
        at: at.toISOString(),
        actor,
        action: CASE_ACTIONS.deleted,
        fields: [],
        seq: null,
      };
      await tx
        .insertInto('audit_event')
        .values(auditRows([entry], scope))
        .execute();
      return true;
    });
  }

  async purgeInactive(cutoff: Date, at: Date): Promise<CaseId[]> {
    return this.db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('mdt_case')
        .select(['id', 'team_id', 'channel_id'])
        .where('last_activity_at', '<', cutoff.toISOString())
        .execute();
      if (rows.length === 0) return [];
      await removeCases(
        tx,
        rows.map((r) => r.id),
      );
      const stamp = at.toISOString();
      for (const r of rows) {
        const entry: AuditEntry = {
          caseId: r.id,
          at: stamp,
          actor: 'retention',
          action: CASE_ACTIONS.purged,
          fields: [],
          seq: null,
        };
        await tx
          .insertInto('audit_event')
          .values(auditRows([entry], { teamId: r.team_id, channelId: r.channel_id }))
          .execute();
      }
      return rows.map((r) => r.id);
    });
  }
}

/** Snapshots first, then the case (no reliance on SQLite's foreign-key pragma). */
async function removeCases(tx: Transaction<StoreTables>, ids: string[]): Promise<void> {
  await tx.deleteFrom('case_snapshot').where('case_id', 'in', ids).execute();
  await tx.deleteFrom('mdt_case').where('id', 'in', ids).execute();
}
