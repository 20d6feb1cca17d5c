import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import { agendaPostedAudit } from '../../cases/agendaPosts.js';
import { describeMeeting } from '../../cases/agendaSchedule.js';
import { caseTreatmentOptions, treatmentLabel } from '../../cases/decision.js';
import {
  addCaseFollowUp,
  agendaFor,
  amend,
  caseState,
  type DecisionDeps,
  decide,
  followUpDone,
  followUpSnooze,
  recordCaseTreatment,
  scheduleCase,
  signOffDecision,
} from '../../cases/decisionService.js';
import { latestDecision } from '../../cases/decisionSignOff.js';
import { localDate } from '../../cases/followUpDates.js';
import { SHARE_CLAIM_MS } from '../actionClaims.js';
import { caseButton, isChannelMember, NOT_FOUND } from '../actions/caseButtons.js';
import { type ButtonPress, oncePerMessage } from '../actions/payload.js';
import { noticeMessage, postPublicly, tellPrivately } from '../deliver.js';
import { deliveryContext, elapsed, type ListenerDeps } from '../deps.js';
import type { ActionArgs, Routes, ViewArgs } from '../router.js';
import { oncePerView } from '../views/oncePerView.js';
import {
  ACTION_ADD_FOLLOW_UP,
  ACTION_ADD_TO_MEETING,
  ACTION_AMEND_DECISION,
  ACTION_POST_AGENDA,
  ACTION_RECORD_DECISION,
  ACTION_RECORD_TREATMENT,
  ACTION_REMINDER_DONE,
  ACTION_REMINDER_SNOOZE_DAY,
  ACTION_REMINDER_SNOOZE_WEEK,
  ACTION_SIGN_OFF,
  AgendaButtonValueSchema,
  CaseButtonValueSchema,
  DECISION_MODAL_CALLBACK_ID,
  DecisionButtonValueSchema,
  FOLLOW_UP_MODAL_CALLBACK_ID,
  type ModalTarget,
  ModalTargetSchema,
  ReminderButtonValueSchema,
  readValue,
  TREATMENT_MODAL_CALLBACK_ID,
} from './actions.js';
import { agendaMessage } from './agendaMessage.js';
import { decisionMessage } from './decisionMessage.js';
import { buildDecisionModal, decisionModalErrors, readDecisionModal } from './decisionModal.js';
import { serviceDeps } from './decisionServices.js';
import { buildFollowUpModal, followUpModalErrors, readFollowUpModal } from './followUpModal.js';
import type { ModalValues } from './modalKit.js';
import { reminderSettled } from './reminderMessage.js';
import {
  buildTreatmentModal,
  readTreatmentModal,
  TREATMENT_BLOCK,
  treatmentModalErrors,
} from './treatmentModal.js';

/**
 * The Slack doors onto decisions: the buttons on the case card, the decision message and the reminders, and the
 * three modals. A case exists only in its channel and only for its members: anything else gets the same answer as a
 * case that never existed.
 */

/** A button about a case, read with `schema`, that runs `body` with the decision service (see caseButton). */
const button = <T>(
  deps: ListenerDeps,
  event: string,
  schema: z.ZodType<T>,
  body: (
    args: ActionArgs,
    press: ButtonPress,
    value: T,
    svc: DecisionDeps,
    scope: { teamId: string; channelId: string },
  ) => Promise<string>,
) => caseButton(deps, event, { read: (raw) => readValue(schema, raw), using: serviceDeps }, body);

const problemsText = (problems: readonly { path: string; message: string }[]) =>
  problems.map((p) => `${p.path}: ${p.message}`).join('\n');

async function openModal(client: WebClient, triggerId: string, view: ReturnType<typeof buildDecisionModal>) {
  await client.views.open({ trigger_id: triggerId, view });
}

export function register(app: Routes, deps: ListenerDeps): void {
  const openDecision = (amending: boolean) =>
    button(
      deps,
      amending ? 'decision_amend' : 'decision_record',
      amending ? DecisionButtonValueSchema : CaseButtonValueSchema,
      async (args, press, value, svc, scope) => {
        const state = await caseState(svc, value.caseId, scope);
        if (!state) {
          await tellPrivately(press.audience, noticeMessage(NOT_FOUND), press.ctx);
          return 'case-not-found';
        }
        const target: ModalTarget = {
          caseId: state.record.id,
          channel: scope.channelId,
          threadTs: press.threadTs ?? state.record.threadTs,
          ...(amending && 'decision' in value ? { amends: String(value.decision) } : {}),
        };
        const all = amending ? await svc.decisions.decisions(state.record.id, scope) : [];
        const amended = all.find((d) => 'decision' in value && d.id === value.decision);
        await openModal(
          args.client,
          args.body.trigger_id,
          buildDecisionModal({
            target,
            stage: state.assessment?.bclc?.stage ?? null,
            options: caseTreatmentOptions(state.assessment),
            ...(amended ? { amending: { version: amended.version } } : {}),
          }),
        );
        return 'modal-opened';
      },
    );
  app.action(ACTION_RECORD_DECISION, openDecision(false));
  app.action(ACTION_AMEND_DECISION, openDecision(true));

  app.action(
    ACTION_ADD_FOLLOW_UP,
    button(deps, 'follow_up_open', CaseButtonValueSchema, async (args, press, value, svc, scope) => {
      const record = await svc.cases.get(value.caseId, scope);
      if (!record) {
        await tellPrivately(press.audience, noticeMessage(NOT_FOUND), press.ctx);
        return 'case-not-found';
      }
      const settings = await svc.decisions.settings(scope);
      const target = {
        caseId: record.id,
        channel: scope.channelId,
        threadTs: press.threadTs ?? record.threadTs,
      };
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: buildFollowUpModal(target, settings.timezone),
      });
      return 'modal-opened';
    }),
  );

  app.action(
    ACTION_RECORD_TREATMENT,
    button(deps, 'treatment_open', CaseButtonValueSchema, async (args, press, value, svc, scope) => {
      const state = await caseState(svc, value.caseId, scope);
      if (!state) {
        await tellPrivately(press.audience, noticeMessage(NOT_FOUND), press.ctx);
        return 'case-not-found';
      }
      const decided = latestDecision(await svc.decisions.decisions(state.record.id, scope));
      const target = {
        caseId: state.record.id,
        channel: scope.channelId,
        threadTs: press.threadTs ?? state.record.threadTs,
      };
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: buildTreatmentModal(
          target,
          caseTreatmentOptions(state.assessment),
          decided ? (treatmentLabel(decided.treatment) ?? decided.outcome) : null,
        ),
      });
      return 'modal-opened';
    }),
  );

  app.action(
    ACTION_SIGN_OFF,
    button(
      deps,
      'decision_sign_off',
      DecisionButtonValueSchema,
      oncePerMessage(deps, async (_args, press, value, svc, scope) => {
        const r = await signOffDecision(svc, {
          caseId: value.caseId,
          scope,
          actor: press.user,
          decision: value.decision,
        });
        if (r.status !== 'ok') {
          await tellPrivately(
            press.audience,
            noticeMessage(r.status === 'not-found' ? NOT_FOUND : problemsText(r.problems)),
            press.ctx,
          );
          return r.status === 'not-found' ? 'case-not-found' : 'sign-off-refused';
        }
        await postPublicly(
          { ...press.audience, channel: scope.channelId },
          decisionMessage(r.decision),
          press.ctx,
          'ephemeral',
        );
        return 'signed-off';
      }),
    ),
  );

  app.action(
    ACTION_ADD_TO_MEETING,
    button(
      deps,
      'agenda_add',
      CaseButtonValueSchema,
      oncePerMessage(deps, async (_args, press, value, svc, scope) => {
        const r = await scheduleCase(svc, { caseId: value.caseId, scope, actor: press.user });
        const text =
          r.status === 'ok'
            ? `${value.caseId} is on the agenda for ${r.item.meeting}${r.item.late ? ' (a late addition: the list should go out 24 hours before)' : ''}.`
            : r.status === 'not-found'
              ? NOT_FOUND
              : problemsText(r.problems);
        await tellPrivately(press.audience, noticeMessage(text), press.ctx);
        return r.status === 'ok' ? 'agenda-added' : 'agenda-refused';
      }),
    ),
  );

  app.action(
    ACTION_POST_AGENDA,
    button(deps, 'agenda_post', AgendaButtonValueSchema, async (args, press, value, svc, scope) => {
      const r = await agendaFor(svc, { scope, meeting: value.meeting });
      if (r.status !== 'ok' || r.agenda.entries.length === 0) {
        await tellPrivately(
          press.audience,
          noticeMessage(`No case is listed for ${value.meeting} any more; nothing was posted.`),
          press.ctx,
        );
        return 'agenda-empty';
      }
      // Once per message, as Share: a double click or a replay is told it went out already.
      const messageTs = (args.body.container as { message_ts?: unknown } | undefined)?.message_ts;
      const claim = `agenda:${scope.teamId}:${scope.channelId}:${value.meeting}:${String(messageTs ?? '')}`;
      if (!(await deps.actionClaims.claim(claim, SHARE_CLAIM_MS))) {
        await tellPrivately(press.audience, noticeMessage('That agenda has already been posted.'), press.ctx);
        return 'already-posted';
      }
      const message = agendaMessage(
        r.agenda,
        describeMeeting(r.agenda.meeting, r.startsAt, r.settings.timezone),
        press.user,
      );
      // To the channel itself, not a thread: the agenda is the meeting's, not one case's.
      const posted = await postPublicly(
        { ...press.audience, channel: scope.channelId, threadTs: undefined },
        message,
        press.ctx,
        'respond',
      );
      if (!posted) {
        await deps.actionClaims.release(claim);
        return 'agenda-post-failed';
      }
      await deps.store?.audit.append(agendaPostedAudit(r.agenda, press.user, svc.now()), scope);
      try {
        await args.respond({ delete_original: true });
      } catch {
        // The private copy may already be gone; the post itself succeeded.
      }
      return 'agenda-posted';
    }),
  );

  const reminderButton = (event: string, act: 'done' | 'next-working-day' | 'one-week') =>
    button(
      deps,
      event,
      ReminderButtonValueSchema,
      oncePerMessage(deps, async (_args, press, value, svc, scope) => {
        const r =
          act === 'done'
            ? await followUpDone(svc, { followUpId: value.followUp, scope, actor: press.user })
            : await followUpSnooze(svc, {
                followUpId: value.followUp,
                scope,
                actor: press.user,
                choice: act,
              });
        if (r.status !== 'ok') {
          await tellPrivately(
            press.audience,
            noticeMessage(r.status === 'not-found' ? NOT_FOUND : problemsText(r.problems)),
            press.ctx,
          );
          return 'reminder-refused';
        }
        const settings = await svc.decisions.settings(scope);
        const settled =
          act === 'done'
            ? reminderSettled(r.followUp, { done: true }, press.user)
            : reminderSettled(
                r.followUp,
                {
                  done: false,
                  until:
                    'remindAt' in r && typeof r.remindAt === 'string'
                      ? localDate(new Date(r.remindAt), settings.timezone)
                      : 'later',
                },
                press.user,
              );
        if (press.audience.respond) await press.audience.respond({ replace_original: true, ...settled });
        else await tellPrivately(press.audience, settled, press.ctx);
        return act === 'done' ? 'follow-up-done' : 'follow-up-snoozed';
      }),
    );
  app.action(ACTION_REMINDER_DONE, reminderButton('reminder_done', 'done'));
  app.action(ACTION_REMINDER_SNOOZE_DAY, reminderButton('reminder_snooze', 'next-working-day'));
  app.action(ACTION_REMINDER_SNOOZE_WEEK, reminderButton('reminder_snooze', 'one-week'));

  app.view(
    DECISION_MODAL_CALLBACK_ID,
    submit(deps, 'decision_submit', async (args, target, svc, scope, user) => {
      const reading = readDecisionModal(args.view.state.values as ModalValues);
      if (!reading.ok) return { errors: reading.errors };
      const r = target.amends
        ? await amend(svc, {
            caseId: target.caseId,
            scope,
            actor: user,
            form: reading.form,
            reason: reading.amendReason ?? '',
            decision: target.amends,
          })
        : await decide(svc, { caseId: target.caseId, scope, actor: user, form: reading.form });
      if (r.status === 'invalid') return { errors: decisionModalErrors(r.problems) };
      if (r.status === 'not-found')
        return { errors: decisionModalErrors([{ path: 'form', message: NOT_FOUND }]) };
      return {
        post: decisionMessage(r.decision),
        outcome: target.amends ? 'decision-amended' : 'decision-recorded',
      };
    }),
  );

  app.view(
    FOLLOW_UP_MODAL_CALLBACK_ID,
    submit(deps, 'follow_up_submit', async (args, target, svc, scope, user) => {
      const reading = readFollowUpModal(args.view.state.values as ModalValues);
      if (!reading.ok) return { errors: reading.errors };
      const r = await addCaseFollowUp(svc, { caseId: target.caseId, scope, actor: user, form: reading.form });
      if (r.status === 'invalid') return { errors: followUpModalErrors(r.problems) };
      if (r.status === 'not-found')
        return { errors: followUpModalErrors([{ path: 'task', message: NOT_FOUND }]) };
      return {
        post: noticeMessage(
          `Follow-up added by <@${user}> for ${target.caseId}, due ${r.followUp.due}: a reminder will be posted here on the day.`,
        ),
        outcome: 'follow-up-added',
      };
    }),
  );

  app.view(
    TREATMENT_MODAL_CALLBACK_ID,
    submit(deps, 'treatment_submit', async (args, target, svc, scope, user) => {
      const reading = readTreatmentModal(args.view.state.values as ModalValues);
      if (!reading.ok) return { errors: reading.errors };
      const r = await recordCaseTreatment(svc, {
        caseId: target.caseId,
        scope,
        actor: user,
        form: reading.form,
      });
      if (r.status === 'invalid')
        return {
          errors: r.needsReason
            ? { [TREATMENT_BLOCK.reason]: r.problems[0]!.message }
            : treatmentModalErrors(r.problems),
        };
      if (r.status === 'not-found')
        return { errors: treatmentModalErrors([{ path: 'treatment', message: NOT_FOUND }]) };
      const t = r.treatment;
      return {
        post: noticeMessage(
          `Treatment recorded by <@${user}> for ${target.caseId}: ${treatmentLabel(t.treatment)} on ${t.on} — ${t.concordance === 'concordant' ? 'as decided' : t.concordance === 'discordant' ? 'differs from the decision (reason recorded)' : 'no recommendation to compare with'}.`,
        ),
        outcome: 'treatment-recorded',
      };
    }),
  );
}

type SubmitResult =
  | { errors: Record<string, string> }
  | { post: ReturnType<typeof decisionMessage>; outcome: string };

/** A modal submit: invalid input is answered in the modal; a valid one is committed, then posted in the thread. */
function submit(
  deps: ListenerDeps,
  event: string,
  body: (
    args: ViewArgs,
    target: ModalTarget,
    svc: DecisionDeps,
    scope: { teamId: string; channelId: string },
    user: string,
  ) => Promise<SubmitResult>,
) {
  return async (args: ViewArgs) => {
    const start = performance.now();
    const user = args.body.user.id;
    const target = readValue(ModalTargetSchema, args.view.private_metadata);
    const team = args.body.team?.id;
    const fields = { event, team, channel: target?.channel, user };
    const svc = deps.store ? serviceDeps(deps.store) : null;
    if (!target || !team || !svc || !(await isChannelMember(args.client, target.channel, user))) {
      await args.ack({ response_action: 'errors', errors: {} });
      deps.log.info('handled', { ...fields, outcome: 'case-not-found', ms: elapsed(start) });
      return;
    }
    // Once per submitted view: the errors answers below give the claim back, so the person can submit again.
    const audience = {
      client: args.client,
      user,
      channel: target.channel,
      threadTs: target.threadTs ?? undefined,
    };
    const ack = await oncePerView(deps, args, audience, deliveryContext(deps, fields), start);
    if (!ack) return;
    let result: SubmitResult;
    try {
      result = await body(args, target, svc, { teamId: team, channelId: target.channel }, user);
    } catch (err) {
      deps.log.error('listener failed', {
        ...fields,
        outcome: 'error',
        code: err instanceof Error ? err.name : 'unknown',
      });
      await ack({ response_action: 'errors', errors: {} });
      return;
    }
    if ('errors' in result) {
      await ack({ response_action: 'errors', errors: result.errors });
      deps.log.info('handled', { ...fields, outcome: 'form-invalid', ms: elapsed(start) });
      return;
    }
    await ack();
    await args.client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: result.post.text,
      blocks: result.post.blocks,
    });
    deps.log.info('handled', { ...fields, outcome: result.outcome, ms: elapsed(start) });
  };
}
