import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type Answer, answer, isAnswerable } from '../answer.js';
import { answerInCase } from '../caseThread.js';
import { noticeMessage, tellPrivately } from '../deliver.js';
import { deliverAnswer, logAnswered } from '../deliverAnswer.js';
import { deliveryContext, guarded, type ListenerDeps } from '../deps.js';
import { parseRequest } from '../grammar.js';

/**
 * `@hcc-mdt stage …` in a channel or thread. Results go into the thread (a top-level mention starts one under
 * itself); help, parse errors and privacy warnings go to the author only, as ephemeral messages in the thread.
 * A thread is a case: an assessment merges into it and is committed before anything is posted.
 * Retried deliveries are dropped earlier, by the dedupe middleware.
 */
export const appMention =
  (deps: ListenerDeps) =>
  async ({ event, client, body, context }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_mention'>) => {
    const start = performance.now();
    const user = event.user;
    if (!user) return; // a bot or integration mentioned us; nobody to answer
    const threadTs = event.thread_ts ?? event.ts;
    const request = parseRequest(event.text);
    const teamId = context.teamId ?? body.team_id;
    const fields = {
      event: 'app_mention',
      action: request.action,
      team: teamId,
      channel: event.channel,
      user,
      eventId: body.event_id,
      retryNum: context.retryNum,
    };
    const ctx = deliveryContext(deps, fields);
    const audience = { client, user, channel: event.channel, threadTs };
    await guarded(
      deps,
      fields,
      (text) => tellPrivately(audience, noticeMessage(text), ctx, 'ephemeral'),
      async () => {
        const services = deps.services;
        const reply: Answer = !isAnswerable(request)
          ? // A mention carries no trigger_id, so offer the button that opens the form.
            { kind: 'private', message: services.render.help({ withFormButton: true }), outcome: 'form' }
          : ((await answerInCase(deps.store, services, request, {
              teamId,
              channel: event.channel,
              threadTs,
              user,
              units: deps.units,
              shareable: false,
            })) ?? answer(request, services, { units: deps.units, shareable: false }));
        await deliverAnswer(reply, audience, ctx, {
          results: 'public',
          prefer: 'ephemeral',
          typed: event.text,
        });
        logAnswered(deps.log, fields, reply, start);
      },
    );
  };
