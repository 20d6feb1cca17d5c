import type { Kysely } from 'kysely';
import type { Claims } from '../cases/repository.js';
import type { StoreTables } from './schema.js';

/**
 * Claims in the database, for several replicas on one PostgreSQL: one INSERT … ON CONFLICT DO UPDATE … WHERE
 * expired … RETURNING decides the winner atomically, so two replicas given the same retried event never both win.
 */
export class KyselyClaims implements Claims {
  constructor(
    private readonly db: Kysely<StoreTables>,
    private readonly clock: () => number = Date.now,
  ) {}

  async claim(namespace: string, key: string, expiresAt: Date): Promise<boolean> {
    const now = new Date(this.clock()).toISOString();
    const won = await this.db
      .insertInto('claim')
      .values({ namespace, key, expires_at: expiresAt.toISOString() })
      .onConflict((oc) =>
        oc
          .columns(['namespace', 'key'])
          .doUpdateSet({ expires_at: (eb) => eb.ref('excluded.expires_at') })
          .where('claim.expires_at', '<', now),
      )
      .returning('key')
      .executeTakeFirst();
    return won !== undefined;
  }

  async release(namespace: string, key: string): Promise<void> {
    await this.db.deleteFrom('claim').where('namespace', '=', namespace).where('key', '=', key).execute();
  }

  async prune(now: Date): Promise<number> {
    const r = await this.db
      .deleteFrom('claim')
      .where('expires_at', '<', now.toISOString())
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

/**
 * Claims in this process's memory, for one app instance on SQLite: the replay cache, event dedupe and button
 * claims sit on every request's path, and a database write there would cost an fsync per request for nothing (one
 * instance shares nothing). Bounded: when `capacity` is passed, expired claims are dropped, and then the oldest
 * live ones until nine tenths of it are left (a claim older than those is forgotten early).
 */
export class MemoryClaims implements Claims {
  private readonly claims = new Map<string, number>();
  constructor(
    private readonly capacity = 100_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async claim(namespace: string, key: string, expiresAt: Date): Promise<boolean> {
    const id = `${namespace}\u0000${key}`;
    const now = this.clock();
    const held = this.claims.get(id);
    if (held !== undefined && held >= now) return false;
    this.claims.delete(id);
    this.claims.set(id, expiresAt.getTime());
    if (this.claims.size > this.capacity) {
      await this.prune(new Date(now));
      // Then down to nine tenths, dropping the oldest live claims if need be (Map keeps insertion order), so the
      // next full scan comes a tenth of the capacity later whatever the mix of expired and live claims, never on
      // the very next claim.
      const keep = Math.floor(this.capacity * 0.9);
      while (this.claims.size > keep) this.claims.delete(this.claims.keys().next().value as string);
    }
    return true;
  }

  async release(namespace: string, key: string): Promise<void> {
    this.claims.delete(`${namespace}\u0000${key}`);
  }

  async prune(now: Date): Promise<number> {
    let n = 0;
    for (const [id, expires] of this.claims)
      if (expires < now.getTime()) {
        this.claims.delete(id);
        n++;
      }
    return n;
  }
}
