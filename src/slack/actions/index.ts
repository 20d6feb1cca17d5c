import {
  ACTION_ALL_SCORES,
  ACTION_OPEN_FORM,
  ACTION_SHARE,
  ACTION_SHARE_MRECIST,
  ACTION_SHOW_EVIDENCE,
} from '../../render/actions.js';
import { ACTION_CASE_DELETE, ACTION_CASE_EXPORT_FHIR, ACTION_CASE_HISTORY } from '../caseThread.js';
import type { ListenerDeps } from '../deps.js';
import type { Routes } from '../router.js';
import { allScores } from './allScores.js';
import { caseDeleteButton, caseHistoryButton } from './caseButtons.js';
import { caseExportFhirButton } from './exportFhir.js';
import { openForm } from './openForm.js';
import { share, shareMrecist } from './share.js';
import { showEvidence } from './showEvidence.js';

/** Every block action id the app handles (the buttons the renderers draw). */
export const ACTIONS = [
  ACTION_SHARE,
  ACTION_SHARE_MRECIST,
  ACTION_SHOW_EVIDENCE,
  ACTION_OPEN_FORM,
  ACTION_CASE_HISTORY,
  ACTION_CASE_DELETE,
  ACTION_ALL_SCORES,
  ACTION_CASE_EXPORT_FHIR,
] as const;

export function register(app: Routes, deps: ListenerDeps): void {
  app.action(ACTION_SHARE, share(deps));
  app.action(ACTION_SHARE_MRECIST, shareMrecist(deps));
  app.action(ACTION_SHOW_EVIDENCE, showEvidence(deps));
  app.action(ACTION_OPEN_FORM, openForm(deps));
  app.action(ACTION_CASE_HISTORY, caseHistoryButton(deps));
  app.action(ACTION_CASE_DELETE, caseDeleteButton(deps));
  app.action(ACTION_ALL_SCORES, allScores(deps));
  app.action(ACTION_CASE_EXPORT_FHIR, caseExportFhirButton(deps));
}
