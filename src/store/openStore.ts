import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { AuditLog, CaseRepository, Claims } from '../cases/repository.js';
import { KyselyAuditLog } from './auditLog.js';
import { KyselyCaseRepository } from './caseRepository.js';
import { KyselyClaims, MemoryClaims } from './claims.js';
import type { StoreDialect } from './dialect.js';
import type { StoreLocation } from './location.js';
import { migrationProvider } from './migrations/index.js';
import type { StoreTables } from './schema.js';
import { NodeSqliteDialect, sqliteDatabase } from './sqliteDialect.js';

/**
 * Opens the store and brings its schema up to date. This is the only place a store is constructed; the
 * composition roots (Slack main, CLI main) call it and hand the repositories to the case layer.
 */
export interface Store {
  dialect: StoreDialect;
  /** The query builder, for repositories elsewhere in the store (decisions, follow-ups) to share. */
  db: Kysely<StoreTables>;
  cases: CaseRepository;
  audit: AuditLog;
  /** Shared in PostgreSQL (several replicas); in memory for SQLite (one instance per file). */
  claims: Claims;
  /** One cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
  /** How long SQLite waits for another process's write lock before failing (default 5 s). */
  busyTimeoutMs?: number;
}

export class StoreError extends Error {
  override name = 'StoreError';
}

export async function openStore(location: StoreLocation, options: OpenOptions = {}): Promise<Store> {
  const { db, dialect } = await connect(location, options);
  try {
    const { error, results } = await new Migrator({
      db,
      provider: migrationProvider(dialect),
      // Two ranges of migrations (0001–0099 and 0100–) grow in parallel; an older one arriving after a newer one
      // has run is applied rather than refused. Still forward-only: nothing ever runs down.
      allowUnorderedMigrations: true,
    }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new StoreError(`migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    dialect,
    db,
    cases: new KyselyCaseRepository(db),
    audit: new KyselyAuditLog(db),
    claims: dialect === 'postgres' ? new KyselyClaims(db) : new MemoryClaims(),
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

async function connect(
  location: StoreLocation,
  options: OpenOptions,
): Promise<{ db: Kysely<StoreTables>; dialect: StoreDialect }> {
  if (location.kind === 'postgres') {
    // Loaded only here: the driver adds about 12 MB of resident memory to an app that runs on SQLite.
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: location.url, max: options.poolSize ?? 10 });
    // An idle client's error (server restart) must not crash the process; the next query reports it.
    pool.on('error', () => {});
    return { db: new Kysely<StoreTables>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  if (location.path !== ':memory:') {
    // The folder and file are the user's alone (0700 / 0600): the cases are patients' values.
    mkdirSync(dirname(location.path), { recursive: true, mode: 0o700 });
    closeSync(openSync(location.path, 'a', 0o600));
  }
  const raw = new DatabaseSync(location.path, { timeout: options.busyTimeoutMs ?? 5000 });
  // WAL lets readers run beside one writer; FULL syncs the WAL on every commit, so a committed snapshot
  // survives power loss, not only a process crash. Foreign keys make deletes cascade to dependent tables.
  raw.exec('pragma journal_mode = wal; pragma synchronous = full; pragma foreign_keys = on;');
  return {
    db: new Kysely<StoreTables>({ dialect: new NodeSqliteDialect(sqliteDatabase(raw)) }),
    dialect: 'sqlite',
  };
}
