import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_OPEN_FORM } from '../../render/actions.js';
import type { ListenerDeps } from '../deps.js';
import { openCaseForm } from '../openCaseForm.js';
import { pressButton } from './payload.js';

export const OPEN_FORM_ACTION_ID = ACTION_OPEN_FORM;

/** "Open form" (on help): opens the case modal right after the ack, remembering the channel and thread. */
export const openForm =
  (deps: ListenerDeps) => async (args: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>) => {
    const { start, channel, threadTs, fields, ctx, audience } = await pressButton(deps, 'open_form', args);
    await openCaseForm(
      deps,
      { client: args.client, triggerId: args.body.trigger_id, origin: { channel, threadTs }, start },
      { audience, ctx, fields },
    );
  };
