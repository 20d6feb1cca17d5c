import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_ALL_SCORES, carriedNotes, ShareValueSchema } from '../../render/actions.js';
import { noticeMessage, tellPrivately } from '../deliver.js';
import { elapsed, guarded, type ListenerDeps } from '../deps.js';
import { buttonValue, pressButton } from './payload.js';

/**
 * "All scores": re-assesses the structured case the button carries (nothing typed travels) and shows the details
 * of the summary (score grid with rule versions, the other options, the rules) to the presser only.
 */
export const allScores =
  (deps: ListenerDeps) => async (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    const { start, fields, ctx, audience } = await pressButton(deps, 'all_scores', args);
    await guarded(
      deps,
      fields,
      (t) => tellPrivately(audience, noticeMessage(t), ctx),
      async () => {
        const value = ShareValueSchema.safeParse(buttonValue(args.body));
        const services = deps.services;
        const outcome = value.success ? services.assessCaseInput(value.data.input) : undefined;
        if (!value.success || outcome?.status !== 'assessed') {
          await tellPrivately(
            audience,
            noticeMessage('I could not read that button; please run the assessment again.'),
            ctx,
          );
          return;
        }
        const details = services.render.summary(
          { ...outcome, ...carriedNotes(value.data) },
          { view: 'details', shareable: false },
        );
        await tellPrivately(audience, details, ctx);
        deps.log.info('handled', { ...fields, outcome: 'all-scores', ms: elapsed(start) });
      },
    );
  };
