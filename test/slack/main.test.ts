import { afterAll, beforeAll, expect, it } from 'vitest';
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
