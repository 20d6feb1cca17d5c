import { RespondError } from '@slack/bolt';
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../src/slack/dedupe.js';
import { classify, explain } from '../../src/slack/deliver.js';

describe('classify + explain: what the person reads when Slack refuses', () => {
  it.each([
    [new WebAPIPlatformError({ ok: false, error: 'not_in_channel' }), /invite me with `\/invite @hcc-mdt`/],
    [new WebAPIPlatformError({ ok: false, error: 'channel_not_found' }), /invite me/],
    [new WebAPIPlatformError({ ok: false, error: 'is_archived' }), /archived/],
    [new WebAPIRateLimitedError(30), /rate-limiting me.*in 30 seconds/],
    [new WebAPIHTTPError(503, 'Service Unavailable', {}, ''), /HTTP 503/],
    [new RespondError('expired', 404), /expired/],
    [new Error('anything'), /went wrong posting my reply \(unexpected\)/],
  ])('%s', (err, pattern) => {
    expect(explain(classify(err))).toMatch(pattern);
  });
});

describe('SeenIds', () => {
  it('says first time once per id, and forgets the oldest beyond capacity', () => {
    const seen = new SeenIds(2);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('a')).toBe(false);
    expect(seen.firstTime('b')).toBe(true);
    expect(seen.firstTime('c')).toBe(true); // evicts the least recently seen: a
    expect(seen.firstTime('b')).toBe(false);
    expect(seen.firstTime('a')).toBe(true);
  });
});
