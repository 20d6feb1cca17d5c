import type { Server } from 'node:http';
import { type AnyMiddlewareArgs, App, type CustomRoute, HTTPReceiver, type Middleware } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import { MemoryClaims } from '../store/claims.js';
import { type ActionClaims, actionClaims } from './actionClaims.js';
import { register as registerActions } from './actions/index.js';
import type { CaseStoreDeps } from './caseThread.js';
import { register as registerCommands } from './commands/index.js';
import type { Config } from './config.js';
import { register as registerDecisions } from './decisions/listeners.js';
import { MembershipCache } from './decisions/membership.js';
import { SeenIds } from './dedupe.js';
import { classify } from './deliver.js';
import type { ListenerDeps } from './deps.js';
import { register as registerEvents } from './events/index.js';
import { InFlight } from './inFlight.js';
import { type AppLogger, createLogger } from './log.js';
import { BODY_LIMIT_BYTES, gateRequests, type ReplayCache } from './requestGate.js';
import { routeByIds } from './router.js';
import type { Services } from './services.js';
import { register as registerShortcuts } from './shortcuts/index.js';
import { CALL_TIMEOUT_MS, timedFetch } from './timedFetch.js';
import { register as registerViews } from './views/index.js';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';

/**
 * Production retry policy for Web API calls: a few quick retries on 5xx and network errors (about 10 s in all),
 * never the SDK default of ten retries over half an hour, since a person is waiting for the reply. Rate limits
 * are not retried by the SDK (`rejectRateLimitedCalls`); `deliver.ts` waits out a short Retry-After once.
 */
export const PRODUCTION_RETRY: RetryOptions = {
  retries: 1,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 1000,
  randomize: true,
};

/**
 * Each Web API attempt, each `respond()` to a response_url and each upload gives up after CALL_TIMEOUT_MS (the
 * SDK's default is no limit, and Node's fetch waits 300 s for headers). Two attempts and the back-off fit inside
 * the delivery deadline in `deliver.ts`.
 */
export { CALL_TIMEOUT_MS };

export interface AppDeps {
  /** The pipeline and renderers: `main.ts` passes the real modules (`defaultServices`), tests pass fakes. */
  services: Services;
  logger?: AppLogger;
  /** Web API retry policy; tests pass `{ retries: 0 }`. */
  retryConfig?: RetryOptions;
  /** Known bot ids skip the `auth.test` call Bolt otherwise makes at start-up (tests). */
  botId?: string;
  botUserId?: string;
  /** Longest Retry-After (s) waited out before a rate limit is explained to the user. Default 5. */
  maxRateLimitWaitSeconds?: number;
  /** Capacity of the event_id LRU used to drop redelivered events. */
  dedupeCapacity?: number;
  /**
   * The case store. With it, a thread is a case, events are deduplicated through its claims (shared by every
   * replica on PostgreSQL) and /readyz checks it. Without it, every door is stateless.
   */
  store?: CaseStoreDeps;
  /** Counts listener work still running, for the drain on SIGTERM and for /readyz. Default: a fresh one. */
  inFlight?: InFlight;
  /** Once-only claims for Share and the other buttons that post; default the store's claims, else memory. */
  actionClaims?: ActionClaims;
  /** Deadline of each outbound HTTP attempt (Web API, response_url, upload); default CALL_TIMEOUT_MS. */
  callTimeoutMs?: number;
}

const healthRoute: CustomRoute = {
  path: HEALTH_PATH,
  method: ['GET'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  },
};

/** Ready when the store answers: a replica whose database is unreachable takes no traffic. */
const readyRoute = (store: CaseStoreDeps | undefined, inFlight: InFlight): CustomRoute => ({
  path: READY_PATH,
  method: ['GET'],
  handler: (_req, res) => {
    const reply = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(text);
    };
    if (inFlight.draining) return reply(503, 'draining');
    if (!store) return reply(200, 'ok (no store)');
    store.ping().then(
      () => reply(200, 'ok'),
      () => reply(503, 'store unavailable'),
    );
  },
});

/** How long an event_id claim lasts: Slack retries within minutes; an hour leaves a wide margin. */
const EVENT_CLAIM_MS = 60 * 60_000;

/** First time this event_id is seen, in this process (SeenIds) or across replicas (the store's claims). */
type EventGate = (eventId: string) => Promise<boolean>;

/** Drops an Events API delivery whose event_id was already handled (Slack retries, `X-Slack-Retry-Num`). */
function dedupeEvents(firstTime: EventGate, log: AppLogger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const b = body as { type?: unknown; event_id?: unknown; team_id?: unknown };
    if (b.type === 'event_callback' && typeof b.event_id === 'string') {
      if (!(await firstTime(b.event_id))) {
        log.info('duplicate event dropped', {
          event: 'event_callback',
          outcome: 'duplicate',
          eventId: b.event_id,
          retryNum: context.retryNum,
          team: typeof b.team_id === 'string' ? b.team_id : undefined,
        });
        return;
      }
    }
    await next();
  };
}

/**
 * The HTTP receiver: Bolt's, with the request gate in front of the events path (see requestGate.ts), a body
 * limit, and an unmatched payload (a stale button, an unknown callback) acked empty instead of a 404 after 3 s.
 */
function httpReceiver(
  signingSecret: string,
  customRoutes: CustomRoute[],
  log: AppLogger,
  claims: ReplayCache | undefined,
): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret,
    endpoints: EVENTS_PATH,
    customRoutes,
    logger: log.bolt,
    bodyLimit: BODY_LIMIT_BYTES,
    // The request gate in front has verified the signature (both ways in time, and once only), for every request
    // that Bolt routes to the events path; verifying it a second time here only costs another HMAC.
    signatureVerification: false,
    unhandledRequestHandler: ({ response }) => {
      log.info('unmatched payload acked', { event: 'http', outcome: 'unmatched' });
      if (!response.headersSent) {
        response.writeHead(200);
        response.end();
      }
    },
  });
  receiver.requestListener = gateRequests(receiver.requestListener, {
    signingSecret,
    path: EVENTS_PATH,
    replay: claims ?? new MemoryClaims(),
    log,
  });
  return receiver;
}

/** Builds the Bolt app: receiver by mode, Web API client options, the logger, and every listener. */
export function createApp(config: Config, deps: AppDeps): App {
  const log = deps.logger ?? createLogger({ level: config.logLevel });
  const inFlight = deps.inFlight ?? new InFlight();
  const callTimeoutMs = deps.callTimeoutMs ?? CALL_TIMEOUT_MS;
  const clientOptions = {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig: deps.retryConfig ?? PRODUCTION_RETRY,
    rejectRateLimitedCalls: true,
    timeout: callTimeoutMs,
    // Bolt's respond() posts to the response_url with this fetch, so it has the same deadline as the Web API.
    fetch: timedFetch(callTimeoutMs),
  };
  const customRoutes = [healthRoute, readyRoute(deps.store, inFlight)];
  const common = {
    token: config.botToken,
    // Bolt's conversation store keeps per-conversation state the app never reads; it is work on every request.
    convoStore: false as const,
    logger: log.bolt,
    clientOptions,
    customRoutes,
    developerMode: false,
    ...(deps.botId ? { botId: deps.botId } : {}),
    ...(deps.botUserId ? { botUserId: deps.botUserId } : {}),
  };
  const app =
    config.mode.kind === 'socket'
      ? new App({
          ...common,
          socketMode: true,
          appToken: config.mode.appToken,
          // Socket Mode serves custom routes (the health check) on a side HTTP server at this port.
          // Its WebSocket client makes its own Web API call (apps.connections.open): same base URL and retries.
          installerOptions: { port: config.port, clientOptions },
        })
      : new App({
          ...common,
          receiver: httpReceiver(config.mode.signingSecret, customRoutes, log, deps.store?.claims),
        });

  const listenerDeps: ListenerDeps = {
    services: deps.services,
    log,
    units: config.units,
    fhirBaseUrl: config.fhirBaseUrl,
    maxRateLimitWaitSeconds: deps.maxRateLimitWaitSeconds ?? 5,
    store: deps.store,
    actionClaims: deps.actionClaims ?? actionClaims(deps.store?.claims ?? new MemoryClaims()),
    membership: new MembershipCache(),
  };
  const seen = new SeenIds(deps.dedupeCapacity ?? 1000);
  const store = deps.store;
  const firstTime: EventGate = store
    ? (id) => store.claims.claim('event', id, new Date(Date.now() + EVENT_CLAIM_MS))
    : async (id) => seen.firstTime(id);
  app.use(inFlight.middleware());
  app.use(dedupeEvents(firstTime, log));
  registerCommands(app, listenerDeps);
  registerEvents(app, listenerDeps);
  registerShortcuts(app, listenerDeps);
  const routes = routeByIds(app, log);
  registerViews(routes, listenerDeps);
  registerActions(routes, listenerDeps);
  registerDecisions(routes, listenerDeps);

  app.error(async (error) => {
    // The code only: error messages and `data` can carry request or response bodies.
    log.error('unhandled error', {
      event: 'error',
      code: classify((error as { original?: unknown }).original ?? error).code,
    });
  });
  return app;
}

/** Starts the app; HTTP mode returns the listening server (the port is on `server.address()`). */
export async function startApp(app: App, config: Config, host?: string): Promise<Server | undefined> {
  if (config.mode.kind === 'socket') {
    await app.start();
    return undefined;
  }
  const listenOn = host ?? config.host;
  return (await app.start({ port: config.port, ...(listenOn ? { host: listenOn } : {}) })) as Server;
}
