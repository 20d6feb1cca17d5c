import { describe, expect, it } from 'vitest';
import { buttonPress, everything, useHarness } from './harness.js';

/**
 * The same doors with the REAL pipeline, parser, references and renderers (the app's default services), so the
 * seams between the Slack layer and the rest are exercised end to end.
 */

const h = useHarness({ services: 'real' });

const CASE = 'bili 34 umol/L alb 31 g/L INR 1.3, mild ascites, no HE, ECOG 0, 3 lesions largest 4.2cm';
const respondCalls = () => h.fake.calls.filter((c) => c.method.startsWith('/respond/'));
const allBlocks = () =>
  h.fake.calls.flatMap((c) => (Array.isArray(c.body.blocks) ? [c.body.blocks as unknown[]] : []));

describe('real services', () => {
  it('`/hcc stage` → ephemeral summary with a headline fallback and a Share button that round-trips', async () => {
    await h.command(`stage ${CASE}`);
    await expect.poll(() => respondCalls().length).toBe(1);
    const reply = respondCalls()[0]!.body;
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toMatch(/^BCLC /);
    expect(String(reply.text)).not.toContain('umol');
    const button = (reply.blocks as { elements?: { action_id?: string; value?: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'hcc_share');
    expect(button?.value).toBeDefined();

    h.fake.reset();
    await h.interact(
      buttonPress(h.fake, 'hcc_share', button!.value, { threadTs: '1700000000.000100' }, 'real-share'),
    );
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    const post = h.fake.callsTo('chat.postMessage')[0]!.body;
    expect(post).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(String(post.text)).toMatch(/^BCLC /);
    expect(JSON.stringify(post.blocks)).toContain('<@U02SHARER>');
    expect(JSON.stringify(post.blocks)).not.toContain('hcc_share');
    // "Not stated" survives the button: the shared copy shows the same assumptions as the private one.
    for (const assumed of ['macrovascular invasion and extrahepatic spread taken as absent (not stated)'])
      expect(JSON.stringify(post.blocks)).toContain(assumed);
  });

  it('a mention carrying an identifier: summary in the thread, privacy notice to the author, identifier nowhere', async () => {
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        text: `<@U0BOT> stage MRN 12345678 ${CASE}`,
        ts: '1700000000.000500',
        thread_ts: '1700000000.000100',
        channel: 'C1',
      },
      'Ev-real-priv',
    );
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    expect(h.fake.callsTo('chat.postMessage')[0]!.body.thread_ts).toBe('1700000000.000100');
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.body).toMatchObject({
      user: 'U1',
      thread_ts: '1700000000.000100',
    });
    expect(everything(h.fake)).not.toContain('12345678');
    expect(h.lines.join('\n')).not.toContain('12345678');
  });

  it('nothing understood from a mention → ephemeral to the author only', async () => {
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        text: '<@U0BOT> stage xyzzy plugh',
        ts: '1700000000.000600',
        channel: 'C1',
      },
      'Ev-real-err',
    );
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('help, refs, mrecist and the focused views answer through the real renderers', async () => {
    await h.command('');
    await h.command('refs atezolizumab');
    await h.command('mrecist baseline 52 nadir 30 now 37 mm');
    await h.command(`cp ${CASE}`);
    await expect.poll(() => respondCalls().length).toBe(4);
    const texts = respondCalls().map((c) => String(c.body.text));
    expect(texts.some((t) => t.startsWith('HCC MDT assistant'))).toBe(true);
    expect(texts.some((t) => /references: \d+ found/.test(t))).toBe(true);
    expect(texts.some((t) => /mRECIST|PD|PR|SD|CR/.test(t))).toBe(true);
    for (const blocks of allBlocks()) expect(blocks.length).toBeLessThanOrEqual(50);
  });
});
