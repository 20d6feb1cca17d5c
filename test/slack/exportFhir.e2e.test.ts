import type { Bundle } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseId } from '../../src/cases/caseId.js';
import { loadConfig } from '../../src/slack/config.js';
import { openStore, type Store } from '../../src/store/openStore.js';
import { bundleProblems } from '../fhir/validate.js';
import { type FreshStore, sqliteBackend } from '../store/backends.js';
import { buttonPress, everything, type Harness, startHarness } from './harness.js';

/** *Export FHIR* end to end: the real app, a real SQLite store, a fake Slack Web API on 127.0.0.1. */

const THREAD = '1700000000.000100';
const mention = (text: string, ts: string) => ({
  type: 'app_mention',
  user: 'U0ALICE',
  text: `<@U0BOT> ${text}`,
  ts,
  thread_ts: THREAD,
  channel: 'C1',
});
const SCOPE = { teamId: 'T1', channelId: 'C1' };

describe('Export FHIR on the case card', () => {
  let fresh: FreshStore;
  let store: Store;
  let h: Harness;
  beforeEach(async () => {
    fresh = await sqliteBackend.fresh();
    store = await openStore(fresh.location);
    h = await startHarness({ services: 'real', store });
  });
  afterEach(async () => {
    await h.close();
    await store.close();
    await fresh.drop();
  });

  async function caseInThread(): Promise<CaseId> {
    await h.event(
      mention(
        'stage bili 15 umol/L, alb 41 g/L, INR 1.1, no ascites, no HE, ECOG 0, 4 nodules largest 4 cm, no PVTT',
        '1700000001.000001',
      ),
      'Ev-f1',
    );
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(2);
    return (await store.cases.findByThread(SCOPE, THREAD))!.id;
  }

  it('the card offers it; a member gets the bundle as a file in their DM, and the export is audited', async () => {
    const id = await caseInThread();
    const card = JSON.stringify(h.fake.callsTo('chat.postMessage')[0]?.body.blocks);
    expect(card).toContain('"action_id":"case_export_fhir"');

    h.fake.on('conversations.members', { body: { ok: true, members: ['U02SHARER'], response_metadata: {} } });
    h.fake.on('files.getUploadURLExternal', {
      body: { ok: true, upload_url: h.fake.respondUrl('upload-F1'), file_id: 'F1' },
    });
    await h.interact(buttonPress(h.fake, 'case_export_fhir', id, { threadTs: THREAD }, 'member'));
    await expect.poll(() => h.fake.callsTo('files.completeUploadExternal').length).toBe(1);

    const complete = h.fake.callsTo('files.completeUploadExternal')[0]!.body;
    expect(complete.channels).toBe('U02SHARER');
    expect(complete.channel_id).toBeUndefined();
    expect(complete.files).toEqual([{ id: 'F1', title: `Case ${id}: FHIR R4 bundle` }]);
    const requested = h.fake.callsTo('files.getUploadURLExternal')[0]!.body;
    expect(requested.filename).toBe(`${id}.fhir.json`);

    const uploaded = h.fake.callsTo('/respond/upload-F1')[0]!.raw;
    expect(Number(requested.length)).toBe(Buffer.byteLength(uploaded));
    const bundle = JSON.parse(uploaded) as Bundle;
    expect(bundle.entry?.[0]?.resource).toMatchObject({
      resourceType: 'Patient',
      identifier: [{ value: id }],
    });
    expect(bundleProblems(bundle)).toEqual([]);

    await expect.poll(() => h.fake.callsTo('/respond/member').length).toBe(1);
    expect(JSON.stringify(h.fake.callsTo('/respond/member')[0]?.body)).toContain('in your direct messages');
    // Nothing of the bundle is posted where others can see it.
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);

    const audit = await store.audit.forCase(id, SCOPE);
    expect(audit.at(-1)).toMatchObject({ action: 'fhir.exported', actor: 'U02SHARER' });
  });

  it('a non-member is told the case does not exist, and nothing is uploaded or audited', async () => {
    const id = await caseInThread();
    const before = (await store.audit.forCase(id, SCOPE)).length;
    h.fake.on('conversations.members', { body: { ok: true, members: ['U0SOMEONE'], response_metadata: {} } });
    await h.interact(buttonPress(h.fake, 'case_export_fhir', id, { threadTs: THREAD }, 'outsider'));
    await expect.poll(() => h.fake.callsTo('/respond/outsider').length).toBe(1);
    expect(JSON.stringify(h.fake.callsTo('/respond/outsider')[0]?.body)).toContain('does not exist here');
    expect(h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(everything(h.fake)).not.toContain('"resourceType"');
    expect(await store.audit.forCase(id, SCOPE)).toHaveLength(before);
  });
});

describe('HCC_MDT_FHIR_BASE_URL', () => {
  const env = { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret' };
  it('defaults to the reserved base and takes an http(s) URL', () => {
    const d = loadConfig(env);
    expect(d.ok && d.config.fhirBaseUrl).toBe('https://hcc-mdt.invalid/fhir');
    const c = loadConfig({ ...env, HCC_MDT_FHIR_BASE_URL: 'https://mdt.hospital.example/fhir/' });
    expect(c.ok && c.config.fhirBaseUrl).toBe('https://mdt.hospital.example/fhir');
  });
  it('stops start-up with a message naming the variable when it is not a URL', () => {
    const r = loadConfig({ ...env, HCC_MDT_FHIR_BASE_URL: 'not a url' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/HCC_MDT_FHIR_BASE_URL must be an http\(s\) URL/);
  });
});
