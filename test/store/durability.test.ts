import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCase } from '../../src/cases/openCase.js';
import { LOCAL_SCOPE } from '../../src/cases/record.js';
import { openStore } from '../../src/store/openStore.js';
import { type FreshStore, PG_URL, postgresBackend, sqliteBackend } from './backends.js';

/**
 * Durability across processes, on the built code: what a process acknowledged (printed after its commit) is
 * there after it is killed with SIGKILL; two processes writing one SQLite file lose nothing.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const writer = join(root, 'test/store/fixtures/writer.mjs');
const built = existsSync(join(root, 'dist/src/store/openStore.js'));

function run(db: string, caseId: string, count: number, tag: number) {
  const child = spawn(process.execPath, [writer, db, caseId, String(count), String(tag)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: { seq: number; afp: number }[] = [];
  let err = '';
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    let nl = buffered.indexOf('\n');
    while (nl !== -1) {
      const [, seq, afp] = buffered.slice(0, nl).split(' ');
      acks.push({ seq: Number(seq), afp: Number(afp) });
      buffered = buffered.slice(nl + 1);
      nl = buffered.indexOf('\n');
    }
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    err += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, acks, exited, stderr: () => err };
}

const until = async (check: () => boolean, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

for (const backend of [sqliteBackend, postgresBackend]) {
  describe.skipIf(!built || (backend.name === 'postgres' && !PG_URL))(`durability on ${backend.name}`, () => {
    let fresh: FreshStore;
    let children: ChildProcess[] = [];
    const db = () => (fresh.location.kind === 'sqlite' ? fresh.location.path : fresh.location.url);
    beforeEach(async () => {
      fresh = await backend.fresh();
      children = [];
    });
    afterEach(async () => {
      for (const c of children) c.kill('SIGKILL');
      await fresh.drop();
    });

    const newCase = async () => {
      const store = await openStore(fresh.location);
      try {
        return (
          await openCase(store.cases, { scope: LOCAL_SCOPE, threadTs: null, at: new Date(), by: 'cli' })
        ).record.id;
      } finally {
        await store.close();
      }
    };

    it('keeps every acknowledged snapshot when the writer is killed with SIGKILL right after a reply', async () => {
      const id = await newCase();
      const w = run(db(), id, 500, 1);
      children.push(w.child);
      await until(() => w.acks.length >= 5);
      w.child.kill('SIGKILL');
      await w.exited;
      const acked = [...w.acks];
      const store = await openStore(fresh.location);
      try {
        const snaps = await store.cases.snapshots(id, LOCAL_SCOPE);
        const stored = new Set(snaps.map((s) => s.scores.afp));
        for (const a of acked) expect(stored.has(a.afp)).toBe(true);
        expect(snaps.map((s) => s.seq)).toEqual(snaps.map((_, i) => i + 1));
        expect((await store.cases.get(id, LOCAL_SCOPE))?.lastSeq).toBe(snaps.length);
      } finally {
        await store.close();
      }
    }, 90_000);

    it('loses nothing when two processes add to one case at the same time', async () => {
      const id = await newCase();
      const a = run(db(), id, 30, 1);
      const b = run(db(), id, 30, 2);
      children.push(a.child, b.child);
      const codes = await Promise.all([a.exited, b.exited]);
      expect(codes, a.stderr() + b.stderr()).toEqual([0, 0]);
      const store = await openStore(fresh.location);
      try {
        const snaps = await store.cases.snapshots(id, LOCAL_SCOPE);
        expect(snaps).toHaveLength(60);
        const stored = new Set(snaps.map((s) => s.scores.afp));
        for (const ack of [...a.acks, ...b.acks]) expect(stored.has(ack.afp)).toBe(true);
        expect(new Set(snaps.map((s) => s.seq)).size).toBe(60);
      } finally {
        await store.close();
      }
    }, 90_000); // separate processes: slow on a loaded machine, so a generous limit
  });
}
