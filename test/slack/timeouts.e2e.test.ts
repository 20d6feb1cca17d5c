import { describe, expect, it } from 'vitest';
import { buttonPress, useHarness } from './harness.js';

/**
 * A response_url that never answers: the app gives up on it after its per-call deadline (never Node's 300 s)
 * and tells the person by the next route. The fake records the connections the app closed.
 */
const h = useHarness({ callTimeoutMs: 300 });

const SHARE = JSON.stringify({
  v: 1,
  input: { bilirubin: { value: 34, unit: 'umol/L' } },
  assumptions: [],
  view: 'full',
});

describe('respond() and the response_url fallbacks have a deadline', () => {
  it('/hcc: a response_url that never answers is abandoned and the summary goes as an ephemeral', async () => {
    h.fake.on('/respond/*', { hang: true });
    await h.command('stage bili 34');
    await expect
      .poll(() => h.fake.callsTo('chat.postEphemeral').map((c) => String(c.body.text)))
      .toContainEqual(expect.stringContaining('summary'));
    expect(h.fake.abandoned.some((m) => m.startsWith('/respond/'))).toBe(true);
  });

  it("Share: a response_url that never answers is abandoned; the person's notice goes as an ephemeral", async () => {
    h.fake.on('/respond/*', { hang: true });
    h.fake.on('chat.postMessage', { body: { ok: false, error: 'is_archived' } });
    await h.interact(buttonPress(h.fake, 'hcc_share', SHARE, {}, 'hang-share'));
    await expect
      .poll(() => h.fake.callsTo('chat.postEphemeral').map((c) => String(c.body.text)))
      .toContainEqual(expect.stringContaining('archived'));
    expect(h.fake.abandoned).toContain('/respond/hang-share');
  });
});
