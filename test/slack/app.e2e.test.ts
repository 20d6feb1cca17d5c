import { describe, expect, it } from 'vitest';
import { PRIVACY_TEXT } from '../../src/render/privacy.js';
import { buttonPress, caseFormSubmission, chosen, everything, SECRET, typed, useHarness } from './harness.js';
import { commandBody, postSigned } from './signed.js';

const h = useHarness();

const respondCalls = () => h.fake.calls.filter((c) => c.method.startsWith('/respond/'));
const texts = (calls: { body: Record<string, unknown> }[]) => calls.map((c) => String(c.body.text));

describe('/hcc over signed HTTP', () => {
  // How fast the ack goes out is measured by `npm run bench:load`, not by a timed unit test.
  it('acks `/hcc stage …` with 200 and the summary reaches response_url, ephemeral, with Share', async () => {
    const r = await h.command('stage bili 34 alb 31 inr 1.3');
    expect(r.status).toBe(200);
    await expect.poll(() => respondCalls().length).toBe(1);
    const reply = respondCalls()[0]!.body;
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toMatch(/^BCLC B/);
    expect(JSON.stringify(reply.blocks)).toContain('hcc_share');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('rejects a forged signature with 401 and never runs the listener', async () => {
    const r = await h.command('stage bili 34', {}, { signature: 'v0=deadbeef' });
    expect(r.status).toBe(401);
    await new Promise((res) => setTimeout(res, 100));
    expect(h.fake.calls).toHaveLength(0);
  });

  it('rejects a timestamp 6 minutes old with 401', async () => {
    const r = await h.command('stage bili 34', {}, { timestamp: Math.floor(Date.now() / 1000) - 360 });
    expect(r.status).toBe(401);
  });

  it('answers bare `/hcc` and `/hcc help` with help and an Open form button', async () => {
    await h.command('');
    await h.command('help');
    await expect.poll(() => respondCalls().length).toBe(2);
    for (const c of respondCalls()) {
      expect(c.body.text).toBe('HELP');
      expect(JSON.stringify(c.body.blocks)).toContain('hcc_open_form');
    }
  });

  it('answers an unknown subcommand with help and a note, not an error', async () => {
    await h.command('frobnicate the liver');
    await expect.poll(() => respondCalls().length).toBe(1);
    const body = respondCalls()[0]!.body;
    expect(String(body.text)).toContain("didn't recognise");
    expect(String(body.text)).toContain('HELP');
  });

  it('routes the focused views and aliases through the same pipeline', async () => {
    await h.command('cp bili 34');
    await expect.poll(() => respondCalls().length).toBe(1);
    expect(JSON.stringify(respondCalls()[0]!.body.blocks)).toContain('view=childpugh');
  });

  it('answers `/hcc mrecist …` and `/hcc refs …`', async () => {
    await h.command('mrecist baseline 50 nadir 40 now 20');
    await h.command('refs imbrave150');
    await expect.poll(() => texts(respondCalls()).sort()).toEqual(['MRECIST PR', 'REFS 1']);
  });

  it('sends parse errors to the invoker only', async () => {
    await h.command('stage bilu 34');
    await expect.poll(() => respondCalls().length).toBe(1);
    expect(respondCalls()[0]!.body.text).toBe('PROBLEMS parse-errors');
    expect(respondCalls()[0]!.body.response_type).toBe('ephemeral');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('opens the modal on `/hcc form` with the trigger_id and the channel in private_metadata', async () => {
    await h.command('form', { trigger_id: 'trig-form' });
    await expect.poll(() => h.fake.callsTo('views.open').length).toBe(1);
    const call = h.fake.callsTo('views.open')[0]!.body;
    expect(call.trigger_id).toBe('trig-form');
    const view = call.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('hcc_case_form');
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: 'C1' });
  });
});

describe('@mention in a thread', () => {
  const mention = (text: string, extra: Record<string, unknown> = {}) => ({
    type: 'app_mention',
    user: 'U1',
    text: `<@U0BOT> ${text}`,
    ts: '1700000000.000500',
    thread_ts: '1700000000.000100',
    channel: 'C1',
    ...extra,
  });

  it('replies into that thread with chat.postMessage and the parent thread_ts', async () => {
    const r = await h.event(mention('stage bili 34 alb 31'), 'Ev-thread-1');
    expect(r.status).toBe(200);
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    const post = h.fake.callsTo('chat.postMessage')[0]!.body;
    expect(post.channel).toBe('C1');
    expect(post.thread_ts).toBe('1700000000.000100');
    expect(String(post.text)).toMatch(/^BCLC B/);
    expect(JSON.stringify(post.blocks)).not.toContain('hcc_share');
  });

  it('does not post twice when Slack redelivers the same event with X-Slack-Retry-Num', async () => {
    await h.event(mention('stage bili 34'), 'Ev-retry-1');
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    const again = await h.event(mention('stage bili 34'), 'Ev-retry-1', {
      // Slack signs a redelivery afresh (a new timestamp), so the replay cache lets it through to the dedupe.
      timestamp: Math.floor(Date.now() / 1000) - 1,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(again.status).toBe(200);
    await new Promise((res) => setTimeout(res, 300));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(h.lines.some((l) => l.includes('"outcome":"duplicate"'))).toBe(true);
  });

  it('starts a thread under a top-level mention', async () => {
    await h.event(mention('bili 34 alb 31', { thread_ts: undefined, ts: '1700000000.000900' }), 'Ev-top-1');
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    expect(h.fake.callsTo('chat.postMessage')[0]!.body.thread_ts).toBe('1700000000.000900');
  });

  it('sends parse errors ephemerally to the author in the thread, never to the channel', async () => {
    await h.event(mention('stage bilu 34'), 'Ev-err-1');
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    const e = h.fake.callsTo('chat.postEphemeral')[0]!.body;
    expect(e).toMatchObject({ channel: 'C1', user: 'U1', thread_ts: '1700000000.000100' });
    expect(e.text).toBe('PROBLEMS parse-errors');
    await new Promise((res) => setTimeout(res, 100));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('warns privately about an identifier without echoing it anywhere', async () => {
    const identifier = 'MRN 88812345';
    await h.event(mention(`stage ${identifier} bili 34`), 'Ev-priv-1');
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    // The product's privacy text: the door's identifier screen adds its own notice only when none is there.
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.body.text).toBe(PRIVACY_TEXT);
    expect(everything(h.fake)).not.toContain('88812345');
    expect(h.lines.join('\n')).not.toContain('88812345');
  });

  it('answers `@app help` privately and `@app refs …` in the thread', async () => {
    await h.event(mention('help'), 'Ev-help-1');
    await h.event(mention('refs atezolizumab'), 'Ev-refs-1');
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.body.text).toBe('HELP');
    expect(h.fake.callsTo('chat.postMessage')[0]!.body.text).toBe('REFS 1');
  });
});

describe('message shortcut "Assess with HCC MDT"', () => {
  it('reads the chosen thread reply and answers the person ephemerally in that thread', async () => {
    const r = await h.interact({
      type: 'message_action',
      callback_id: 'hcc_assess_message',
      trigger_id: 'trig-sc',
      response_url: h.fake.respondUrl('sc-1'),
      message_ts: '1700000000.000700',
      message: {
        type: 'message',
        user: 'U9',
        ts: '1700000000.000700',
        thread_ts: '1700000000.000100',
        text: 'Case 3: bili 34 alb 31, 3 lesions',
      },
      user: { id: 'U1', name: 'someone' },
      channel: { id: 'C1', name: 'liver-mdt' },
      team: { id: 'T1', domain: 'mdt' },
      token: 'verification-token',
      action_ts: '1700000000.2',
    });
    expect(r.status).toBe(200);
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    const e = h.fake.callsTo('chat.postEphemeral')[0]!.body;
    expect(e).toMatchObject({ channel: 'C1', user: 'U1', thread_ts: '1700000000.000100' });
    expect(String(e.text)).toMatch(/^BCLC B/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('Share with channel', () => {
  const value = JSON.stringify({
    v: 1,
    input: { bilirubin: { value: 34, unit: 'umol/L' } },
    assumptions: ['bilirubin read as umol/L'],
    view: 'full',
  });

  it('posts the summary to the channel as the app, naming the sharer, and removes the ephemeral', async () => {
    const r = await h.interact(buttonPress(h.fake, 'hcc_share', value, {}, 'share-1'));
    expect(r.status).toBe(200);
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    const post = h.fake.callsTo('chat.postMessage')[0]!.body;
    expect(post.channel).toBe('C1');
    expect(post.thread_ts).toBeUndefined();
    expect(JSON.stringify(post.blocks)).toContain('Shared by <@U02SHARER>');
    expect(JSON.stringify(post.blocks)).not.toContain('hcc_share');
    await expect.poll(() => h.fake.callsTo('/respond/share-1').length).toBe(1);
    expect(h.fake.callsTo('/respond/share-1')[0]!.body.delete_original).toBe(true);
  });

  it('shares into the thread the ephemeral was in', async () => {
    await h.interact(buttonPress(h.fake, 'hcc_share', value, { threadTs: '1700000000.000100' }));
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    expect(h.fake.callsTo('chat.postMessage')[0]!.body.thread_ts).toBe('1700000000.000100');
  });

  it('shows evidence cards privately on "Show evidence"', async () => {
    await h.interact(
      buttonPress(h.fake, 'hcc_show_evidence', JSON.stringify({ stage: 'B', options: ['tace'] }), {}, 'ev-1'),
    );
    await expect.poll(() => h.fake.callsTo('/respond/ev-1').length).toBe(1);
    const body = h.fake.callsTo('/respond/ev-1')[0]!.body;
    expect(body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(body.text)).toContain('EVIDENCE B tace');
  });
});

describe('the case form', () => {
  it('opens from the help button with the channel and thread in private_metadata', async () => {
    await h.interact(buttonPress(h.fake, 'hcc_open_form', undefined, { threadTs: '1700000000.000100' }));
    await expect.poll(() => h.fake.callsTo('views.open').length).toBe(1);
    const body = h.fake.callsTo('views.open')[0]!.body;
    expect(body.trigger_id).toBe('trigger-btn');
    const view = body.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: 'C1', thread_ts: '1700000000.000100' });
  });

  const submission = (values: Record<string, unknown>) =>
    caseFormSubmission(values, { channel: 'C1', thread_ts: '1700000000.000100' });
  const text = typed;
  const choice = chosen;

  it('assesses a valid submission and shows it privately in the thread with the Share button', async () => {
    const r = await h.interact(
      submission({
        units: choice('si'),
        bilirubin: text('34'),
        albumin: text('31'),
        ascites: choice('mild'),
        nodulesCm: text('4.2, 2.1'),
        macrovascularInvasion: choice('yes'),
        extrahepaticSpread: choice('unknown'),
      }),
    );
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    const e = h.fake.callsTo('chat.postEphemeral')[0]!.body;
    expect(e).toMatchObject({ channel: 'C1', user: 'U1', thread_ts: '1700000000.000100' });
    expect(JSON.stringify(e.blocks)).toContain('hcc_share');
    const shared = JSON.parse(
      (e.blocks as { elements?: { value?: string }[] }[]).flatMap((b) => b.elements ?? [])[0]!.value!,
    );
    expect(shared.input).toEqual({
      bilirubin: { value: 34, unit: 'umol/L' },
      albumin: { value: 31, unit: 'g/L' },
      ascites: 'mild',
      nodulesCm: [4.2, 2.1],
      macrovascularInvasion: true,
    });
  });

  it('answers invalid values in the modal with response_action errors, per block', async () => {
    const r = await h.interact(submission({ bilirubin: text('thirty'), nodulesCm: text('4.2, big') }));
    expect(r.status).toBe(200);
    const body = (await r.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['bilirubin', 'nodulesCm']);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  });

  it('answers a value out of range on its block, in the field’s words, with an example', async () => {
    const r = await h.interact(submission({ inr: text('12') }));
    const body = (await r.json()) as { response_action: string; errors: Record<string, string> };
    expect(body).toEqual({
      response_action: 'errors',
      errors: { inr: 'INR must be between 0.5 and 10, e.g. 1.3' },
    });
  });
});

describe('health and routing', () => {
  it('answers GET /healthz with 200', async () => {
    const r = await fetch(`${h.base}/healthz`);
    expect(r.status).toBe(200);
  });

  it('answers a charset content type on a form body with 400 (the Bolt gotcha the helper avoids)', async () => {
    const body = commandBody({ command: '/hcc', text: 'help' });
    const r = await postSigned(`${h.base}/slack/events`, SECRET, body, {
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(r.status).toBe(400);
  });
});
