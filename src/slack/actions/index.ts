import type { App, BlockAction } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { OPEN_FORM_ACTION_ID, openForm } from './openForm.js';
import { SHARE_ACTION_ID, share } from './share.js';
import { SHOW_EVIDENCE_ACTION_ID, showEvidence } from './showEvidence.js';

/** Every block action id the app handles (the buttons the renderers draw). */
export const ACTIONS = [SHARE_ACTION_ID, SHOW_EVIDENCE_ACTION_ID, OPEN_FORM_ACTION_ID] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(SHARE_ACTION_ID, share(deps));
  app.action<BlockAction>(SHOW_EVIDENCE_ACTION_ID, showEvidence(deps));
  app.action<BlockAction>(OPEN_FORM_ACTION_ID, openForm(deps));
}
