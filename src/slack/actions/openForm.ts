import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_OPEN_FORM } from '../../render/actions.js';
import { classify, explain, noticeMessage, tellPrivately } from '../deliver.js';
import { elapsed, type ListenerDeps } from '../deps.js';
import { buildCaseForm } from '../form.js';
import { pressButton } from './payload.js';

export const OPEN_FORM_ACTION_ID = ACTION_OPEN_FORM;

/** "Open form" (on help): opens the case modal right after the ack, remembering the channel and thread. */
export const openForm =
  (deps: ListenerDeps) => async (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    const { start, channel, threadTs, fields, ctx, audience } = await pressButton(deps, 'open_form', args);
    try {
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: buildCaseForm(
          { ...(channel ? { channel } : {}), ...(threadTs ? { thread_ts: threadTs } : {}) },
          deps.units,
        ),
      });
      deps.log.info('handled', { ...fields, outcome: 'form-opened', ms: elapsed(start) });
    } catch (err) {
      const failure = classify(err);
      deps.log.warn('handled', { ...fields, outcome: 'form-failed', code: failure.code, ms: elapsed(start) });
      await tellPrivately(audience, noticeMessage(`I couldn't open the form. ${explain(failure)}`), ctx);
    }
  };
