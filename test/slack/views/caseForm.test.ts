import { describe, expect, it } from 'vitest';
import { caseFormSubmit } from '../../../src/slack/views/caseForm.js';
import { ALREADY_SUBMITTED } from '../../../src/slack/views/oncePerView.js';
import { fakeServices } from '../fakeServices.js';
import { type Fakes, listenerFakes, submitArgs } from '../listenerFakes.js';

/** The case form's submit called directly: errors stay in the modal; a valid case is answered privately. */

const text = (v: string) => ({ value: { type: 'plain_text_input', value: v } });
const VALID = { bilirubin: text('34 umol/L'), inr: text('1.3') };

const FROM_THREAD = JSON.stringify({ channel: 'C1', thread_ts: '1700000000.000100' });

async function submit(values: Record<string, unknown>, f: Fakes = listenerFakes()) {
  await caseFormSubmit(f.deps)(submitArgs(f, 'hcc_case_form', FROM_THREAD, values));
  return f;
}

describe('case form submit', () => {
  it('acks a valid case empty (the modal closes), then shows the summary privately where the form was opened', async () => {
    const f = await submit(VALID);
    expect(f.acks).toEqual([undefined]);
    expect(f.calls.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    expect(f.callsTo('chat.postEphemeral')[0]).toMatchObject({
      channel: 'C1',
      thread_ts: '1700000000.000100',
      user: 'U0ALICE',
    });
    expect(JSON.stringify(f.callsTo('chat.postEphemeral')[0]?.blocks)).toContain('hcc_share');
    expect(f.handled()).toMatchObject({ event: 'view_submission', outcome: 'assessed' });
  });

  it('answers values it cannot read in the modal, block by block, and posts nothing', async () => {
    const f = await submit({ inr: text('high') });
    expect(f.acks).toEqual([{ response_action: 'errors', errors: { inr: expect.stringMatching(/number/) } }]);
    expect(f.calls).toEqual([]);
    expect(f.handled()?.outcome).toBe('form-invalid');
  });

  it('answers values the case schema refuses in the modal, at their block', async () => {
    const f = await submit({ ...VALID, inr: text('12') });
    expect(f.acks).toEqual([
      { response_action: 'errors', errors: { inr: expect.stringMatching(/must be between 0.5 and 10/) } },
    ]);
    expect(f.calls).toEqual([]);
  });

  it('apologises in the modal when assessing throws, and logs the code', async () => {
    const services = fakeServices();
    services.assessCaseInput = () => {
      throw new RangeError('boom');
    };
    const f = await submit(VALID, listenerFakes({ deps: { services } }));
    expect(f.acks).toEqual([
      {
        response_action: 'errors',
        errors: { bilirubin: expect.stringMatching(/^Sorry, something went wrong/) },
      },
    ]);
    expect(f.calls).toEqual([]);
    expect(f.log.find((l) => l.msg === 'listener failed')).toMatchObject({ code: 'RangeError' });
  });

  it('apologises privately when rendering throws after the modal closed', async () => {
    const services = fakeServices();
    services.render.summary = () => {
      throw new RangeError('boom');
    };
    const f = await submit(VALID, listenerFakes({ deps: { services } }));
    expect(f.acks).toEqual([undefined]);
    expect(f.texts()).toEqual([expect.stringMatching(/^Sorry, something went wrong/)]);
  });

  it('answers a second submission of the same view once: the modal is cleared and the person told privately', async () => {
    const f = listenerFakes();
    const args = submitArgs(f, 'hcc_case_form', FROM_THREAD, VALID);
    await caseFormSubmit(f.deps)(args);
    await caseFormSubmit(f.deps)(args);
    expect(f.acks).toEqual([undefined, { response_action: 'clear' }]);
    const privately = f.callsTo('chat.postEphemeral');
    expect(privately).toHaveLength(2);
    expect(JSON.stringify(privately[0]?.blocks)).toContain('hcc_share');
    expect(privately[1]).toMatchObject({
      channel: 'C1',
      thread_ts: '1700000000.000100',
      text: ALREADY_SUBMITTED,
    });
    expect(f.log.filter((l) => l.msg === 'handled').map((l) => l.outcome)).toEqual([
      'assessed',
      'already-submitted',
    ]);
  });

  it('gives the view back after an answer in the modal, so the corrected values are answered', async () => {
    const f = listenerFakes();
    const submitted = caseFormSubmit(f.deps);
    const args = submitArgs(f, 'hcc_case_form', FROM_THREAD, { inr: text('high') });
    await submitted(args);
    (args as { view: { state: { values: unknown } } }).view.state.values = VALID;
    await submitted(args);
    expect(f.acks).toEqual([{ response_action: 'errors', errors: { inr: expect.any(String) } }, undefined]);
    expect(f.log.filter((l) => l.msg === 'handled').map((l) => l.outcome)).toEqual([
      'form-invalid',
      'assessed',
    ]);
  });
});
