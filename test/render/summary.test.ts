import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema } from '../../src/clinical/assessment.js';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import {
  ACTION_SHARE,
  ACTION_SHOW_EVIDENCE,
  ShareValueSchema,
  ShowEvidenceValueSchema,
  SummaryViewSchema,
  sharedAssumptions,
} from '../../src/render/actions.js';
import { headline } from '../../src/render/headline.js';
import { blockKitViolations } from '../../src/render/limits.js';
import { renderSummaryMessage, type SummaryView, shareValue } from '../../src/render/summaryBlocks.js';
import {
  arbAssessment,
  arbInput,
  arbParse,
  assessmentB,
  assessmentC,
  assessmentSparse,
  emptyParse,
  fakeEvidence,
  inputB,
  MARKER,
  parseB,
} from './fixtures.js';

const VIEWS = SummaryViewSchema.options;
const outcomeB = { parse: parseB, input: inputB, assessment: assessmentB };

const allText = (blocks: KnownBlock[]) => JSON.stringify(blocks);
const buttons = (blocks: KnownBlock[]): Button[] =>
  blocks
    .filter((b): b is ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements.filter((e): e is Button => e.type === 'button'));
const button = (blocks: KnownBlock[], id: string) => buttons(blocks).find((b) => b.action_id === id);

describe('headline', () => {
  it('names stage, Child-Pugh, ALBI with two decimals and MELD 3.0', () => {
    expect(headline(assessmentB)).toBe('BCLC B · Child-Pugh A6 · ALBI 2 (-1.62) · MELD 3.0 11');
  });

  it('leaves out what was not computed and says when BCLC was not evaluable', () => {
    expect(headline(assessmentSparse)).toBe('BCLC not evaluable');
    const b8 = AssessmentSchema.parse({
      ...assessmentSparse,
      childPugh: { ...assessmentB.childPugh, points: 8, class: 'B' },
    });
    expect(headline(b8)).toBe('BCLC not evaluable · Child-Pugh B8');
  });

  it('falls back to MELD-Na, then MELD, under their own names when MELD 3.0 is missing', () => {
    const noSex = AssessmentSchema.parse({ ...assessmentB, meld: { meld: 9, meldNa: 12, meld3: null } });
    expect(headline(noSex)).toBe('BCLC B · Child-Pugh A6 · ALBI 2 (-1.62) · MELD-Na 12');
    const meldOnly = AssessmentSchema.parse({ ...assessmentB, meld: { meld: 9, meldNa: null, meld3: null } });
    expect(headline(meldOnly)).toMatch(/· MELD 9$/);
  });
});

describe('renderSummaryMessage, full view', () => {
  const m = renderSummaryMessage(outcomeB, { shareable: true, evidence: fakeEvidence });
  const body = allText(m.blocks);

  it('is valid Block Kit and starts its fallback with the headline', () => {
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.text.startsWith(headline(assessmentB))).toBe(true);
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: headline(assessmentB) } });
  });

  it('shows each score with its grade and rule version', () => {
    expect(body).toContain('-1.62 · grade 2 · mALBI 2b');
    expect(body).toContain('ALBI (Johnson 2015)');
    expect(body).toContain('A6 · bilirubin 1, albumin 2, INR 1, ascites 1, encephalopathy 1');
    expect(body).toContain('MELD 3.0 (Kim 2021; OPTN 2023)');
    expect(body).toContain('MELD-Na (OPTN 2016)');
    expect(body).toContain('✓ within');
    expect(body).toContain('✗ beyond');
    expect(body).toContain('C (2 points)');
    expect(body).toContain('8.2 (band &gt;6–12)');
  });

  it('shows what was assumed, by the parser and by the core', () => {
    expect(body).toContain('*Assumed*');
    expect(body).toContain('albumin 31 read as g/L (no unit given)');
    expect(body).toContain('Ascites taken as none (not stated)');
  });

  it('lists the missing inputs of each score not computed, in clinic words', () => {
    expect(body).toContain('*Not computed*');
    expect(body).toContain('mHAP-II: missing largest nodule (cm), PT prolongation (s)');
  });

  it('shows warnings, the stage with its basis and subgroup, and the decision-support footer', () => {
    expect(body).toContain('AFP 1200 ng/mL: high AFP worsens prognosis');
    expect(body).toContain('BCLC B (intermediate) · preserved liver function');
    expect(body).toContain('Stage B: 4 nodules');
    expect(body).toContain('Subgroup: TACE candidate');
    const footer = m.blocks.at(-1);
    expect(footer?.type).toBe('context');
    expect(JSON.stringify(footer)).toContain(
      'Decision support for the MDT, not a decision. Rules: BCLC 2022, ',
    );
  });

  it('lists each option with evidence, condition status and unverified marks', () => {
    expect(body).toContain('*First option*');
    expect(body).toContain('TACE (transarterial chemoembolisation)');
    expect(body).toContain('tace evidence line _(unverified)_');
    // Every branch of this fixture is verified: no † and no footnote.
    expect(body).not.toContain('†');
    expect(body).toContain('IMbrave150: OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)');
    expect(body).toContain('*? unknown*');
    expect(body).toContain('*✗ not met*');
    expect(body).toContain('<https://pubmed.ncbi.nlm.nih.gov/34902530/|source>');
  });

  it('marks an unverified BCLC branch with † on the option, explained once in the treatment notes', () => {
    const treatment = assessmentB.treatment!;
    const unverified = AssessmentSchema.parse({
      ...assessmentB,
      treatment: { ...treatment, options: treatment.options.map((o, i) => ({ ...o, verified: i !== 1 })) },
    });
    const text = allText(
      renderSummaryMessage({ ...outcomeB, assessment: unverified }, { evidence: fakeEvidence }).blocks,
    );
    expect(text).toContain('*Liver transplantation* †');
    expect(text).not.toContain('*Atezolizumab + bevacizumab* †');
    expect(text.split('† BCLC branch taken from the research digest').length).toBe(2);
  });

  it('mentions the ignored fragments by count and suggestion only', () => {
    expect(body).toContain('1 fragment was not understood and ignored (did you mean bili?)');
    expect(body).not.toContain(MARKER);
  });

  it('has a Show evidence button whose value parses back', () => {
    const b = button(m.blocks, ACTION_SHOW_EVIDENCE);
    const v = ShowEvidenceValueSchema.parse(JSON.parse(b?.value ?? ''));
    expect(v).toEqual({ stage: 'B', options: ['tace', 'liver-transplant', 'atezolizumab-bevacizumab'] });
  });

  it('has a Share button carrying the CaseInput, the parse assumptions and the view, not the typed text', () => {
    const b = button(m.blocks, ACTION_SHARE);
    expect(b?.value?.length).toBeLessThanOrEqual(2000);
    const v = ShareValueSchema.parse(JSON.parse(b?.value ?? ''));
    expect(v.view).toBe('full');
    expect(v.assumptions).toEqual(['albumin 31 read as g/L (no unit given)']);
    expect(CaseInputSchema.parse(v.input)).toEqual(inputB);
    expect(b?.value).not.toContain(MARKER);
    // Re-rendered from the share value, the summary still shows the parser's assumption.
    const again = renderSummaryMessage(
      {
        parse: emptyParse({ assumptions: sharedAssumptions(v) }),
        input: CaseInputSchema.parse(v.input),
        assessment: assessmentB,
      },
      { sharedBy: 'U0123ABCD' },
    );
    expect(JSON.stringify(again.blocks)).toContain('albumin 31 read as g/L (no unit given)');
  });

  it('drops the parse assumptions from the share value before it would pass 2000 characters', () => {
    const many = {
      ...parseB,
      assumptions: Array.from({ length: 40 }, (_, i) => ({
        field: 'albumin',
        message: `assumption ${i} `.repeat(5),
      })),
    };
    const m = renderSummaryMessage({ ...outcomeB, parse: many }, { shareable: true });
    const value = button(m.blocks, ACTION_SHARE)?.value ?? '';
    expect(value.length).toBeLessThanOrEqual(2000);
    const v = ShareValueSchema.parse(JSON.parse(value));
    expect(v.assumptions).toEqual([]);
    expect(CaseInputSchema.parse(v.input)).toEqual(inputB);
  });

  it('never shows a privacy warning or an identifier', () => {
    const identifier = 'MRN 55512345';
    const parse = {
      ...parseB,
      notUnderstood: [...parseB.notUnderstood, { kind: 'identifier' as const, start: 40, end: 52 }],
      warnings: [{ code: 'privacy' as const, message: `Identifier ${identifier} left out`, spans: [] }],
    };
    const m = renderSummaryMessage({ ...outcomeB, parse }, { shareable: true });
    expect(JSON.stringify(m)).not.toContain(identifier);
  });

  it('shows the Share button only when shareable, and names who shared', () => {
    const shared = renderSummaryMessage(outcomeB, { sharedBy: 'U0123ABCD', evidence: fakeEvidence });
    expect(button(shared.blocks, ACTION_SHARE)).toBeUndefined();
    expect(button(shared.blocks, ACTION_SHOW_EVIDENCE)).toBeDefined();
    expect(shared.blocks[1]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Shared by <@U0123ABCD>' }],
    });
    const bogus = renderSummaryMessage(outcomeB, { sharedBy: '<!channel>' });
    expect(allText(bogus.blocks)).not.toContain('<!channel>');
  });

  it('escapes data so it cannot mention, link or break the mrkdwn', () => {
    const a = AssessmentSchema.parse({
      ...assessmentB,
      warnings: [{ about: ['bclc'], fields: [], message: '<!channel> & <https://evil.example|click>' }],
    });
    const out = allText(renderSummaryMessage({ ...outcomeB, assessment: a }).blocks);
    expect(out).toContain('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;');
    expect(out).not.toContain('<!channel>');
  });

  it('keeps the longest treatment list (BCLC C) well under the limits', () => {
    const c = renderSummaryMessage(
      { ...outcomeB, assessment: assessmentC },
      { shareable: true, evidence: fakeEvidence },
    );
    expect(blockKitViolations(c)).toEqual([]);
    expect(c.blocks.length).toBeLessThanOrEqual(20);
    const text = allText(c.blocks);
    for (const o of assessmentC.treatment?.options ?? []) expect(text).toContain(o.label);
    expect(text).toContain('_(BCLC 2025 update)_');
    expect(text).toContain('Condition: AFP &gt;= 400 ng/mL after sorafenib — *✓ met*');
    expect(text).not.toContain('left out');
  });

  it('says BCLC was not evaluable and lists every missing input when little was given', () => {
    const s = renderSummaryMessage({ parse: emptyParse(), input: inputB, assessment: assessmentSparse });
    expect(blockKitViolations(s)).toEqual([]);
    const text = allText(s.blocks);
    expect(s.text.startsWith('BCLC not evaluable')).toBe(true);
    expect(text).toContain('*BCLC not evaluable*');
    expect(text).toContain('MELD 3.0: missing sex, creatinine');
    expect(text).toContain('BCLC: missing ECOG, nodule sizes');
    expect(button(s.blocks, ACTION_SHOW_EVIDENCE)).toBeUndefined();
  });
});

describe('renderSummaryMessage, focused views', () => {
  const render = (view: SummaryView) =>
    renderSummaryMessage(outcomeB, { view, shareable: true, evidence: fakeEvidence });

  it('ALBI shows the score, its version and only the relevant assumptions', () => {
    const m = render('albi');
    const t = allText(m.blocks);
    expect(m.text.startsWith(headline(assessmentB))).toBe(true);
    expect(t).toContain('*ALBI* -1.62 · grade 2 · mALBI 2b');
    expect(t).toContain('albumin 31 read as g/L');
    expect(t).not.toContain('MELD 3.0 uses the adult sex coefficient');
    expect(t).not.toContain('Child-Pugh');
    const share = ShareValueSchema.parse(JSON.parse(button(m.blocks, ACTION_SHARE)?.value ?? ''));
    expect(share.view).toBe('albi');
    expect(button(m.blocks, ACTION_SHOW_EVIDENCE)).toBeUndefined();
  });

  it('MELD shows the three scores and the sex assumption', () => {
    const t = allText(render('meld').blocks);
    expect(t).toContain('*MELD* 9');
    expect(t).toContain('*MELD-Na* 12');
    expect(t).toContain('*MELD 3.0* 11');
    expect(t).toContain('MELD 3.0 uses the adult sex coefficient');
  });

  it('a score not computed says what is missing', () => {
    const m = renderSummaryMessage(
      { parse: emptyParse(), input: inputB, assessment: assessmentSparse },
      { view: 'childpugh' },
    );
    const t = allText(m.blocks);
    expect(t).toContain('*Child-Pugh* not computed');
    expect(t).toContain('Child-Pugh: missing albumin, ascites, encephalopathy');
    expect(t).not.toContain('MELD 3.0: missing');
  });

  it('transplant shows the criteria only; BCLC shows the stage, options and the evidence button', () => {
    const tr = allText(render('transplant').blocks);
    expect(tr).toContain('*Up-to-seven*');
    expect(tr).not.toContain('HAP');
    const bclc = render('bclc');
    expect(allText(bclc.blocks)).toContain('BCLC B (intermediate)');
    expect(allText(bclc.blocks)).toContain('*First option:* TACE (transarterial chemoembolisation) ?');
    expect(button(bclc.blocks, ACTION_SHOW_EVIDENCE)).toBeDefined();
  });
});

describe('renderSummaryMessage, any assessment', { timeout: 120_000 }, () => {
  it('stays within Block Kit limits in every view, with button values that parse and fit', () => {
    fc.assert(
      fc.property(
        arbAssessment,
        arbParse,
        arbInput,
        fc.constantFrom(...VIEWS),
        fc.boolean(),
        (assessment, parse, input, view, withEvidence) => {
          const m = renderSummaryMessage(
            { parse, input, assessment },
            {
              view,
              shareable: true,
              sharedBy: 'U0123ABCD',
              ...(withEvidence ? { evidence: fakeEvidence } : {}),
            },
          );
          expect(blockKitViolations(m)).toEqual([]);
          expect(m.text.startsWith(headline(assessment))).toBe(true);
          expect(m.text).not.toContain(MARKER);
          const share = button(m.blocks, ACTION_SHARE);
          expect(share).toBeDefined();
          const v = ShareValueSchema.parse(JSON.parse(share?.value ?? ''));
          expect(CaseInputSchema.parse(v.input)).toEqual(input);
          expect(v.view).toBe(view);
          const evidence = button(m.blocks, ACTION_SHOW_EVIDENCE);
          if (evidence) ShowEvidenceValueSchema.parse(JSON.parse(evidence.value ?? ''));
          expect(JSON.stringify(m.blocks.at(-1))).toContain('Decision support for the MDT');
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('shareValue for long cases', () => {
  it('the longest valid case still fits 2000 characters and parses back to the same case', () => {
    // 50 nodules (the schema's maximum), each a full-length decimal under 30 cm, plus every other field.
    const input = CaseInputSchema.parse({
      ...inputB,
      noduleCount: undefined,
      largestNoduleCm: undefined,
      nodulesCm: Array.from({ length: 50 }, (_, i) => (i % 29) + Math.PI / 10 ** 4),
      totalDiameterCm: undefined,
      ptProlongationSeconds: 10 + Math.PI,
      pivka: { value: 100_000 * Math.E, unit: 'mAU/mL' },
      portalHypertension: true,
      dialysis: true,
      cholestatic: true,
      ecogCancerRelated: false,
    });
    const longAssumptions = Array.from({ length: 30 }, () => ({
      field: 'albumin',
      message: 'x'.repeat(100),
    }));
    const raw = shareValue(
      { ...outcomeB, input, parse: { ...parseB, assumptions: longAssumptions } },
      'full',
    );
    expect(raw).not.toBeNull();
    expect(raw!.length).toBeLessThanOrEqual(2000);
    const value = ShareValueSchema.parse(JSON.parse(raw!));
    expect(value.assumptions).toEqual([]);
    expect(CaseInputSchema.parse(value.input)).toEqual(input);
  });
});
