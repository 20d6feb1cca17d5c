import type { AckFn, ViewOutput, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import { type Audience, type DeliveryContext, noticeMessage, tellPrivately } from '../deliver.js';
import { elapsed, type ListenerDeps } from '../deps.js';
import { WINDOW_SECONDS } from '../requestGate.js';

/**
 * How long a submitted view stays "already submitted": twice the window in which a signed request is accepted at
 * all, as the replay cache, so a double submit, a redelivery or a re-signed copy finds it. A view closed by its
 * submit is never submitted again by the person, so nothing legitimate waits on it; a submit that died before
 * answering holds that one view for at most this long (a form opened again is a new view).
 */
export const VIEW_CLAIM_MS = 2 * WINDOW_SECONDS * 1000;

export const ALREADY_SUBMITTED =
  'That form was already submitted a moment ago, so it was not recorded twice: its result shows where you opened the form. If nothing appears there, open the form again.';

/**
 * Once per submitted view, for a modal that writes or posts: the first submission claims (team, view id, view
 * hash) in the action claims (shared by every replica on PostgreSQL). The view's id and hash name what Slack
 * showed, never what was typed; the hash changes when the view is updated, so an updated view is a new claim.
 *
 * Returns the ack the listener uses instead of Bolt's: an answer that leaves the modal open (`errors`: the input
 * was refused, or the work failed) gives the claim back, so the person can correct it or simply submit again; an
 * answer that closes the modal keeps it. Returns undefined for a second submission while the claim is held (a
 * double submit, Slack's redelivery, a replay): it is acked with `clear`, which closes the form rather than
 * leave the person a form whose every submit would be refused, and the person is told privately, because a
 * replay's modal is already gone and only a private message reaches them.
 */
export async function oncePerView(
  deps: ListenerDeps,
  args: { body: ViewSubmitAction; view: ViewOutput; ack: AckFn<ViewResponseAction> },
  audience: Audience,
  ctx: DeliveryContext,
  start: number,
): Promise<AckFn<ViewResponseAction> | undefined> {
  const { body, view, ack } = args;
  const key = `view:${body.team?.id ?? ''}:${view.id}:${view.hash}`;
  if (await deps.actionClaims.claim(key, VIEW_CLAIM_MS)) {
    return async (response) => {
      if (response?.response_action && response.response_action !== 'clear')
        await deps.actionClaims.release(key);
      await ack(response);
    };
  }
  await ack({ response_action: 'clear' });
  await tellPrivately(audience, noticeMessage(ALREADY_SUBMITTED), ctx, 'ephemeral');
  deps.log.info('handled', { ...ctx.fields, outcome: 'already-submitted', ms: elapsed(start) });
  return undefined;
}
