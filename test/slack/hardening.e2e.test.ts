import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/slack/requestGate.js';
import { buttonPress, type Harness, SECRET, startHarness } from './harness.js';
import { FORM, interactiveBody, JSON_TYPE, postSigned, signedHeaders } from './signed.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => h.fake.reset());

const url = () => `${h.base}/slack/events`;
const respondCalls = () => h.fake.calls.filter((c) => c.method.startsWith('/respond/'));
const SHARE = JSON.stringify({
  v: 1,
  input: { bilirubin: { value: 34, unit: 'umol/L' } },
  assumptions: [],
  view: 'full',
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A POST with its path exactly as given (fetch would resolve `.` and `..` segments before sending). */
function rawPost(path: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${h.base}/`, { method: 'POST', path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('request verification beyond the signature', () => {
  it('refuses a correctly signed request dated 6 minutes, or a year, in the future', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await h.command('help', {}, { timestamp: now + 360 })).status).toBe(401);
    expect((await h.command('help', {}, { timestamp: now + 365 * 86400 })).status).toBe(401);
    await sleep(200);
    expect(h.fake.calls).toHaveLength(0);
  });

  it('checks every path Bolt routes to the events endpoint: `/slack/./events` is refused forged or future-dated', async () => {
    const body = new URLSearchParams({
      command: '/hcc',
      text: 'help',
      user_id: 'U1',
      channel_id: 'C1',
      team_id: 'T1',
      response_url: h.fake.respondUrl('dot'),
    }).toString();
    const now = Math.floor(Date.now() / 1000);
    const forged = { ...signedHeaders(SECRET, body), 'x-slack-signature': `v0=${'0'.repeat(64)}` };
    const future = signedHeaders(SECRET, body, { timestamp: now + 365 * 86400 });
    for (const path of ['/slack/./events', '/slack/x/../events', '/slack/events#x']) {
      expect(await rawPost(path, body, forged)).toBe(401);
      expect(await rawPost(path, body, future)).toBe(401);
    }
    await sleep(200);
    expect(h.fake.calls).toHaveLength(0);
  });

  it('answers a byte-identical replay without processing it again', async () => {
    const body = interactiveBody(buttonPress(h.fake, 'hcc_show_evidence', '{"options":["tace"]}'));
    const ts = Math.floor(Date.now() / 1000);
    expect((await postSigned(url(), SECRET, body, { timestamp: ts })).status).toBe(200);
    await expect.poll(() => respondCalls().length).toBe(1);
    expect((await postSigned(url(), SECRET, body, { timestamp: ts })).status).toBe(200);
    await sleep(300);
    expect(respondCalls()).toHaveLength(1);
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = `text=${'a'.repeat(BODY_LIMIT_BYTES + 10)}`;
    expect((await postSigned(url(), SECRET, big)).status).toBe(413);
  });

  it('answers every malformed signed body without throwing, and keeps serving', async () => {
    const press = buttonPress(h.fake, 'hcc_share', SHARE);
    const { user: _user, ...noUser } = press;
    const malformed: [string, string][] = [
      ['null', JSON_TYPE],
      ['payload=null', FORM],
      ['[]', JSON_TYPE],
      ['123', JSON_TYPE],
      ['payload=%7Bnot%20json', FORM],
      [interactiveBody(noUser), FORM],
      [interactiveBody({ ...press, actions: [] }), FORM],
      [
        interactiveBody({
          type: 'view_submission',
          user: { id: 'U1' },
          view: { callback_id: 'hcc_case_form' },
        }),
        FORM,
      ],
      [
        interactiveBody({
          type: 'view_submission',
          user: { id: 'U1' },
          view: {
            callback_id: 'hcc_case_form',
            state: { values: { b: { a: { type: 'plain_text_input', value: 5 } } } },
          },
        }),
        FORM,
      ],
      ['command=%2Fhcc&text=a&text=b&user_id=U1&channel_id=C1', FORM],
    ];
    for (const [body, contentType] of malformed) {
      const r = await postSigned(url(), SECRET, body, { contentType });
      expect(r.status, body.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(r.status, body.slice(0, 40)).toBeLessThan(500);
    }
    // An unknown action id (a stale button) is acked empty at Bolt's unhandled-request timeout, not a 404.
    const stale = await h.interact(buttonPress(h.fake, 'retired_button', '{}'));
    expect(stale.status).toBe(200);
    const ok = await h.command('help');
    expect(ok.status).toBe(200);
    await expect.poll(() => respondCalls().length).toBe(1);
  });
});

describe('Share acts once per message', () => {
  it('a double click posts once; the second press is told "already shared" privately', async () => {
    const p1 = buttonPress(h.fake, 'hcc_share', SHARE, {}, 'd1');
    const p2 = {
      ...p1,
      response_url: h.fake.respondUrl('d2'),
      actions: [{ ...p1.actions[0]!, action_ts: '1700000000.9' }],
    };
    await Promise.all([h.interact(p1), h.interact(p2)]);
    await expect
      .poll(() => respondCalls().some((c) => /already been shared/.test(String(c.body.text))))
      .toBe(true);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a share that failed can be tried again', async () => {
    h.fake.on('chat.postMessage', [{ body: { ok: false, error: 'not_in_channel' } }]);
    const press = buttonPress(h.fake, 'hcc_share', SHARE, {}, 'f1');
    await h.interact(press);
    await expect.poll(() => respondCalls().length).toBeGreaterThan(0);
    await h.interact({
      ...press,
      response_url: h.fake.respondUrl('f2'),
      actions: [{ ...press.actions[0]!, action_ts: '2' }],
    });
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(2);
    expect(respondCalls().some((c) => /already been shared/.test(String(c.body.text)))).toBe(false);
  });
});

describe("Slack's refusals", () => {
  it('invalid_blocks on a public post: the same reply goes again as plain text', async () => {
    h.fake.on('chat.postMessage', [{ body: { ok: false, error: 'invalid_blocks' } }]);
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        channel: 'C1',
        ts: '1700000000.000900',
        text: '<@U0BOT> stage bili 34',
      },
      'Ev-ib',
    );
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(2);
    const second = h.fake.callsTo('chat.postMessage')[1]!.body;
    expect(second.blocks === undefined || (Array.isArray(second.blocks) && second.blocks.length === 0)).toBe(
      true,
    );
    expect(String(second.text)).toContain('SUMMARY');
  });

  it('a 429 without Retry-After is a rate limit: retried after a back-off, then posted', async () => {
    h.fake.on('chat.postMessage', [{ status: 429, body: { ok: false, error: 'ratelimited' } }]);
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        channel: 'C1',
        ts: '1700000000.000901',
        text: '<@U0BOT> stage bili 34',
      },
      'Ev-429',
    );
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length, { timeout: 5000 }).toBe(2);
    expect(h.lines.some((l) => l.includes('"code":"unexpected"'))).toBe(false);
  });
});

describe('Share values as Slack could never send them', () => {
  let real: Harness;
  beforeAll(async () => {
    real = await startHarness({ services: 'real' });
  });
  afterAll(async () => {
    await real.close();
  });
  const value = (assumptions: unknown[]) =>
    JSON.stringify({ v: 1, input: { bilirubin: { value: 34, unit: 'umol/L' } }, assumptions, view: 'full' });

  it('a value over Slack’s 2,000-character limit is refused, nothing posted', async () => {
    const long = value([{ field: 'bilirubin', message: 'x'.repeat(2500) }]);
    await real.interact(buttonPress(real.fake, 'hcc_share', long, {}, 'long'));
    await expect
      .poll(() => real.fake.calls.some((c) => /could not share/.test(String(c.body.text))))
      .toBe(true);
    expect(real.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('a tampered caveat carrying an identifier is screened before the public post', async () => {
    const tampered = value([{ field: 'bilirubin', message: 'bilirubin for Mr John Smith DOB 12/03/1961' }]);
    await real.interact(buttonPress(real.fake, 'hcc_share', tampered, {}, 'tampered'));
    await expect.poll(() => real.fake.callsTo('chat.postMessage').length).toBe(1);
    const posted = JSON.stringify(real.fake.callsTo('chat.postMessage')[0]!.body);
    expect(posted).toContain('bilirubin for');
    for (const s of ['Smith', '12/03/1961', '1961']) expect(posted).not.toContain(s);
  });
});
