import type { App } from '@slack/bolt';
import { appHomeOpened } from '../appHome.js';
import type { ListenerDeps } from '../deps.js';
import { appMention } from './appMention.js';

/** Every Events API event the app subscribes to; the manifest test checks these against manifest.yml. */
export const EVENTS = ['app_mention', 'app_home_opened'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMention(deps));
  app.event('app_home_opened', appHomeOpened(deps));
}
