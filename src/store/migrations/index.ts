import type { Migration, MigrationProvider } from 'kysely/migration';
import type { StoreDialect } from '../dialect.js';
import { up0001 } from './0001_cases.js';
import { up0100 } from './0100_decisions.js';
import { up0101 } from './0101_agenda_posts.js';

/**
 * Every migration, by name. Forward-only: there are no `down` steps; a change is a new migration.
 * Names sort as text: the case record owns 0001–0099, decisions and follow-ups start at 0100, so both lists can
 * grow without renumbering. A new migration adds one line here.
 */
export function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_cases': { up: up0001(dialect) },
    '0100_decisions': { up: up0100(dialect) },
    '0101_agenda_posts': { up: up0101() },
  };
}

export const migrationProvider = (dialect: StoreDialect): MigrationProvider => ({
  getMigrations: async () => migrations(dialect),
});
