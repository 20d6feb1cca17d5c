import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_OPEN_FORM } from '../../src/render/actions.js';
import { renderHelpMessage } from '../../src/render/help.js';
import { blockKitViolations } from '../../src/render/limits.js';
import { renderPlainText, renderProblemsText } from '../../src/render/plainText.js';
import { renderPrivacyNotice } from '../../src/render/privacy.js';
import { renderProblemsMessage } from '../../src/render/problems.js';
import { EXAMPLE_MESSAGE } from '../../src/render/problemsModel.js';
import {
  arbParse,
  assessmentB,
  assessmentC,
  emptyParse,
  fakeEvidence,
  inputB,
  MARKER,
  parseB,
} from './fixtures.js';

const IDENTIFIER = 'MRN 55512345';

const withProblems = emptyParse({
  recognised: [
    { start: 0, end: 7, kind: 'bilirubin' },
    { start: 8, end: 9, kind: 'filler' },
    { start: 10, end: 16, kind: 'albumin' },
    { start: 17, end: 20, kind: 'bilirubin' },
  ],
  notUnderstood: [
    { kind: 'unknown', start: 21, end: 25, text: 'bilu', suggestion: 'bili' },
    { kind: 'unknown', start: 26, end: 40, text: `${MARKER} <!here> \`x\`` },
    { kind: 'identifier', start: 41, end: 53 },
  ],
  errors: [
    {
      code: 'ambiguous-unit',
      field: 'albumin',
      message: 'albumin 3.1: give the unit (g/dL or g/L)',
      spans: [],
    },
  ],
  warnings: [
    { code: 'privacy', message: `Identifier ${IDENTIFIER} left out`, spans: [{ start: 41, end: 53 }] },
    { code: 'unusual', field: 'inr', message: 'INR 6.5 is unusually high', spans: [] },
  ],
});

describe('renderProblemsMessage', () => {
  const m = renderProblemsMessage(withProblems, 'parse-errors');
  const body = JSON.stringify(m.blocks);

  it('lists errors, warnings, what was not understood and what was recognised, with an example', () => {
    expect(blockKitViolations(m)).toEqual([]);
    expect(body).toContain('albumin 3.1: give the unit (g/dL or g/L)');
    expect(body).toContain('INR 6.5 is unusually high');
    expect(body).toContain('`bilu` — did you mean `bili`?');
    expect(body).toContain('*Recognised:* bilirubin, albumin');
    expect(body).toContain(EXAMPLE_MESSAGE);
  });

  it('quotes unknown words safely and never the identifier', () => {
    expect(body).toContain('&lt;!here&gt;');
    expect(body).not.toContain('<!here>');
    expect(body).toContain(
      "Something that looks like a patient identifier was left out; please don't post names",
    );
    expect(body).not.toContain(IDENTIFIER);
  });

  it('has a generic fallback without user text', () => {
    expect(m.text).toBe('Your HCC MDT message could not be assessed: 1 problem to fix.');
    expect(renderProblemsMessage(emptyParse(), 'nothing-recognised').text).toBe(
      'Your HCC MDT message could not be assessed: nothing was recognised.',
    );
  });

  it('stays within limits for long lists and never puts user text in the fallback', () => {
    fc.assert(
      fc.property(
        arbParse,
        fc.constantFrom('nothing-recognised', 'parse-errors' as const),
        (parse, reason) => {
          const p = renderProblemsMessage(parse, reason);
          expect(blockKitViolations(p)).toEqual([]);
          expect(p.text).not.toContain(MARKER);
          const privacy = renderPrivacyNotice(parse);
          if (privacy) {
            expect(blockKitViolations(privacy)).toEqual([]);
            expect(JSON.stringify(privacy)).not.toContain(MARKER);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('renderPrivacyNotice', () => {
  it('warns without quoting, and is null when there is nothing to warn about', () => {
    const n = renderPrivacyNotice(withProblems);
    expect(n).not.toBeNull();
    expect(JSON.stringify(n)).not.toContain(IDENTIFIER);
    expect(JSON.stringify(n)).toContain("Please don't post names, record numbers or dates of birth");
    expect(renderPrivacyNotice(parseB)).toBeNull();
  });
});

describe('renderHelpMessage', () => {
  it('lists the grammar, the thread workaround and an example; the form button on request', () => {
    const h = renderHelpMessage({ withFormButton: true });
    const body = JSON.stringify(h.blocks);
    expect(blockKitViolations(h)).toEqual([]);
    for (const w of [
      'stage',
      'assess',
      'albi',
      'cp',
      'childpugh',
      'meld',
      'bclc',
      'transplant',
      'mrecist',
      'refs',
    ]) {
      expect(body).toMatch(new RegExp(`\\b${w}\\b`));
    }
    expect(body).toContain('`/hcc stage &lt;text&gt;`');
    expect(body).toContain('`/hcc form`');
    expect(body).toContain('`/hcc help`');
    expect(body).toContain('@mention the app');
    expect(body).toContain('Assess with HCC MDT');
    expect(body).toContain(ACTION_OPEN_FORM);
    expect(JSON.stringify(renderHelpMessage().blocks)).not.toContain(ACTION_OPEN_FORM);
  });
});

describe('plain text', () => {
  it('says what the full view says, within ~80 columns', () => {
    const t = renderPlainText(
      { parse: parseB, input: inputB, assessment: assessmentC },
      { evidence: fakeEvidence },
    );
    expect(t.startsWith('BCLC C · Child-Pugh A6 · ALBI 2 (-1.62) · MELD 3.0 11\n')).toBe(true);
    for (const s of [
      'ALBI',
      '-1.62 · grade 2 · mALBI 2b',
      'COULD CHANGE THE STAGE OR THE OPTION',
      'albumin 31 read as g/L (no unit given)',
      'NOT COMPUTED',
      'mHAP-II: missing largest nodule (cm), PT prolongation (s)',
      'FIRST OPTIONS',
      '- Atezolizumab + bevacizumab — IMbrave150',
      'Options not yet checked against the published BCLC figure and trial papers.',
      'Condition: AFP >= 400 ng/mL after sorafenib — met',
      'Decision support for the MDT, not a decision. Rules: BCLC 2022,',
    ]) {
      expect(t).toContain(s);
    }
    expect(t).not.toContain(MARKER);
    // The answer comes first, and nothing is said twice.
    expect(t.indexOf('FIRST OPTIONS')).toBeLessThan(t.indexOf('LIVER FUNCTION'));
    expect(t.split('IMbrave150').length).toBe(2);
    for (const line of t.split('\n')) {
      if (!line.includes('http')) expect(line.length).toBeLessThanOrEqual(80);
    }
  });

  it('explains problems without quoting the identifier', () => {
    const t = renderProblemsText(withProblems, 'parse-errors');
    expect(t).toContain('"bilu" - did you mean "bili"?');
    expect(t).toContain('patient identifier was left out');
    expect(t).not.toContain(IDENTIFIER);
    expect(t).toContain('Recognised: bilirubin, albumin.');
  });

  it('renders a plain B case too', () => {
    const t = renderPlainText({ parse: parseB, input: inputB, assessment: assessmentB });
    expect(t).toContain('Subgroup: TACE candidate');
  });
});
