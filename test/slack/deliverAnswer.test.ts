import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/slack/answer.js';
import { noticeMessage } from '../../src/slack/deliver.js';
import { type AnswerRoute, deliverAnswer, logAnswered } from '../../src/slack/deliverAnswer.js';
import { deliveryContext } from '../../src/slack/deps.js';
import { listenerFakes } from './listenerFakes.js';

/** deliverAnswer: one answer, any door; the order the person reads it in and the route each part takes. */

const m = (text: string) => noticeMessage(text);
const result: Answer = {
  kind: 'result',
  message: m('RESULT'),
  notices: [m('NOTICE')],
  announce: m('CARD'),
  outcome: 'case-created',
  caseId: 'HCC-7QK2M',
};

async function deliver(reply: Answer, route: AnswerRoute, withRespond = true) {
  const f = listenerFakes();
  const audience = {
    client: f.client,
    user: 'U0ALICE',
    channel: 'C1',
    threadTs: '1700000000.000100',
    ...(withRespond ? { respond: f.respond } : {}),
  };
  await deliverAnswer(reply, audience, deliveryContext(f.deps, { event: 'test' }), route);
  return f.calls.map((c) => `${c.method} ${String(c.args.text)}`);
}

describe('deliverAnswer', () => {
  it('public results: the notice privately, then the card and the result in the thread', async () => {
    expect(await deliver(result, { results: 'public', prefer: 'ephemeral', typed: '' })).toEqual([
      'chat.postEphemeral NOTICE',
      'chat.postMessage CARD',
      'chat.postMessage RESULT',
    ]);
  });

  it('private results: the result goes by the preferred private route; a card is still public', async () => {
    expect(await deliver(result, { results: 'private', prefer: 'respond', typed: '' })).toEqual([
      'respond NOTICE',
      'chat.postMessage CARD',
      'respond RESULT',
    ]);
  });

  it('a private answer goes to the person only, whatever the route says about results', async () => {
    const reply: Answer = { kind: 'private', message: m('HELP'), outcome: 'help' };
    expect(await deliver(reply, { results: 'public', prefer: 'ephemeral', typed: '' })).toEqual([
      'chat.postEphemeral HELP',
    ]);
    expect(await deliver(reply, { results: 'public', prefer: 'respond', typed: '' }, false)).toEqual([
      'chat.postEphemeral HELP',
    ]);
  });

  it('logs one handled line with the outcome and the case', () => {
    const f = listenerFakes();
    logAnswered(f.deps.log, { event: 'test' }, result, performance.now());
    expect(f.handled()).toMatchObject({ event: 'test', outcome: 'case-created', caseId: 'HCC-7QK2M' });
    logAnswered(f.deps.log, { event: 'test' }, { kind: 'private', message: m('x'), outcome: 'help' }, 0);
    expect(f.log[1]).not.toHaveProperty('caseId');
  });
});
