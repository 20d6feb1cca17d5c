import { describe, expect, it } from 'vitest';
import { buttonPress, caseFormSubmission, chosen, typed, useHarness } from './harness.js';

/**
 * What the parser found reaches the person on success through every door, with the real pipeline and renderers:
 * its warnings and the stated-score check in the summary (and in the shared post), the ignored fragments named
 * in a notice only the author sees. The form has no parser: its own caveats are in its summary the same way.
 */

const h = useHarness({ services: 'real' });

/** A typed Child-Pugh the values contradict, a PVT that cannot be read, and one word nobody knows. */
const CASE =
  'Case 3: Child-Pugh B8, bili 20 umol/L alb 38 g/L INR 1.1, no ascites, no HE, ECOG 0, 2 lesions 3 and 2 cm, PVT, wibble';
const WARNING = 'was not read as tumour invasion';
const STATED = 'You wrote Child-Pugh B8, but the values give Child-Pugh A5';
const NOT_STATED = 'macrovascular invasion and extrahepatic spread taken as absent (not stated)';

const respondCalls = () => h.fake.calls.filter((c) => c.method.startsWith('/respond/'));
const blocksOf = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? []);
/** The ephemeral notice naming the ignored fragments, among the calls made. */
const ignoredNotice = (bodies: Record<string, unknown>[]) =>
  bodies.find((b) => String(b.text).includes('not understood and ignored'));

function expectSummary(blocks: string) {
  expect(blocks).toContain(WARNING);
  expect(blocks).toContain(STATED);
  expect(blocks).not.toContain(NOT_STATED);
  expect(blocks).not.toContain('wibble');
}

describe('parser notes on success, door by door (real services)', () => {
  it('/hcc stage: warning and stated score in the reply and the shared post; fragments named privately', async () => {
    await h.command(`stage ${CASE}`);
    await expect.poll(() => respondCalls().length).toBe(2);
    const bodies = respondCalls().map((c) => c.body);
    const summary = bodies.find((b) => String(b.text).startsWith('BCLC'))!;
    expectSummary(blocksOf(summary));
    const notice = ignoredNotice(bodies);
    expect(notice?.response_type).toBe('ephemeral');
    expect(blocksOf(notice!)).toContain('wibble');

    const share = (summary.blocks as { elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'hcc_share');
    h.fake.reset();
    await h.interact(buttonPress(h.fake, 'hcc_share', share!.value, {}, 'notes-share'));
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    expectSummary(blocksOf(h.fake.callsTo('chat.postMessage')[0]!.body));
  });

  it('a mention that opens with a case label: assessed in the thread, fragments named to the author only', async () => {
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        text: `<@U0BOT> ${CASE}`,
        ts: '1700000000.000900',
        channel: 'C1',
      },
      'Ev-notes-mention',
    );
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    const post = h.fake.callsTo('chat.postMessage')[0]!.body;
    expect(String(post.text)).toMatch(/^BCLC /);
    expectSummary(blocksOf(post));
    const notice = h.fake.callsTo('chat.postEphemeral')[0]!.body;
    expect(notice.user).toBe('U1');
    expect(blocksOf(notice)).toContain('wibble');
  });

  it('the message shortcut: warning and stated score in the ephemeral summary, fragments in their own notice', async () => {
    await h.interact({
      type: 'message_action',
      callback_id: 'hcc_assess_message',
      trigger_id: 'trig-notes',
      response_url: h.fake.respondUrl('notes-sc'),
      message_ts: '1700000000.000800',
      message: { type: 'message', user: 'U9', ts: '1700000000.000800', text: CASE },
      user: { id: 'U1', name: 'someone' },
      channel: { id: 'C1', name: 'liver-mdt' },
      team: { id: 'T1', domain: 'mdt' },
      token: 'verification-token',
      action_ts: '1700000000.3',
    });
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(2);
    const bodies = h.fake.callsTo('chat.postEphemeral').map((c) => c.body);
    expectSummary(blocksOf(bodies.find((b) => String(b.text).startsWith('BCLC'))!));
    expect(blocksOf(ignoredNotice(bodies)!)).toContain('wibble');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('the form (no parser): its own caveats are in the summary it returns', async () => {
    await h.interact(
      caseFormSubmission(
        {
          units: chosen('si'),
          bilirubin: typed('20'),
          albumin: typed('38'),
          inr: typed('1.1'),
          ascites: chosen('none'),
          encephalopathy: chosen('none'),
          ecog: typed('0'),
          nodulesCm: typed('3, 2'),
        },
        { channel: 'C1', thread_ts: '1700000000.000100' },
      ),
    );
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    expect(blocksOf(h.fake.callsTo('chat.postEphemeral')[0]!.body)).toContain(NOT_STATED);
  });
});
