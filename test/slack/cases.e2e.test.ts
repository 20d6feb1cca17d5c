import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_SCOPE } from '../../src/cases/record.js';
import { openStore } from '../../src/store/openStore.js';
import { type Backend, PG_URL, postgresBackend, sqliteBackend } from '../store/backends.js';
import { FakeSlack } from './fakeSlack.js';
import { buttonPress, caseFormSubmission, chosen, SECRET, startHarness, typed } from './harness.js';
import { JSON_TYPE, postSigned } from './signed.js';
import { members, mention, posts, storeHarness, THREAD, textOf } from './storeHarness.js';

/**
 * A thread is a case, end to end: the real app over signed HTTP, the real pipeline, a real store (SQLite, and
 * PostgreSQL when a server is given), a fake Slack Web API on 127.0.0.1.
 */

for (const backend of [sqliteBackend, postgresBackend] as Backend[]) {
  describe.skipIf(backend.name === 'postgres' && !PG_URL)(`case threads on ${backend.name}`, () => {
    const env = storeHarness(backend);

    it('builds a case over three thread messages: one case card, every reply staged from all three', async () => {
      await env.h.event(mention('stage bili 34 umol/L, alb 31 g/L, INR 1.3, mild ascites, no HE'), 'Ev-c1');
      await expect.poll(() => posts(env.h.fake).length).toBe(2);
      const [card, first] = posts(env.h.fake);
      expect(textOf(card!)).toMatch(/Case HCC-[2-9A-Z]{5}\* opened for this thread/);
      expect(card?.body.thread_ts).toBe(THREAD);
      expect(textOf(first!)).toContain('assessment 1');

      await env.h.event(mention('ECOG 0, 3 lesions largest 4.2 cm, no PVTT', { user: 'U0BOB' }), 'Ev-c2');
      await expect.poll(() => posts(env.h.fake).length).toBe(3);
      await env.h.event(mention('AFP 1200, no extrahepatic spread', { user: 'U0CAROL' }), 'Ev-c3');
      await expect.poll(() => posts(env.h.fake).length).toBe(4);
      const third = textOf(posts(env.h.fake)[3]!);
      expect(third).toContain('assessment 3');
      expect(third).toContain('Carried from earlier messages: bilirubin 34 umol/L (today)');
      expect(third).toContain('ECOG 0 (today)');
      expect(third).toMatch(/BCLC B/);
      expect(posts(env.h.fake).filter((c) => textOf(c).includes('opened for this thread'))).toHaveLength(1);

      const scope = { teamId: 'T1', channelId: 'C1' };
      const record = await env.store.cases.findByThread(scope, THREAD);
      expect(record?.lastSeq).toBe(3);
      const snaps = await env.store.cases.snapshots(record!.id, scope);
      expect(snaps.map((s) => [s.by, s.scores.bclc])).toEqual([
        ['U0ALICE', null],
        ['U0BOB', 'B'],
        ['U0CAROL', 'B'],
      ]);
    });

    it('the form opened from the case card adds its values to the case; "not known" keeps what the thread said', async () => {
      await env.h.event(
        mention('stage bili 34 umol/L, alb 31 g/L, INR 1.3, mild ascites, no HE, no PVTT'),
        'Ev-f1',
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(2);
      const card = posts(env.h.fake)[0]!.body.blocks as {
        elements?: { action_id?: string; value?: string }[];
      }[];
      const addValues = card.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'hcc_open_form');
      expect(addValues).toBeDefined();

      await env.h.interact(
        buttonPress(
          env.h.fake,
          'hcc_open_form',
          addValues!.value,
          { threadTs: THREAD, ephemeral: false },
          'f-open',
        ),
      );
      await expect.poll(() => env.h.fake.callsTo('views.open').length).toBe(1);
      const view = env.h.fake.callsTo('views.open')[0]!.body.view as { private_metadata: string };
      const target = JSON.parse(view.private_metadata) as Record<string, string>;
      expect(target).toEqual({ channel: 'C1', thread_ts: THREAD });
      expect(JSON.stringify(view)).toContain("The values add to this thread's case.");

      const r = await env.h.interact(
        caseFormSubmission(
          {
            ecog: chosen('0'),
            nodulesCm: typed('3'),
            macrovascularInvasion: chosen('unknown'),
            extrahepaticSpread: chosen('no'),
          },
          target,
          'U0BOB',
        ),
      );
      expect(r.status).toBe(200);
      await expect.poll(() => env.h.fake.callsTo('chat.postEphemeral').length).toBe(1);
      const reply = env.h.fake.callsTo('chat.postEphemeral')[0]!;
      expect(reply.body).toMatchObject({ channel: 'C1', user: 'U0BOB', thread_ts: THREAD });
      expect(textOf(reply)).toContain('assessment 2');
      expect(textOf(reply)).toContain('Carried from earlier messages: bilirubin 34 umol/L (today)');
      expect(textOf(reply)).toContain('hcc_share');
      // No second case card: the form added to the case the thread already had.
      expect(posts(env.h.fake)).toHaveLength(2);

      const scope = { teamId: 'T1', channelId: 'C1' };
      const record = await env.store.cases.findByThread(scope, THREAD);
      expect(record?.lastSeq).toBe(2);
      expect(record?.values.ecog).toMatchObject({ value: 0, statedBy: 'U0BOB', seq: 2 });
      expect(record?.values.extrahepaticSpread).toMatchObject({ value: false, statedBy: 'U0BOB' });
      // "Not known" on the form left the thread's "no PVTT" as it was.
      expect(record?.values.macrovascularInvasion).toMatchObject({
        value: false,
        statedBy: 'U0ALICE',
        seq: 1,
      });
    });

    it('/hcc outside a thread stays stateless; a message that cannot be assessed creates no case', async () => {
      await env.h.command('stage bili 34 umol/L alb 31 g/L');
      await expect.poll(() => env.h.fake.calls.some((c) => c.method.startsWith('/respond/'))).toBe(true);
      await env.h.event(mention('hello there'), 'Ev-s1');
      await expect.poll(() => env.h.fake.callsTo('chat.postEphemeral').length).toBeGreaterThan(0);
      expect(await env.store.cases.list({ teamId: 'T1', channelId: 'C1' })).toEqual([]);
      expect(posts(env.h.fake)).toHaveLength(0);
    });

    it('a case does not exist from another channel or for a non-member; members see its history', async () => {
      await env.h.event(
        mention('stage bili 34 umol/L, alb 31 g/L, INR 1.3, ECOG 0, single 3 cm nodule'),
        'Ev-v1',
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(2);
      const id = (await env.store.cases.findByThread({ teamId: 'T1', channelId: 'C1' }, THREAD))!.id;

      members(env.h.fake, ['U02SHARER']);
      await env.h.interact(
        buttonPress(env.h.fake, 'case_history', id, { channel: 'C2', threadTs: THREAD }, 'other-channel'),
      );
      await expect.poll(() => env.h.fake.callsTo('/respond/other-channel').length).toBe(1);
      expect(textOf(env.h.fake.callsTo('/respond/other-channel')[0]!)).toContain('does not exist here');

      members(env.h.fake, ['U0SOMEONE']);
      await env.h.interact(buttonPress(env.h.fake, 'case_history', id, { threadTs: THREAD }, 'non-member'));
      await expect.poll(() => env.h.fake.callsTo('/respond/non-member').length).toBe(1);
      expect(textOf(env.h.fake.callsTo('/respond/non-member')[0]!)).toContain('does not exist here');

      members(env.h.fake, ['U0SOMEONE', 'U02SHARER']);
      await env.h.interact(buttonPress(env.h.fake, 'case_history', id, { threadTs: THREAD }, 'member'));
      await expect.poll(() => env.h.fake.callsTo('/respond/member').length).toBe(1);
      const history = textOf(env.h.fake.callsTo('/respond/member')[0]!);
      expect(history).toContain(`Case ${id}: history`);
      expect(history).toContain('#1 '); // one snapshot so far
      expect(history).toMatch(/ALBI -1\.\d\d \(grade 2\)/);

      // The same thread ts in another channel is another thread: its own case.
      await env.h.event(mention('AFP 12', { channel: 'C2' }), 'Ev-v2');
      await expect.poll(() => posts(env.h.fake).length).toBe(4);
      const other = await env.store.cases.findByThread({ teamId: 'T1', channelId: 'C2' }, THREAD);
      expect(other?.id).not.toBe(id);
      expect(other?.values.bilirubin).toBeUndefined();
    });

    it('the Delete case button deletes the case now', async () => {
      await env.h.event(mention('stage AFP 20'), 'Ev-d1');
      await expect.poll(() => posts(env.h.fake).length).toBe(2);
      const scope = { teamId: 'T1', channelId: 'C1' };
      const id = (await env.store.cases.findByThread(scope, THREAD))!.id;
      members(env.h.fake, ['U02SHARER']);
      await env.h.interact(
        buttonPress(env.h.fake, 'case_delete', id, { threadTs: THREAD, ephemeral: false }, 'del'),
      );
      await expect.poll(() => posts(env.h.fake).length).toBe(3);
      expect(textOf(posts(env.h.fake)[2]!)).toContain(`Case ${id} was deleted by <@U02SHARER>`);
      expect(await env.store.cases.get(id, scope)).toBeNull();
      expect((await env.store.audit.forCase(id, scope)).at(-1)).toMatchObject({
        action: 'case.deleted',
        actor: 'U02SHARER',
      });
    });

    it('the message shortcut on a thread message adds to the thread’s case; the summary stays private', async () => {
      const shortcut = (text: string, ts: string) =>
        env.h.interact({
          type: 'message_action',
          callback_id: 'hcc_assess_message',
          trigger_id: 'trig-sc',
          response_url: env.h.fake.respondUrl(`sc-${ts}`),
          message_ts: ts,
          message: { type: 'message', user: 'U9', ts, thread_ts: THREAD, text },
          user: { id: 'U0DAN', name: 'dan' },
          channel: { id: 'C1', name: 'liver-mdt' },
          team: { id: 'T1', domain: 'mdt' },
          token: 'verification-token',
          action_ts: '1700000000.2',
        });
      await shortcut('bili 34 umol/L alb 31 g/L', '1700000000.000700');
      await expect.poll(() => env.h.fake.callsTo('chat.postEphemeral').length).toBe(1);
      expect(posts(env.h.fake)).toHaveLength(1); // the case card, in the thread
      expect(textOf(posts(env.h.fake)[0]!)).toContain('opened for this thread');
      await env.h.event(mention('INR 1.3'), 'Ev-sc');
      await expect.poll(() => posts(env.h.fake).length).toBe(2);
      expect(textOf(posts(env.h.fake)[1]!)).toContain('assessment 2');
      expect(textOf(posts(env.h.fake)[1]!)).toContain('bilirubin 34 umol/L (today)');
      const ephemeral = env.h.fake.callsTo('chat.postEphemeral')[0]!.body;
      expect(ephemeral).toMatchObject({ channel: 'C1', user: 'U0DAN', thread_ts: THREAD });
      expect(textOf({ body: ephemeral })).toContain('assessment 1');
    });

    it('/readyz answers 200 while the env.store answers', async () => {
      expect((await fetch(`${env.h.base}/readyz`)).status).toBe(200);
    });
  });
}

describe('/readyz with a store that does not answer', () => {
  it('is 503 (and /healthz stays 200)', async () => {
    const fresh = await sqliteBackend.fresh();
    const store = await openStore(fresh.location);
    const h = await startHarness({ store: { ...store, ping: () => Promise.reject(new Error('down')) } });
    try {
      expect((await fetch(`${h.base}/readyz`)).status).toBe(503);
      expect((await fetch(`${h.base}/healthz`)).status).toBe(200);
    } finally {
      await h.close();
      await store.close();
      await fresh.drop();
    }
  });
});

describe.skipIf(!PG_URL)('two app instances on one PostgreSQL', () => {
  it('never double-post a retried event, whichever replica it reaches', async () => {
    const fresh = await postgresBackend.fresh();
    const fake = new FakeSlack();
    await fake.start();
    const stores = [await openStore(fresh.location), await openStore(fresh.location)];
    const [a, b] = [
      await startHarness({ services: 'real', store: stores[0], fake }),
      await startHarness({ services: 'real', store: stores[1], fake }),
    ];
    try {
      // The same delivery reaches both replicas at once, then Slack's retries reach each again.
      const event = mention('stage bili 34 umol/L, alb 31 g/L, ECOG 0, single 3 cm nodule');
      await Promise.all([a!.event(event, 'Ev-dup'), b!.event(event, 'Ev-dup')]);
      await b!.event(event, 'Ev-dup', {
        headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
      });
      await a!.event(event, 'Ev-dup', {
        headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
      });
      await expect.poll(() => posts(fake).length).toBe(2); // the case card and one summary
      await new Promise((r) => setTimeout(r, 300));
      expect(posts(fake)).toHaveLength(2);
      const record = await stores[0]!.cases.findByThread({ teamId: 'T1', channelId: 'C1' }, THREAD);
      expect(record?.lastSeq).toBe(1);

      // Two different events racing for the same new thread still make one case, on either replica.
      const t2 = '1700000002.000100';
      await Promise.all([
        a!.event(mention('AFP 10', { thread_ts: t2 }), 'Ev-r1'),
        b!.event(mention('AFP 11', { thread_ts: t2 }), 'Ev-r2'),
      ]);
      await expect.poll(() => posts(fake).length).toBe(5); // one more card, two summaries
      const raced = await stores[1]!.cases.findByThread({ teamId: 'T1', channelId: 'C1' }, t2);
      expect(raced?.lastSeq).toBe(2);
    } finally {
      await a!.close();
      await b!.close();
      await fake.close();
      for (const s of stores) await s.close();
      await fresh.drop();
    }
  });

  it('agree on Share: a double click whose presses reach different replicas posts once', async () => {
    const fresh = await postgresBackend.fresh();
    const fake = new FakeSlack();
    await fake.start();
    const stores = [await openStore(fresh.location), await openStore(fresh.location)];
    const [a, b] = [
      await startHarness({ store: stores[0], fake }),
      await startHarness({ store: stores[1], fake }),
    ];
    try {
      const value = JSON.stringify({
        v: 1,
        input: { bilirubin: { value: 34, unit: 'umol/L' } },
        assumptions: [],
        view: 'full',
      });
      const first = buttonPress(fake, 'hcc_share', value, {}, 'share-a');
      const second = {
        ...first,
        response_url: fake.respondUrl('share-b'),
        actions: [{ ...first.actions[0]!, action_ts: '1700000000.9' }],
      };
      await Promise.all([a!.interact(first), b!.interact(second)]);
      const told = () =>
        fake.calls.filter(
          (c) => c.method.startsWith('/respond/') && /already been shared/.test(String(c.body.text)),
        );
      await expect.poll(() => told().length).toBe(1);
      expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    } finally {
      await a!.close();
      await b!.close();
      await fake.close();
      for (const s of stores) await s.close();
      await fresh.drop();
    }
  });
});

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
describe.skipIf(!existsSync(join(root, 'dist/src/slack/main.js')))('the app killed with SIGKILL', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
  });

  it('keeps the snapshot whose reply was posted, and finds it again after a restart', async () => {
    const fresh = await sqliteBackend.fresh();
    const fake = new FakeSlack();
    await fake.start();
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HCC_MDT_DB: fresh.file ?? '',
    };
    const start = async () => {
      const c = spawn(process.execPath, [join(root, 'dist/src/slack/main.js')], {
        env,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let log = '';
      c.stderr?.setEncoding('utf8').on('data', (d: string) => {
        log += d;
      });
      await expect.poll(() => /"port":(\d+)/.exec(log)?.[1], { timeout: 15_000 }).toBeDefined();
      return { c, port: Number(/"port":(\d+)/.exec(log)?.[1]) };
    };
    try {
      const first = await start();
      child = first.c;
      const body = (text: string, id: string) =>
        JSON.stringify({
          token: 't',
          team_id: 'T1',
          api_app_id: 'A1',
          type: 'event_callback',
          event_id: id,
          event_time: Math.floor(Date.now() / 1000),
          event: mention(text),
        });
      await postSigned(
        `http://127.0.0.1:${first.port}/slack/events`,
        SECRET,
        body('stage AFP 4321', 'Ev-k1'),
        {
          contentType: JSON_TYPE,
        },
      );
      await expect.poll(() => posts(fake).length, { timeout: 15_000 }).toBe(2);
      first.c.kill('SIGKILL'); // right after the reply was posted
      await new Promise((r) => first.c.once('exit', r));

      const second = await start();
      child = second.c;
      await postSigned(`http://127.0.0.1:${second.port}/slack/events`, SECRET, body('ECOG 0', 'Ev-k2'), {
        contentType: JSON_TYPE,
      });
      await expect.poll(() => posts(fake).length, { timeout: 15_000 }).toBe(3);
      expect(textOf(posts(fake)[2]!)).toContain('assessment 2');
      expect(textOf(posts(fake)[2]!)).toContain('AFP 4321 ng/mL (today)');
      second.c.kill('SIGKILL');
      await new Promise((r) => second.c.once('exit', r));
      const store = await openStore(fresh.location);
      try {
        const record = await store.cases.findByThread({ teamId: 'T1', channelId: 'C1' }, THREAD);
        expect(
          (await store.cases.snapshots(record!.id, { teamId: 'T1', channelId: 'C1' })).map(
            (s) => s.scores.afp,
          ),
        ).toEqual([4321, 4321]);
        expect(await store.cases.list(LOCAL_SCOPE)).toEqual([]);
      } finally {
        await store.close();
      }
    } finally {
      await fake.close();
      await fresh.drop();
    }
  }, 60_000);
});
