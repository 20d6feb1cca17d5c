import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Instants are ISO 8601 UTC text (`2026-11-20T09:30:00.000Z`), which sorts and
 * compares as text on both back-ends; structured values are JSON text, parsed and checked with the case layer's
 * zod schemas on the way out. Nothing here holds typed text or an identifier.
 */

export interface CaseTable {
  id: string;
  team_id: string;
  channel_id: string;
  /** Slack thread parent ts; null for offline cases. Unique per (team, channel). */
  thread_ts: string | null;
  created_at: string;
  last_activity_at: string;
  last_seq: number;
  /** CaseValues (values with provenance). */
  values_json: string;
}

export interface SnapshotTable {
  case_id: string;
  seq: number;
  at: string;
  actor: string;
  /** BCLC stage at this snapshot, for listing without parsing the body. */
  bclc: string | null;
  /** The Snapshot. */
  body_json: string;
}

export interface AuditTable {
  id: Generated<number>;
  case_id: string;
  /** The case's scope, kept so a case's audit stays scoped after the case is deleted. */
  team_id: string;
  channel_id: string;
  at: string;
  actor: string;
  action: string;
  /** Field names (JSON array of strings). */
  fields_json: string;
  seq: number | null;
}

export interface ClaimTable {
  namespace: string;
  key: string;
  expires_at: string;
}

export interface StoreTables {
  mdt_case: CaseTable;
  case_snapshot: SnapshotTable;
  audit_event: AuditTable;
  claim: ClaimTable;
}
