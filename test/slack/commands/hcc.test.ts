import { describe, expect, it } from 'vitest';
import { PRIVACY_TEXT } from '../../../src/render/privacy.js';
import { hccCommand } from '../../../src/slack/commands/hcc.js';
import { fakeServices } from '../fakeServices.js';
import { type Fakes, listenerFakes } from '../listenerFakes.js';

/** `/hcc` called directly: what it answers, by which route, and what it logs. */

async function slash(text: string, f: Fakes = listenerFakes()): Promise<Fakes> {
  const command = { text, team_id: 'T1', channel_id: 'C1', user_id: 'U1', trigger_id: 'trigger-1' };
  await hccCommand(f.deps)({ command, ack: f.ack, respond: f.respond, client: f.client } as never);
  return f;
}

describe('/hcc', () => {
  it('acks, then answers a case privately through respond, shareable, and logs the outcome', async () => {
    const f = await slash('stage bili 34');
    expect(f.acks).toEqual([undefined]);
    expect(f.calls.map((c) => c.method)).toEqual(['respond']);
    const [reply] = f.callsTo('respond');
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply?.text)).toMatch(/^BCLC B/);
    expect(JSON.stringify(reply?.blocks)).toContain('hcc_share');
    expect(f.handled()).toMatchObject({ event: 'command', action: 'stage', outcome: 'assessed', user: 'U1' });
  });

  it('sends the privacy notice before the summary, both privately', async () => {
    const f = await slash('stage bili 34 MRN 1234567');
    expect(f.texts()).toEqual([PRIVACY_TEXT, expect.stringMatching(/^BCLC B/)]);
    expect(f.handled()?.outcome).toBe('assessed-privacy-warning');
  });

  it('answers help, an unknown subcommand and parse errors privately, never in the channel', async () => {
    for (const [text, outcome] of [
      ['help', 'help'],
      ['staging bili 34', 'unknown-subcommand'],
      ['stage bilu 34', 'parse-errors'],
    ]) {
      const f = await slash(text as string);
      expect(f.callsTo('chat.postMessage')).toEqual([]);
      expect(f.callsTo('respond')).toHaveLength(1);
      expect(f.handled()?.outcome).toBe(outcome);
    }
  });

  it('opens the form with the trigger_id for `form`, and answers nothing else', async () => {
    const f = await slash('form');
    expect(f.calls.map((c) => c.method)).toEqual(['views.open']);
    expect(f.callsTo('views.open')[0]).toMatchObject({ trigger_id: 'trigger-1' });
    expect(f.handled()).toMatchObject({ action: 'form', outcome: 'form-opened' });
  });

  it('tells the invoker when the form cannot open', async () => {
    const f = listenerFakes({
      api: {
        'views.open': () => {
          throw Object.assign(new Error('expired'), { code: 'expired_trigger_id' });
        },
      },
    });
    await slash('form', f);
    expect(f.texts()).toEqual([expect.stringMatching(/couldn't open the form/)]);
    expect(f.handled()?.outcome).toBe('form-failed');
  });

  it('apologises privately and logs the code when a renderer throws; the typed text is never logged', async () => {
    const services = fakeServices();
    services.render.summary = () => {
      throw new TypeError('boom');
    };
    const f = await slash('stage bili 34', listenerFakes({ deps: { services } }));
    expect(f.texts()).toEqual([expect.stringMatching(/^Sorry, something went wrong/)]);
    expect(f.log.find((l) => l.msg === 'listener failed')).toMatchObject({ code: 'TypeError' });
    expect(JSON.stringify(f.log)).not.toContain('bili 34');
  });
});
