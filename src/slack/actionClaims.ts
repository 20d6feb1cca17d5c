/**
 * Once-only for buttons that post or write: the first press of a message's button claims it; a second press, a
 * retry or a replay finds the claim and is told so privately. A press whose work failed releases its claim, so
 * the person can try again. In this process's memory for one instance; a store shared by several replicas can
 * implement the same interface.
 */
export interface ActionClaims {
  /** true when this call took the claim (nobody held it, or it had expired). */
  claim(key: string, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
}

export class MemoryActionClaims implements ActionClaims {
  private readonly held = new Map<string, number>();
  constructor(
    private readonly capacity = 50_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock();
    const until = this.held.get(key);
    if (until !== undefined && until > now) return false;
    this.held.delete(key);
    this.held.set(key, now + ttlMs);
    // Bounded: the oldest claims go first (a Map keeps insertion order).
    while (this.held.size > this.capacity) this.held.delete(this.held.keys().next().value as string);
    return true;
  }

  async release(key: string): Promise<void> {
    this.held.delete(key);
  }
}

/** How long a shared message stays "already shared": longer than anyone keeps an ephemeral open. */
export const SHARE_CLAIM_MS = 12 * 60 * 60_000;
