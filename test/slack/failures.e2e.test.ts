import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buttonPress, type Harness, startHarness } from './harness.js';

/**
 * Slack refusing our calls: the person gets a clear private explanation, the app keeps serving.
 * (Web API retries are off in tests; a 429 Retry-After is waited out once, up to 1 s here.)
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.fake.reset());

const shareValue = JSON.stringify({ v: 1, input: { inr: 1.3 }, assumptions: [], view: 'full' });
const share = (id: string) => h.interact(buttonPress(h.fake, 'hcc_share', shareValue, {}, id));
const respondText = (id: string) => String(h.fake.callsTo(`/respond/${id}`)[0]?.body.text ?? '');
const mention = (id: string) =>
  h.event(
    {
      type: 'app_mention',
      user: 'U1',
      text: '<@U0BOT> stage bili 34',
      ts: '1700000000.000500',
      thread_ts: '1700000000.000100',
      channel: 'C1',
    },
    id,
  );

async function stillServing() {
  const r = await fetch(`${h.base}/healthz`);
  expect(r.status).toBe(200);
}

describe('Share when Slack refuses chat.postMessage', () => {
  it.each([
    ['not_in_channel', /invite me with `\/invite @hcc-mdt`/],
    ['channel_not_found', /invite me/],
  ])('%s → the sharer is told to invite the app', async (error, pattern) => {
    h.fake.on('chat.postMessage', { body: { ok: false, error } });
    const r = await share(`s-${error}`);
    expect(r.status).toBe(200);
    await expect.poll(() => respondText(`s-${error}`)).toMatch(pattern);
    expect(h.fake.callsTo(`/respond/s-${error}`)[0]!.body.response_type).toBe('ephemeral');
    await stillServing();
  });

  it('HTTP 500 → "Slack had a problem", nothing posted, no crash', async () => {
    h.fake.on('chat.postMessage', { status: 500, body: { ok: false } });
    await share('s-500');
    await expect
      .poll(() => respondText('s-500'))
      .toMatch(/Slack had a problem delivering my reply \(HTTP 500\)/);
    await stillServing();
  });

  it('HTTP 429 with Retry-After → waits once, then explains the rate limit', async () => {
    h.fake.on('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    await share('s-429');
    await expect
      .poll(() => respondText('s-429'), { timeout: 5000 })
      .toMatch(/rate-limiting me.*try again in 1 second\b/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
    await stillServing();
  });

  it('HTTP 429 once, then OK → posted after the wait, no explanation', async () => {
    h.fake.on('chat.postMessage', [
      { status: 429, headers: { 'retry-after': '1' }, body: { ok: false } },
      {},
    ]);
    await share('s-429-ok');
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length, { timeout: 5000 }).toBe(2);
    await expect.poll(() => h.fake.callsTo('/respond/s-429-ok').length).toBe(1);
    expect(h.fake.callsTo('/respond/s-429-ok')[0]!.body.delete_original).toBe(true);
  });
});

describe('mention when Slack refuses the thread reply', () => {
  it('HTTP 500 on chat.postMessage → ephemeral explanation in the thread', async () => {
    h.fake.on('chat.postMessage', { status: 500, body: { ok: false } });
    await mention('Ev-fail-500');
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    const e = h.fake.callsTo('chat.postEphemeral')[0]!.body;
    expect(e).toMatchObject({ user: 'U1', thread_ts: '1700000000.000100' });
    expect(String(e.text)).toMatch(/Slack had a problem/);
    await stillServing();
  });

  it('not_in_channel everywhere → falls back to a DM that says why', async () => {
    h.fake.on('chat.postMessage', [{ body: { ok: false, error: 'not_in_channel' } }, {}]);
    h.fake.on('chat.postEphemeral', { body: { ok: false, error: 'not_in_channel' } });
    await mention('Ev-fail-nic');
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(2);
    const dm = h.fake.callsTo('chat.postMessage')[1]!.body;
    expect(dm.channel).toBe('U1');
    expect(String(dm.text)).toMatch(/invite me/);
    await stillServing();
  });
});

describe('slash command when response_url fails', () => {
  it('RespondError (expired response_url) → falls back to chat.postEphemeral', async () => {
    h.fake.on('/respond/cmd-expired', { status: 404, body: { ok: false } });
    await h.command('stage bili 34', { response_url: h.fake.respondUrl('cmd-expired') });
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.body).toMatchObject({ channel: 'C1', user: 'U1' });
    expect(String(h.fake.callsTo('chat.postEphemeral')[0]!.body.text)).toMatch(/^BCLC B/);
  });

  it('views.open failing → the invoker is told the form could not open', async () => {
    h.fake.on('views.open', { body: { ok: false, error: 'expired_trigger_id' } });
    await h.command('form', { response_url: h.fake.respondUrl('form-fail') });
    await expect.poll(() => respondText('form-fail')).toMatch(/couldn't open the form/);
  });
});

describe('a renderer that throws', () => {
  it('is logged by code and the person gets an apology, not silence', async () => {
    const { fakeServices } = await import('./fakeServices.js');
    const broken = fakeServices();
    broken.render.help = () => {
      throw new Error('boom with secret text');
    };
    const b = await startHarness({ services: broken });
    try {
      await b.command('help', { response_url: b.fake.respondUrl('broken') });
      await expect.poll(() => String(b.fake.callsTo('/respond/broken')[0]?.body.text ?? '')).toMatch(/Sorry/);
      expect(b.lines.join('\n')).not.toContain('boom with secret text');
      expect(b.lines.some((l) => l.includes('"listener failed"'))).toBe(true);
    } finally {
      await b.close();
    }
  });
});
