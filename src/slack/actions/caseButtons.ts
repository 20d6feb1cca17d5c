import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { readCaseId } from '../../cases/caseId.js';
import { ACTION_CASE_DELETE, ACTION_CASE_HISTORY, historyMessage } from '../caseThread.js';
import { noticeMessage, postPublicly, tellPrivately } from '../deliver.js';
import { elapsed, guarded, type ListenerDeps } from '../deps.js';
import { pressButton } from './payload.js';

export { ACTION_CASE_DELETE, ACTION_CASE_HISTORY };

/**
 * The case card's buttons. A case exists only in its channel and only for the channel's members: pressed from
 * anywhere else, or by someone who is not a member (a public channel can be read without joining), the answer is
 * the same as for a case that never existed.
 */
export const NOT_FOUND =
  'That case does not exist here. Cases are visible only in their own channel, to its members.';

/** Is the user a member of the channel? Pages through conversations.members (channels:read, groups:read). */
export async function isChannelMember(client: WebClient, channel: string, user: string): Promise<boolean> {
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const r = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
    if (r.members?.includes(user)) return true;
    cursor = r.response_metadata?.next_cursor || undefined;
    if (!cursor) return false;
  }
  return false;
}

type Args = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>;

export function caseButton(
  deps: ListenerDeps,
  event: string,
  body: (
    args: Args,
    press: Awaited<ReturnType<typeof pressButton>>,
    caseId: string,
    scope: { teamId: string; channelId: string },
  ) => Promise<string>,
) {
  return async (args: Args) => {
    const press = await pressButton(deps, event, args);
    const { fields, ctx, audience, start, channel } = press;
    await guarded(
      deps,
      fields,
      (t) => tellPrivately(audience, noticeMessage(t), ctx),
      async () => {
        const caseId = readCaseId((args.body.actions[0] as ButtonAction | undefined)?.value ?? '');
        const team = args.body.team?.id;
        const store = deps.store;
        if (
          !caseId ||
          !team ||
          !channel ||
          !store ||
          !(await isChannelMember(args.client, channel, press.user))
        ) {
          await tellPrivately(audience, noticeMessage(NOT_FOUND), ctx);
          deps.log.info('handled', { ...fields, outcome: 'case-not-found', ms: elapsed(start) });
          return;
        }
        const outcome = await body(args, press, caseId, { teamId: team, channelId: channel });
        deps.log.info('handled', { ...fields, outcome, caseId, ms: elapsed(start) });
      },
    );
  };
}

export const caseHistoryButton = (deps: ListenerDeps) =>
  caseButton(deps, 'case_history', async (_args, { audience, ctx }, caseId, scope) => {
    const message = deps.store ? await historyMessage(deps.store, caseId, scope) : null;
    await tellPrivately(audience, message ?? noticeMessage(NOT_FOUND), ctx);
    return message ? 'case-history' : 'case-not-found';
  });

export const caseDeleteButton = (deps: ListenerDeps) =>
  caseButton(deps, 'case_delete', async (_args, { audience, ctx, user, channel }, caseId, scope) => {
    const deleted = deps.store ? await deps.store.cases.delete(caseId, scope, user, new Date()) : false;
    if (!deleted || !channel) {
      await tellPrivately(audience, noticeMessage(NOT_FOUND), ctx);
      return 'case-not-found';
    }
    await postPublicly(
      { ...audience, channel },
      noticeMessage(`Case ${caseId} was deleted by <@${user}>: its values and history are gone.`),
      ctx,
      'respond',
    );
    return 'case-deleted';
  });
