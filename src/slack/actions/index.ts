import type { App, BlockAction } from '@slack/bolt';
import { ACTION_ALL_SCORES } from '../../render/actions.js';
import type { ListenerDeps } from '../deps.js';
import { allScores } from './allScores.js';
import {
  ACTION_CASE_DELETE,
  ACTION_CASE_HISTORY,
  caseDeleteButton,
  caseHistoryButton,
} from './caseButtons.js';
import { ACTION_CASE_EXPORT_FHIR, caseExportFhirButton } from './exportFhir.js';
import { OPEN_FORM_ACTION_ID, openForm } from './openForm.js';
import { SHARE_ACTION_ID, SHARE_MRECIST_ACTION_ID, share, shareMrecist } from './share.js';
import { SHOW_EVIDENCE_ACTION_ID, showEvidence } from './showEvidence.js';

/** Every block action id the app handles (the buttons the renderers draw). */
export const ACTIONS = [
  SHARE_ACTION_ID,
  SHARE_MRECIST_ACTION_ID,
  SHOW_EVIDENCE_ACTION_ID,
  OPEN_FORM_ACTION_ID,
  ACTION_CASE_HISTORY,
  ACTION_CASE_DELETE,
  ACTION_ALL_SCORES,
  ACTION_CASE_EXPORT_FHIR,
] as const;

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction>(SHARE_ACTION_ID, share(deps));
  app.action<BlockAction>(SHARE_MRECIST_ACTION_ID, shareMrecist(deps));
  app.action<BlockAction>(SHOW_EVIDENCE_ACTION_ID, showEvidence(deps));
  app.action<BlockAction>(OPEN_FORM_ACTION_ID, openForm(deps));
  app.action<BlockAction>(ACTION_CASE_HISTORY, caseHistoryButton(deps));
  app.action<BlockAction>(ACTION_CASE_DELETE, caseDeleteButton(deps));
  app.action<BlockAction>(ACTION_ALL_SCORES, allScores(deps));
  app.action<BlockAction>(ACTION_CASE_EXPORT_FHIR, caseExportFhirButton(deps));
}
