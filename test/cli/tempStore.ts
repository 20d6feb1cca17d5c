import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fakeIo } from './fakeIo.js';

/**
 * The `hcc-mdt case` tests' set-up: per test a fresh folder with the case store in it (HCC_MDT_DB), and `cli`,
 * which runs the command in-process against it. Register it in the test file (or a describe).
 */
export function tempStoreCli(prefix = 'hcc-mdt-cli-') {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const db = () => join(dir, 'cases.db');
  return {
    get dir() {
      return dir;
    },
    get db() {
      return db();
    },
    async cli(args: string[], env: Record<string, string> = {}) {
      const f = fakeIo({ env: { HCC_MDT_DB: db(), ...env } });
      const code = await main(args, f.io);
      return { code, out: f.out, err: f.err };
    },
  };
}
