import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { StoreLocation } from '../../src/store/location.js';

/**
 * The back-ends the store's contract suite runs on. SQLite always (a fresh file per test); PostgreSQL when
 * HCC_MDT_TEST_PG_URL names a server (a fresh database per test). `.ci/run` starts a throwaway cluster and sets
 * HCC_MDT_TEST_PG_REQUIRED=1, so in CI a missing server fails the run instead of skipping the PostgreSQL half.
 */
export const PG_URL = process.env.HCC_MDT_TEST_PG_URL?.trim() || undefined;
const PG_REQUIRED = process.env.HCC_MDT_TEST_PG_REQUIRED === '1';
if (PG_REQUIRED && !PG_URL)
  throw new Error(
    'HCC_MDT_TEST_PG_REQUIRED=1 but HCC_MDT_TEST_PG_URL is not set: PostgreSQL tests cannot run',
  );

export interface FreshStore {
  location: StoreLocation;
  /** The SQLite file, for tests that read it back byte for byte. */
  file?: string;
  drop(): Promise<void>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  fresh(): Promise<FreshStore>;
}

export const sqliteBackend: Backend = {
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'hcc-mdt-store-'));
    const file = join(dir, 'cases.db');
    return {
      location: { kind: 'sqlite', path: file },
      file,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const postgresBackend: Backend = {
  name: 'postgres',
  async fresh() {
    if (!PG_URL) throw new Error('no PostgreSQL server: set HCC_MDT_TEST_PG_URL');
    const name = `hcc_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    try {
      await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return {
      location: { kind: 'postgres', url: url.toString() },
      drop: async () => {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        try {
          await c.query(`drop database if exists ${name} with (force)`);
        } finally {
          await c.end();
        }
      },
    };
  },
};

/** Every back-end available here; PostgreSQL only with a server. */
export const BACKENDS: Backend[] = PG_URL ? [sqliteBackend, postgresBackend] : [sqliteBackend];
