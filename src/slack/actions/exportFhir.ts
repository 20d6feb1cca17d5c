import type { WebClient } from '@slack/web-api';
import { DEFAULT_BASE_URL } from '../../fhir/context.js';
import { exportCase, type FhirSources } from '../../fhir/load.js';
import { KyselyDecisionRepository } from '../../store/decisionRepository.js';
import type { Store } from '../../store/openStore.js';
import { ACTION_CASE_EXPORT_FHIR, type CaseStoreDeps } from '../caseThread.js';
import { noticeMessage, tellPrivately } from '../deliver.js';
import type { ListenerDeps } from '../deps.js';
import { CALL_TIMEOUT_MS, timedFetch } from '../timedFetch.js';
import { CASE_CARD, caseButton, NOT_FOUND } from './caseButtons.js';
import { oncePerMessage } from './payload.js';

/** The decisions layer's records, when the store is the full store (it always is outside tests). */
function decisionsOf(store: CaseStoreDeps): FhirSources['decisions'] {
  const full = store as Partial<Store>;
  return full.db && full.dialect ? new KyselyDecisionRepository(full.db, full.dialect) : null;
}

/**
 * Uploads `content` as a file shared only in the app's direct message with `user` (files:write; passing the user
 * ID as the destination opens that DM, so no im:write is needed). The file is never shared in the channel.
 */
export async function sendFilePrivately(
  client: WebClient,
  user: string,
  file: { name: string; title: string; content: string; comment: string },
): Promise<void> {
  const bytes = Buffer.from(file.content, 'utf8');
  const target = await client.files.getUploadURLExternal({ filename: file.name, length: bytes.length });
  if (!target.upload_url || !target.file_id) throw new Error('files.getUploadURLExternal gave no upload URL');
  const upload = await timedFetch(CALL_TIMEOUT_MS)(target.upload_url, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  if (!upload.ok) throw new Error(`file upload failed with HTTP ${upload.status}`);
  // `channels` (which takes user IDs) is documented for this method but missing from the SDK's argument type.
  await client.apiCall('files.completeUploadExternal', {
    files: [{ id: target.file_id, title: file.title }],
    channels: user,
    initial_comment: file.comment,
  });
}

/**
 * *Export FHIR* on the case card: the case as a FHIR R4 Bundle, sent as a file to the person who pressed it, in
 * their direct message with the app, never in the channel. Only a member of the case's channel can export it
 * (the same rule as every case button), and the export is in the case's audit before the file leaves.
 */
export const caseExportFhirButton = (deps: ListenerDeps) =>
  caseButton(
    deps,
    ACTION_CASE_EXPORT_FHIR,
    CASE_CARD,
    oncePerMessage(deps, async (args, { audience, ctx, user }, caseId, store, scope) => {
      const out = await exportCase(
        { cases: store.cases, audit: store.audit, decisions: decisionsOf(store) },
        { id: caseId, scope, by: user, now: new Date(), baseUrl: deps.fhirBaseUrl ?? DEFAULT_BASE_URL },
      );
      if (!out.ok) {
        await tellPrivately(audience, noticeMessage(NOT_FOUND), ctx);
        return 'case-not-found';
      }
      await sendFilePrivately(args.client, user, {
        name: `${caseId}.fhir.json`,
        title: `Case ${caseId}: FHIR R4 bundle`,
        content: `${JSON.stringify(out.bundle, null, 2)}\n`,
        comment: `Case ${caseId} as a FHIR R4 Bundle (collection). It holds no patient identifier: the case ID is the only link.`,
      });
      await tellPrivately(
        audience,
        noticeMessage(`The FHIR bundle for case ${caseId} is in your direct messages with the app.`),
        ctx,
      );
      return 'fhir-exported';
    }),
  );
