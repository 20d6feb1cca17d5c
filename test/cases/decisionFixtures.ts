import type { DecisionContext } from '../../src/cases/decision.js';
import type { IdentifierScreen } from '../../src/cases/decisionScreen.js';
import { describeIdentifier, findIdentifierRanges } from '../../src/parse/identifiers.js';
import { assessText } from '../../src/pipeline.js';

/** The parser's identifier screen, composed as the doors compose it. */
export const screen: IdentifierScreen = (text) => findIdentifierRanges(text).map(describeIdentifier);

/** An invented BCLC B case: Child-Pugh A, three nodules up to 4.2 cm, ECOG 0, AFP 250. */
export const STAGE_B_TEXT =
  'bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE 3 lesions largest 4.2cm ECOG 0 AFP 250 creatinine 0.9 mg/dl Na 138';

export function assessed(text: string = STAGE_B_TEXT) {
  const o = assessText(text);
  if (o.status !== 'assessed') throw new Error('fixture did not assess');
  return o;
}

let counter = 0;
export const sequentialIds =
  (prefix = 'd') =>
  () =>
    `${prefix}${++counter}`;

export function decisionContext(overrides: Partial<DecisionContext> = {}): DecisionContext {
  const o = assessed();
  return {
    caseId: 'HCC-7QK2M',
    assessment: o.assessment,
    input: o.input,
    snapshotId: 's1',
    actor: 'U0RECORDER',
    now: new Date('2026-12-03T09:15:00Z'),
    newId: sequentialIds(),
    screen,
    ...overrides,
  };
}
