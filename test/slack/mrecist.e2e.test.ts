import { describe, expect, it } from 'vitest';
import { buttonPress, useHarness } from './harness.js';

/**
 * mRECIST through the real app and renderers: the reply echoes the sums and rounds its percentages, a private
 * reply can be shared once, and the channel reads exactly what the preview said.
 */

const h = useHarness({ services: 'real' });

type Block = { type: string; text?: { text?: string }; elements?: { action_id?: string; value?: string }[] };
const respondCalls = () => h.fake.calls.filter((c) => c.method.startsWith('/respond/'));
const shareValue = (blocks: Block[]) =>
  blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'hcc_share_mrecist')?.value;
const sections = (blocks: Block[]) => blocks.filter((b) => b.type === 'section');

describe('/hcc mrecist', () => {
  it('echoes the sums, rounds to one decimal, and shares exactly what the preview says, once', async () => {
    await h.command('mrecist baseline 52 nadir 30 now 37 mm');
    await expect.poll(() => respondCalls().length).toBe(1);
    const preview = respondCalls()[0]!.body;
    expect(preview.response_type).toBe('ephemeral');
    const previewBlocks = preview.blocks as Block[];
    const body = sections(previewBlocks)[0]!.text!.text!;
    expect(body).toContain('baseline 52 mm → nadir 30 mm → now 37 mm');
    expect(body).toContain('+23.3% from nadir');
    expect(body).not.toMatch(/\d\.\d{2,}%/);
    const value = shareValue(previewBlocks);
    expect(value).toBeDefined();
    expect(value).not.toContain('baseline 52'); // numbers only, not the typed text

    h.fake.reset();
    const press = buttonPress(h.fake, 'hcc_share_mrecist', value, {}, 'mrecist-share');
    await h.interact(press);
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    const post = h.fake.callsTo('chat.postMessage')[0]!.body;
    expect(post.channel).toBe('C1');
    const postBlocks = post.blocks as Block[];
    expect(sections(postBlocks)).toEqual(sections(previewBlocks));
    expect(post.text).toBe(preview.text);
    expect(JSON.stringify(postBlocks)).toContain('Shared by <@U02SHARER>');
    expect(shareValue(postBlocks)).toBeUndefined();
    await expect.poll(() => h.fake.callsTo('/respond/mrecist-share').length).toBe(1);
    expect(h.fake.callsTo('/respond/mrecist-share')[0]!.body.delete_original).toBe(true);

    // The same message's button again (a double click, a retry): told privately, nothing posted.
    await h.interact({
      ...press,
      response_url: h.fake.respondUrl('mrecist-again'),
      actions: [{ ...press.actions[0]!, action_ts: '1700000000.9' }],
    });
    await expect.poll(() => h.fake.callsTo('/respond/mrecist-again').length).toBe(1);
    expect(String(h.fake.callsTo('/respond/mrecist-again')[0]!.body.text)).toMatch(/already been shared/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a tampered value is refused privately and nothing is posted', async () => {
    const bad = JSON.stringify({
      v: 1,
      input: { baselineMm: 30, nadirMm: 50, currentMm: 20, newLesion: false },
    });
    await h.interact(buttonPress(h.fake, 'hcc_share_mrecist', bad, {}, 'mrecist-bad'));
    await expect.poll(() => h.fake.callsTo('/respond/mrecist-bad').length).toBe(1);
    expect(String(h.fake.callsTo('/respond/mrecist-bad')[0]!.body.text)).toMatch(/could not share/);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('mrecist through a mention', () => {
  it('posts in the thread with the sums, and without a Share button (it is already public)', async () => {
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        text: '<@U0BOT> mrecist baseline 52 nadir 30 now 37 mm, new lesion',
        ts: '1700000000.000800',
        thread_ts: '1700000000.000100',
        channel: 'C1',
      },
      'Ev-mrecist',
    );
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    const post = h.fake.callsTo('chat.postMessage')[0]!.body;
    expect(post.thread_ts).toBe('1700000000.000100');
    const text = sections(post.blocks as Block[])[0]!.text!.text!;
    expect(text).toContain('baseline 52 mm → nadir 30 mm → now 37 mm · new lesion');
    expect(text).toMatch(/mRECIST PD/);
    expect(shareValue(post.blocks as Block[])).toBeUndefined();
  });
});
