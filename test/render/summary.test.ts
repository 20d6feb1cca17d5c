import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AssessmentSchema } from '../../src/clinical/assessment.js';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import {
  ACTION_ALL_SCORES,
  ACTION_SHARE,
  ACTION_SHOW_EVIDENCE,
  carriedParse,
  ShareValueSchema,
  ShowEvidenceValueSchema,
  SummaryViewSchema,
} from '../../src/render/actions.js';
import { headline } from '../../src/render/headline.js';
import { blockKitViolations } from '../../src/render/limits.js';
import {
  BLOCK_IDS,
  renderSummaryMessage,
  type SummaryView,
  shareValue,
} from '../../src/render/summaryBlocks.js';
import { evaluable } from '../../src/render/summaryModel.js';
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

describe('renderSummaryMessage, the answer (full view)', () => {
  const m = renderSummaryMessage(outcomeB, { shareable: true, evidence: fakeEvidence });
  const body = allText(m.blocks);

  it('is valid Block Kit and starts its fallback with the headline', () => {
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.text.startsWith(headline(assessmentB))).toBe(true);
    expect(m.blocks[0]).toMatchObject({ type: 'header', text: { text: headline(assessmentB) } });
  });

  it('opens with the stage, its liver function and basis, then the first option with its evidence line', () => {
    expect(body).toContain('*BCLC B (intermediate)* · preserved liver function (Child-Pugh A6)');
    expect(body).toContain('Stage B: 4 nodules');
    expect(body).toContain('Subgroup: TACE candidate');
    expect(body.indexOf('BCLC B (intermediate)')).toBeLessThan(body.indexOf('*First option*'));
    expect(body).toContain('*TACE (transarterial chemoembolisation)* — tace evidence line');
    expect(body).toContain('<https://pubmed.ncbi.nlm.nih.gov/34902530/|PMID 34902530>');
  });

  it('leaves the score grid, the alternatives and the rule versions to the details', () => {
    expect(body).not.toContain('ALBI (Johnson 2015)');
    expect(body).not.toContain('Up-to-seven');
    expect(body).not.toContain('Atezolizumab + bevacizumab');
    expect(body).not.toContain('Rules:');
  });

  it('shows every caveat, by the parser and by the core, and the ignored fragments by count only', () => {
    expect(m.blocks.find((b) => b.block_id === BLOCK_IDS.caveats)).toBeDefined();
    expect(body).toContain('*Could change the stage or the option*');
    expect(body).toContain(':warning: AFP 1200 ng/mL: high AFP worsens prognosis within BCLC B.');
    expect(body).toContain('• albumin 31 read as g/L (no unit given)');
    expect(body).toContain('• Ascites taken as none (not stated)');
    expect(body).toContain('1 fragment was not understood and ignored (did you mean bili?)');
    expect(body).not.toContain(MARKER);
  });

  it('asks once for what would decide the subgroup or the option', () => {
    expect(body).toContain('*To decide the subgroup: infiltrative pattern not stated?*');
    expect(body).toContain('_Condition: Well-defined nodules, preserved portal flow_');
  });

  it('ends with the decision-support line and the staging rule, once', () => {
    const footer = m.blocks.at(-1);
    expect(footer?.type).toBe('context');
    expect(JSON.stringify(footer)).toContain(
      'Decision support for the MDT, not a decision. Staging: BCLC 2022.',
    );
  });

  it('marks what is not yet checked, with one footnote; no marks when nothing is checked', () => {
    // The fake's TACE evidence is unchecked, the branch is checked: one mark, one footnote.
    expect(body).toContain('tace evidence line · <https://pubmed.ncbi.nlm.nih.gov/34902530/|PMID 34902530>');
    const c = allText(
      renderSummaryMessage({ ...outcomeB, assessment: assessmentC }, { evidence: fakeEvidence }).blocks,
    );
    // Every first option of this fixture is an unchecked branch: one footnote and no mark on each line.
    expect(c).not.toContain('†');
    expect(c.split('not yet checked against the published BCLC figure').length).toBe(2);
    expect(c).not.toMatch(/digest|docs\/|unverified/);
  });

  it('folds first options whose condition is not met into one line', () => {
    const treatment = assessmentB.treatment!;
    const folded = AssessmentSchema.parse({
      ...assessmentB,
      treatment: {
        ...treatment,
        options: treatment.options.map((o) =>
          o.id === 'liver-transplant' ? { ...o, role: 'first-option' } : o,
        ),
      },
    });
    const t = allText(
      renderSummaryMessage({ ...outcomeB, assessment: folded }, { evidence: fakeEvidence }).blocks,
    );
    expect(t).toContain('_Not suitable here (condition not met): Liver transplantation._');
    expect(t).not.toContain('*Liver transplantation*');
  });

  it('has Evidence, All scores and Share buttons whose values parse back', () => {
    const ev = ShowEvidenceValueSchema.parse(JSON.parse(button(m.blocks, ACTION_SHOW_EVIDENCE)?.value ?? ''));
    expect(ev).toEqual({ stage: 'B', options: ['tace', 'liver-transplant', 'atezolizumab-bevacizumab'] });
    const all = ShareValueSchema.parse(JSON.parse(button(m.blocks, ACTION_ALL_SCORES)?.value ?? ''));
    expect(all.view).toBe('details');
    expect(CaseInputSchema.parse(all.input)).toEqual(inputB);
  });

  it('has a Share button carrying the CaseInput, the parse caveats and the view, not the typed text', () => {
    const b = button(m.blocks, ACTION_SHARE);
    expect(b?.value?.length).toBeLessThanOrEqual(2000);
    const v = ShareValueSchema.parse(JSON.parse(b?.value ?? ''));
    expect(v.view).toBe('full');
    expect(v.assumptions).toEqual([
      { field: 'albumin', message: 'albumin 31 read as g/L (no unit given)' },
      { field: '', message: '1 fragment was not understood and ignored (did you mean bili?)' },
    ]);
    expect(CaseInputSchema.parse(v.input)).toEqual(inputB);
    expect(b?.value).not.toContain(MARKER);
  });

  it('re-rendered from the share value, carries exactly the caveats of the preview', () => {
    const v = ShareValueSchema.parse(JSON.parse(button(m.blocks, ACTION_SHARE)?.value ?? ''));
    const again = renderSummaryMessage(
      { parse: carriedParse(v), input: CaseInputSchema.parse(v.input), assessment: assessmentB },
      { sharedBy: 'U0123ABCD', evidence: fakeEvidence },
    );
    const caveats = (msg: typeof m) =>
      JSON.stringify(msg.blocks.find((x) => x.block_id === BLOCK_IDS.caveats));
    expect(caveats(again)).toBe(caveats(m));
  });

  it('drops the parse caveats from the share value before it would pass 2000 characters', () => {
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

  it('says BCLC was not evaluable, asks for what staging needs, and offers no Share', () => {
    const s = renderSummaryMessage(
      { parse: emptyParse(), input: inputB, assessment: assessmentSparse },
      { shareable: true },
    );
    expect(blockKitViolations(s)).toEqual([]);
    const text = allText(s.blocks);
    expect(s.text.startsWith('BCLC not evaluable')).toBe(true);
    expect(text).toContain('*BCLC not evaluable*');
    expect(text).toContain('To stage, add: ECOG, nodule sizes (nodule diameters');
    expect(text).toContain('Also not computed: ALBI, Child-Pugh, MELD 3.0, Milan');
    expect(button(s.blocks, ACTION_SHOW_EVIDENCE)).toBeUndefined();
    expect(button(s.blocks, ACTION_SHARE)).toBeUndefined();
  });
});

describe('renderSummaryMessage, details (All scores)', () => {
  const m = renderSummaryMessage(outcomeB, { view: 'details', evidence: fakeEvidence });
  const body = allText(m.blocks);

  it('is valid Block Kit, says it is the details, and offers neither share nor itself again', () => {
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: `${headline(assessmentB)}: all scores` },
    });
    expect(button(m.blocks, ACTION_SHARE)).toBeUndefined();
    expect(button(m.blocks, ACTION_ALL_SCORES)).toBeUndefined();
  });

  it('shows each score with its grade and rule version, and transplant and TACE scores for stage B', () => {
    expect(body).toContain('-1.62 · grade 2 · mALBI 2b');
    expect(body).toContain('ALBI (Johnson 2015)');
    expect(body).toContain('A6 · bilirubin 1, albumin 2, INR 1, ascites 1, encephalopathy 1');
    expect(body).toContain('MELD 3.0 (Kim 2021; OPTN 2023)');
    expect(body).toContain('✓ within');
    expect(body).toContain('✗ beyond');
    expect(body).toContain('C (2 points)');
    expect(body).toContain('8.2 (band &gt;6–12)');
  });

  it('leaves out transplant and TACE scores where they do not bear on the stage (C)', () => {
    const c = allText(
      renderSummaryMessage(
        { ...outcomeB, assessment: assessmentC },
        { view: 'details', evidence: fakeEvidence },
      ).blocks,
    );
    expect(c).not.toContain('Transplant criteria');
    expect(c).not.toContain('*HAP*');
  });

  it('lists the missing inputs of each score not computed, in clinic words', () => {
    expect(body).toContain('*Not computed*');
    expect(body).toContain('mHAP-II: missing largest nodule (cm), PT prolongation (s)');
  });

  it('lists every option with its condition in words, and the rule versions once', () => {
    // The first options are in the answer; the details list the others, each with its condition.
    for (const o of assessmentB.treatment?.options ?? [])
      if (o.role === 'first-option') expect(body).not.toContain(`*${o.label}*`);
      else expect(body).toContain(`*${o.label}*`);
    expect(body).toContain('_Condition: Within extended transplant criteria — not met_');
    expect(body).not.toMatch(/\? unknown|✗ not met/);
    expect(body.split('Rules: BCLC 2022, ').length).toBe(2);
    expect(body).toContain('Treatment stage migration');
  });

  it('keeps the longest treatment list (BCLC C) well under the limits', () => {
    const c = renderSummaryMessage(
      { ...outcomeB, assessment: assessmentC },
      { view: 'details', evidence: fakeEvidence },
    );
    expect(blockKitViolations(c)).toEqual([]);
    const text = allText(c.blocks);
    for (const o of assessmentC.treatment?.options ?? [])
      if (o.role !== 'first-option') expect(text).toContain(o.label);
    expect(text).toContain('*Camrelizumab + rivoceranib*');
    expect(text).toContain('_Condition: AFP &gt;= 400 ng/mL after sorafenib — met_');
    expect(text).not.toContain('left out');
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

  it('MELD shows the three scores', () => {
    const t = allText(render('meld').blocks);
    expect(t).toContain('*MELD* 9');
    expect(t).toContain('*MELD-Na* 12');
    expect(t).toContain('*MELD 3.0* 11');
  });

  it('a score not computed says what is missing, and is not offered for sharing', () => {
    const m = renderSummaryMessage(
      { parse: emptyParse(), input: inputB, assessment: assessmentSparse },
      { view: 'childpugh', shareable: true },
    );
    const t = allText(m.blocks);
    expect(t).toContain('*Child-Pugh* not computed');
    expect(t).toContain('Child-Pugh: missing albumin, ascites, encephalopathy');
    expect(t).not.toContain('MELD 3.0: missing');
    expect(button(m.blocks, ACTION_SHARE)).toBeUndefined();
  });

  it('transplant shows the criteria only; BCLC shows the answer with the evidence button', () => {
    const tr = allText(render('transplant').blocks);
    expect(tr).toContain('*Up-to-seven*');
    expect(tr).not.toContain('HAP');
    const bclc = render('bclc');
    expect(allText(bclc.blocks)).toContain('BCLC B (intermediate)');
    expect(allText(bclc.blocks)).toContain('*TACE (transarterial chemoembolisation)*');
    expect(allText(bclc.blocks)).not.toMatch(/ \? |✓|✗/);
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
          expect(share !== undefined).toBe(view !== 'details' && evaluable(assessment, view));
          if (share) {
            const v = ShareValueSchema.parse(JSON.parse(share.value ?? ''));
            expect(CaseInputSchema.parse(v.input)).toEqual(input);
            expect(v.view).toBe(view);
          }
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
    const longAssumptions = Array.from({ length: 30 }, (_, i) => ({
      field: 'albumin',
      message: `${i} ${'x'.repeat(100)}`,
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
