import { describe, expect, it } from 'vitest';
import { createLogger, scrub } from '../../src/slack/log.js';

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
