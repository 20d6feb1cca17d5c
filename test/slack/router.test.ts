import { describe, expect, it, vi } from 'vitest';
import { type ActionArgs, routeByIds, type ViewArgs } from '../../src/slack/router.js';

/** A stand-in for Bolt's App that keeps the listeners registered on it, by the constraint they were given. */
function fakeApp() {
  const listeners: { kind: 'action' | 'view'; constraint: unknown; run: (args: never) => Promise<void> }[] =
    [];
  const app = {
    action: (constraint: unknown, run: (args: never) => Promise<void>) =>
      listeners.push({ kind: 'action', constraint, run }),
    view: (constraint: unknown, run: (args: never) => Promise<void>) =>
      listeners.push({ kind: 'view', constraint, run }),
  };
  const lines: string[] = [];
  const log = { info: (msg: string, fields?: object) => lines.push(JSON.stringify({ msg, ...fields })) };
  return { app, listeners, lines, log };
}

const press = (actionId: string) => {
  const ack = vi.fn(async () => {});
  return { args: { action: { action_id: actionId }, ack } as unknown as ActionArgs, ack };
};
const submit = (callbackId: string) => {
  const ack = vi.fn(async () => {});
  return { args: { view: { callback_id: callbackId }, ack } as unknown as ViewArgs, ack };
};

describe('routing buttons and forms by id', () => {
  it('puts one Bolt listener in front of all buttons and one in front of all forms', () => {
    const f = fakeApp();
    const routes = routeByIds(f.app as never, f.log as never);
    for (const id of ['a', 'b', 'c', 'd']) routes.action(id, async () => {});
    routes.view('form_1', async () => {});
    routes.view('form_2', async () => {});
    expect(f.listeners.map((l) => [l.kind, l.constraint])).toEqual([
      ['action', { type: 'block_actions' }],
      ['view', { type: 'view_submission' }],
    ]);
  });

  it('runs the handler registered for the id, and only that one', async () => {
    const f = fakeApp();
    const routes = routeByIds(f.app as never, f.log as never);
    const share = vi.fn(async () => {});
    const other = vi.fn(async () => {});
    const form = vi.fn(async () => {});
    routes.action('hcc_share', share);
    routes.action('hcc_other', other);
    routes.view('hcc_form', form);
    const { args } = press('hcc_share');
    await f.listeners[0]!.run(args as never);
    expect(share).toHaveBeenCalledWith(args);
    expect(other).not.toHaveBeenCalled();
    const s = submit('hcc_form');
    await f.listeners[1]!.run(s.args as never);
    expect(form).toHaveBeenCalledWith(s.args);
  });

  it('acks an id nobody handles at once, and logs it without the payload', async () => {
    const f = fakeApp();
    routeByIds(f.app as never, f.log as never);
    const p = press('stale_button_SECRETMARK');
    await f.listeners[0]!.run(p.args as never);
    expect(p.ack).toHaveBeenCalledOnce();
    const s = submit('old_form_SECRETMARK');
    await f.listeners[1]!.run(s.args as never);
    expect(s.ack).toHaveBeenCalledOnce();
    expect(f.lines).toHaveLength(2);
    expect(f.lines.join('\n')).toContain('unmatched');
    expect(f.lines.join('\n')).not.toContain('SECRETMARK');
  });

  it('refuses a second handler for one id', () => {
    const f = fakeApp();
    const routes = routeByIds(f.app as never, f.log as never);
    routes.action('hcc_share', async () => {});
    expect(() => routes.action('hcc_share', async () => {})).toThrow(/two action handlers/);
  });
});
