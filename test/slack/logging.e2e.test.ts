import { expect, it } from 'vitest';
import { buttonPress, useHarness } from './harness.js';

/**
 * The logging policy, end to end at LOG_LEVEL=debug (the most talkative): a marker typed into every door
 * never reaches a log line, nor do tokens, response_url or trigger_id. Every line is one JSON object.
 */

const MARKER = 'ZZMARKER8472';
const h = useHarness({ logLevel: 'debug' });

it('keeps typed text, tokens, response_url and trigger_id out of every log line', async () => {
  await h.command(`stage bili 34 ${MARKER}`, { trigger_id: `trig-${MARKER}` });
  await h.command(`${MARKER} nonsense`);
  await h.command(`stage bilu ${MARKER}`);
  await h.command('form', { trigger_id: `trig-${MARKER}` });
  await h.event(
    {
      type: 'app_mention',
      user: 'U1',
      text: `<@U0BOT> stage bili 34 ${MARKER}`,
      ts: '1700000000.000500',
      thread_ts: '1700000000.000100',
      channel: 'C1',
    },
    'Ev-log-1',
  );
  h.fake.on('chat.postMessage', { body: { ok: false, error: 'not_in_channel', detail: MARKER } });
  await h.interact(
    buttonPress(
      h.fake,
      'hcc_share',
      JSON.stringify({ v: 1, input: { inr: 1.3 }, assumptions: [MARKER], view: 'full' }),
    ),
  );
  await h.interact({
    type: 'message_action',
    callback_id: 'hcc_assess_message',
    trigger_id: `trig-${MARKER}`,
    response_url: h.fake.respondUrl(MARKER),
    message_ts: '1',
    message: { type: 'message', ts: '1', text: `bili 34 ${MARKER}` },
    user: { id: 'U1', name: 'n' },
    channel: { id: 'C1', name: 'c' },
    team: { id: 'T1', domain: 'd' },
    token: 't',
    action_ts: '1',
  });
  // Wait until every door has logged its outcome.
  await expect
    .poll(() => h.lines.filter((l) => l.includes('"msg":"handled"')).length)
    .toBeGreaterThanOrEqual(7);

  expect(h.lines.length).toBeGreaterThan(0);
  for (const line of h.lines) {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toHaveProperty('time');
    expect(parsed).toHaveProperty('level');
    expect(line).not.toContain(MARKER);
    expect(line).not.toContain('xoxb-');
    expect(line).not.toContain('/respond/');
    expect(line).not.toContain('trig-');
  }
  // …but the opaque ids and outcomes are there, so the log is still useful.
  const handled = h.lines
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => l.msg === 'handled');
  expect(handled.some((l) => l.event === 'command' && l.outcome === 'assessed' && l.channel === 'C1')).toBe(
    true,
  );
  expect(handled.some((l) => l.event === 'app_mention' && typeof l.ms === 'number')).toBe(true);
});
