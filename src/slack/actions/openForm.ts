import type { ListenerDeps } from '../deps.js';
import { openCaseForm } from '../openCaseForm.js';
import type { ActionArgs } from '../router.js';
import { pressButton } from './payload.js';

/** "Open form" (on help): opens the case modal right after the ack, remembering the channel and thread. */
export const openForm = (deps: ListenerDeps) => async (args: ActionArgs) => {
  const { start, channel, threadTs, fields, ctx, audience } = await pressButton(deps, 'open_form', args);
  await openCaseForm(
    deps,
    { client: args.client, triggerId: args.body.trigger_id, origin: { channel, threadTs }, start },
    { audience, ctx, fields },
  );
};
