import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/slack/app.js';
import { loadConfig } from '../../src/slack/config.js';
import { createLogger } from '../../src/slack/log.js';
import { fakeServices } from './fakeServices.js';
import { FakeSlack } from './fakeSlack.js';

/**
 * Socket Mode: SLACK_APP_TOKEN selects it; the WebSocket client asks for a connection URL with the app token at
 * SLACK_API_URL (our fake here, which refuses), and the health check is served on PORT.
 */
let fake: FakeSlack;
beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
});
afterAll(async () => {
  await fake.close();
});

it('builds a Socket Mode app that calls apps.connections.open with the xapp token at SLACK_API_URL', async () => {
  const r = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_APP_TOKEN: 'xapp-1-A1-test',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
  });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.config.mode.kind).toBe('socket');
  fake.on('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
  const lines: string[] = [];
  const app = createApp(r.config, {
    services: fakeServices(),
    logger: createLogger({ level: 'error', write: (l) => lines.push(l) }),
    retryConfig: { retries: 0 },
    botId: 'B0BOT',
    botUserId: 'U0BOT',
  });
  await expect(app.start()).rejects.toBeDefined();
  const open = fake.callsTo('apps.connections.open');
  expect(open.length).toBeGreaterThanOrEqual(1);
  expect(open[0]!.authorization).toBe('Bearer xapp-1-A1-test');
  // The side HTTP server for /healthz was started before the socket; check it, then stop everything.
  const receiver = (app as unknown as { receiver: { httpServer?: import('node:http').Server } }).receiver;
  const server = receiver.httpServer;
  expect(server?.listening).toBe(true);
  if (server?.listening) {
    const port = (server.address() as AddressInfo).port;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  }
  await app.stop().catch(() => {});
  server?.close();
  expect(lines.join('\n')).not.toContain('xapp-1-A1-test');
});
