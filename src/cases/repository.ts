import type { AuditEntry } from './audit.js';
import type { CaseId } from './caseId.js';
import type { CaseRecord, CaseScope, CaseSummary } from './record.js';
import type { Snapshot } from './snapshot.js';
import type { CaseValues } from './values.js';

/**
 * What the case layer needs from storage. `src/store/` implements these once for SQLite and PostgreSQL; the same
 * contract suite runs on both. Every method that takes a scope treats a case from another scope as absent.
 */

export interface NewCase {
  id: CaseId;
  scope: CaseScope;
  threadTs: string | null;
  at: Date;
  actor: string;
}

export interface SnapshotCommit {
  caseId: CaseId;
  scope: CaseScope;
  /** The lastSeq the merge started from; the commit fails with "conflict" if another writer moved it. */
  expectedSeq: number;
  values: CaseValues;
  snapshot: Snapshot;
  audit: readonly AuditEntry[];
}

export type CreateResult =
  | { status: 'created'; record: CaseRecord }
  /** The ID was drawn before; draw another. */
  | { status: 'id-taken' }
  /** The thread already has a case (another message or replica created it first). */
  | { status: 'thread-taken'; record: CaseRecord };

export interface CaseRepository {
  /** Creates the case and its "case.created" audit entry in one transaction. */
  create(c: NewCase): Promise<CreateResult>;
  get(id: CaseId, scope: CaseScope): Promise<CaseRecord | null>;
  findByThread(scope: CaseScope, threadTs: string): Promise<CaseRecord | null>;
  /** Newest activity first. */
  list(scope: CaseScope): Promise<CaseSummary[]>;
  /** Values, snapshot and audit in one transaction: all or nothing. */
  commitSnapshot(commit: SnapshotCommit): Promise<'committed' | 'conflict' | 'not-found'>;
  /** Oldest first. */
  snapshots(id: CaseId, scope: CaseScope): Promise<Snapshot[]>;
  /** Deletes the case and its snapshots now; its audit keeps a "case.deleted" entry. false when not found. */
  delete(id: CaseId, scope: CaseScope, actor: string, at: Date): Promise<boolean>;
  /** Deletes every case whose last activity is before `cutoff`, in any scope; returns their IDs. */
  purgeInactive(cutoff: Date, at: Date): Promise<CaseId[]>;
}

export interface AuditLog {
  /** One case's audit, oldest first; [] when the case is unknown in this scope (and was never seen there). */
  forCase(id: CaseId, scope: CaseScope): Promise<AuditEntry[]>;
  append(entries: readonly AuditEntry[], scope: CaseScope): Promise<void>;
}

/**
 * First-caller-wins claims, shared by replicas: Events API dedupe (`event`, event_id), the signature replay cache
 * (`replay`, signature) and idempotent actions (`action`, message + action). A claim lasts until `expiresAt`.
 */
export interface Claims {
  /** true for the first caller of an unexpired (namespace, key); false for everyone after. */
  claim(namespace: string, key: string, expiresAt: Date): Promise<boolean>;
  /** Gives up a claim at once (its work failed), so the next caller can take it. */
  release(namespace: string, key: string): Promise<void>;
  /** Forget claims that expired before `now`. */
  prune(now: Date): Promise<number>;
}
