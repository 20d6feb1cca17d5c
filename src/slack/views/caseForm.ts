import type { ParseResult } from '../../parse/parseResult.js';
import type { Answer } from '../answer.js';
import { answerFormInCase } from '../caseThread.js';
import { noticeMessage, tellPrivately } from '../deliver.js';
import { deliverAnswer, logAnswered } from '../deliverAnswer.js';
import { deliveryContext, elapsed, guarded, type ListenerDeps } from '../deps.js';
import { BLOCK, blockForPath, type FormValues, formProblem, readCaseForm, readFormTarget } from '../form.js';
import { typedInView } from '../identifierScreen.js';
import type { ViewArgs } from '../router.js';
import { oncePerView } from './oncePerView.js';

/**
 * Submit of the case form: invalid values are answered in the modal itself (`response_action: 'errors'`,
 * one message per block); a valid case is assessed and shown to the submitter privately, in the channel or
 * thread the form was opened from, with the Share button, exactly like `/hcc stage`. Submitted from a thread (the
 * case card's *Add values*, or help's *Open form* there), the values add to the thread's case.
 */
export const caseFormSubmit = (deps: ListenerDeps) => async (args: ViewArgs) => {
  const { view, body, client } = args;
  const start = performance.now();
  const user = body.user.id;
  const target = readFormTarget(view.private_metadata);
  const fields = { event: 'view_submission', team: body.team?.id, channel: target.channel, user };
  const ctx = deliveryContext(deps, fields);
  const audience = { client, user, channel: target.channel, threadTs: target.thread_ts };
  // Once per submitted view (the values add to the thread's case): an answer in the modal gives the claim back.
  const ack = await oncePerView(deps, args, audience, ctx, start);
  if (!ack) return;
  let acked = false;
  const inModal = async (errors: Record<string, string>) => {
    acked = true;
    await ack({ response_action: 'errors', errors });
    deps.log.info('handled', { ...fields, outcome: 'form-invalid', ms: elapsed(start) });
  };
  await guarded(
    deps,
    fields,
    // Until the ack the modal is still open, so an apology goes there; after it, to the person privately.
    (t) =>
      acked
        ? tellPrivately(audience, noticeMessage(t), ctx, 'ephemeral')
        : ack({ response_action: 'errors', errors: { [BLOCK.bilirubin]: t } }),
    async () => {
      const reading = readCaseForm(view.state.values as FormValues);
      if (!reading.ok) return inModal(reading.errors as Record<string, string>);
      const outcome = deps.services.assessCaseInput(reading.input);
      if (outcome.status !== 'assessed') {
        const errors: Record<string, string> = {};
        for (const p of outcome.problems) {
          const block = blockForPath(p.path);
          const message = formProblem(p.path, p.message);
          errors[block] = errors[block] ? `${errors[block]}; ${message}` : message;
        }
        return inModal(errors);
      }
      acked = true;
      await ack();
      // From a thread, the values add to the thread's case (committed before anything is posted).
      const inCase = target.channel
        ? await answerFormInCase(deps.store, deps.services, reading.input as ParseResult['input'], {
            teamId: body.team?.id,
            channel: target.channel,
            threadTs: target.thread_ts,
            user,
          })
        : null;
      const reply: Answer = inCase ?? {
        kind: 'result',
        message: deps.services.render.summary(outcome, { view: 'full', shareable: true }),
        notices: [],
        outcome: 'assessed',
      };
      await deliverAnswer(reply, audience, ctx, {
        results: 'private',
        prefer: 'ephemeral',
        typed: typedInView(view.state.values),
      });
      logAnswered(deps.log, fields, reply, start);
    },
  );
};
