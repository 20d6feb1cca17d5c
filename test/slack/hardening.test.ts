import { EventEmitter } from 'node:events';
import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { actionClaims } from '../../src/slack/actionClaims.js';
import { noticeMessage, plainTextFallback, tellPrivately } from '../../src/slack/deliver.js';
import { InFlight } from '../../src/slack/inFlight.js';
import { createLogger } from '../../src/slack/log.js';
import { installProcessHandlers } from '../../src/slack/main.js';
import { MemoryClaims } from '../../src/store/claims.js';

const capture = () => {
  const lines: string[] = [];
  return { lines, log: createLogger({ level: 'debug', write: (l) => lines.push(l) }) };
};

describe('delivery deadline', () => {
  it('a Slack call that never answers ends by the deadline and the person is not waited on', async () => {
    const { log } = capture();
    const never = () => new Promise(() => {});
    const client = { chat: { postEphemeral: never, postMessage: never } } as unknown as WebClient;
    const started = Date.now();
    const ok = await tellPrivately(
      { client, user: 'U1', channel: 'C1' },
      noticeMessage('hello'),
      { log, fields: {}, maxRateLimitWaitSeconds: 1, deadline: Date.now() + 300 },
      'ephemeral',
    );
    expect(ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('plain-text fallback', () => {
  it('keeps every text of the blocks and drops the blocks', () => {
    const m = plainTextFallback({
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'BCLC B' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Child-Pugh* A5' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'assumed: ECOG from cancer' }] },
      ],
    });
    expect(m.blocks).toEqual([]);
    expect(m.text).toBe('BCLC B\n*Child-Pugh* A5\nassumed: ECOG from cancer');
  });
});

describe('log hygiene for library lines', () => {
  it("Slack's response text and a body snippet never reach the log; the template does", () => {
    const { lines, log } = capture();
    log.bolt.warn('LEAKMARK1', 0, {});
    log.bolt.error('LEAKMARK2 from response_metadata.messages');
    log.bolt.warn('Malformed request body: Unexpected token, "text=LEAKMA"... is not valid JSON');
    log.bolt.warn('Failed to parse and verify the request data: "token=vtokZ" xoxb-123-secret');
    const all = lines.join('\n');
    for (const marker of ['LEAKMARK', 'LEAKMA', 'vtokZ', 'xoxb-']) expect(all).not.toContain(marker);
    expect(all).toContain('Malformed request body');
    expect(all).toContain('Failed to parse and verify the request data');
  });
});

describe('graceful drain', () => {
  it('waits for listener work under way, and gives up at the limit', async () => {
    const f = new InFlight();
    const mw = f.middleware();
    let finish: () => void = () => {};
    const running = mw({ next: () => new Promise<void>((r) => (finish = r)) } as never);
    expect(f.size).toBe(1);
    let drained: boolean | undefined;
    const d = f.drain(5000).then((v) => (drained = v));
    await new Promise((r) => setTimeout(r, 20));
    expect(drained).toBeUndefined();
    expect(f.draining).toBe(true);
    finish();
    await running;
    await d;
    expect(drained).toBe(true);
    const g = new InFlight();
    void g.middleware()({ next: () => new Promise<void>(() => {}) } as never);
    expect(await g.drain(30)).toBe(false);
  });
});

describe('process-level handlers', () => {
  it('an unhandled rejection is logged by code and the app keeps serving; an uncaught exception stops it with 1', () => {
    const { lines, log } = capture();
    const target = new EventEmitter();
    const stops: [string, number][] = [];
    installProcessHandlers(log, (reason, code) => stops.push([reason, code]), target as never);
    target.emit('unhandledRejection', Object.assign(new Error('body: LEAKMARK'), { code: 'E_TEST' }));
    expect(stops).toEqual([]);
    target.emit('uncaughtException', new TypeError('LEAKMARK'));
    expect(stops).toEqual([['uncaughtException', 1]]);
    expect(lines.join('\n')).toContain('E_TEST');
    expect(lines.join('\n')).not.toContain('LEAKMARK');
  });
});

describe('action claims', () => {
  it('once per key until released or expired', async () => {
    let now = 0;
    const c = actionClaims(new MemoryClaims(10, () => now), () => now);
    expect(await c.claim('k', 100)).toBe(true);
    expect(await c.claim('k', 100)).toBe(false);
    await c.release('k');
    expect(await c.claim('k', 100)).toBe(true);
    now = 200;
    expect(await c.claim('k', 100)).toBe(true);
  });
});
