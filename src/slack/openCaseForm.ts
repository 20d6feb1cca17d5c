import type { WebClient } from '@slack/web-api';
import {
  type Audience,
  classify,
  type DeliveryContext,
  explain,
  noticeMessage,
  tellPrivately,
} from './deliver.js';
import { elapsed, type ListenerDeps } from './deps.js';
import { buildCaseForm } from './form.js';
import type { LogFields } from './log.js';

/** Where the form's summary should go: kept in the modal's private_metadata (opaque ids only). */
export interface FormOrigin {
  channel?: string | undefined;
  threadTs?: string | undefined;
}

/**
 * Opens the case form with a fresh trigger_id (Slack allows 3 s from the click), and when Slack refuses, tells
 * the person privately why. Shared by `/hcc form`, the "Open form" button and the message shortcut.
 */
export async function openCaseForm(
  deps: ListenerDeps,
  request: { client: WebClient; triggerId: string; origin: FormOrigin; start: number },
  reply: { audience: Audience; ctx: DeliveryContext; fields: LogFields; prefer?: 'respond' | 'ephemeral' },
): Promise<void> {
  const { channel, threadTs } = request.origin;
  try {
    await request.client.views.open({
      trigger_id: request.triggerId,
      view: buildCaseForm(
        { ...(channel ? { channel } : {}), ...(threadTs ? { thread_ts: threadTs } : {}) },
        deps.units,
      ),
    });
    deps.log.info('handled', { ...reply.fields, outcome: 'form-opened', ms: elapsed(request.start) });
  } catch (err) {
    const failure = classify(err);
    deps.log.warn('handled', {
      ...reply.fields,
      outcome: 'form-failed',
      code: failure.code,
      ms: elapsed(request.start),
    });
    await tellPrivately(
      reply.audience,
      noticeMessage(`I couldn't open the form. ${explain(failure)}`),
      reply.ctx,
      reply.prefer,
    );
  }
}
