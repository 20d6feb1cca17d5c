import type { ButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { type CaseId, readCaseId } from '../../cases/caseId.js';
import { type CaseStoreDeps, historyMessage } from '../caseThread.js';
import { noticeMessage, postPublicly, tellPrivately } from '../deliver.js';
import { elapsed, guarded, type ListenerDeps } from '../deps.js';
import type { ActionArgs } from '../router.js';
import { type ButtonPress, oncePerMessage, pressButton } from './payload.js';

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

type Args = ActionArgs;
type Scope = { teamId: string; channelId: string };

/** How a case button reads its value, what it needs from the store, and which case to name in the log. */
export interface CaseButtonSpec<T, S> {
  read(raw: string | undefined): T | null;
  using(store: CaseStoreDeps): S | null;
  caseIdOf?(value: T): string;
}

/**
 * A button about a case: acked, then checked (a readable value, the team, the channel, the store, membership of
 * the channel) before `body` runs; any check that fails gets the same answer as a case that never existed.
 * `body` answers the person and returns the outcome to log.
 */
export function caseButton<T, S>(
  deps: ListenerDeps,
  event: string,
  spec: CaseButtonSpec<T, S>,
  body: (args: Args, press: ButtonPress, value: T, using: S, scope: Scope) => Promise<string>,
) {
  return async (args: Args) => {
    const press = await pressButton(deps, event, args);
    const { fields, ctx, audience, start, channel } = press;
    await guarded(
      deps,
      fields,
      (t) => tellPrivately(audience, noticeMessage(t), ctx),
      async () => {
        const value = spec.read((args.body.actions[0] as ButtonAction | undefined)?.value);
        const team = args.body.team?.id;
        const using = deps.store ? spec.using(deps.store) : null;
        if (
          !value ||
          !team ||
          !channel ||
          !using ||
          !(await isChannelMember(args.client, channel, press.user))
        ) {
          await tellPrivately(audience, noticeMessage(NOT_FOUND), ctx);
          deps.log.info('handled', { ...fields, outcome: 'case-not-found', ms: elapsed(start) });
          return;
        }
        const outcome = await body(args, press, value, using, { teamId: team, channelId: channel });
        const caseId = spec.caseIdOf?.(value);
        deps.log.info('handled', { ...fields, outcome, ...(caseId ? { caseId } : {}), ms: elapsed(start) });
      },
    );
  };
}

/** The case card's buttons carry the case ID alone, and need the case store. */
export const CASE_CARD: CaseButtonSpec<CaseId, CaseStoreDeps> = {
  read: (raw) => readCaseId(raw ?? ''),
  using: (store) => store,
  caseIdOf: (id) => id,
};

export const caseHistoryButton = (deps: ListenerDeps) =>
  caseButton(deps, 'case_history', CASE_CARD, async (_args, { audience, ctx }, caseId, store, scope) => {
    const message = await historyMessage(store, caseId, scope);
    await tellPrivately(audience, message ?? noticeMessage(NOT_FOUND), ctx);
    return message ? 'case-history' : 'case-not-found';
  });

export const caseDeleteButton = (deps: ListenerDeps) =>
  caseButton(
    deps,
    'case_delete',
    CASE_CARD,
    oncePerMessage(deps, async (_args, { audience, ctx, user }, caseId, store, scope) => {
      const deleted = await store.cases.delete(caseId, scope, user, new Date());
      if (!deleted) {
        await tellPrivately(audience, noticeMessage(NOT_FOUND), ctx);
        return 'case-not-found';
      }
      await postPublicly(
        { ...audience, channel: scope.channelId },
        noticeMessage(`Case ${caseId} was deleted by <@${user}>: its values and history are gone.`),
        ctx,
        'respond',
      );
      return 'case-deleted';
    }),
  );
