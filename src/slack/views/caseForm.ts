import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { StructuredOutcome } from '../../pipeline.js';
import { noticeMessage, tellPrivately } from '../deliver.js';
import { deliveryContext, elapsed, guarded, type ListenerDeps } from '../deps.js';
import { BLOCK, blockForPath, type FormValues, readCaseForm, readFormTarget } from '../form.js';
import type { Services } from '../services.js';

/**
 * Submit of the case form: invalid values are answered in the modal itself (`response_action: 'errors'`,
 * one message per block); a valid case is assessed and shown to the submitter privately, in the channel or
 * thread the form was opened from, with the Share button, exactly like `/hcc stage`.
 */
export const caseFormSubmit =
  (deps: ListenerDeps) =>
  async ({ ack, view, body, client }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const start = performance.now();
    const user = body.user.id;
    const target = readFormTarget(view.private_metadata);
    const fields = { event: 'view_submission', team: body.team?.id, channel: target.channel, user };
    const reading = readCaseForm(view.state.values as FormValues);
    if (!reading.ok) {
      await ack({ response_action: 'errors', errors: reading.errors as Record<string, string> });
      deps.log.info('handled', { ...fields, outcome: 'form-invalid', ms: elapsed(start) });
      return;
    }
    let outcome: StructuredOutcome;
    let services: Services;
    try {
      services = await deps.services();
      outcome = services.assessCaseInput(reading.input);
    } catch (err) {
      deps.log.error('listener failed', {
        ...fields,
        outcome: 'error',
        code: err instanceof Error ? err.name : 'unknown',
      });
      await ack({
        response_action: 'errors',
        errors: { [BLOCK.bilirubin]: 'Sorry, something went wrong on my side. Please try again.' },
      });
      return;
    }
    if (outcome.status !== 'assessed') {
      const errors: Record<string, string> = {};
      for (const p of outcome.problems) {
        const block = blockForPath(p.path);
        errors[block] = errors[block] ? `${errors[block]}; ${p.message}` : p.message;
      }
      await ack({ response_action: 'errors', errors });
      deps.log.info('handled', { ...fields, outcome: 'form-invalid', ms: elapsed(start) });
      return;
    }
    await ack();
    const ctx = deliveryContext(deps, fields);
    const audience = { client, user, channel: target.channel, threadTs: target.thread_ts };
    await guarded(
      deps,
      fields,
      (t) => tellPrivately(audience, noticeMessage(t), ctx, 'ephemeral'),
      async () => {
        const message = services.render.summary(outcome, { view: 'full', shareable: true });
        await tellPrivately(audience, message, ctx, 'ephemeral');
        deps.log.info('handled', { ...fields, outcome: 'assessed', ms: elapsed(start) });
      },
    );
  };
