import type { Kysely } from 'kysely';

/**
 * The agenda due-table: one row per channel and meeting, the instant its agenda is posted, when it was, and who
 * holds the claim to post it (a lease, as reminders have). Not case-owned: a case deleted leaves the meeting's row,
 * and the agenda is built afresh from what is listed when it is posted.
 */
export function up0101() {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .createTable('agenda_post')
      .addColumn('team_id', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('meeting', 'text', (c) => c.notNull())
      .addColumn('post_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'text')
      .addPrimaryKeyConstraint('agenda_post_pk', ['team_id', 'channel_id', 'meeting'])
      .execute();
    await db.schema
      .createIndex('agenda_post_due_idx')
      .on('agenda_post')
      .columns(['sent_at', 'post_at'])
      .execute();
  };
}
