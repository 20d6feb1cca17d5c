import { describe, expect, it } from 'vitest';
import { mrecist } from '../../src/clinical/mrecist.js';
import { blockKitViolations } from '../../src/render/limits.js';
import { renderMrecistMessage, renderMrecistText } from '../../src/render/mrecist.js';

describe('mRECIST', () => {
  it('shows the response, the changes and the rule', () => {
    const r = mrecist({ baselineMm: 50, nadirMm: 50, currentMm: 30, newLesion: false });
    const m = renderMrecistMessage(r);
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.text).toBe('mRECIST PR (partial response): -40.0% from baseline, -40.0% from nadir.');
    expect(JSON.stringify(m.blocks)).toContain('mRECIST (Lencioni &amp; Llovet 2010)');
    const t = renderMrecistText(r);
    expect(t).toContain('mRECIST PR (partial response)');
    expect(t).toContain('Rule: mRECIST (Lencioni & Llovet 2010).');
  });

  it('says when the change from nadir is not defined', () => {
    const r = mrecist({ baselineMm: 40, nadirMm: 0, currentMm: 5, newLesion: false });
    expect(renderMrecistText(r)).toContain('change from nadir not defined (nadir 0)');
  });
});
