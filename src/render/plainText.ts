import type { ParseResult } from '../parse/parseResult.js';
import { defaultEvidenceSource } from './defaultEvidence.js';
import type { EvidenceSource } from './evidenceSource.js';
import { headline } from './headline.js';
import {
  EXAMPLE_MESSAGE,
  IDENTIFIER_NOTE,
  type ProblemReason,
  problemsFallback,
  problemsModel,
} from './problemsModel.js';
import {
  albiItem,
  assumptionLines,
  BRANCH_UNVERIFIED_MARK,
  bclcModel,
  childPughItem,
  DECISION_SUPPORT,
  meldItems,
  notComputedLines,
  optionGroups,
  rulesLine,
  type ScoreItem,
  type SummaryOutcome,
  taceItems,
  transplantItems,
  treatmentNotes,
  warningLines,
} from './summaryModel.js';
import { wrap } from './wrap.js';

const WIDTH = 80;

const heading = (title: string) => ['', title.toUpperCase()];
const bullets = (lines: readonly string[], mark = '-') => lines.flatMap((l) => wrap(l, WIDTH, `  ${mark} `));

function scoreLines(items: ScoreItem[]): string[] {
  const w = Math.max(0, ...items.map((i) => i.label.length));
  return items.flatMap((i) => [
    ...wrap(i.value, WIDTH, `  ${i.label.padEnd(w)}  `),
    ...(i.version ? wrap(`rule: ${i.version}`, WIDTH, `  ${''.padEnd(w)}  `) : []),
  ]);
}

/**
 * The full summary as plain text for the CLI: the same content as the Block Kit full view, wrapped at 80
 * columns. Ends with a newline.
 */
export function renderPlainText(
  outcome: SummaryOutcome,
  options: { evidence?: EvidenceSource } = {},
): string {
  const a = outcome.assessment;
  const evidence = options.evidence ?? defaultEvidenceSource;
  const out: string[] = [headline(a), '='.repeat(Math.min(WIDTH, headline(a).length))];
  const liver = [albiItem(a), childPughItem(a), ...meldItems(a)].filter((x): x is ScoreItem => x !== null);
  if (liver.length) out.push(...heading('Liver function'), ...scoreLines(liver));
  out.push(
    ...heading('Transplant criteria and TACE scores'),
    ...scoreLines([...transplantItems(a), ...taceItems(a)]),
  );
  const assumed = assumptionLines(outcome);
  if (assumed.length) out.push(...heading('Assumed'), ...bullets(assumed));
  const missing = notComputedLines(a);
  if (missing.length) out.push(...heading('Not computed'), ...bullets(missing));
  const warnings = warningLines(outcome);
  if (warnings.length) out.push(...heading('Warnings'), ...bullets(warnings, '!'));

  const b = bclcModel(a);
  out.push(...heading('BCLC stage'));
  if (!b) out.push('  BCLC not evaluable: see "Not computed" for the missing inputs.');
  else {
    out.push(...wrap(`${b.title}${b.version ? ` (${b.version})` : ''}`, WIDTH, '  '));
    out.push(...wrap(b.basis, WIDTH, '  '));
    if (b.subgroup) out.push(...wrap(`Subgroup: ${b.subgroup}`, WIDTH, '  '));
    if (b.decidingInputs) out.push(...wrap(`To decide it: ${b.decidingInputs}`, WIDTH, '  '));
    out.push(...bullets(b.notes));
  }

  for (const g of optionGroups(a, evidence)) {
    out.push(...heading(g.title));
    for (const m of g.options) {
      const o = m.option;
      let first = o.label;
      if (o.basis !== 'BCLC 2022') first += ` (${o.basis})`;
      if (!o.verified) first += ` ${BRANCH_UNVERIFIED_MARK}`;
      if (m.evidence?.oneLine) {
        first += ` - ${m.evidence.oneLine}`;
        if (!m.evidence.verified) first += ' (unverified)';
      }
      out.push(...wrap(first, WIDTH, '  - '));
      if (o.condition && m.conditionStatus)
        out.push(...wrap(`Condition: ${o.condition} - ${m.conditionStatus}`, WIDTH, '    '));
      if (m.evidence?.conditions.length)
        out.push(...wrap(`Evidence notes: ${m.evidence.conditions.join('; ')}`, WIDTH, '    '));
      if (m.evidence?.url) out.push(`    ${m.evidence.url}`);
    }
  }
  const notes = treatmentNotes(a);
  if (notes.length) out.push(...heading('Treatment notes'), ...bullets(notes));
  out.push('', ...wrap(`${DECISION_SUPPORT} ${rulesLine(a.rules)}`.trim(), WIDTH));
  return `${out.join('\n')}\n`;
}

/** Why the input could not be assessed, as plain text for the CLI (stderr). Identifiers are never quoted. */
export function renderProblemsText(parse: ParseResult, reason: ProblemReason): string {
  const m = problemsModel(parse, reason);
  const out: string[] = [problemsFallback(parse, reason), ...wrap(m.reason, WIDTH)];
  if (m.errors.length) out.push(...heading('To fix'), ...bullets(m.errors));
  if (m.warnings.length) out.push(...heading('Please check'), ...bullets(m.warnings));
  if (m.unknown.length)
    out.push(
      ...heading('Not understood'),
      ...bullets(
        m.unknown.map(
          (u) =>
            `"${u.text.replace(/\s+/g, ' ')}"${u.suggestion ? ` - did you mean "${u.suggestion}"?` : ''}`,
        ),
      ),
    );
  if (m.identifier) out.push('', ...wrap(IDENTIFIER_NOTE, WIDTH));
  out.push(
    '',
    ...wrap(`Recognised: ${m.recognised.length ? m.recognised.join(', ') : 'nothing yet'}.`, WIDTH),
  );
  out.push('', 'For example:', ...wrap(EXAMPLE_MESSAGE, WIDTH, '  '));
  return `${out.join('\n')}\n`;
}
