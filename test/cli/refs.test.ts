import { describe, expect, it } from 'vitest';
import { refsCommand } from '../../src/cli/commands/refs.js';
import type { CliIo } from '../../src/cli/io.js';

function fakeIo(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdin: (async function* () {})(),
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
  };
  return { io, out: () => out, err: () => err };
}

async function run(args: string[]) {
  const f = fakeIo();
  const code = await refsCommand(args, f.io);
  return { code, stdout: f.out(), stderr: f.err() };
}

describe('hcc-mdt refs', () => {
  it('prints usage on stderr and exits 2 without a query', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
    expect(r.stderr).toContain('hcc-mdt refs <query>');
    expect(r.stdout).toBe('');
  });

  it('exits 2 with usage for an empty query under --json, with the error as JSON', async () => {
    const r = await run(['--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage:');
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false });
  });

  it('prints compact cards with the effect size and a link', async () => {
    const r = await run(['atezo', 'bev']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Atezolizumab + bevacizumab  [drug]');
    expect(r.stdout).toContain('IMbrave150: OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)');
    expect(r.stdout).toMatch(/https:\/\/pubmed\.ncbi\.nlm\.nih\.gov\/\d+\//);
  });

  it('shows what is not yet checked on a card, in neutral words', async () => {
    const r = await run(['chance001']);
    expect(r.stdout).toMatch(/ {2}note: .*not yet checked/);
    expect(r.stdout).not.toMatch(/unverified/i);
  });

  it('prints JSON with ok, results and suggestions; trials carry overallSurvival', async () => {
    const r = await run(['imbrave', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.suggestions).toEqual([]);
    expect(json.results[0]).toMatchObject({
      id: 'imbrave150',
      kind: 'trial',
      title: expect.any(String),
      citations: [{ pmid: '34902530', url: 'https://pubmed.ncbi.nlm.nih.gov/34902530/' }, expect.any(Object)],
      overallSurvival: { experimentalMonths: 19.2, controlMonths: 13.4, hazardRatio: 0.66, ci: [0.52, 0.85] },
    });
  });

  it('exits 0 with no results and suggestions when nothing matches', async () => {
    const text = await run(['qqqzzzxx']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^No reference matches "qqqzzzxx"\. Did you mean: /);
    const json = await run(['--json', 'qqqzzzxx']);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(parsed).toMatchObject({ ok: true, results: [] });
    expect(parsed.suggestions.length).toBeGreaterThan(0);
  });

  it('accepts --limit and rejects a bad one', async () => {
    const r = await run(['stage', 'C', '--limit', '2', '--json']);
    expect(JSON.parse(r.stdout).results).toHaveLength(2);
    expect((await run(['tace', '--limit', '0'])).code).toBe(2);
    expect((await run(['tace', '--limit=abc'])).code).toBe(2);
  });

  it('rejects an unknown option with usage, exit 2', async () => {
    const r = await run(['tace', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown option --frobnicate');
  });

  it('prints help on stdout with --help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('hcc-mdt refs <query>');
  });
});
