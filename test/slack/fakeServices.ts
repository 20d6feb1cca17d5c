import { assess } from '../../src/clinical/assess.js';
import type { CaseInput } from '../../src/clinical/caseInput.js';
import { PRIVACY_TEXT } from '../../src/render/privacy.js';
import type { SlackMessage } from '../../src/render/slackMessage.js';
import type { AssessedOutcome, Services } from '../../src/slack/services.js';
import { emptyParse, inputB } from '../render/fixtures.js';

/**
 * Deterministic stand-ins for the pipeline and renderers, so the Slack tests exercise the doors (routing, where
 * replies go, errors, logging) and not the clinical rules. Like the real renderers, none of them ever puts
 * the typed text into a message.
 *
 * Free text the fake understands:
 *   contains "bili"            → assessed (BCLC B)
 *   contains "MRN" or 7+ digits → privacy warning (kept; the case is still assessed when "bili" is there)
 *   contains "bilu"            → parse error
 *   anything else              → nothing recognised
 */

const parse = emptyParse;

/** A real assessment of an invented BCLC B case, so the fakes never hand the doors a state the core cannot produce. */
const INPUT = inputB;
const ASSESSMENT = assess(inputB);

const section = (text: string) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } });

function summary(
  outcome: AssessedOutcome,
  o: { view?: string; sharedBy?: string; shareable?: boolean },
): SlackMessage {
  const blocks: SlackMessage['blocks'] = [section(`SUMMARY view=${o.view ?? 'full'}`)];
  if (o.sharedBy) blocks.unshift(section(`Shared by <@${o.sharedBy}>`));
  if (o.shareable) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: 'hcc_share',
          text: { type: 'plain_text', text: 'Share with channel' },
          value: JSON.stringify({
            v: 1,
            input: outcome.input,
            assumptions: outcome.parse.assumptions.map((a) => a.message),
            view: o.view ?? 'full',
          }),
        },
      ],
    });
  }
  return { text: `BCLC B · summary${o.sharedBy ? ` · shared by <@${o.sharedBy}>` : ''}`, blocks };
}

export function fakeServices(): Services {
  return {
    assessText(text) {
      const privacy = /MRN|\d{7,}/.test(text);
      const warnings = privacy
        ? [{ code: 'privacy' as const, message: 'looks like an identifier', spans: [{ start: 0, end: 3 }] }]
        : [];
      if (/bilu/.test(text)) {
        return {
          status: 'not-assessed',
          reason: 'parse-errors',
          parse: parse({
            warnings,
            errors: [{ code: 'not-understood', message: 'not understood', spans: [{ start: 0, end: 4 }] }],
          }),
        };
      }
      if (!/bili/.test(text)) {
        return { status: 'not-assessed', reason: 'nothing-recognised', parse: parse({ warnings }) };
      }
      const input = INPUT;
      return {
        status: 'assessed',
        parse: parse({
          input,
          warnings,
          assumptions: [{ field: 'bilirubin', message: 'bilirubin read as umol/L' }],
        }),
        input,
        assessment: ASSESSMENT,
      };
    },
    assessCaseInput(raw) {
      const r = raw as Record<string, unknown> | null;
      if (!r || typeof r !== 'object' || (r.inr !== undefined && (r.inr as number) > 10)) {
        return { status: 'invalid', problems: [{ path: 'inr', message: 'must be between 0.5 and 10' }] };
      }
      return {
        status: 'assessed',
        parse: parse({ input: r }),
        input: r as unknown as CaseInput,
        assessment: ASSESSMENT,
      };
    },
    parseMrecist(text) {
      return /baseline/.test(text)
        ? { ok: true, input: { baselineMm: 50, nadirMm: 40, currentMm: 20, newLesion: false } }
        : {
            ok: false,
            errors: [{ code: 'not-understood', message: 'need baseline', spans: [] }],
            notUnderstood: [],
          };
    },
    mrecist: () => ({
      ok: true,
      response: 'PR',
      sumsMm: { baseline: 50, nadir: 40, current: 20 },
      newLesion: false,
      changeFromBaselinePct: -60,
      changeFromNadirPct: -50,
      reason: 'fall of at least 30%',
      rule: { id: 'mrecist', name: 'mRECIST', source: 'Lencioni 2010' },
    }),
    searchReferences: (query) =>
      /imbrave|atezo/i.test(query)
        ? { results: [{ id: 'imbrave150' } as never], suggestions: [] }
        : { results: [], suggestions: ['tace'] },
    render: {
      summary,
      problems: (_p, reason) => ({ text: `PROBLEMS ${reason}`, blocks: [section(`PROBLEMS ${reason}`)] }),
      privacy: (p) =>
        p.warnings.some((w) => w.code === 'privacy')
          ? { text: PRIVACY_TEXT, blocks: [section('PRIVACY: please remove identifiers')] }
          : null,
      ignored: (p) =>
        p.notUnderstood.length > 0
          ? { text: 'IGNORED notice', blocks: [section('IGNORED: some words')] }
          : null,
      help: (o) => ({
        text: 'HELP',
        blocks: [
          section('HELP'),
          ...(o.withFormButton
            ? [
                {
                  type: 'actions' as const,
                  elements: [
                    {
                      type: 'button' as const,
                      action_id: 'hcc_open_form',
                      text: { type: 'plain_text' as const, text: 'Open form' },
                    },
                  ],
                },
              ]
            : []),
        ],
      }),
      mrecist: (r) => ({ text: `MRECIST ${r.response}`, blocks: [section(`MRECIST ${r.response}`)] }),
      evidence: (ids, stage) => ({
        text: `EVIDENCE ${stage ?? ''} ${ids.join(',')}`,
        blocks: [section(`EVIDENCE ${ids.join(',')}`)],
      }),
      references: (_q, found) => ({
        text: `REFS ${found.results.length}`,
        blocks: [section(`REFS ${found.results.length}`)],
      }),
    },
  };
}
