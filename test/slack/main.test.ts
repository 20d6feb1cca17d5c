import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/slack/main.js';
import { fakeServices } from './fakeServices.js';
import { FakeSlack } from './fakeSlack.js';
import { commandBody, postSigned } from './signed.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
});
afterAll(async () => {
  await fake.close();
});

it('missing and malformed settings: one message listing every problem, exit code 1, nothing started', async () => {
  const lines: string[] = [];
  const r = await run({ env: { SLACK_BOT_TOKEN: 'bad', PORT: 'x' }, write: (l) => lines.push(l) });
  expect(r).toEqual({ ok: false, exitCode: 1 });
  expect(lines).toHaveLength(1);
  for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PORT']) expect(lines[0]).toContain(name);
});

it('with a fake token, a signing secret and SLACK_API_URL: serves /slack/events and /healthz, logs "listening"', async () => {
  const lines: string[] = [];
  const r = await run({
    env: {
      SLACK_BOT_TOKEN: 'xoxb-fake',
      SLACK_SIGNING_SECRET: 'main-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HCC_MDT_DB: ':memory:',
    },
    write: (l) => lines.push(l),
    deps: { services: fakeServices(), retryConfig: { retries: 0 }, botId: 'B0BOT', botUserId: 'U0BOT' },
  });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  try {
    const base = `http://127.0.0.1:${r.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const body = commandBody({
      command: '/hcc',
      text: 'help',
      team_id: 'T1',
      channel_id: 'C1',
      user_id: 'U1',
      response_url: fake.respondUrl('main'),
      trigger_id: 't',
    });
    expect((await postSigned(`${base}/slack/events`, 'main-secret', body)).status).toBe(200);
    await expect.poll(() => fake.callsTo('/respond/main').length).toBe(1);
    const listening = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'listening');
    expect(listening).toMatchObject({ mode: 'http', port: r.port });
  } finally {
    await r.stop();
  }
});

describe('the bot token is checked before the app starts', () => {
  const env = () => ({
    SLACK_BOT_TOKEN: 'xoxb-fake',
    SLACK_SIGNING_SECRET: 'main-secret',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    HCC_MDT_DB: ':memory:',
  });

  it('uses the ids auth.test returns, so Bolt makes no call of its own', async () => {
    fake.reset();
    const r = await run({
      env: env(),
      write: () => {},
      deps: { services: fakeServices(), retryConfig: { retries: 0 } },
    });
    expect(r.ok).toBe(true);
    if (r.ok) await r.stop();
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  });

  it('a rejected token stops start-up with one readable line', async () => {
    fake.reset();
    fake.on('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const lines: string[] = [];
    const r = await run({ env: env(), write: (l) => lines.push(l), deps: { retryConfig: { retries: 0 } } });
    expect(r).toEqual({ ok: false, exitCode: 1 });
    expect(lines).toEqual(['HCC MDT cannot start: SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)']);
    fake.reset();
  });

  it('an unreachable Web API stops start-up with one readable line, not a stack trace', async () => {
    const lines: string[] = [];
    const r = await run({
      env: { ...env(), SLACK_API_URL: 'http://127.0.0.1:9/api/' },
      write: (l) => lines.push(l),
      deps: { retryConfig: { retries: 0 } },
    });
    expect(r).toEqual({ ok: false, exitCode: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^HCC MDT cannot start: http:\/\/127\.0\.0\.1:9\/api\/ could not be reached/);
  });
});
