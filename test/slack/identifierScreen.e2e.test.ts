import { describe, expect, it } from 'vitest';
import { PRIVACY_TEXT } from '../../src/render/privacy.js';
import type { SlackMessage } from '../../src/render/slackMessage.js';
import type { Services } from '../../src/slack/services.js';
import { fakeServices } from './fakeServices.js';
import { caseFormSubmission, everything, typed, useHarness } from './harness.js';

/**
 * The identifier screen is a property of every door, not of the renderers: here every renderer echoes what it was
 * given (the typed text, the structured input), as a careless one might, and no identifier may still go out.
 */
function echoingServices(): Services {
  const base = fakeServices();
  let last = '';
  const echo = (m: SlackMessage): SlackMessage => ({
    text: `${m.text} ECHO ${last}`,
    blocks: [...m.blocks, { type: 'section', text: { type: 'mrkdwn', text: `ECHO ${last}` } }],
  });
  return {
    ...base,
    assessText: (text, o) => {
      last = text;
      return base.assessText(text, o);
    },
    assessCaseInput: (raw) => {
      last = JSON.stringify(raw);
      return base.assessCaseInput(raw);
    },
    parseMrecist: (text) => {
      last = text;
      return base.parseMrecist(text);
    },
    searchReferences: (query, limit) => {
      last = query;
      return base.searchReferences(query, limit);
    },
    render: {
      ...base.render,
      summary: (o, opts) => echo(base.render.summary(o, opts)),
      problems: (p, r) => echo(base.render.problems(p, r)),
      mrecist: (...args) => echo(base.render.mrecist(...args)),
      references: (q, f) => echo(base.render.references(q, f)),
      help: (o) => echo(base.render.help(o)),
    },
  };
}

const h = useHarness({ services: echoingServices() });

const IDENTIFIERS = ['Smith', '12/03/1961', '943 476 5919', '9434765919', '4857773'];
const privateNotices = () =>
  h.fake.calls.filter(
    (c) =>
      (c.method === 'chat.postEphemeral' || c.method.startsWith('/respond/')) && c.body.text === PRIVACY_TEXT,
  );
/** The door answered, nothing anywhere carries an identifier, and the person was told privately. */
async function screened(): Promise<void> {
  await expect.poll(() => privateNotices().length).toBeGreaterThan(0);
  await expect.poll(() => everything(h.fake)).toContain('ECHO');
  for (const id of IDENTIFIERS) expect(everything(h.fake)).not.toContain(id);
}

const mention = (text: string) => ({
  type: 'app_mention',
  user: 'U1',
  text: `<@U0BOT> ${text}`,
  ts: '1700000000.000500',
  thread_ts: '1700000000.000100',
  channel: 'C1',
});

describe('every door screens identifiers before echoing anything', () => {
  it('/hcc stage', async () => {
    await h.command('stage Mr John Smith DOB 12/03/1961 bili 34');
    await screened();
  });

  it('/hcc refs', async () => {
    await h.command('refs Mr John Smith DOB 12/03/1961 NHS 943 476 5919');
    await screened();
  });

  it('/hcc mrecist', async () => {
    await h.command('mrecist Mr John Smith baseline 50 nadir 40 now 20');
    await screened();
  });

  it('@mention, whose result is public in the thread', async () => {
    await h.event(mention('stage Mr John Smith DOB 12/03/1961 bili 34'), 'Ev-id-1');
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    await screened();
  });

  it('@mention refs and mrecist', async () => {
    await h.event(mention('refs Mr John Smith DOB 12/03/1961'), 'Ev-id-2');
    await h.event(mention('mrecist Mr John Smith baseline 50 nadir 40 now 20'), 'Ev-id-3');
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(2);
    await screened();
  });

  it('the message shortcut', async () => {
    await h.interact({
      type: 'message_action',
      callback_id: 'hcc_assess_message',
      trigger_id: 'trig-id',
      response_url: h.fake.respondUrl('sc-id'),
      message_ts: '1700000000.000700',
      message: { type: 'message', user: 'U9', ts: '1700000000.000700', text: 'Mr John Smith bili 34' },
      user: { id: 'U1', name: 'someone' },
      channel: { id: 'C1', name: 'liver-mdt' },
      team: { id: 'T1', domain: 'mdt' },
      token: 'verification-token',
      action_ts: '1700000000.2',
    });
    await screened();
  });

  it('the case form', async () => {
    await h.interact(caseFormSubmission({ afp: typed('4857773') }, { channel: 'C1' }));
    await screened();
  });
});
