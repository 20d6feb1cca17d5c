import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import type { App } from '@slack/bolt';
import { retentionCutoff, retentionDays } from '../cases/retention.js';
import { describeLocation, storeLocation } from '../store/location.js';
import { openStore, type Store } from '../store/openStore.js';
import { type AppDeps, createApp, startApp } from './app.js';
import { loadConfig } from './config.js';
import { startDuePoller } from './decisions/duePoller.js';
import { defaultServices } from './defaultServices.js';
import { InFlight } from './inFlight.js';
import { type AppLogger, batchedLines, createLogger } from './log.js';
import { checkBotToken } from './tokenCheck.js';

/**
 * `npm start`: read the configuration, build the app, listen, and stop cleanly on SIGTERM/SIGINT. This is the
 * composition root: the one place that chooses the real services, the store and the logger.
 * `run` takes its environment and outputs as arguments so a test can drive it in-process.
 */

export interface RunIo {
  env: Record<string, string | undefined>;
  /** Log lines and the configuration message go here (default: stderr). */
  write?: (line: string) => void;
  /** Test seams (fake services, retry policy, bot ids); production passes none. */
  deps?: Partial<Omit<AppDeps, 'logger'>>;
  /** Longest wait for in-flight replies on stop; default DRAIN_LIMIT_MS. */
  drainLimitMs?: number;
}

/** A few quick retries at start-up: long enough to ride out a blip, short enough to fail visibly. */
const START_UP_RETRY = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 };

export type RunResult =
  | { ok: false; exitCode: 1 }
  | { ok: true; app: App; port: number | undefined; log: AppLogger; stop: () => Promise<boolean> };

/** How long SIGTERM waits for replies already under way before the process exits anyway. */
export const DRAIN_LIMIT_MS = 10_000;

export async function run(io: RunIo): Promise<RunResult> {
  const write = io.write ?? batchedLines();
  const result = loadConfig(io.env);
  if (!result.ok) {
    write(result.message);
    return { ok: false, exitCode: 1 };
  }
  const config = result.config;
  let deps = io.deps ?? {};
  if (!deps.botId || !deps.botUserId) {
    const token = await checkBotToken(config, deps.retryConfig ?? START_UP_RETRY);
    if (!token.ok) {
      write(`HCC MDT cannot start: ${token.message}`);
      return { ok: false, exitCode: 1 };
    }
    deps = { ...deps, botId: token.botId, botUserId: token.botUserId };
  }
  const log = createLogger({ level: config.logLevel, write });
  const retention = retentionDays(io.env.HCC_MDT_RETENTION_DAYS);
  if (!retention.ok) {
    write(`HCC MDT cannot start: ${retention.message}`);
    return { ok: false, exitCode: 1 };
  }
  // The case store: HCC_MDT_DB (a SQLite file, or postgres:// for several replicas), else a file in the data folder.
  let store: Store | undefined;
  if (!deps.store) {
    const location = storeLocation(undefined, io.env);
    try {
      store = await openStore(location);
    } catch (error) {
      write(
        `HCC MDT cannot start: the case store at ${describeLocation(location)} did not open (${(error as Error).message})`,
      );
      return { ok: false, exitCode: 1 };
    }
    deps = { ...deps, store };
  }
  const purge = store ? scheduleRetention(store, retention.days, log) : undefined;
  if (!config.units) {
    log.warn(
      'HCC_MDT_UNITS is not set: a bare lab number with no unit will be refused and the person asked for it',
      {
        event: 'start',
        outcome: 'units-unset',
      },
    );
  }
  const inFlight = deps.inFlight ?? new InFlight();
  // The composition root: the real pipeline and renderers unless a test passes its own.
  const app = createApp(config, {
    ...deps,
    services: deps.services ?? defaultServices,
    inFlight,
    logger: log,
  });
  const due = startDuePoller({ store: deps.store, client: app.client, log });
  const server = await startApp(app, config);
  const port = server ? (server.address() as AddressInfo).port : config.port;
  log.info('listening', { event: 'start', mode: config.mode.kind, port });
  return {
    ok: true,
    app,
    port,
    log,
    /** Stops taking requests, lets the replies under way finish (up to the drain limit), then closes the store. */
    stop: async () => {
      inFlight.draining = true;
      const closing = app.stop().catch(() => undefined);
      const drained = await inFlight.drain(io.drainLimitMs ?? DRAIN_LIMIT_MS);
      if (!drained) log.warn('drain limit reached', { event: 'stop', outcome: `abandoned-${inFlight.size}` });
      await Promise.race([closing, new Promise((r) => setTimeout(r, 1000).unref())]);
      if (purge) clearInterval(purge);
      due?.stop();
      await store?.close();
      log.info('stopped', { event: 'stop', outcome: drained ? 'drained' : 'drain-limit' });
      return drained;
    },
  };
}

/** Retention runs at start-up and then hourly: inactive cases go, expired claims go. Never blocks shutdown. */
const PURGE_EVERY_MS = 60 * 60_000;
function scheduleRetention(store: Store, days: number, log: AppLogger): NodeJS.Timeout {
  const purge = async () => {
    try {
      const now = new Date();
      const purged = await store.cases.purgeInactive(retentionCutoff(now, days), now);
      await store.claims.prune(now);
      log.info('retention', { event: 'retention', outcome: `purged-${purged.length}` });
    } catch (error) {
      log.error('retention failed', { event: 'retention', outcome: 'error', code: (error as Error).name });
    }
  };
  void purge();
  const timer = setInterval(() => void purge(), PURGE_EVERY_MS);
  timer.unref();
  return timer;
}

const errorCode = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.name : typeof err;
};

/**
 * One request must never take the process down. A stray rejection is logged by code (never its message, which
 * can quote a body) and the app keeps serving; an uncaught exception may have left state half-changed, so the
 * app drains and exits 1 for the supervisor to restart it.
 */
export function installProcessHandlers(
  log: AppLogger,
  stop: (reason: string, exitCode: number) => void,
  target: Pick<NodeJS.Process, 'on'> = process,
): void {
  target.on('unhandledRejection', (reason: unknown) => {
    log.error('unhandled rejection', { event: 'process', outcome: 'kept-serving', code: errorCode(reason) });
  });
  target.on('uncaughtException', (err: unknown) => {
    log.error('uncaught exception', { event: 'process', outcome: 'restarting', code: errorCode(err) });
    stop('uncaughtException', 1);
  });
}

async function main(): Promise<void> {
  const started = await run({ env: process.env });
  if (!started.ok) process.exit(started.exitCode);
  let stopping = false;
  const stop = (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    started.log.info('stopping', { event: 'stop', outcome: reason });
    // The drain is bounded; this is the backstop should closing the store hang.
    setTimeout(() => process.exit(exitCode || 1), DRAIN_LIMIT_MS + 3000).unref();
    started.stop().then(
      () => process.exit(exitCode),
      () => process.exit(1),
    );
  };
  installProcessHandlers(started.log, stop);
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  main().catch((err: unknown) => {
    const code = err instanceof Error ? ((err as { code?: string }).code ?? err.name) : 'unknown';
    process.stderr.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'start failed', code })}\n`,
    );
    process.exit(1);
  });
}
