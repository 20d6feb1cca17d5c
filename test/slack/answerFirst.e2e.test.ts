import { describe, expect, it } from 'vitest';
import { BLOCK_IDS } from '../../src/render/summaryBlocks.js';
import { buttonPress, everything, useHarness } from './harness.js';

/**
 * The first reply is the answer, and a shared post is faithful to it: through the real app and renderers, the
 * caveats of the private preview and of the post the channel sees are compared line by line.
 */

const h = useHarness({ services: 'real' });

type Block = {
  block_id?: string;
  text?: { text?: string };
  elements?: { action_id?: string; value?: string }[];
};
const respondCalls = () => h.fake.calls.filter((c) => c.method.startsWith('/respond/'));
const caveatLines = (blocks: Block[]) =>
  (blocks.find((b) => b.block_id === BLOCK_IDS.caveats)?.text?.text ?? '').split('\n');
const buttonValue = (blocks: Block[], id: string) =>
  blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === id)?.value;

/** A BCLC C that rests only on ECOG 1 taken as cancer-related, and a BCLC B whose subgroup is not decided. */
const CASES = {
  ecogC:
    'bili 22 umol/L, alb 38 g/L, INR 1.1, Cr 70 umol/L, Na 138, no ascites, no HE, ECOG 1, 2 lesions 3.5 and 2 cm, AFP 85',
  stageB:
    'bili 18 umol/L, alb 38 g/L, INR 1.1, Cr 80 umol/L, Na 137, no ascites, no HE, ECOG 0, 4 lesions largest 5 cm, AFP 40',
};

describe('share is faithful', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: the shared post carries exactly the caveats of the private preview`, async () => {
      await h.command(`stage ${text}`);
      await expect.poll(() => respondCalls().length).toBe(1);
      const preview = respondCalls()[0]!.body.blocks as Block[];
      const before = caveatLines(preview);
      expect(before.length).toBeGreaterThan(1);
      const value = buttonValue(preview, 'hcc_share');
      expect(value).toBeDefined();

      h.fake.reset();
      await h.interact(buttonPress(h.fake, 'hcc_share', value, {}, `share-${name}`));
      await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
      const post = h.fake.callsTo('chat.postMessage')[0]!.body.blocks as Block[];
      expect(caveatLines(post)).toEqual(before);
      // The ephemeral is removed after the post; wait for it so it does not land in the next test's calls.
      await expect.poll(() => respondCalls().some((c) => c.body.delete_original === true)).toBe(true);
    });
  }

  it('the stage-deciding ECOG caveat is on the first reply and on the shared post', async () => {
    await h.command(`stage ${CASES.ecogC}`);
    await expect.poll(() => respondCalls().length).toBe(1);
    const preview = respondCalls()[0]!.body.blocks as Block[];
    expect(caveatLines(preview).join('\n')).toMatch(/ECOG 1 taken as cancer-related/);
  });

  it('a result that is not evaluable offers no Share', async () => {
    await h.command('stage bili 22 umol/L, alb 38 g/L, INR 1.1');
    await expect.poll(() => respondCalls().length).toBe(1);
    expect(buttonValue(respondCalls()[0]!.body.blocks as Block[], 'hcc_share')).toBeUndefined();
  });
});

describe('All scores', () => {
  it('shows the details to the presser only, with the rule versions', async () => {
    await h.command(`stage ${CASES.stageB}`);
    await expect.poll(() => respondCalls().length).toBe(1);
    const value = buttonValue(respondCalls()[0]!.body.blocks as Block[], 'hcc_all_scores');
    expect(value).toBeDefined();
    h.fake.reset();
    await h.interact(buttonPress(h.fake, 'hcc_all_scores', value, {}, 'all-scores'));
    await expect.poll(() => respondCalls().length + h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(everything(h.fake)).toContain('Rules: BCLC 2022');
    expect(everything(h.fake)).toContain('Up-to-seven');
  });
});

describe('refs through a mention', () => {
  it('with an identifier in the query: results in the thread, the query nowhere, a private notice', async () => {
    await h.event(
      {
        type: 'app_mention',
        user: 'U1',
        text: '<@U0BOT> refs Mr Jones atezolizumab',
        ts: '1700000000.000700',
        thread_ts: '1700000000.000100',
        channel: 'C1',
      },
      'Ev-refs-id',
    );
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
    const post = JSON.stringify(h.fake.callsTo('chat.postMessage')[0]!.body);
    expect(post).toContain('IMbrave150');
    expect(everything(h.fake)).not.toContain('Jones');
    expect(h.lines.join('\n')).not.toContain('Jones');
  });
});
