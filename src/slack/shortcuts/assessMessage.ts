import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { answer, isAnswerable } from '../answer.js';
import { answerInCase } from '../caseThread.js';
import { noticeMessage, tellPrivately } from '../deliver.js';
import { deliverAnswer, logAnswered } from '../deliverAnswer.js';
import { deliveryContext, guarded, type ListenerDeps } from '../deps.js';
import { parseRequest, stripMention } from '../grammar.js';
import { openCaseForm } from '../openCaseForm.js';

export const ASSESS_MESSAGE_CALLBACK_ID = 'hcc_assess_message';

/**
 * Message shortcut "Assess with HCC MDT": reads the chosen message's text (the payload carries it, so no
 * history scope is needed) and answers the person privately, in the thread when the message is in one.
 * A message that is not a subcommand is read as a case (`stage`). A message in a thread adds to the thread's
 * case (created on first use, its card posted in the thread).
 */
export const assessMessage =
  (deps: ListenerDeps) =>
  async ({
    shortcut,
    ack,
    client,
    respond,
  }: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) => {
    const start = performance.now();
    await ack();
    const text = typeof shortcut.message.text === 'string' ? shortcut.message.text : '';
    let request = parseRequest(text);
    if (request.action === 'unknown') request = { action: 'stage', rest: stripMention(text) };
    const threadTs =
      typeof shortcut.message.thread_ts === 'string' ? (shortcut.message.thread_ts as string) : undefined;
    const fields = {
      event: 'message_shortcut',
      action: request.action,
      team: shortcut.team?.id,
      channel: shortcut.channel.id,
      user: shortcut.user.id,
    };
    const ctx = deliveryContext(deps, fields);
    const audience = { client, user: shortcut.user.id, channel: shortcut.channel.id, threadTs, respond };
    await guarded(
      deps,
      fields,
      (t) => tellPrivately(audience, noticeMessage(t), ctx, 'ephemeral'),
      async () => {
        if (!isAnswerable(request)) {
          await openCaseForm(
            deps,
            {
              client,
              triggerId: shortcut.trigger_id,
              origin: { channel: shortcut.channel.id, threadTs },
              start,
            },
            { audience, ctx, fields, prefer: 'ephemeral' },
          );
          return;
        }
        const reply =
          (await answerInCase(deps.store, deps.services, request, {
            teamId: shortcut.team?.id,
            channel: shortcut.channel.id,
            threadTs,
            user: shortcut.user.id,
            units: deps.units,
            shareable: true,
          })) ?? answer(request, deps.services, { units: deps.units, shareable: true });
        await deliverAnswer(reply, audience, ctx, {
          results: 'private',
          prefer: 'ephemeral',
          typed: text,
        });
        logAnswered(deps.log, fields, reply, start);
      },
    );
  };
