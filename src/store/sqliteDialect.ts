import type { DatabaseSync, StatementSync } from 'node:sqlite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  SqliteDriver,
  type SqliteStatement,
} from 'kysely';

/**
 * Kysely's SQLite dialect over Node's built-in `node:sqlite` (no native addon, no install step).
 *
 * The adapter gives `DatabaseSync` the shape the dialect expects (`prepare()` returning a statement with `reader`,
 * `all`, `run`, `iterate`). Two changes to the stock dialect, both for several processes on one file:
 * - transactions start with BEGIN IMMEDIATE, so a transaction takes the write lock up front and waits for it
 *   (busy timeout) instead of failing with SQLITE_BUSY when it later tries to write;
 * - migrations run inside one such transaction (SQLite's DDL is transactional), which makes the transaction
 *   itself the migration lock: a second process starting at the same moment waits, then finds nothing to do.
 */

/** Prepared statements are cached by SQL text: the store issues a handful of distinct statements. */
const STATEMENT_CACHE = 256;

export function sqliteDatabase(db: DatabaseSync): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  const wrap = (stmt: StatementSync): SqliteStatement => ({
    reader: stmt.columns().length > 0,
    all: (parameters) => stmt.all(...(parameters as never[])),
    run: (parameters) => stmt.run(...(parameters as never[])),
    iterate: (parameters) => stmt.iterate(...(parameters as never[])) as IterableIterator<unknown>,
  });
  return {
    close: () => {
      cache.clear();
      db.close();
    },
    prepare: (sql) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = wrap(db.prepare(sql));
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class NodeSqliteDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;
  constructor(database: SqliteDatabase) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalSqliteAdapter();
  }
}
