import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answer, VIEW } from '../answer.js';
import { replyInCase } from '../caseThread.js';
import { noticeMessage, postPublicly, tellPrivately } from '../deliver.js';
import { deliveryContext, elapsed, guarded, type ListenerDeps } from '../deps.js';
import { parseRequest } from '../grammar.js';

/**
 * `@hcc-mdt stage …` in a channel or thread. Results go into the thread (a top-level mention starts one under
 * itself); help, parse errors and privacy warnings go to the author only, as ephemeral messages in the thread.
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
    const fields = {
      event: 'app_mention',
      action: request.action,
      team: context.teamId ?? body.team_id,
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
        const services = await deps.services();
        const view = VIEW[request.action];
        const teamId = context.teamId ?? body.team_id;
        // A thread is a case: merge, stage the merged input, commit; only then post.
        if (
          view &&
          teamId &&
          (await replyInCase(deps, services, {
            audience: { ...audience, channel: event.channel },
            ctx,
            fields,
            start,
            teamId,
            threadTs,
            user,
            text: request.rest,
            view,
            summaryTo: 'thread',
          }))
        )
          return;
        const reply = answer(request, services, { units: deps.units, shareable: false });
        if (reply.kind === 'open-form') {
          // A mention carries no trigger_id, so offer the button that opens the form.
          await tellPrivately(audience, services.render.help({ withFormButton: true }), ctx, 'ephemeral');
        } else if (reply.kind === 'private') {
          await tellPrivately(audience, reply.message, ctx, 'ephemeral');
        } else {
          for (const notice of reply.notices) await tellPrivately(audience, notice, ctx, 'ephemeral');
          await postPublicly(audience, reply.message, ctx, 'ephemeral');
        }
        deps.log.info('handled', { ...fields, outcome: reply.outcome, ms: elapsed(start) });
      },
    );
  };
