import type { KnownBlock } from '@slack/types';
import { type AddOutcome, addToCase } from '../cases/addToCase.js';
import { describeCarried } from '../cases/carried.js';
import type { CaseId } from '../cases/caseId.js';
import { currentCase } from '../cases/current.js';
import { returnIfDeferralAnswered } from '../cases/decisionService.js';
import { caseHistory, dayOf, describeScoreChange, HISTORY_SCORES, SCORE_LABEL } from '../cases/history.js';
import { openCase } from '../cases/openCase.js';
import type { CaseScope } from '../cases/record.js';
import type { AuditLog, CaseRepository, Claims } from '../cases/repository.js';
import { parseCase } from '../parse/parseCase.js';
import type { ParseResult, UnitSystem } from '../parse/parseResult.js';
import { structuredParse } from '../pipeline.js';
import { ACTION_OPEN_FORM } from '../render/actions.js';
import { enforceBlockKitLimits } from '../render/limits.js';
import type { SlackMessage } from '../render/slackMessage.js';
import { type Answer, type AnswerableRequest, VIEW } from './answer.js';
import { caseDecisionActions } from './decisions/agendaMessage.js';
import { serviceDeps } from './decisions/decisionServices.js';
import type { Services, SummaryView } from './services.js';

/**
 * A thread is a case. The first assessment in a thread creates the case (random ID) and the app posts one case
 * card; every later assessment in the thread adds to it. The value is committed before anything is posted.
 * `/hcc` outside a thread never comes here: it stays stateless.
 */

/** What the Slack doors need from the store. */
export interface CaseStoreDeps {
  cases: CaseRepository;
  audit: AuditLog;
  claims: Claims;
  ping(): Promise<void>;
}

export const ACTION_CASE_HISTORY = 'case_history';
export const ACTION_CASE_DELETE = 'case_delete';
/** Sends the case as a FHIR R4 Bundle to the person who pressed it (src/slack/actions/exportFhir.ts). */
export const ACTION_CASE_EXPORT_FHIR = 'case_export_fhir';

export type ThreadAssessment =
  | { kind: 'case'; caseId: CaseId; created: boolean; outcome: Extract<AddOutcome, { status: 'assessed' }> }
  /** Nothing to add (parse errors, nothing recognised): the door answers as it would without a case. */
  | { kind: 'stateless' };

/** Adds one parsed message (or a submitted form, as a structured parse) to the thread's case, opening it if new. */
export async function assessInThread(
  store: CaseStoreDeps,
  req: { scope: CaseScope; threadTs: string; user: string; parse: ParseResult },
): Promise<ThreadAssessment> {
  const { parse } = req;
  // No case for a message that cannot be assessed: the person gets the problems privately, as without a case.
  if (parse.errors.length > 0 || Object.keys(parse.input).length === 0) return { kind: 'stateless' };
  const now = new Date();
  const { record, created } = await openCase(store.cases, {
    scope: req.scope,
    threadTs: req.threadTs,
    at: now,
    by: req.user,
  });
  const outcome = await addToCase(store.cases, {
    caseId: record.id,
    scope: req.scope,
    parse,
    at: now,
    by: req.user,
  });
  if (outcome.status !== 'assessed') return { kind: 'stateless' };
  return { kind: 'case', caseId: record.id, created, outcome };
}

const button = (text: string, actionId: string, value: string, style?: 'danger') => ({
  type: 'button' as const,
  text: { type: 'plain_text' as const, text },
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

/** The case card, posted once when a thread's case is created. No patient detail: the ID and what it means. */
export function caseCard(caseId: CaseId): SlackMessage {
  const text = `Case ${caseId} opened for this thread.`;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Case ${caseId}* opened for this thread. Values stated in later assessments here, or entered with *Add values*, add to it; the latest value of each counts. Visible only in this channel.`,
      },
    },
    {
      type: 'actions',
      block_id: `case_card_${caseId}`,
      elements: [
        button('Add values', ACTION_OPEN_FORM, caseId),
        button('Case history', ACTION_CASE_HISTORY, caseId),
        button('Export FHIR', ACTION_CASE_EXPORT_FHIR, caseId),
        {
          ...button('Delete case', ACTION_CASE_DELETE, caseId, 'danger'),
          confirm: {
            title: { type: 'plain_text', text: 'Delete this case?' },
            text: { type: 'plain_text', text: `Case ${caseId}: its values and history are deleted now.` },
            confirm: { type: 'plain_text', text: 'Delete' },
            deny: { type: 'plain_text', text: 'Keep' },
            style: 'danger',
          },
        },
      ],
    },
    caseDecisionActions(caseId),
  ];
  return enforceBlockKitLimits({ text, blocks });
}

/** The summary with the case line on top: which assessment this is, and what was carried and how old it is. */
export function withCaseContext(
  summary: SlackMessage,
  caseId: CaseId,
  outcome: ThreadAssessmentCase,
  /** The meeting a deferred case went back on, now its data has arrived. */
  backOnAgenda: string | null = null,
): SlackMessage {
  const carried = describeCarried(outcome.carried);
  const line = `Case ${caseId} · assessment ${outcome.snapshot.seq}${outcome.correction ? ' · correction recorded' : ''}`;
  const back = backOnAgenda
    ? `:calendar: Back on the agenda for ${backOnAgenda}: the data its deferral was waiting for has arrived.`
    : null;
  const context: KnownBlock = {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: [line, carried, back].filter(Boolean).join('\n') }],
  };
  return enforceBlockKitLimits({ text: `${line}. ${summary.text}`, blocks: [context, ...summary.blocks] });
}
type ThreadAssessmentCase = Extract<ThreadAssessment, { kind: 'case' }>['outcome'];

/** "Case history": current values with their dates, and the key scores over time with what changed. */
export async function historyMessage(
  store: CaseStoreDeps,
  caseId: CaseId,
  scope: CaseScope,
): Promise<SlackMessage | null> {
  const record = await store.cases.get(caseId, scope);
  if (!record) return null;
  const snapshots = await store.cases.snapshots(caseId, scope);
  const current = currentCase(record, new Date());
  const values = current.values.map(
    (v) =>
      `• ${v.label}: ${v.value} (${dayOf(v.statedAt)}, <@${v.statedBy}>${v.stale ? `, *stale*: over ${v.limitDays} days` : ''}${v.corrected ? ', corrected' : ''})`,
  );
  const rows = caseHistory(snapshots).map((row) => {
    const scores = HISTORY_SCORES.map((s) => `${SCORE_LABEL[s]} ${row.scores[s]}`).join(' · ');
    const changes = row.changes.map((c) => `\n    ${describeScoreChange(c)}`).join('');
    return `#${row.seq} ${dayOf(row.at)}: ${scores}${changes}`;
  });
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Case ${caseId}: history` } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Current values*\n${values.join('\n') || 'none yet'}` },
    },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*Over time*\n${rows.join('\n') || 'no assessment yet'}` },
    },
  ];
  return enforceBlockKitLimits({ text: `Case ${caseId}: history`, blocks });
}

/**
 * The answer of a case thread: assess into the case (committed before anything is posted), then the summary with
 * its case line, the privacy notice, and the case card when the case is new. null when there is no case to add
 * to (no store, a request that assesses nothing, outside a thread, or nothing to add): the door answers statelessly.
 */
export async function answerInCase(
  store: CaseStoreDeps | undefined,
  services: Services,
  request: AnswerableRequest,
  r: CaseAnswerRequest & {
    units: UnitSystem | undefined;
    /** The result goes to the person only (shortcut), with the Share button; else into the thread (mention). */
    shareable: boolean;
  },
): Promise<Answer | null> {
  const view = VIEW[request.action];
  if (!view) return null;
  return caseAnswer(store, services, parseCase(request.rest, { units: r.units }), { ...r, view });
}

/**
 * The case form submitted from a thread: its values add to the thread's case (opened if new) like a message
 * there, and the summary goes to the person with the Share button. A field answered "not known" is absent, so
 * it leaves the case's earlier value alone. null when there is no case to add to: the door answers statelessly.
 */
export async function answerFormInCase(
  store: CaseStoreDeps | undefined,
  services: Services,
  input: ParseResult['input'],
  r: CaseAnswerRequest,
): Promise<Answer | null> {
  return caseAnswer(store, services, structuredParse(input), { ...r, view: 'full', shareable: true });
}

interface CaseAnswerRequest {
  teamId: string | undefined;
  channel: string;
  threadTs: string | undefined;
  user: string;
}

async function caseAnswer(
  store: CaseStoreDeps | undefined,
  services: Services,
  parse: ParseResult,
  r: CaseAnswerRequest & { view: SummaryView; shareable: boolean },
): Promise<Answer | null> {
  if (!store || !r.teamId || !r.threadTs) return null;
  const inThread = await assessInThread(store, {
    scope: { teamId: r.teamId, channelId: r.channel },
    threadTs: r.threadTs,
    user: r.user,
    parse,
  });
  if (inThread.kind !== 'case') return null;
  const { outcome, caseId, created } = inThread;
  const privacy = services.render.privacy(outcome.parse);
  // A case deferred for data that has now arrived goes back on the next meeting's agenda; the summary says so.
  const svc = serviceDeps(store);
  const back = svc
    ? await returnIfDeferralAnswered(svc, {
        caseId,
        scope: { teamId: r.teamId, channelId: r.channel },
        actor: r.user,
      })
    : null;
  const summary = withCaseContext(
    services.render.summary(
      { parse: outcome.parse, input: outcome.input, assessment: outcome.assessment },
      { view: r.view, shareable: r.shareable },
    ),
    caseId,
    outcome,
    back?.meeting ?? null,
  );
  return {
    kind: 'result',
    message: summary,
    notices: [privacy, services.render.ignored(outcome.parse)].filter((m): m is SlackMessage => m !== null),
    outcome: created ? 'case-created' : 'case-added',
    caseId,
    ...(created ? { announce: caseCard(caseId) } : {}),
  };
}
