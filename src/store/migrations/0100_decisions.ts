import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../dialect.js';

/**
 * Decisions (one row per version), follow-ups and their reminders (the due-table), treatments given, agenda items
 * and channel settings. Every case-owned row goes with its case (ON DELETE CASCADE), so deleting or purging a case
 * removes them; the audit keeps its own entries. A signed decision row is refused any UPDATE by a trigger.
 */
export function up0100(dialect: StoreDialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const caseRef = 'mdt_case.id';
    await db.schema
      .createTable('decision')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('decision_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull().references(caseRef).onDelete('cascade'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('signed_at', 'text')
      .addColumn('body_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('decision_version_uq', ['decision_id', 'version'])
      .execute();
    await db.schema
      .createIndex('decision_case_idx')
      .on('decision')
      .columns(['case_id', 'recorded_at'])
      .execute();
    if (dialect === 'postgres') {
      await sql`create function decision_signed_immutable() returns trigger language plpgsql as $$
        begin
          if old.signed_at is not null then raise exception 'a signed decision cannot change'; end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger decision_signed_immutable before update on decision
        for each row execute function decision_signed_immutable()`.execute(db);
    } else {
      await sql`create trigger decision_signed_immutable before update on decision
        when old.signed_at is not null
        begin select raise(abort, 'a signed decision cannot change'); end`.execute(db);
    }

    await db.schema
      .createTable('follow_up')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references(caseRef).onDelete('cascade'))
      .addColumn('due', 'text', (c) => c.notNull())
      .addColumn('done_at', 'text')
      .addColumn('body_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('follow_up_case_idx').on('follow_up').column('case_id').execute();
    await db.schema.createIndex('follow_up_due_idx').on('follow_up').columns(['due', 'done_at']).execute();

    await db.schema
      .createTable('reminder')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('follow_up_id', 'text', (c) => c.notNull().references('follow_up.id').onDelete('cascade'))
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('remind_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('cancelled_at', 'text')
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'text')
      .execute();
    await db.schema
      .createIndex('reminder_due_idx')
      .on('reminder')
      .columns(['sent_at', 'cancelled_at', 'remind_at'])
      .execute();
    await db.schema.createIndex('reminder_follow_up_idx').on('reminder').column('follow_up_id').execute();

    await db.schema
      .createTable('treatment_given')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references(caseRef).onDelete('cascade'))
      .addColumn('given_on', 'text', (c) => c.notNull())
      .addColumn('body_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('treatment_given_case_idx').on('treatment_given').column('case_id').execute();

    await db.schema
      .createTable('agenda_item')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull().references(caseRef).onDelete('cascade'))
      .addColumn('meeting', 'text', (c) => c.notNull())
      .addColumn('body_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('agenda_item_uq', ['case_id', 'meeting'])
      .execute();
    await db.schema.createIndex('agenda_item_meeting_idx').on('agenda_item').column('meeting').execute();

    await db.schema
      .createTable('channel_settings')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('body_json', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('channel_settings_pk', ['team_id', 'channel_id'])
      .execute();
  };
}
