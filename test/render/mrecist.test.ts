import { describe, expect, it } from 'vitest';
import { mrecist } from '../../src/clinical/mrecist.js';
import { ACTION_SHARE_MRECIST, MrecistShareValueSchema } from '../../src/render/actions.js';
import { blockKitViolations } from '../../src/render/limits.js';
import { renderMrecistMessage, renderMrecistText } from '../../src/render/mrecist.js';

type Block = {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: unknown }[];
};
const blocksOf = (m: { blocks: unknown[] }) => m.blocks as Block[];
const shareValue = (m: { blocks: unknown[] }) =>
  blocksOf(m)
    .flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === ACTION_SHARE_MRECIST)?.value;

describe('mRECIST', () => {
  it('shows the response, the changes and the rule', () => {
    const r = mrecist({ baselineMm: 50, nadirMm: 50, currentMm: 30, newLesion: false });
    const m = renderMrecistMessage(r);
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.text).toBe(
      'mRECIST PR (partial response): Viable sums: baseline 50 mm → nadir 50 mm → now 30 mm; -40.0% from baseline, -40.0% from nadir.',
    );
    expect(JSON.stringify(m.blocks)).toContain('mRECIST (Lencioni &amp; Llovet 2010)');
    const t = renderMrecistText(r);
    expect(t).toContain('mRECIST PR (partial response)');
    expect(t).toContain('Rule: mRECIST (Lencioni & Llovet 2010).');
  });

  it('echoes the sums baseline → nadir → now and rounds every percentage to one decimal', () => {
    const r = mrecist({ baselineMm: 52, nadirMm: 30, currentMm: 37, newLesion: false });
    const body = blocksOf(renderMrecistMessage(r))[0]!.text!.text;
    expect(body).toContain('Viable sums: baseline 52 mm → nadir 30 mm → now 37 mm');
    expect(body).toContain('-28.8% from baseline, +23.3% from nadir');
    expect(body).toContain('The viable sum rose 23.3% from the nadir');
    expect(body).not.toMatch(/\d\.\d{2,}%/);
    expect(renderMrecistText(r)).not.toMatch(/\d\.\d{2,}%/);
  });

  it('says a new lesion was reported beside the sums', () => {
    const r = mrecist({ baselineMm: 40, nadirMm: 20, currentMm: 20, newLesion: true });
    expect(renderMrecistMessage(r).text).toContain('now 20 mm · new lesion');
  });

  it('never rounds a change onto a cut-off it did not reach', () => {
    // +19.96 % from the nadir is SD: shown as 19.9 %, not 20.0 %.
    const sd = mrecist({ baselineMm: 30, nadirMm: 25.05, currentMm: 30.05, newLesion: false });
    expect(sd.response).toBe('SD');
    expect(renderMrecistText(sd)).toContain('+19.9% from nadir');
    expect(renderMrecistText(sd)).not.toContain('20.0%');
    // −29.96 % from baseline is not PR: shown as −29.9 %.
    const notPr = mrecist({ baselineMm: 25.03, nadirMm: 25.03, currentMm: 17.53, newLesion: false });
    expect(notPr.response).toBe('SD');
    expect(renderMrecistText(notPr)).toContain('-29.9% from baseline');
  });

  it('says when the change from nadir is not defined', () => {
    const r = mrecist({ baselineMm: 40, nadirMm: 0, currentMm: 5, newLesion: false });
    expect(renderMrecistText(r)).toContain('change from nadir not defined (nadir 0)');
  });

  it('a private preview carries a Share button whose value is the sums only; a shared post has none', () => {
    const r = mrecist({ baselineMm: 52, nadirMm: 30, currentMm: 37, newLesion: true });
    const preview = renderMrecistMessage(r, { shareable: true });
    expect(blockKitViolations(preview)).toEqual([]);
    const value = MrecistShareValueSchema.parse(JSON.parse(shareValue(preview)!));
    expect(value).toEqual({ v: 1, input: { baselineMm: 52, nadirMm: 30, currentMm: 37, newLesion: true } });
    expect(shareValue(renderMrecistMessage(r))).toBeUndefined();
    const shared = renderMrecistMessage(mrecist(value.input), { sharedBy: 'U02SHARER' });
    expect(shareValue(shared)).toBeUndefined();
    expect(JSON.stringify(shared.blocks)).toContain('Shared by <@U02SHARER>');
    // What the channel reads is what the preview said.
    const sections = (m: { blocks: unknown[] }) => blocksOf(m).filter((b) => b.type === 'section');
    expect(sections(shared)).toEqual(sections(preview));
    expect(shared.text).toBe(preview.text);
  });
});
