import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { assessCaseInput, assessText, type PipelineOutcome } from '../../src/pipeline.js';
import { carriedNotes, ShareValueSchema } from '../../src/render/actions.js';
import { renderIgnoredNotice, renderIgnoredText } from '../../src/render/ignored.js';
import { renderPlainText } from '../../src/render/plainText.js';
import { renderSummaryMessage, shareValue } from '../../src/render/summaryBlocks.js';

/**
 * What the parser found, as the reader sees it: stated scores on the first screen (and in the shared post), every
 * parser warning on success, "not stated" never said of what the text mentioned, and the ignored fragments named
 * privately only.
 */

type Assessed = Extract<PipelineOutcome, { status: 'assessed' }>;
const assessed = (text: string, units: 'si' | 'us' | undefined = 'si'): Assessed => {
  const o = assessText(text, { units });
  if (o.status !== 'assessed') throw new Error(`not assessed: ${JSON.stringify(o.parse.errors)}`);
  return o;
};

/** What the blocks show (button values left out: they are read back, not seen). */
const textOf = (blocks: readonly KnownBlock[]) => JSON.stringify(blocks.filter((b) => b.type !== 'actions'));
/** The blocks above the first actions block or option list: what the first screen shows. */
const firstScreen = (blocks: readonly KnownBlock[]) => textOf(blocks.slice(0, 3));

/** The summary re-assessed from its Share button, as the Share listener does. */
function shared(o: Assessed) {
  const value = shareValue(o, 'full');
  expect(value).not.toBeNull();
  const carried = ShareValueSchema.parse(JSON.parse(value!));
  const again = assessCaseInput(carried.input);
  if (again.status !== 'assessed') throw new Error('share value did not re-assess');
  return renderSummaryMessage({ ...again, ...carriedNotes(carried) }, { sharedBy: 'U123ABC' });
}

const B8_VS_C10 =
  'Child Pugh B8, bili 45 umol/L, alb 28 g/L, INR 1.8, Cr 80, Na 135, moderate ascites, no HE, ECOG 1, single 4 cm HCC, no PVTT, no EHS';

describe('stated scores', () => {
  it('shows a typed Child-Pugh that the values contradict on the first screen, and in the shared post', () => {
    const o = assessed(B8_VS_C10);
    const msg = renderSummaryMessage(o, { shareable: true });
    expect(firstScreen(msg.blocks)).toContain('You wrote Child Pugh B8, but the values give Child-Pugh C10');
    expect(textOf(shared(o).blocks)).toContain('You wrote Child Pugh B8, but the values give Child-Pugh C10');
    expect(renderPlainText(o).replace(/\s+/g, ' ')).toMatch(
      /! You wrote Child Pugh B8, but the values give Child-Pugh C10/,
    );
  });

  it('says what to add when the stated score cannot be computed', () => {
    const o = assessed(
      'CP-A5, MELD 8, solitary 6.5cm seg 8 HCC, no PVTT, no EHS, PS0, bili 12 umol/L, alb 41, INR 1.0',
    );
    const msg = renderSummaryMessage(o, { shareable: true });
    expect(firstScreen(msg.blocks)).toContain(
      'You wrote CP-A5: add ascites and encephalopathy to compute it.',
    );
    expect(renderPlainText(o).replace(/\s+/g, ' ')).toContain(
      'You wrote CP-A5: add ascites and encephalopathy to compute it.',
    );
  });

  it('keeps an agreement off the first screen and in the details', () => {
    const o = assessed(
      'Child-Pugh A5, bili 12 umol/L, alb 41 g/L, INR 1.0, no ascites, no HE, ECOG 0, single 2 cm, no PVTT, no EHS',
    );
    const answer = renderSummaryMessage(o);
    expect(textOf(answer.blocks)).not.toContain('You wrote');
    expect(textOf(renderSummaryMessage(o, { view: 'details' }).blocks)).toContain(
      'You wrote Child-Pugh A5; the values give Child-Pugh A5.',
    );
  });

  it('shows a stated score only in the focused view of its own score', () => {
    const o = assessed(B8_VS_C10);
    expect(textOf(renderSummaryMessage(o, { view: 'childpugh' }).blocks)).toContain(
      'You wrote Child Pugh B8',
    );
    expect(textOf(renderSummaryMessage(o, { view: 'meld' }).blocks)).not.toContain('You wrote');
  });
});

describe('parser warnings on success', () => {
  it('shows a PVT that was not read, and never calls invasion "not stated"', () => {
    const o = assessed(
      'bili 20 umol/L, alb 38, INR 1.1, Cr 70, Na 138, no ascites, no HE, ECOG 0, 2 lesions 3 and 2 cm, PVT',
    );
    const views = [textOf(renderSummaryMessage(o).blocks), renderPlainText(o), textOf(shared(o).blocks)];
    // Plain text wraps at 80 columns: compare with the line breaks and indents collapsed.
    for (const text of views.map((v) => v.replace(/\s+/g, ' '))) {
      expect(text).toContain('was not read as tumour invasion');
      expect(text).not.toContain('macrovascular invasion taken as absent (not stated)');
      expect(text).not.toContain(
        'macrovascular invasion and extrahepatic spread taken as absent (not stated)',
      );
      expect(text).toContain(
        'macrovascular invasion taken as absent: the text mentions it but it was not read',
      );
      expect(text).toContain('extrahepatic spread taken as absent (not stated)');
    }
  });

  it('says "not stated" when the text did not mention invasion at all', () => {
    const o = assessed('bili 22 umol/L, alb 38, INR 1.1, no ascites, no HE, ECOG 0, 2 lesions 3.5 and 2 cm');
    expect(renderPlainText(o).replace(/\s+/g, ' ')).toContain(
      'macrovascular invasion and extrahepatic spread taken as absent (not stated)',
    );
  });
});

describe('ignored fragments', () => {
  const o = assessed(
    '62M HCV cirrhosis, bili 28, alb 34, INR 1,2, wibble 88, single LR-5 lesion segment 7, 2.8 cm',
  );

  it('are named in a private notice and in the CLI text, with a suggestion', () => {
    const notice = renderIgnoredNotice(o.parse);
    expect(notice).not.toBeNull();
    expect(textOf(notice!.blocks)).toContain('wibble');
    expect(textOf(notice!.blocks)).toContain('Only you can see this.');
    expect(notice!.text).not.toContain('wibble');
    expect(renderIgnoredText(o.parse)).toContain('"wibble');
  });

  it('are only counted in the summary and in the shared post', () => {
    expect(textOf(renderSummaryMessage(o, { shareable: true }).blocks)).not.toContain('wibble');
    expect(textOf(shared(o).blocks)).not.toContain('wibble');
    expect(shareValue(o, 'full')).not.toContain('wibble');
    expect(textOf(renderSummaryMessage(o).blocks)).toMatch(
      /fragments? (was|were) not understood and ignored/,
    );
  });

  it('give no notice when nothing was ignored', () => {
    expect(renderIgnoredNotice(assessed(B8_VS_C10).parse)).toBeNull();
    expect(renderIgnoredText(assessed(B8_VS_C10).parse)).toBeNull();
  });
});
