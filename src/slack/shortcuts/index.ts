import type { App, MessageShortcut } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { ASSESS_MESSAGE_CALLBACK_ID, assessMessage } from './assessMessage.js';

/** Every shortcut callback_id the app handles (type: message); checked against manifest.yml by a test. */
export const SHORTCUTS = [{ callback_id: ASSESS_MESSAGE_CALLBACK_ID, type: 'message' }] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>(
    { callback_id: ASSESS_MESSAGE_CALLBACK_ID, type: 'message_action' },
    assessMessage(deps),
  );
}
