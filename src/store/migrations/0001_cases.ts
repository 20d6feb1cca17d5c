import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Cases, snapshots, the append-only audit and shared claims. Written once for both back-ends; where SQL differs
 * (auto-increment, the append-only trigger), the dialect chooses.
 */
export function up0001(dialect: StoreDialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .createTable('mdt_case')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('thread_ts', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_activity_at', 'text', (c) => c.notNull())
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('values_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('mdt_case_thread_uq', ['team_id', 'channel_id', 'thread_ts'])
      .execute();
    await db.schema
      .createIndex('mdt_case_scope_idx')
      .on('mdt_case')
      .columns(['team_id', 'channel_id'])
      .execute();
    await db.schema.createIndex('mdt_case_activity_idx').on('mdt_case').column('last_activity_at').execute();

    await db.schema
      .createTable('case_snapshot')
      .addColumn('case_id', 'text', (c) => c.notNull().references('mdt_case.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('bclc', 'text')
      .addColumn('body_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_snapshot_pk', ['case_id', 'seq'])
      .execute();

    await db.schema
      .createTable('audit_event')
      .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('fields_json', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer')
      .execute();
    await db.schema
      .createIndex('audit_event_case_idx')
      .on('audit_event')
      .columns(['case_id', 'id'])
      .execute();
    if (dialect === 'postgres') {
      await sql`create function audit_event_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_event is append-only'; end $$`.execute(db);
      await sql`create trigger audit_event_append_only before update or delete on audit_event
        for each row execute function audit_event_append_only()`.execute(db);
    } else {
      for (const op of ['update', 'delete']) {
        await sql`create trigger ${sql.raw(`audit_event_no_${op}`)} before ${sql.raw(op)} on audit_event
          begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
      }
    }

    await db.schema
      .createTable('claim')
      .addColumn('namespace', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('claim_pk', ['namespace', 'key'])
      .execute();
    await db.schema.createIndex('claim_expiry_idx').on('claim').column('expires_at').execute();
  };
}
