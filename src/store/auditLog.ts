import type { Kysely } from 'kysely';
import { type AuditEntry, AuditEntrySchema } from '../cases/audit.js';
import type { CaseId } from '../cases/caseId.js';
import type { CaseScope } from '../cases/record.js';
import type { AuditLog } from '../cases/repository.js';
import { auditRows } from './caseRepository.js';
import type { StoreTables } from './schema.js';

/** The append-only audit on Kysely. Rows are only ever inserted; triggers refuse UPDATE and DELETE. */
export class KyselyAuditLog implements AuditLog {
  constructor(private readonly db: Kysely<StoreTables>) {}

  async forCase(id: CaseId, scope: CaseScope): Promise<AuditEntry[]> {
    const rows = await this.db
      .selectFrom('audit_event')
      .select(['case_id', 'at', 'actor', 'action', 'fields_json', 'seq'])
      .where('case_id', '=', id)
      .where('team_id', '=', scope.teamId)
      .where('channel_id', '=', scope.channelId)
      .orderBy('id')
      .execute();
    return rows.map((r) =>
      AuditEntrySchema.parse({
        caseId: r.case_id,
        at: r.at,
        actor: r.actor,
        action: r.action,
        fields: JSON.parse(r.fields_json),
        seq: r.seq === null ? null : Number(r.seq),
      }),
    );
  }

  async append(entries: readonly AuditEntry[], scope: CaseScope): Promise<void> {
    if (entries.length === 0) return;
    await this.db.insertInto('audit_event').values(auditRows(entries, scope)).execute();
  }
}
