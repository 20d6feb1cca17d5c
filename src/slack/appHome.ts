import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { evidenceReviewed } from '../references/lookup.js';
import { aboutView } from '../render/about.js';
import type { ListenerDeps } from './deps.js';

/** The version users see on the About tab (kept in step with package.json by a test). */
export const APP_VERSION = '0.1.0';

/** `app_home_opened` on the Home tab: publishes the About view for that person. Logs only the outcome. */
export const appHomeOpened =
  (deps: ListenerDeps) =>
  async ({ event, client }: AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>) => {
    if (event.tab !== 'home') return;
    const start = performance.now();
    try {
      await client.views.publish({
        user_id: event.user,
        view: aboutView({ version: APP_VERSION, reviewed: evidenceReviewed() }),
      });
      deps.log.info('handled', {
        event: 'app_home_opened',
        user: event.user,
        outcome: 'about',
        ms: Math.round(performance.now() - start),
      });
    } catch {
      deps.log.warn('handled', { event: 'app_home_opened', user: event.user, outcome: 'about-failed' });
    }
  };
