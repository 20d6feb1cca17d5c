import { noticeMessage, tellPrivately } from '../deliver.js';
import { elapsed, guarded, type ListenerDeps } from '../deps.js';
import type { ActionArgs } from '../router.js';
import { buttonValue, pressButton } from './payload.js';
import { summaryFromButton } from './share.js';

/**
 * "All scores": re-assesses the structured case the button carries (nothing typed travels) and shows the details
 * of the summary (score grid with rule versions, the other options, the rules) to the presser only.
 */
export const allScores = (deps: ListenerDeps) => async (args: ActionArgs) => {
  const { start, fields, ctx, audience } = await pressButton(deps, 'all_scores', args);
  await guarded(
    deps,
    fields,
    (t) => tellPrivately(audience, noticeMessage(t), ctx),
    async () => {
      const details = summaryFromButton(buttonValue(args.body), deps.services, () => ({
        view: 'details',
        shareable: false,
      }));
      if (!details) {
        await tellPrivately(
          audience,
          noticeMessage('I could not read that button; please run the assessment again.'),
          ctx,
        );
        return;
      }
      await tellPrivately(audience, details, ctx);
      deps.log.info('handled', { ...fields, outcome: 'all-scores', ms: elapsed(start) });
    },
  );
};
