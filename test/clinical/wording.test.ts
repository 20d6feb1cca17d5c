import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { CALCULATOR_RULES } from '../../src/clinical/rules.js';
import { assessText } from '../../src/pipeline.js';
import { renderEvidenceMessage } from '../../src/render/evidence.js';
import { renderPlainText } from '../../src/render/plainText.js';
import { renderSummaryMessage } from '../../src/render/summaryBlocks.js';

/**
 * Clinical text reads as a clinician expects on every surface: the first reply, *All scores*, *Evidence*, the CLI's
 * text and JSON. No internal document, repository path or account of how a fact was gathered; what is not yet
 * checked against its primary source is said once, neutrally.
 */
const BANNED =
  /digest|unverified|retriev|news summary|news item|secondary source|third-party|§|\bissue \d|docs\/|src\/|shared\/|reference\/clinical|\.md\b|\[[MSV]\]/i;

/** Invented cases that reach every stage, subgroup and note the core writes. */
const CASES: Record<string, string> = {
  'stage 0':
    'bili 12 umol/L, alb 42, INR 1.0, Cr 70, Na 140, no ascites, no HE, ECOG 0, single 1.8 cm lesion, AFP 8',
  'stage A, two nodules':
    'bili 15 umol/L, alb 40, INR 1.0, Cr 75, Na 139, no ascites, no HE, ECOG 0, 2 lesions 2.5 and 1.5 cm, AFP 12, male, no PVTT, no EHS',
  'stage B':
    'bili 18 umol/L, alb 38, INR 1.1, Cr 80, Na 137, no ascites, no HE, ECOG 0, 4 lesions largest 5 cm, AFP 40',
  'stage B, infiltrative':
    'bili 18 umol/L, alb 38, INR 1.1, Cr 80, Na 137, no ascites, no HE, ECOG 0, 5 lesions largest 6 cm, infiltrative, AFP 40',
  'stage C (README case)':
    'bili 34 umol/L, alb 31, INR 1.3, Cr 0.9, Na 133, mild ascites, no HE, ECOG 2, 3 lesions largest 4.2cm, PVTT, AFP 1200',
  'stage D, end-stage liver function within Milan':
    'bili 70 umol/L, alb 25, INR 2.5, Cr 1.4 mg/dL, Na 128, moderate ascites, HE grade 2, ECOG 1, single 3 cm lesion, AFP 30, female',
  'stage D, ECOG 4': 'bili 20 umol/L, alb 35, INR 1.2, ECOG 4, 2 lesions 4 and 3 cm',
  'not evaluable': 'bili 20 umol/L, alb 35',
};

const fakeIo = () => {
  let out = '';
  const io: CliIo = {
    stdin: (async function* () {})(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (out += s) },
    env: {},
  };
  return { io, out: () => out };
};

const cli = async (argv: string[]) => {
  const f = fakeIo();
  await main(argv, f.io);
  return f.out();
};

describe('clinical wording on every surface', () => {
  for (const [name, text] of Object.entries(CASES)) {
    const outcome = assessText(text, { units: 'si' });
    if (outcome.status !== 'assessed') throw new Error(`${name} was not assessed`);

    it(`${name}: the first reply, All scores and the CLI text`, () => {
      const first = JSON.stringify(renderSummaryMessage(outcome, { shareable: true }));
      const details = JSON.stringify(renderSummaryMessage(outcome, { view: 'details' }));
      expect(first).not.toMatch(BANNED);
      expect(details).not.toMatch(BANNED);
      expect(renderPlainText(outcome)).not.toMatch(BANNED);
    });

    it(`${name}: Evidence`, () => {
      const ids = outcome.assessment.treatment?.options.map((o) => o.id) ?? [];
      const evidence = JSON.stringify(renderEvidenceMessage(ids, outcome.assessment.treatment?.stage));
      expect(evidence).not.toMatch(BANNED);
    });

    it(`${name}: the CLI, text and --json`, async () => {
      expect(await cli(['assess', text, '--units', 'si'])).not.toMatch(BANNED);
      expect(await cli(['assess', text, '--units', 'si', '--json'])).not.toMatch(BANNED);
    });
  }

  it('the rule sources every output names', () => {
    for (const rule of CALCULATOR_RULES) expect(`${rule.name} ${rule.source}`).not.toMatch(BANNED);
  });

  it('the CLI reference cards', async () => {
    for (const q of ['chance001', 'atezo bev', 'stage C', 'tace', 'imbrave050', 'nivo ipi'])
      expect(await cli(['refs', q])).not.toMatch(BANNED);
  });

  it('the pattern catches the wording it bans (the test can fail)', () => {
    for (const bad of [
      'its list could not be retrieved',
      'taken from a news summary',
      'research digest',
      'HR 0.66 (unverified)',
      'see docs/clinical-rules.md',
      'issue 2',
    ])
      expect(bad).toMatch(BANNED);
  });
});
