import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_SHOW_EVIDENCE, ShowEvidenceValueSchema } from '../../render/actions.js';
import { noticeMessage, tellPrivately } from '../deliver.js';
import { deliveryContext, elapsed, guarded, type ListenerDeps } from '../deps.js';
import { buttonValue, whereClicked } from './payload.js';

export const SHOW_EVIDENCE_ACTION_ID = ACTION_SHOW_EVIDENCE;

/** "Show evidence": the evidence cards for the treatment options of a summary, to the presser only. */
export const showEvidence =
  (deps: ListenerDeps) =>
  async ({ body, ack, client, respond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    const start = performance.now();
    await ack();
    const { channel, threadTs } = whereClicked(body);
    const user = body.user.id;
    const fields = { event: 'show_evidence', team: body.team?.id, channel, user };
    const ctx = deliveryContext(deps, fields);
    const audience = { client, user, channel, threadTs, respond };
    await guarded(
      deps,
      fields,
      (t) => tellPrivately(audience, noticeMessage(t), ctx),
      async () => {
        const value = ShowEvidenceValueSchema.safeParse(buttonValue(body));
        if (!value.success) {
          await tellPrivately(
            audience,
            noticeMessage('I could not read that button; please run the assessment again.'),
            ctx,
          );
          return;
        }
        const services = await deps.services();
        await tellPrivately(audience, services.render.evidence(value.data.options, value.data.stage), ctx);
        deps.log.info('handled', { ...fields, outcome: 'evidence', ms: elapsed(start) });
      },
    );
  };
