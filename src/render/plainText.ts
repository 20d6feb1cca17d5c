import { defaultEvidenceSource } from './defaultEvidence.js';
import type { EvidenceSource } from './evidenceSource.js';
import { headline } from './headline.js';
import type { ParseNotes } from './parseNotes.js';
import {
  EXAMPLE_MESSAGE,
  IDENTIFIER_NOTE,
  type ProblemReason,
  problemsFallback,
  problemsModel,
} from './problemsModel.js';
import type { ScoreItem } from './scoreItems.js';
import { toPlain } from './spans.js';
import { type Section, type SummaryModel, type SummaryOutcome, summaryModel } from './summaryModel.js';
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

/** A text line of the model: its first row after the bullet, its continuation rows indented. */
function textLines(s: Extract<Section, { kind: 'lines' }>): string[] {
  const mark = s.bullets === 'none' ? '' : s.bullets === 'warning' ? '! ' : '- ';
  return s.lines.flatMap((l) => {
    const [first = '', ...more] = toPlain(l)
      .replace(/^:warning: /, '! ')
      .split('\n');
    return [
      ...wrap(first, WIDTH, `  ${mark}`),
      ...more.flatMap((m) => wrap(m, WIDTH, `  ${' '.repeat(mark.length)}  `)),
    ];
  });
}

function modelLines(model: SummaryModel): string[] {
  const out: string[] = [];
  for (const s of model.sections) {
    if (s.title) out.push(...heading(s.title));
    else out.push('');
    out.push(...(s.kind === 'scores' ? scoreLines(s.items) : textLines(s)));
  }
  return out;
}

/**
 * The summary as plain text for the CLI: the answer (the same model as the Slack first reply), then the details
 * (what Slack's *All scores* shows), wrapped at 80 columns. Ends with a newline.
 */
export function renderPlainText(
  outcome: SummaryOutcome,
  options: { evidence?: EvidenceSource } = {},
): string {
  const evidence = options.evidence ?? defaultEvidenceSource;
  const answer = summaryModel(outcome, 'full', evidence);
  const details = summaryModel(outcome, 'details', evidence);
  const hl = headline(outcome.assessment);
  const out: string[] = [hl, '='.repeat(Math.min(WIDTH, hl.length))];
  out.push(...modelLines(answer), '', 'ALL SCORES AND OPTIONS', '-'.repeat(22), ...modelLines(details));
  // The details' footer holds the footnote for every option and the rule versions, once.
  const footer = details.footer;
  out.push('', ...footer.flatMap((f) => wrap(f, WIDTH)));
  return `${out.join('\n')}\n`;
}

/** Why the input could not be assessed, as plain text for the CLI (stderr). Identifiers are never quoted. */
export function renderProblemsText(parse: ParseNotes, reason: ProblemReason): string {
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
