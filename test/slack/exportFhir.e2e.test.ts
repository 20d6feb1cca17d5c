import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import type { CaseId } from '../../src/cases/caseId.js';
import { loadConfig } from '../../src/slack/config.js';
import { bundleProblems } from '../fhir/validate.js';
import { sqliteBackend } from '../store/backends.js';
import { buttonPress, everything } from './harness.js';
import { mention, SCOPE, storeHarness, THREAD } from './storeHarness.js';

/** *Export FHIR* end to end: the real app, a real SQLite store, a fake Slack Web API on 127.0.0.1. */

describe('Export FHIR on the case card', () => {
  const env = storeHarness(sqliteBackend);

  async function caseInThread(): Promise<CaseId> {
    await env.h.event(
      mention(
        'stage bili 15 umol/L, alb 41 g/L, INR 1.1, no ascites, no HE, ECOG 0, 4 nodules largest 4 cm, no PVTT',
        { ts: '1700000001.000001' },
      ),
      'Ev-f1',
    );
    await expect.poll(() => env.h.fake.callsTo('chat.postMessage').length).toBe(2);
    return (await env.store.cases.findByThread(SCOPE, THREAD))!.id;
  }

  it('a double click exports once; the second press is told privately', async () => {
    const id = await caseInThread();
    env.h.fake.on('conversations.members', {
      body: { ok: true, members: ['U02SHARER'], response_metadata: {} },
    });
    env.h.fake.on('files.getUploadURLExternal', {
      body: { ok: true, upload_url: env.h.fake.respondUrl('upload-F2'), file_id: 'F2' },
    });
    const first = buttonPress(env.h.fake, 'case_export_fhir', id, { threadTs: THREAD }, 'twice-1');
    const second = {
      ...first,
      response_url: env.h.fake.respondUrl('twice-2'),
      actions: [{ ...first.actions[0]!, action_ts: '1700000000.9' }],
    };
    await Promise.all([env.h.interact(first), env.h.interact(second)]);
    await expect
      .poll(() => env.h.fake.calls.filter((c) => /already done/.test(String(c.body.text))).length)
      .toBe(1);
    await expect.poll(() => env.h.fake.callsTo('files.completeUploadExternal').length).toBe(1);
    expect(env.h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(1);
  });

  it('the card offers it; a member gets the bundle as a file in their DM, and the export is audited', async () => {
    const id = await caseInThread();
    const card = JSON.stringify(env.h.fake.callsTo('chat.postMessage')[0]?.body.blocks);
    expect(card).toContain('"action_id":"case_export_fhir"');

    env.h.fake.on('conversations.members', {
      body: { ok: true, members: ['U02SHARER'], response_metadata: {} },
    });
    env.h.fake.on('files.getUploadURLExternal', {
      body: { ok: true, upload_url: env.h.fake.respondUrl('upload-F1'), file_id: 'F1' },
    });
    await env.h.interact(buttonPress(env.h.fake, 'case_export_fhir', id, { threadTs: THREAD }, 'member'));
    await expect.poll(() => env.h.fake.callsTo('files.completeUploadExternal').length).toBe(1);

    const complete = env.h.fake.callsTo('files.completeUploadExternal')[0]!.body;
    expect(complete.channels).toBe('U02SHARER');
    expect(complete.channel_id).toBeUndefined();
    expect(complete.files).toEqual([{ id: 'F1', title: `Case ${id}: FHIR R4 bundle` }]);
    const requested = env.h.fake.callsTo('files.getUploadURLExternal')[0]!.body;
    expect(requested.filename).toBe(`${id}.fhir.json`);

    const uploaded = env.h.fake.callsTo('/respond/upload-F1')[0]!.raw;
    expect(Number(requested.length)).toBe(Buffer.byteLength(uploaded));
    const bundle = JSON.parse(uploaded) as Bundle;
    expect(bundle.entry?.[0]?.resource).toMatchObject({
      resourceType: 'Patient',
      identifier: [{ value: id }],
    });
    expect(bundleProblems(bundle)).toEqual([]);

    await expect.poll(() => env.h.fake.callsTo('/respond/member').length).toBe(1);
    expect(JSON.stringify(env.h.fake.callsTo('/respond/member')[0]?.body)).toContain(
      'in your direct messages',
    );
    // Nothing of the bundle is posted where others can see it.
    expect(env.h.fake.callsTo('chat.postMessage')).toHaveLength(2);

    const audit = await env.store.audit.forCase(id, SCOPE);
    expect(audit.at(-1)).toMatchObject({ action: 'fhir.exported', actor: 'U02SHARER' });
  });

  it('a non-member is told the case does not exist, and nothing is uploaded or audited', async () => {
    const id = await caseInThread();
    const before = (await env.store.audit.forCase(id, SCOPE)).length;
    env.h.fake.on('conversations.members', {
      body: { ok: true, members: ['U0SOMEONE'], response_metadata: {} },
    });
    await env.h.interact(buttonPress(env.h.fake, 'case_export_fhir', id, { threadTs: THREAD }, 'outsider'));
    await expect.poll(() => env.h.fake.callsTo('/respond/outsider').length).toBe(1);
    expect(JSON.stringify(env.h.fake.callsTo('/respond/outsider')[0]?.body)).toContain('does not exist here');
    expect(env.h.fake.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(everything(env.h.fake)).not.toContain('"resourceType"');
    expect(await env.store.audit.forCase(id, SCOPE)).toHaveLength(before);
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
