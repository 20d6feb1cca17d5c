import { randomUUID } from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { CaseStoreDeps } from '../caseThread.js';
import type { AppLogger } from '../log.js';
import { pollAgendas } from './agendaPoller.js';
import { decisionsOf, serviceDeps } from './decisionServices.js';
import { pollReminders } from './reminderPoller.js';

/** How often every replica polls the due-tables (reminders, then agendas). */
export const DUE_POLL_MS = 60_000;

/**
 * Polls the reminder and agenda due-tables every `intervalMs` until stopped; the first poll runs at once (what
 * fell due while the app was down goes out now). One poll at a time: a slow one is never overlapped. Null
 * without a store that holds decisions.
 */
export function startDuePoller(
  deps: { store: CaseStoreDeps | undefined; client: WebClient; log: AppLogger },
  intervalMs = DUE_POLL_MS,
): { stop(): void } | null {
  const decisions = decisionsOf(deps.store);
  const svc = deps.store ? serviceDeps(deps.store) : null;
  if (!decisions || !svc) return null;
  const claimer = `replica-${randomUUID()}`;
  const common = { client: deps.client, log: deps.log, claimer };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    for (const [event, poll] of [
      ['reminder', () => pollReminders({ ...common, reminders: decisions })],
      ['agenda', () => pollAgendas({ ...common, svc, agendas: decisions })],
    ] as const) {
      try {
        await poll();
      } catch (err) {
        deps.log.warn('due poll failed', {
          event,
          outcome: 'error',
          code: err instanceof Error ? err.name : 'unknown',
        });
      }
    }
    running = false;
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
