import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { LogLevelName } from './config.js';

/**
 * Structured logging: one JSON object a line on stderr. The policy (docs/operations.md): log what happened,
 * to which opaque ids, how long it took, and how it ended. NEVER the text people type, tokens, `response_url`,
 * `trigger_id` or block content. The field type below is a whitelist so that a listener cannot pass a payload
 * through by accident.
 */

export interface LogFields {
  /** What happened: "command", "app_mention", "share", "view_submission", "delivery", … */
  event?: string;
  /** The grammar action, e.g. "stage" (a fixed vocabulary, never the user's word). */
  action?: string;
  /** How it ended: "assessed", "parse-errors", "posted", "failed", "duplicate", … */
  outcome?: string;
  /** Where the reply went: "respond", "postMessage", "postEphemeral", "dm". */
  via?: string;
  /** Milliseconds. */
  ms?: number;
  team?: string | undefined;
  channel?: string | undefined;
  user?: string | undefined;
  /** Slack's event id (opaque). */
  eventId?: string | undefined;
  retryNum?: number | undefined;
  /** An error code (e.g. "not_in_channel", "slack_webapi_http_error"); never an error body. */
  code?: string | undefined;
  status?: number | undefined;
  mode?: string;
  port?: number;
  /** A case's random ID (HCC-7QK2M): opaque, derived from nothing about the patient. */
  caseId?: string;
}

export interface AppLogger {
  error(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
  /** The adapter handed to Bolt (and through Bolt to @slack/web-api). */
  readonly bolt: BoltLogger;
}

const RANK: Record<LogLevelName, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface LoggerOptions {
  level: LogLevelName;
  /** Where a finished line goes; default stderr. Tests capture lines here. */
  write?: (line: string) => void;
  now?: () => Date;
}

/** Strips anything that looks like a token or a URL (response_url is a bearer capability). */
export function scrub(text: string): string {
  return text
    .replace(/\bx(?:ox[a-z]|app)-[A-Za-z0-9-]+/g, '[token]')
    .replace(/https?:\/\/\S+/g, '[url]')
    .slice(0, 300);
}

/**
 * The library messages we pass on, by their fixed opening words. Anything else a library logs (Slack's
 * `response_metadata` warnings and messages, a JSON parser's snippet of a body, an error message quoting a
 * response) is free text that can carry what people typed or part of a token, so only its template survives:
 * the words before the first colon, and only for these openings.
 */
const LIBRARY_TEMPLATES = [
  'An incoming event was not acknowledged',
  'Request body exceeded the maximum allowed size',
  'Failed to parse and verify the request data',
  'Failed to verify authenticity',
  'Malformed request body',
  'Unhandled HTTP request',
  'An unhandled error occurred',
  'http request failed',
  'Rate limit',
  'API Call failed',
  'Retrying',
  'WebClient',
  'Socket Mode',
  'Going to establish a new connection',
  'Now connected',
];

export function libraryText(text: string): string {
  const known = LIBRARY_TEMPLATES.find((t) => text.startsWith(t));
  if (!known) return '[library text]';
  const head = text.split(':')[0] ?? known;
  return scrub(head.slice(0, 120));
}

/** Library messages: strings reduced to their known template, errors to name and code, anything else dropped. */
function describeLibraryArgs(args: unknown[]): string {
  return args
    .map((a) => {
      if (typeof a === 'string') return libraryText(a);
      if (a instanceof Error) {
        const code = (a as { code?: unknown }).code;
        return typeof code === 'string' ? `${a.name} (${code})` : a.name;
      }
      if (typeof a === 'number' || typeof a === 'boolean') return String(a);
      return '[object]';
    })
    .join(' ');
}

const toBolt: Record<LogLevelName, LogLevel> = {
  error: LogLevel.ERROR,
  warn: LogLevel.WARN,
  info: LogLevel.INFO,
  debug: LogLevel.DEBUG,
};

/**
 * Lines for a stream (stderr by default), written together once per turn of the event loop. A write to a pipe or
 * a file is a synchronous system call in Node, so one per line cost about 4 % of the app's CPU under load (one
 * "handled" line per request; `npm run bench:load --profile`); a turn that finishes twenty requests now makes one
 * write. What is still pending when the process exits is written then, so a line logged just before
 * `process.exit` (a failed start, a drained stop) is not lost.
 */
export function batchedLines(
  stream: Pick<NodeJS.WritableStream, 'write'> = process.stderr,
): (line: string) => void {
  let pending = '';
  const flush = () => {
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    stream.write(chunk);
  };
  process.on('exit', flush);
  return (line) => {
    if (pending === '') setImmediate(flush);
    pending += `${line}\n`;
  };
}

export function createLogger(options: LoggerOptions): AppLogger {
  const write = options.write ?? batchedLines();
  const now = options.now ?? (() => new Date());
  const level = options.level;
  const name = 'hcc-mdt';

  const emit = (lvl: LogLevelName, msg: string, fields: LogFields = {}, source = 'app') => {
    if (RANK[lvl] > RANK[level]) return;
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) clean[k] = v;
    write(JSON.stringify({ time: now().toISOString(), level: lvl, logger: name, source, msg, ...clean }));
  };

  const bolt: BoltLogger = {
    // Library DEBUG output is never passed on: @slack/web-api logs request bodies (message text) at DEBUG.
    debug: () => {},
    info: (...args: unknown[]) => emit('info', describeLibraryArgs(args), {}, 'slack-sdk'),
    warn: (...args: unknown[]) => emit('warn', describeLibraryArgs(args), {}, 'slack-sdk'),
    error: (...args: unknown[]) => emit('error', describeLibraryArgs(args), {}, 'slack-sdk'),
    // Bolt may try to set its own level; ours stays the configured one (never below INFO for the SDK, see above).
    setLevel: () => {},
    getLevel: () => toBolt[level],
    setName: () => {},
  };

  return {
    error: (msg, fields) => emit('error', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    debug: (msg, fields) => emit('debug', msg, fields),
    bolt,
  };
}
