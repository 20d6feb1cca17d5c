import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { worklistFor } from '../cases/worklist.js';
import { evidenceReviewed } from '../references/lookup.js';
import { aboutView } from '../render/about.js';
import { context as ctxBlock } from '../render/mrkdwn.js';
import { decisionsOf, serviceDeps } from './decisions/decisionServices.js';
import { worklistBlocks } from './decisions/worklist.js';
import type { ListenerDeps } from './deps.js';

/** The version users see on the About tab (kept in step with package.json by a test). */
export const APP_VERSION = '0.1.0';

/**
 * The person's worklist, from the channels of the workspace that hold cases and of which they are a member (asked
 * of Slack, remembered for a minute): nothing from any other channel is read. Empty without a store.
 */
async function worklist(
  deps: ListenerDeps,
  client: WebClient,
  team: string | undefined,
  user: string,
): Promise<KnownBlock[] | null> {
  const repo = decisionsOf(deps.store);
  const svc = deps.store ? serviceDeps(deps.store) : null;
  if (!team || !repo || !svc) return null;
  const channels = await deps.membership.memberOf(client, team, await repo.channelsOf(team), user);
  return worklistBlocks(await worklistFor(svc, team, channels));
}

/**
 * `app_home_opened` on the Home tab: publishes the About view for that person with their worklist below it. A
 * worklist that cannot be built leaves the About view (and says so). Logs only the outcome.
 */
export const appHomeOpened =
  (deps: ListenerDeps) =>
  async ({
    event,
    client,
    body,
    context,
  }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const start = performance.now();
    try {
      const team = context?.teamId ?? (body as { team_id?: string } | undefined)?.team_id;
      let more: KnownBlock[] = [];
      let outcome = 'about';
      try {
        const w = await worklist(deps, client, team, event.user);
        if (w) {
          more = w;
          outcome = 'about-worklist';
        }
      } catch (err) {
        more = [ctxBlock('Your worklist could not be loaded just now; open the Home tab again in a moment.')];
        outcome = 'worklist-failed';
        deps.log.warn('worklist failed', {
          event: 'app_home_opened',
          user: event.user,
          outcome,
          code: err instanceof Error ? err.name : 'unknown',
        });
      }
      await client.views.publish({
        user_id: event.user,
        view: aboutView({ version: APP_VERSION, reviewed: evidenceReviewed() }, more),
      });
      deps.log.info('handled', {
        event: 'app_home_opened',
        user: event.user,
        outcome,
        ms: Math.round(performance.now() - start),
      });
    } catch {
      deps.log.warn('handled', { event: 'app_home_opened', user: event.user, outcome: 'about-failed' });
    }
  };
