import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_SHARE, ShareValueSchema } from '../../render/actions.js';
import { noticeMessage, postPublicly, tellPrivately } from '../deliver.js';
import { deliveryContext, elapsed, guarded, type ListenerDeps } from '../deps.js';
import { buttonValue, whereClicked } from './payload.js';

export const SHARE_ACTION_ID = ACTION_SHARE;

/**
 * "Share with channel": re-assesses the structured case carried by the button (nothing typed travels), posts it
 * to the channel (in the thread when the ephemeral was in one) as the app, naming who shared it, then removes
 * the ephemeral. Any refusal from Slack is explained to the person privately.
 */
export const share =
  (deps: ListenerDeps) =>
  async ({ body, ack, client, respond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    const start = performance.now();
    await ack();
    const { channel, threadTs } = whereClicked(body);
    const user = body.user.id;
    const fields = { event: 'share', team: body.team?.id, channel, user };
    const ctx = deliveryContext(deps, fields);
    const audience = { client, user, channel, threadTs, respond };
    await guarded(
      deps,
      fields,
      (t) => tellPrivately(audience, noticeMessage(t), ctx),
      async () => {
        const value = ShareValueSchema.safeParse(buttonValue(body));
        const services = await deps.services();
        const outcome = value.success ? services.assessCaseInput(value.data.input) : undefined;
        if (!value.success || !channel || outcome?.status !== 'assessed') {
          deps.log.warn('handled', { ...fields, outcome: 'share-invalid', ms: elapsed(start) });
          await tellPrivately(
            audience,
            noticeMessage('I could not share that summary; please run the assessment again.'),
            ctx,
          );
          return;
        }
        // The assumptions the parser made when the case was typed travel with the button (structured input
        // has none of its own), so the shared summary shows the same caveats as the private one.
        const known = new Set(outcome.assessment.assumptions);
        const assumptions = value.data.assumptions
          .filter((m) => !known.has(m))
          .map((message) => ({ field: '', message }));
        const shared = services.render.summary(
          { ...outcome, parse: { ...outcome.parse, assumptions } },
          { view: value.data.view, sharedBy: user, shareable: false },
        );
        const posted = await postPublicly({ ...audience, channel }, shared, ctx, 'respond');
        if (posted) {
          try {
            await respond({ delete_original: true });
          } catch {
            // The ephemeral may already be gone; the share itself succeeded.
          }
        }
        deps.log.info('handled', {
          ...fields,
          outcome: posted ? 'shared' : 'share-failed',
          ms: elapsed(start),
        });
      },
    );
  };
