import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { hccCommand } from './hcc.js';

/** Every slash command the app listens to; the manifest test checks these against manifest.yml. */
export const COMMANDS = ['/hcc'] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.command('/hcc', hccCommand(deps));
}
