import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answer } from '../answer.js';
import { classify, explain, noticeMessage, tellPrivately } from '../deliver.js';
import { deliveryContext, elapsed, guarded, type ListenerDeps } from '../deps.js';
import { buildCaseForm } from '../form.js';
import { parseRequest } from '../grammar.js';

/**
 * `/hcc …`: ack at once, then reply to the invoker only (via `respond`), with a Share button on results.
 * `/hcc form` opens the modal straight after the ack, while the trigger_id is still fresh.
 */
export const hccCommand =
  (deps: ListenerDeps) =>
  async ({
    command,
    ack,
    respond,
    client,
  }: AllMiddlewareArgs & SlackCommandMiddlewareArgs): Promise<void> => {
    const start = performance.now();
    await ack();
    const request = parseRequest(command.text);
    const fields = {
      event: 'command',
      action: request.action,
      team: command.team_id,
      channel: command.channel_id,
      user: command.user_id,
    };
    const ctx = deliveryContext(deps, fields);
    const audience = { client, user: command.user_id, channel: command.channel_id, respond };

    if (request.action === 'form') {
      try {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: buildCaseForm({ channel: command.channel_id }, deps.units),
        });
        deps.log.info('handled', { ...fields, outcome: 'form-opened', ms: elapsed(start) });
      } catch (err) {
        const failure = classify(err);
        deps.log.warn('handled', {
          ...fields,
          outcome: 'form-failed',
          code: failure.code,
          ms: elapsed(start),
        });
        await tellPrivately(audience, noticeMessage(`I couldn't open the form. ${explain(failure)}`), ctx);
      }
      return;
    }

    await guarded(
      deps,
      fields,
      (text) => tellPrivately(audience, noticeMessage(text), ctx),
      async () => {
        const services = await deps.services();
        const reply = answer(request, services, { units: deps.units, shareable: true });
        if (reply.kind === 'open-form') return; // handled above
        for (const notice of reply.kind === 'result' ? reply.notices : []) {
          await tellPrivately(audience, notice, ctx);
        }
        await tellPrivately(audience, reply.message, ctx);
        deps.log.info('handled', { ...fields, outcome: reply.outcome, ms: elapsed(start) });
      },
    );
  };
