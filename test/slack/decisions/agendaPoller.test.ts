import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToCase } from '../../../src/cases/addToCase.js';
import { scheduleCase, setMeetings } from '../../../src/cases/decisionService.js';
import { openCase } from '../../../src/cases/openCase.js';
import { parseCase } from '../../../src/parse/parseCase.js';
import { pollAgendas } from '../../../src/slack/decisions/agendaPoller.js';
import { decisionsOf, serviceDeps } from '../../../src/slack/decisions/decisionServices.js';
import { createLogger } from '../../../src/slack/log.js';
import { openStore, type Store } from '../../../src/store/openStore.js';
import { type FreshStore, sqliteBackend } from '../../store/backends.js';

/** The agenda poller on a real store with a stand-in Web API client: failures, empty agendas, the next meeting. */

const SCOPE = { teamId: 'T1', channelId: 'C0MDT' };
const log = createLogger({ level: 'error', write: () => {} });

/** A client whose postMessage fails the first `failures` times, recording what it was given. */
function client(failures = 0) {
  const posted: { channel: string; text: string }[] = [];
  let left = failures;
  const c = {
    chat: {
      postMessage: async (m: { channel: string; text: string }) => {
        if (left-- > 0) throw Object.assign(new Error('fetch failed'), { name: 'RequestError' });
        posted.push(m);
        return { ok: true, ts: '1.2' };
      },
    },
  } as unknown as WebClient;
  return { c, posted };
}

describe('the agenda poller', () => {
  let fresh: FreshStore;
  let store: Store;
  let clock: Date;
  beforeEach(async () => {
    fresh = await sqliteBackend.fresh();
    store = await openStore(fresh.location);
    // Thursday 3 December 2026, after that morning's 08:00 meeting: the next one is 10 December.
    clock = new Date('2026-12-03T09:00:00Z');
  });
  afterEach(async () => {
    await store.close();
    await fresh.drop();
  });
  const svc = () => serviceDeps(store, () => clock)!;
  const poll = (c: WebClient, claimer = 'a') =>
    pollAgendas({ svc: svc(), agendas: decisionsOf(store)!, client: c, log, claimer });

  async function listedCase() {
    const { record } = await openCase(store.cases, {
      scope: SCOPE,
      threadTs: '1700.1',
      at: clock,
      by: 'U0A',
    });
    await addToCase(store.cases, {
      caseId: record.id,
      scope: SCOPE,
      parse: parseCase('bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 ECOG 0', {}),
      at: clock,
      by: 'U0A',
    });
    await scheduleCase(svc(), { caseId: record.id, scope: SCOPE, actor: 'U0A' });
    return record.id;
  }

  it('leaves a failed post claimed, posts it once after the lease, audited, and plans the next meeting', async () => {
    await setMeetings(svc(), { scope: SCOPE, text: 'weekly thursday 08:00', timezone: 'UTC' });
    const id = await listedCase();
    clock = new Date('2026-12-09T08:00:00Z');
    const down = client(1);
    expect(await poll(down.c)).toBe(0);
    // Within the lease nobody posts it, not even this replica.
    clock = new Date('2026-12-09T08:04:00Z');
    expect(await poll(client().c, 'b')).toBe(0);
    clock = new Date('2026-12-09T08:06:00Z');
    const up = client();
    expect(await poll(up.c, 'b')).toBe(1);
    expect(up.posted).toEqual([
      expect.objectContaining({ channel: 'C0MDT', text: 'MDT agenda for 2026-12-10: 1 case' }),
    ]);
    expect(await poll(up.c, 'b')).toBe(0);
    const audit = (await store.audit.forCase(id, SCOPE)).filter((a) => a.action === 'agenda.posted');
    expect(audit).toHaveLength(1);
    // The next meeting's post is planned: nothing listed for it, so it is dropped on its day, not posted.
    clock = new Date('2026-12-16T08:00:00Z');
    expect(await poll(up.c, 'b')).toBe(0);
    expect(up.posted).toHaveLength(1);
    expect(
      await decisionsOf(store)!.claimDueAgendas(new Date('2026-12-23T08:00:00Z'), 'z', 1000, 10),
    ).toEqual([{ scope: SCOPE, meeting: '2026-12-24', postAt: '2026-12-23T08:00:00.000Z' }]);
  });

  it('catches up after downtime without posting for meetings that have passed', async () => {
    await setMeetings(svc(), { scope: SCOPE, text: 'weekly thursday 08:00', timezone: 'UTC' });
    await listedCase();
    // Down from before the post until after the meeting: the stale list is not posted; the next is planned.
    clock = new Date('2026-12-11T09:00:00Z');
    const c = client();
    expect(await poll(c.c)).toBe(0);
    expect(c.posted).toEqual([]);
    expect(
      await decisionsOf(store)!.claimDueAgendas(new Date('2026-12-16T08:00:00Z'), 'z', 1000, 10),
    ).toEqual([{ scope: SCOPE, meeting: '2026-12-17', postAt: '2026-12-16T08:00:00.000Z' }]);
  });
});
