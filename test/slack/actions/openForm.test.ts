import { describe, expect, it } from 'vitest';
import { openForm } from '../../../src/slack/actions/openForm.js';
import { listenerFakes, pressArgs } from '../listenerFakes.js';

describe('Open form', () => {
  it('opens the case form with the fresh trigger_id, remembering where it was pressed', async () => {
    const f = listenerFakes();
    await openForm(f.deps)(pressArgs(f, undefined, { threadTs: '1700000000.000100' }));
    expect(f.calls.map((c) => c.method)).toEqual(['views.open']);
    const args = f.callsTo('views.open')[0] as { trigger_id: string; view: { private_metadata: string } };
    expect(args.trigger_id).toBe('trigger-btn');
    expect(JSON.parse(args.view.private_metadata)).toEqual({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(f.handled()).toMatchObject({ event: 'open_form', outcome: 'form-opened' });
  });
});
