import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToCase } from '../../src/cases/addToCase.js';
import { CaseIdSchema } from '../../src/cases/caseId.js';
import { openCase } from '../../src/cases/openCase.js';
import type { CaseScope } from '../../src/cases/record.js';
import { parseCase } from '../../src/parse/parseCase.js';
import { KyselyClaims } from '../../src/store/claims.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openStore, type Store } from '../../src/store/openStore.js';
import { type Backend, PG_URL, postgresBackend, sqliteBackend } from './backends.js';

/**
 * The store's contract: the same behaviour on SQLite and on a real PostgreSQL. Every test starts from an empty,
 * freshly migrated store.
 */

const WARD: CaseScope = { teamId: 'T0TEAM', channelId: 'C0WARD' };
const OTHER_CHANNEL: CaseScope = { teamId: 'T0TEAM', channelId: 'C0OTHER' };
const OTHER_TEAM: CaseScope = { teamId: 'T0ELSE', channelId: 'C0WARD' };
const DAY = 86_400_000;
const T0 = new Date('2026-11-01T09:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

for (const backend of [sqliteBackend, postgresBackend] as Backend[]) {
  describe.skipIf(backend.name === 'postgres' && !PG_URL)(`store contract on ${backend.name}`, () => {
    let store: Store;
    let drop: () => Promise<void>;
    beforeEach(async () => {
      const fresh = await backend.fresh();
      drop = fresh.drop;
      store = await openStore(fresh.location);
    });
    afterEach(async () => {
      await store.close();
      await drop();
    });

    const open = (threadTs: string | null, scope = WARD, when = T0) =>
      openCase(store.cases, { scope, threadTs, at: when, by: 'U0ALICE' });
    const add = (id: string, text: string, when: Date, by = 'U0ALICE', scope = WARD) =>
      addToCase(store.cases, { caseId: id, scope, parse: parseCase(text, {}), at: when, by });

    it('creates a case with a random ID and finds it only in its own channel and workspace', async () => {
      const { record, created } = await open('1700000000.000100');
      expect(created).toBe(true);
      expect(CaseIdSchema.safeParse(record.id).success).toBe(true);
      expect((await store.cases.get(record.id, WARD))?.threadTs).toBe('1700000000.000100');
      expect(await store.cases.get(record.id, OTHER_CHANNEL)).toBeNull();
      expect(await store.cases.get(record.id, OTHER_TEAM)).toBeNull();
      expect(await store.cases.findByThread(OTHER_CHANNEL, '1700000000.000100')).toBeNull();
      expect(await store.cases.snapshots(record.id, OTHER_CHANNEL)).toEqual([]);
      expect(await store.audit.forCase(record.id, OTHER_CHANNEL)).toEqual([]);
      expect(await store.cases.list(OTHER_CHANNEL)).toEqual([]);
    });

    it('gives a thread exactly one case, even when several messages race to create it', async () => {
      const opened = await Promise.all(Array.from({ length: 8 }, () => open('1700000000.000200')));
      const ids = new Set(opened.map((o) => o.record.id));
      expect(ids.size).toBe(1);
      expect(opened.filter((o) => o.created)).toHaveLength(1);
      expect(await store.cases.list(WARD)).toHaveLength(1);
    });

    it('refuses a duplicate ID so the caller draws another', async () => {
      const first = await store.cases.create({
        id: 'HCC-7QK2M',
        scope: WARD,
        threadTs: null,
        at: T0,
        actor: 'cli',
      });
      const again = await store.cases.create({
        id: 'HCC-7QK2M',
        scope: WARD,
        threadTs: null,
        at: T0,
        actor: 'cli',
      });
      expect(first.status).toBe('created');
      expect(again.status).toBe('id-taken');
    });

    it('builds a case over three messages: values carried with their age, snapshots and audit committed', async () => {
      const { record } = await open('1700000000.000300');
      const labs = await add(record.id, 'bili 34 umol/L, alb 31 g/L, INR 1.3, mild ascites, no HE', at(0));
      expect(labs.status).toBe('assessed');
      await add(record.id, 'ECOG 1, 3 lesions largest 4.2 cm, no PVTT', at(2), 'U0BOB');
      const third = await add(record.id, 'AFP 1200', at(12), 'U0CAROL');
      if (third.status !== 'assessed') throw new Error(third.status);
      expect(third.input).toMatchObject({
        bilirubin: { value: 34, unit: 'umol/L' },
        ecog: 1,
        noduleCount: 3,
        afp: 1200,
      });
      expect(third.assessment.bclc?.stage).toBe('C'); // ECOG 1 (cancer-related) stages C
      const bili = third.carried.find((c) => c.field === 'bilirubin');
      expect(bili).toMatchObject({ ageDays: 12, stale: false, statedBy: 'U0ALICE' });
      expect(third.carried.find((c) => c.field === 'ecog')).toMatchObject({ ageDays: 10, statedBy: 'U0BOB' });
      expect(third.carried.map((c) => c.field)).not.toContain('afp');

      const stored = await store.cases.get(record.id, WARD);
      expect(stored?.lastSeq).toBe(3);
      expect(stored?.values.afp).toMatchObject({ value: 1200, statedBy: 'U0CAROL', seq: 3 });
      const snaps = await store.cases.snapshots(record.id, WARD);
      expect(snaps.map((s) => s.seq)).toEqual([1, 2, 3]);
      expect(snaps[2]?.scores.afp).toBe(1200);
      const audit = await store.audit.forCase(record.id, WARD);
      expect(audit.map((a) => a.action)).toEqual([
        'case.created',
        'values.stated',
        'snapshot.recorded',
        'values.stated',
        'snapshot.recorded',
        'values.stated',
        'snapshot.recorded',
      ]);
      expect(audit[5]).toMatchObject({ actor: 'U0CAROL', fields: ['afp'], seq: 3 });
      expect((await store.cases.list(WARD))[0]).toMatchObject({ id: record.id, lastSeq: 3, bclc: 'C' });
    });

    it('loses nothing when many writers add to one case at once (optimistic concurrency)', async () => {
      const { record } = await open(null);
      const texts = Array.from({ length: 12 }, (_, i) => `AFP ${100 + i}`);
      const results = await Promise.all(texts.map((t, i) => add(record.id, t, at(i))));
      expect(results.every((r) => r.status === 'assessed')).toBe(true);
      const snaps = await store.cases.snapshots(record.id, WARD);
      expect(snaps.map((s) => s.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(new Set(snaps.map((s) => s.scores.afp)).size).toBe(12);
      expect((await store.cases.get(record.id, WARD))?.lastSeq).toBe(12);
    });

    it('refuses a commit from a stale read, and one aimed at another channel', async () => {
      const { record } = await open(null);
      await add(record.id, 'AFP 10', at(0));
      const snap = (await store.cases.snapshots(record.id, WARD))[0];
      if (!snap) throw new Error('no snapshot');
      const commit = {
        caseId: record.id,
        scope: WARD,
        expectedSeq: 0,
        values: {},
        snapshot: { ...snap, seq: 2 },
        audit: [],
      };
      expect(await store.cases.commitSnapshot(commit)).toBe('conflict');
      expect(await store.cases.commitSnapshot({ ...commit, scope: OTHER_CHANNEL, expectedSeq: 1 })).toBe(
        'not-found',
      );
      expect(await store.cases.snapshots(record.id, WARD)).toHaveLength(1);
    });

    it('reports an unknown case as not found, and does not add to a case from another channel', async () => {
      const { record } = await open(null);
      expect((await add('HCC-22222', 'AFP 5', at(0))).status).toBe('not-found');
      expect((await add(record.id, 'AFP 5', at(0), 'U0EVE', OTHER_CHANNEL)).status).toBe('not-found');
      expect((await store.cases.get(record.id, WARD))?.lastSeq).toBe(0);
    });

    it('deletes one case now (snapshots included); its audit keeps the deletion, in scope only', async () => {
      const { record } = await open(null);
      const { record: kept } = await open(null);
      await add(record.id, 'AFP 10', at(0));
      await add(kept.id, 'AFP 20', at(0));
      expect(await store.cases.delete(record.id, OTHER_CHANNEL, 'U0EVE', at(1))).toBe(false);
      expect(await store.cases.delete(record.id, WARD, 'U0ALICE', at(1))).toBe(true);
      expect(await store.cases.get(record.id, WARD)).toBeNull();
      expect(await store.cases.snapshots(record.id, WARD)).toEqual([]);
      expect(await store.cases.delete(record.id, WARD, 'U0ALICE', at(1))).toBe(false);
      const audit = await store.audit.forCase(record.id, WARD);
      expect(audit.at(-1)).toMatchObject({ action: 'case.deleted', actor: 'U0ALICE' });
      expect(await store.cases.snapshots(kept.id, WARD)).toHaveLength(1);
      const rows = await sql<{ n: number }>`select count(*) as n from case_snapshot`.execute(store.db);
      expect(Number(rows.rows[0]?.n)).toBe(1);
    });

    it('purges cases inactive since before the cutoff, in every scope, and audits each purge', async () => {
      const { record: old } = await open(null, WARD, at(0));
      const { record: elsewhere } = await open(null, OTHER_TEAM, at(0));
      const { record: active } = await open(null, WARD, at(0));
      await add(active.id, 'AFP 10', at(100));
      const purged = await store.cases.purgeInactive(at(50), at(200));
      expect(purged.sort()).toEqual([old.id, elsewhere.id].sort());
      expect(await store.cases.get(old.id, WARD)).toBeNull();
      expect(await store.cases.get(active.id, WARD)).not.toBeNull();
      expect((await store.audit.forCase(old.id, WARD)).at(-1)).toMatchObject({
        action: 'case.purged',
        actor: 'retention',
      });
      expect(await store.cases.purgeInactive(at(50), at(200))).toEqual([]);
    });

    it('keeps the audit append-only: the database refuses UPDATE and DELETE', async () => {
      const { record } = await open(null);
      await expect(sql`update audit_event set actor = 'U0EVE'`.execute(store.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from audit_event`.execute(store.db)).rejects.toThrow(/append-only/);
      expect(await store.audit.forCase(record.id, WARD)).toHaveLength(1);
    });

    it('shares claims through the database: exactly one of many concurrent claimants wins', async () => {
      const claims = new KyselyClaims(store.db);
      const later = new Date(Date.now() + 60_000);
      const wins = await Promise.all(
        Array.from({ length: 10 }, () => claims.claim('event', 'Ev0001', later)),
      );
      expect(wins.filter(Boolean)).toHaveLength(1);
      expect(await claims.claim('event', 'Ev0002', later)).toBe(true);
      expect(await claims.claim('action', 'Ev0001', later)).toBe(true);
    });

    it('lets an expired claim be taken again, and prunes expired claims', async () => {
      let now = Date.now();
      const claims = new KyselyClaims(store.db, () => now);
      expect(await claims.claim('replay', 'sig', new Date(now + 1000))).toBe(true);
      expect(await claims.claim('replay', 'sig', new Date(now + 1000))).toBe(false);
      now += 2000;
      expect(await claims.claim('replay', 'sig', new Date(now + 1000))).toBe(true);
      expect(await claims.claim('replay', 'old', new Date(now - 1))).toBe(true);
      expect(await claims.prune(new Date(now))).toBe(1);
    });

    it("releases a claim at once, so the next caller wins; the store's own claims do the same", async () => {
      const later = new Date(Date.now() + 60_000);
      for (const claims of [new KyselyClaims(store.db), store.claims]) {
        expect(await claims.claim('action', 'share:T1:C1:1', later)).toBe(true);
        expect(await claims.claim('action', 'share:T1:C1:1', later)).toBe(false);
        await claims.release('action', 'share:T1:C1:1');
        expect(await claims.claim('action', 'share:T1:C1:1', later)).toBe(true);
        await claims.release('action', 'share:T1:C1:1');
      }
    });

    it('migrates once: reopening the same store finds its cases and runs nothing again', async () => {
      const { record } = await open(null);
      const second = await openStore(
        store.dialect === 'sqlite'
          ? { kind: 'sqlite', path: await sqlitePath(store) }
          : { kind: 'postgres', url: await pgUrl(store) },
      );
      try {
        expect(await second.cases.get(record.id, WARD)).not.toBeNull();
        const m = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(second.db);
        expect(Number(m.rows[0]?.n)).toBe(Object.keys(migrations(store.dialect)).length);
      } finally {
        await second.close();
      }
    });
  });
}

async function sqlitePath(store: Store): Promise<string> {
  const r = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(
    store.db,
  );
  return r.rows[0]?.file ?? '';
}
async function pgUrl(store: Store): Promise<string> {
  const r = await sql<{ db: string }>`select current_database() as db`.execute(store.db);
  const url = new URL(PG_URL ?? '');
  url.pathname = `/${r.rows[0]?.db}`;
  return url.toString();
}
