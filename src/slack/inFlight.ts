import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

/**
 * Counts the requests whose listener work is still running (the ack went out long before the reply), so a
 * SIGTERM can stop taking new work, let these finish, and only then exit. While draining, /readyz says 503 so a
 * load balancer sends nothing new.
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  draining = false;

  get size(): number {
    return this.count;
  }

  /** Global Bolt middleware: the whole listener chain of one request runs inside it. */
  middleware(): Middleware<AnyMiddlewareArgs> {
    return async ({ next }) => {
      this.count++;
      try {
        await next();
      } finally {
        this.count--;
        if (this.count === 0) for (const w of this.waiters.splice(0)) w();
      }
    };
  }

  /** Resolves true once nothing is in flight, or false when `limitMs` passes first. */
  drain(limitMs: number): Promise<boolean> {
    this.draining = true;
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), limitMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
