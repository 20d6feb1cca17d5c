import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../../src/slack/deliver.js';
import { isTimeout, timedFetch } from '../../src/slack/timedFetch.js';

/** A server on 127.0.0.1 that never answers; it records when a client closes the connection. */
let server: http.Server;
let url = '';
const closed: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.on('close', () => closed.push(req.url ?? ''));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('timedFetch', () => {
  it('gives up on a server that never answers, closes the connection, and the failure reads as a timeout', async () => {
    const error = await timedFetch(150)(`${url}/never`, { method: 'POST', body: '{}' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isTimeout(error)).toBe(true);
    expect(classify(error).code).toBe('timeout');
    await expect.poll(() => closed).toContain('/never');
  });

  it("still honours the caller's own signal", async () => {
    const own = new AbortController();
    const pending = timedFetch(60_000)(`${url}/own`, { signal: own.signal });
    own.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
  });
});
