import type { Claims } from '../cases/repository.js';

/**
 * Once-only for buttons that post or write: the first press of a message's button claims it; a second press, a
 * retry or a replay finds the claim and is told so privately. A press whose work failed releases its claim, so
 * the person can try again. The claims live in the store's claims (namespace `action`): in the database on
 * PostgreSQL, so every replica agrees; in this process's memory on SQLite, where one instance shares nothing.
 * Submitted forms claim their view the same way (views/oncePerView.ts).
 */
export interface ActionClaims {
  /** true when this call took the claim (nobody held it, or it had expired). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
}

export const ACTION_NAMESPACE = 'action';

export function actionClaims(claims: Pick<Claims, 'claim' | 'release'>, clock = Date.now): ActionClaims {
  return {
    claim: (key, ttlMs) => claims.claim(ACTION_NAMESPACE, key, new Date(clock() + ttlMs)),
    release: (key) => claims.release(ACTION_NAMESPACE, key),
  };
}

/** How long a shared message stays "already shared": longer than anyone keeps an ephemeral open. */
export const SHARE_CLAIM_MS = 12 * 60 * 60_000;
