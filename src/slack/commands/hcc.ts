import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answer, isAnswerable } from '../answer.js';
import { CHANNEL_ACTIONS, channelCommand } from '../decisions/agendaCommand.js';
import { noticeMessage, postPublicly, tellPrivately } from '../deliver.js';
import { deliverAnswer, logAnswered } from '../deliverAnswer.js';
import { deliveryContext, elapsed, guarded, type ListenerDeps } from '../deps.js';
import { parseRequest } from '../grammar.js';
import { openCaseForm } from '../openCaseForm.js';

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

    if (!isAnswerable(request)) {
      await openCaseForm(
        deps,
        { client, triggerId: command.trigger_id, origin: { channel: command.channel_id }, start },
        { audience, ctx, fields },
      );
      return;
    }

    const action = CHANNEL_ACTIONS.find((a) => a === request.action);
    if (action) {
      await guarded(
        deps,
        fields,
        (text) => tellPrivately(audience, noticeMessage(text), ctx),
        async () => {
          const r = await channelCommand(deps.store, {
            action,
            rest: request.rest,
            scope: { teamId: command.team_id, channelId: command.channel_id },
            user: command.user_id,
            client,
          });
          if (r.announce) await postPublicly(audience, r.announce, ctx, 'respond');
          await tellPrivately(audience, r.message, ctx);
          deps.log.info('handled', { ...fields, outcome: r.outcome, ms: elapsed(start) });
        },
      );
      return;
    }

    await guarded(
      deps,
      fields,
      (text) => tellPrivately(audience, noticeMessage(text), ctx),
      async () => {
        const reply = answer(request, deps.services, { units: deps.units, shareable: true });
        await deliverAnswer(reply, audience, ctx, {
          results: 'private',
          prefer: 'respond',
          typed: command.text,
        });
        logAnswered(deps.log, fields, reply, start);
      },
    );
  };
