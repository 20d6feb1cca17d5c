import type { App, ViewSubmitAction } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { CASE_FORM_CALLBACK_ID } from '../form.js';
import { caseFormSubmit } from './caseForm.js';

/** Every view callback_id the app handles. */
export const VIEWS = [CASE_FORM_CALLBACK_ID] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(CASE_FORM_CALLBACK_ID, caseFormSubmit(deps));
}
