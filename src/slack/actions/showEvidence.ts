import { ShowEvidenceValueSchema } from '../../render/actions.js';
import { noticeMessage, tellPrivately } from '../deliver.js';
import { elapsed, guarded, type ListenerDeps } from '../deps.js';
import type { ActionArgs } from '../router.js';
import { buttonValue, pressButton } from './payload.js';

/** "Show evidence": the evidence cards for the treatment options of a summary, to the presser only. */
export const showEvidence = (deps: ListenerDeps) => async (args: ActionArgs) => {
  const { start, fields, ctx, audience } = await pressButton(deps, 'show_evidence', args);
  await guarded(
    deps,
    fields,
    (t) => tellPrivately(audience, noticeMessage(t), ctx),
    async () => {
      const value = ShowEvidenceValueSchema.safeParse(buttonValue(args.body));
      if (!value.success) {
        await tellPrivately(
          audience,
          noticeMessage('I could not read that button; please run the assessment again.'),
          ctx,
        );
        return;
      }
      const services = deps.services;
      await tellPrivately(audience, services.render.evidence(value.data.options, value.data.stage), ctx);
      deps.log.info('handled', { ...fields, outcome: 'evidence', ms: elapsed(start) });
    },
  );
};
