import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { scoresReading } from '../../src/clinical/fields.js';
import { assessText } from '../../src/pipeline.js';
import { BLOCK_IDS, renderSummaryMessage } from '../../src/render/summaryBlocks.js';

/**
 * The first reply is the answer: at most 2,000 visible characters, the first option within the first 600, and the
 * caveats that decide the stage on it. "Visible" counts what Slack shows: section text and fields, context
 * elements and button labels, in block order (the same count as the Block Kit preview tool).
 */

const FIRST_REPLY_MAX = 2000;
const FIRST_OPTION_WITHIN = 600;

function visibleText(blocks: readonly KnownBlock[]): string {
  return blocks
    .map((b) => {
      const parts: string[] = [];
      if ('text' in b && b.text && typeof b.text === 'object' && 'text' in b.text)
        parts.push(String(b.text.text));
      if ('fields' in b && b.fields) parts.push(...b.fields.map((f) => f.text));
      if ('elements' in b && b.elements)
        for (const e of b.elements as { text?: string | { text?: string } }[])
          parts.push(typeof e.text === 'string' ? e.text : (e.text?.text ?? ''));
      return parts.join('\n');
    })
    .join('');
}

const CASES = {
  'the README case (BCLC C)':
    'bili 34 umol/L, alb 31, INR 1.3, Cr 0.9, Na 133, mild ascites, no HE, ECOG 1, 3 lesions largest 4.2cm, PVTT, AFP 1200',
  'stage A':
    'bili 15 umol/L, alb 40, INR 1.0, Cr 75, Na 139, no ascites, no HE, ECOG 0, single 3.5 cm lesion, AFP 12, male',
  'stage B':
    'bili 18 umol/L, alb 38, INR 1.1, Cr 80, Na 137, no ascites, no HE, ECOG 0, 4 lesions largest 5 cm, AFP 40',
  'stage C on ECOG alone':
    'bili 22 umol/L, alb 38, INR 1.1, Cr 70, Na 138, no ascites, no HE, ECOG 1, 2 lesions 3.5 and 2 cm, AFP 85',
};

describe('the first reply', () => {
  for (const [name, text] of Object.entries(CASES)) {
    const outcome = assessText(text, { units: 'si' });
    if (outcome.status !== 'assessed') throw new Error(`${name} was not assessed`);
    const first = outcome.assessment.treatment?.options.find(
      (o) => o.role === 'first-option' && o.conditionMet !== false,
    );
    // A slash command or shortcut (private, with Share) and a thread mention (public, without).
    for (const shareable of [true, false]) {
      const door = shareable ? 'slash command / shortcut' : 'thread mention';
      const m = renderSummaryMessage(outcome, { shareable });
      const visible = visibleText(m.blocks);

      it(`${name}, ${door}: at most ${FIRST_REPLY_MAX} visible characters`, () => {
        expect(visible.length).toBeLessThanOrEqual(FIRST_REPLY_MAX);
      });

      it(`${name}, ${door}: the first option within the first ${FIRST_OPTION_WITHIN}`, () => {
        expect(first).toBeDefined();
        const at = visible.indexOf(first?.label ?? '\u0000');
        expect(at).toBeGreaterThanOrEqual(0);
        expect(at).toBeLessThan(FIRST_OPTION_WITHIN);
      });

      it(`${name}, ${door}: every caveat about the stage or liver function is on it`, () => {
        const caveats = JSON.stringify(m.blocks.find((b) => b.block_id === BLOCK_IDS.caveats) ?? {});
        const decisive = [...outcome.assessment.assumptions, ...outcome.assessment.warnings].filter((n) =>
          n.about.some((k) => k === 'bclc' || k === 'childPugh'),
        );
        for (const n of decisive)
          expect(caveats).toContain(
            n.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
          );
        for (const p of outcome.parse.assumptions)
          if (scoresReading(p.field).some((k) => k === 'bclc' || k === 'childPugh'))
            expect(caveats).toContain(p.message);
      });
    }
  }

  it('the stage-C-on-ECOG case shows the ECOG attribution that decides it', () => {
    const o = assessText(CASES['stage C on ECOG alone'], { units: 'si' });
    if (o.status !== 'assessed') throw new Error('not assessed');
    expect(o.assessment.bclc?.stage).toBe('C');
    const body = JSON.stringify(renderSummaryMessage(o).blocks);
    expect(body).toMatch(/ECOG 1 taken as cancer-related/);
    // and asks the one question that would settle it
    expect(body).toContain('Is the ECOG 1 from the cancer?');
  });
});
