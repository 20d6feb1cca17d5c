import { describe, expect, it } from 'vitest';
import { assessMessage } from '../../../src/slack/shortcuts/assessMessage.js';
import { type Fakes, listenerFakes } from '../listenerFakes.js';

/** The message shortcut called directly: it reads the chosen message and answers the presser only. */

async function shortcut(message: Record<string, unknown>, f: Fakes = listenerFakes()) {
  await assessMessage(f.deps)({
    shortcut: {
      type: 'message_action',
      callback_id: 'hcc_assess_message',
      trigger_id: 'trigger-1',
      team: { id: 'T1' },
      channel: { id: 'C1' },
      user: { id: 'U0ALICE' },
      message: { ts: '1700000000.000100', ...message },
    },
    ack: f.ack,
    client: f.client,
    respond: f.respond,
  } as never);
  return f;
}

describe('message shortcut', () => {
  it('acks, then shows the assessment privately as an ephemeral in the channel, with Share', async () => {
    const f = await shortcut({ text: 'bili 34 alb 31' });
    expect(f.acks).toEqual([undefined]);
    expect(f.calls.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    const [reply] = f.callsTo('chat.postEphemeral');
    expect(reply).toMatchObject({ channel: 'C1', user: 'U0ALICE' });
    expect(reply).not.toHaveProperty('thread_ts');
    expect(JSON.stringify(reply?.blocks)).toContain('hcc_share');
    expect(f.handled()).toMatchObject({ event: 'message_shortcut', action: 'stage', outcome: 'assessed' });
  });

  it('answers in the thread when the message is in one', async () => {
    const f = await shortcut({ text: 'bili 34', thread_ts: '1699999999.000001' });
    expect(f.callsTo('chat.postEphemeral')[0]?.thread_ts).toBe('1699999999.000001');
  });

  it('reads a message that is no subcommand as a case', async () => {
    const f = await shortcut({ text: 'hello there, nothing clinical' });
    expect(f.handled()).toMatchObject({ action: 'stage', outcome: 'nothing-recognised' });
    expect(f.callsTo('chat.postMessage')).toEqual([]);
  });

  it('treats a message without text as empty: help, privately', async () => {
    const f = await shortcut({});
    expect(f.texts()).toEqual(['HELP']);
  });

  it('opens the form for a message that says `form`, remembering the channel and thread', async () => {
    const f = await shortcut({ text: 'form', thread_ts: '1699999999.000001' });
    expect(f.calls.map((c) => c.method)).toEqual(['views.open']);
    const view = f.callsTo('views.open')[0]?.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: 'C1', thread_ts: '1699999999.000001' });
    expect(f.handled()?.outcome).toBe('form-opened');
  });
});
