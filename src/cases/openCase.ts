import { newCaseId, type RandomBytes } from './caseId.js';
import type { CaseRecord, CaseScope } from './record.js';
import type { CaseRepository } from './repository.js';
import type { Actor } from './values.js';

export interface OpenCaseRequest {
  scope: CaseScope;
  /** The Slack thread; null for an offline case, which is always new. */
  threadTs: string | null;
  at: Date;
  by: Actor;
  random?: RandomBytes;
}

/**
 * The case for a thread, created on first use with a fresh random ID. When two messages (or two replicas) race to
 * create the same thread's case, the store's unique thread key lets exactly one win and the other gets that case.
 */
export async function openCase(
  cases: CaseRepository,
  req: OpenCaseRequest,
): Promise<{ record: CaseRecord; created: boolean }> {
  if (req.threadTs !== null) {
    const existing = await cases.findByThread(req.scope, req.threadTs);
    if (existing) return { record: existing, created: false };
  }
  for (let attempt = 0; attempt < 10; attempt++) {
    const result = await cases.create({
      id: newCaseId(req.random),
      scope: req.scope,
      threadTs: req.threadTs,
      at: req.at,
      actor: req.by,
    });
    if (result.status === 'created') return { record: result.record, created: true };
    if (result.status === 'thread-taken') return { record: result.record, created: false };
  }
  // Ten collisions in a row mean the random source is broken, not bad luck.
  throw new Error('could not draw an unused case ID in 10 attempts');
}
