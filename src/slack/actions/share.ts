import type { ButtonAction } from '@slack/bolt';
import {
  carriedNotes,
  MrecistShareValueSchema,
  type ShareValue,
  ShareValueSchema,
} from '../../render/actions.js';
import { BLOCK_KIT_LIMITS } from '../../render/limits.js';
import type { SlackMessage } from '../../render/slackMessage.js';
import { SHARE_CLAIM_MS } from '../actionClaims.js';
import { noticeMessage, postPublicly, tellPrivately } from '../deliver.js';
import { elapsed, guarded, type ListenerDeps } from '../deps.js';
import { screenMessage } from '../identifierScreen.js';
import type { ActionArgs } from '../router.js';
import type { Services, SummaryOptions } from '../services.js';
import { buttonValue, pressButton } from './payload.js';

/** The post a Share button's value stands for, rebuilt from the value alone; null when the value is unusable. */
type BuildShared = (value: unknown, services: Services, sharedBy: string) => SlackMessage | null;

/**
 * "Share with channel": rebuilds the post from the structured value the button carries (nothing typed travels),
 * posts it to the channel (in the thread when the ephemeral was in one) as the app, naming who shared it, then
 * removes the ephemeral. Once per message: a double click, Slack's retry or a replay finds the claim and is told
 * privately. Any refusal from Slack is explained to the person privately.
 */
const shareOnce = (event: string, build: BuildShared) => (deps: ListenerDeps) => async (args: ActionArgs) => {
  const { start, channel, user, fields, ctx, audience } = await pressButton(deps, event, args);
  await guarded(
    deps,
    fields,
    (t) => tellPrivately(audience, noticeMessage(t), ctx),
    async () => {
      // Slack never sends a button value over its 2,000-character limit; a longer one is forged or tampered.
      const rawValue = (args.body.actions[0] as ButtonAction | undefined)?.value ?? '';
      const value = rawValue.length <= BLOCK_KIT_LIMITS.buttonValue ? buttonValue(args.body) : undefined;
      const built = value === undefined ? null : build(value, deps.services, user);
      // The caveats travel in the value: a tampered one carrying an identifier is screened like typed text.
      const shared = built && screenMessage(built, rawValue);
      if (!shared || !channel) {
        deps.log.warn('handled', { ...fields, outcome: 'share-invalid', ms: elapsed(start) });
        await tellPrivately(
          audience,
          noticeMessage('I could not share that result; please run it again.'),
          ctx,
        );
        return;
      }
      const messageTs = (args.body.container as { message_ts?: unknown } | undefined)?.message_ts;
      const claimKey = `share:${args.body.team?.id ?? ''}:${channel}:${typeof messageTs === 'string' ? messageTs : JSON.stringify(value)}`;
      if (!(await deps.actionClaims.claim(claimKey, SHARE_CLAIM_MS))) {
        await tellPrivately(audience, noticeMessage('That has already been shared in the channel.'), ctx);
        deps.log.info('handled', { ...fields, outcome: 'already-shared', ms: elapsed(start) });
        return;
      }
      const posted = await postPublicly({ ...audience, channel }, shared, ctx, 'respond');
      if (!posted) await deps.actionClaims.release(claimKey);
      if (posted) {
        try {
          await args.respond({ delete_original: true });
        } catch {
          // The ephemeral may already be gone; the share itself succeeded.
        }
      }
      deps.log.info('handled', {
        ...fields,
        outcome: posted ? 'shared' : 'share-failed',
        ms: elapsed(start),
      });
    },
  );
};

/**
 * The case summary a Share or All scores button stands for: re-assessed from the validated CaseInput, with the
 * caveats the parser added when the case was typed (structured input has none of its own), so it shows exactly
 * the caveats of the private summary. null when the value is unusable.
 */
export function summaryFromButton(
  raw: unknown,
  services: Services,
  options: (value: ShareValue) => SummaryOptions,
): SlackMessage | null {
  const value = ShareValueSchema.safeParse(raw);
  if (!value.success) return null;
  const outcome = services.assessCaseInput(value.data.input);
  if (outcome.status !== 'assessed') return null;
  return services.render.summary({ ...outcome, ...carriedNotes(value.data) }, options(value.data));
}

export const share = shareOnce('share', (raw, services, user) =>
  summaryFromButton(raw, services, (value) => ({ view: value.view, sharedBy: user, shareable: false })),
);

/** The mRECIST response: recomputed from the sums the button carries, rendered as the preview was. */
export const shareMrecist = shareOnce('share_mrecist', (raw, services, user) => {
  const value = MrecistShareValueSchema.safeParse(raw);
  if (!value.success) return null;
  return services.render.mrecist(services.mrecist(value.data.input), { sharedBy: user });
});
