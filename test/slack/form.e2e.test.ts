import { describe, expect, it } from 'vitest';
import { BLOCK_IDS } from '../../src/render/summaryBlocks.js';
import { TRI_STATE_FIELDS } from '../../src/slack/form.js';
import { buttonPress, caseFormSubmission, chosen, typed, useHarness } from './harness.js';

/**
 * The case form through the real app, pipeline and renderers: "not known" is carried as not stated (the caveat
 * shows, and travels with Share); "no" states it, so a form user can clear "taken as absent (not stated)".
 */

const h = useHarness({ services: 'real' });

type Block = {
  block_id?: string;
  type: string;
  text?: { text?: string };
  elements?: { action_id?: string; value?: string }[];
};
const text = typed;
const choice = chosen;
const submission = (values: Record<string, unknown>) => caseFormSubmission(values, { channel: 'C1' });
/** The review's case that is BCLC C only because ECOG 1 is taken as cancer-related. */
const CASE = {
  units: choice('si'),
  bilirubin: text('22'),
  albumin: text('38'),
  inr: text('1.1'),
  creatinine: text('70'),
  sodium: text('138'),
  ascites: choice('none'),
  encephalopathy: choice('none'),
  ecog: choice('1'),
  nodulesCm: text('3.5, 2'),
  afp: text('85'),
};
const answered = (answer: string) => Object.fromEntries(TRI_STATE_FIELDS.map((f) => [f, choice(answer)]));
const caveats = (blocks: Block[]) => blocks.find((b) => b.block_id === BLOCK_IDS.caveats)?.text?.text ?? '';
const shareValue = (blocks: Block[]) =>
  blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'hcc_share')?.value;

async function submit(values: Record<string, unknown>) {
  const r = await h.interact(submission(values));
  expect(r.status).toBe(200);
  expect(await r.text()).toBe('');
  await expect.poll(() => h.fake.callsTo('chat.postEphemeral').length).toBe(1);
  return h.fake.callsTo('chat.postEphemeral')[0]!.body as { text: string; blocks: Block[] };
}

describe('the form with "not known" and "no"', () => {
  it('"not known" is not stated: the summary says what was assumed, and Share carries it', async () => {
    const preview = await submit({ ...CASE, ...answered('unknown') });
    expect(preview.text).toMatch(/^BCLC C/);
    const before = caveats(preview.blocks);
    expect(before).toContain('macrovascular invasion and extrahepatic spread taken as absent (not stated)');
    expect(before).toMatch(/ECOG 1 taken as cancer-related \(not stated\)/);
    const value = shareValue(preview.blocks);
    const input = JSON.parse(value!).input as Record<string, unknown>;
    for (const f of TRI_STATE_FIELDS) expect(input).not.toHaveProperty(f);

    h.fake.reset();
    await h.interact(buttonPress(h.fake, 'hcc_share', value, {}, 'form-share'));
    await expect.poll(() => h.fake.callsTo('chat.postMessage').length).toBe(1);
    const post = h.fake.callsTo('chat.postMessage')[0]!.body as { blocks: Block[] };
    expect(caveats(post.blocks)).toBe(before);
    await expect.poll(() => h.fake.callsTo('/respond/form-share').length).toBe(1);
  });

  it('"no" states the finding absent: no "not stated" caveat, and the stage follows', async () => {
    const preview = await submit({ ...CASE, ...answered('no') });
    expect(caveats(preview.blocks)).not.toMatch(/not stated/);
    // ECOG 1 from another condition does not upstage to C.
    expect(preview.text).not.toMatch(/^BCLC C/);
    const input = JSON.parse(shareValue(preview.blocks)!).input as Record<string, unknown>;
    expect(input).toMatchObject({
      macrovascularInvasion: false,
      extrahepaticSpread: false,
      ecogCancerRelated: false,
    });
  });

  it('"yes" to invasion is stage C whatever ECOG', async () => {
    const preview = await submit({ ...CASE, ecog: choice('0'), macrovascularInvasion: choice('yes') });
    expect(preview.text).toMatch(/^BCLC C/);
  });
});
