import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_SHARE, carriedParse, ShareValueSchema } from '../../render/actions.js';
import { SHARE_CLAIM_MS } from '../actionClaims.js';
import { noticeMessage, postPublicly, tellPrivately } from '../deliver.js';
import { elapsed, guarded, type ListenerDeps } from '../deps.js';
import { buttonValue, pressButton } from './payload.js';

export const SHARE_ACTION_ID = ACTION_SHARE;

/**
 * "Share with channel": re-assesses the structured case carried by the button (nothing typed travels), posts it
 * to the channel (in the thread when the ephemeral was in one) as the app, naming who shared it, then removes
 * the ephemeral. Any refusal from Slack is explained to the person privately.
 */
export const share =
  (deps: ListenerDeps) => async (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    const { start, channel, user, fields, ctx, audience } = await pressButton(deps, 'share', args);
    await guarded(
      deps,
      fields,
      (t) => tellPrivately(audience, noticeMessage(t), ctx),
      async () => {
        const value = ShareValueSchema.safeParse(buttonValue(args.body));
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
        // The caveats the parser added when the case was typed travel with the button (structured input has
        // none of its own), so the shared summary shows exactly the caveats of the private one.
        const shared = services.render.summary(
          { ...outcome, parse: carriedParse(value.data) },
          { view: value.data.view, sharedBy: user, shareable: false },
        );
        // Once per message: a double click, Slack's retry or a replay finds the claim and is told privately.
        const messageTs = (args.body.container as { message_ts?: unknown } | undefined)?.message_ts;
        const claimKey = `share:${args.body.team?.id ?? ''}:${channel}:${typeof messageTs === 'string' ? messageTs : JSON.stringify(value.data)}`;
        if (!(await deps.actionClaims.claim(claimKey, SHARE_CLAIM_MS))) {
          await tellPrivately(
            audience,
            noticeMessage('That summary has already been shared in the channel.'),
            ctx,
          );
          deps.log.info('handled', { ...fields, outcome: 'already-shared', ms: elapsed(start) });
          return;
        }
        const posted = await postPublicly({ ...audience, channel }, shared, ctx, 'respond');
        if (!posted) await deps.actionClaims.release(claimKey);
        if (posted) {
          try {
            await args.respond({ delete_original: true });
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
