import type { ListenerDeps } from '../deps.js';
import { CASE_FORM_CALLBACK_ID } from '../form.js';
import type { Routes } from '../router.js';
import { caseFormSubmit } from './caseForm.js';

/** Every view callback_id the app handles. */
export const VIEWS = [CASE_FORM_CALLBACK_ID] as const;

export function register(app: Routes, deps: ListenerDeps): void {
  app.view(CASE_FORM_CALLBACK_ID, caseFormSubmit(deps));
}
