import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { batchedLines, createLogger, scrub } from '../../src/slack/log.js';

describe('createLogger', () => {
  it('writes JSON lines with time, level and the whitelisted fields, filtered by level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', write: (l) => lines.push(l), now: () => new Date(0) });
    log.debug('hidden');
    log.info('handled', { event: 'command', outcome: 'assessed', channel: 'C1', ms: 12, user: undefined });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'info',
      logger: 'hcc-mdt',
      source: 'app',
      msg: 'handled',
      event: 'command',
      outcome: 'assessed',
      channel: 'C1',
      ms: 12,
    });
  });

  it('never passes on SDK debug output and scrubs SDK messages of tokens, URLs and objects', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', write: (l) => lines.push(l) });
    log.bolt.debug('http request body: {"text":"bili 34 MRN 1234567"}');
    log.bolt.warn('failed for xoxb-123-abc at https://hooks.slack.com/commands/T1/123/abc', {
      text: 'secret',
    });
    const err = Object.assign(new Error('body: patient text'), { code: 'slack_webapi_platform_error' });
    log.bolt.error(err);
    expect(lines).toHaveLength(2);
    const joined = lines.join('\n');
    expect(joined).not.toMatch(/xoxb-|hooks\.slack|secret|patient text|MRN/);
    expect(joined).toContain('slack_webapi_platform_error');
  });

  it('scrub() replaces tokens and URLs', () => {
    expect(scrub('xapp-1-A-1 then https://x.y/z')).toBe('[token] then [url]');
  });
});

describe('batchedLines', () => {
  const turn = () => new Promise((r) => setImmediate(r));

  it('writes the lines of one turn of the event loop together, in order, and the next turn apart', async () => {
    const writes: string[] = [];
    const write = batchedLines({ write: (chunk: string) => writes.push(chunk) > 0 });
    write('one');
    write('two');
    write('three');
    expect(writes).toEqual([]);
    await turn();
    write('four');
    await turn();
    expect(writes).toEqual(['one\ntwo\nthree\n', 'four\n']);
  });

  it('writes what is pending when the process exits', () => {
    const log = fileURLToPath(new URL('../../dist/src/slack/log.js', import.meta.url));
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { batchedLines } = await import(${JSON.stringify(log)}); const w = batchedLines(); w('first line'); w('last words'); process.exit(3);`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.status).toBe(3);
    expect(child.stderr).toBe('first line\nlast words\n');
  });
});
