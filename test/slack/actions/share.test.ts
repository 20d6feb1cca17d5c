import { describe, expect, it } from 'vitest';
import { share, shareMrecist } from '../../../src/slack/actions/share.js';
import { listenerFakes, pressArgs } from '../listenerFakes.js';

/** Share called directly: it rebuilds the post from the button value, posts it once, and removes the preview. */

const VALUE = JSON.stringify({
  v: 1,
  input: { inr: 1.3 },
  assumptions: ['albumin read as g/L'],
  view: 'meld',
});

describe('Share with channel', () => {
  it('acks, posts the rebuilt summary in the channel naming the sharer, then deletes the private preview', async () => {
    const f = listenerFakes();
    await share(f.deps)(pressArgs(f, VALUE, { threadTs: '1700000000.000100' }));
    expect(f.acks).toEqual([undefined]);
    expect(f.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'respond']);
    const [post] = f.callsTo('chat.postMessage');
    expect(post).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(String(post?.text)).toContain('shared by <@U0ALICE>');
    expect(JSON.stringify(post?.blocks)).toContain('SUMMARY view=meld');
    expect(JSON.stringify(post?.blocks)).not.toContain('hcc_share');
    expect(f.callsTo('respond')).toEqual([{ delete_original: true }]);
    expect(f.handled()).toMatchObject({ event: 'share', outcome: 'shared' });
  });

  it('shares one preview once: a second press is told so privately', async () => {
    const f = listenerFakes();
    const args = pressArgs(f, VALUE);
    await share(f.deps)(args);
    await share(f.deps)(args);
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    expect(f.texts().at(-1)).toMatch(/already been shared/);
  });

  it('refuses a value it cannot read, privately, and posts nothing', async () => {
    for (const value of [undefined, 'not json', JSON.stringify({ v: 2, input: {} })]) {
      const f = listenerFakes();
      await share(f.deps)(pressArgs(f, value));
      expect(f.callsTo('chat.postMessage')).toEqual([]);
      expect(f.texts()).toEqual([expect.stringMatching(/could not share/)]);
      expect(f.log.find((l) => l.msg === 'handled')?.outcome).toBe('share-invalid');
    }
  });

  it('frees the claim when the post fails, so the person can try again', async () => {
    let fail = true;
    const f = listenerFakes({
      api: {
        'chat.postMessage': () => {
          if (fail) throw Object.assign(new Error('no'), { code: 'not_in_channel' });
          return { ok: true };
        },
      },
    });
    const args = pressArgs(f, VALUE);
    await share(f.deps)(args);
    expect(f.handled()?.outcome).toBe('share-failed');
    fail = false;
    await share(f.deps)(args);
    expect(f.log.filter((l) => l.msg === 'handled').map((l) => l.outcome)).toEqual([
      'share-failed',
      'shared',
    ]);
  });
});

describe('Share an mRECIST response', () => {
  it('recomputes the response from the sums and posts it', async () => {
    const f = listenerFakes();
    const value = JSON.stringify({
      v: 1,
      input: { baselineMm: 50, nadirMm: 40, currentMm: 20, newLesion: false },
    });
    await shareMrecist(f.deps)(pressArgs(f, value));
    expect(f.callsTo('chat.postMessage').map((p) => p.text)).toEqual(['MRECIST PR']);
    expect(f.handled()?.outcome).toBe('shared');
  });
});
