/**
 * A small LRU of Events API `event_id`s. Slack redelivers an event (with `X-Slack-Retry-Num`) when it thinks
 * we did not answer in time; the same event must not post twice. In-memory by design: one process, and a
 * restart loses at most the last few minutes of ids (Slack retries within ~5 minutes).
 */
export class SeenIds {
  private readonly ids = new Map<string, true>();
  constructor(private readonly capacity = 1000) {}

  /** true the first time an id is offered, false after that (until it falls out of the window). */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) {
      this.ids.delete(id);
      this.ids.set(id, true);
      return false;
    }
    this.ids.set(id, true);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
