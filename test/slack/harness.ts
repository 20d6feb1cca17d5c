import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createApp, startApp } from '../../src/slack/app.js';
import type { CaseStoreDeps } from '../../src/slack/caseThread.js';
import type { Config, LogLevelName } from '../../src/slack/config.js';
import { defaultServices } from '../../src/slack/defaultServices.js';
import { createLogger } from '../../src/slack/log.js';
import type { Services } from '../../src/slack/services.js';
import { fakeServices } from './fakeServices.js';
import { FakeSlack } from './fakeSlack.js';
import { commandBody, interactiveBody, JSON_TYPE, postSigned, type SignedOptions } from './signed.js';

export const SECRET = 'test-signing-secret';
export const BOT_USER = 'U0BOT';

/** The real app on 127.0.0.1 (port 0), talking to a FakeSlack, with its log lines captured. */
export interface Harness {
  fake: FakeSlack;
  app: App;
  base: string;
  lines: string[];
  command(text: string, extra?: Record<string, string>, options?: SignedOptions): Promise<Response>;
  event(event: Record<string, unknown>, eventId: string, options?: SignedOptions): Promise<Response>;
  interact(payload: unknown, options?: SignedOptions): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(
  /** `services: 'real'` is what `main.ts` wires in: the real pipeline and renderers. */
  options: {
    services?: Services | 'real';
    logLevel?: LogLevelName;
    /** The case store (default: none, every door stateless). */
    store?: CaseStoreDeps;
    /** A FakeSlack shared with another instance (it is then not closed by this harness). */
    fake?: FakeSlack;
    /** Deadline of each outbound HTTP attempt (default: the app's). */
    callTimeoutMs?: number;
  } = {},
): Promise<Harness> {
  const shared = options.fake;
  const fake = shared ?? new FakeSlack();
  if (!shared) await fake.start();
  const lines: string[] = [];
  const logLevel = options.logLevel ?? 'debug';
  const config: Config = {
    botToken: 'xoxb-test-token',
    mode: { kind: 'http', signingSecret: SECRET },
    port: 0,
    slackApiUrl: fake.apiUrl,
    units: 'si',
    logLevel,
  };
  const app = createApp(config, {
    services: options.services === 'real' ? defaultServices : (options.services ?? fakeServices()),
    logger: createLogger({ level: logLevel, write: (line) => lines.push(line) }),
    retryConfig: { retries: 0 },
    botId: 'B0BOT',
    botUserId: BOT_USER,
    maxRateLimitWaitSeconds: 1,
    ...(options.store ? { store: options.store } : {}),
    ...(options.callTimeoutMs ? { callTimeoutMs: options.callTimeoutMs } : {}),
  });
  const server = await startApp(app, config, '127.0.0.1');
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const url = `${base}/slack/events`;
  let n = 0;
  return {
    fake,
    app,
    base,
    lines,
    command: (text, extra = {}, opts) =>
      postSigned(
        url,
        SECRET,
        commandBody({
          token: 'verification-token',
          command: '/hcc',
          text,
          team_id: 'T1',
          team_domain: 'mdt',
          channel_id: 'C1',
          channel_name: 'liver-mdt',
          user_id: 'U1',
          user_name: 'someone',
          api_app_id: 'A1',
          response_url: fake.respondUrl(`cmd-${++n}`),
          trigger_id: `trigger-${n}`,
          ...extra,
        }),
        opts,
      ),
    event: (event, eventId, opts) =>
      postSigned(
        url,
        SECRET,
        JSON.stringify({
          token: 'verification-token',
          team_id: 'T1',
          api_app_id: 'A1',
          type: 'event_callback',
          event_id: eventId,
          event_time: Math.floor(Date.now() / 1000),
          event: { event_ts: event.ts, ...event },
          authorizations: [{ team_id: 'T1', user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
        }),
        { contentType: JSON_TYPE, ...opts },
      ),
    interact: (payload, opts) => postSigned(url, SECRET, interactiveBody(payload), opts),
    close: async () => {
      await app.stop();
      if (!shared) await fake.close();
    },
  };
}

let pressed = 300;

/** A block_actions payload for a button press. */
export function buttonPress(
  fake: FakeSlack,
  actionId: string,
  value: string | undefined,
  where: { channel?: string; threadTs?: string; ephemeral?: boolean } = {},
  id = 'btn',
) {
  const channel = where.channel ?? 'C1';
  return {
    type: 'block_actions',
    user: { id: 'U02SHARER', username: 'sharer', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'verification-token',
    team: { id: 'T1', domain: 'mdt' },
    channel: { id: channel, name: 'liver-mdt' },
    container: {
      type: 'message',
      // Each ephemeral is its own message (Share acts once per message).
      message_ts: `1700000000.${String(++pressed).padStart(6, '0')}`,
      channel_id: channel,
      is_ephemeral: where.ephemeral ?? true,
      ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
    },
    trigger_id: 'trigger-btn',
    response_url: fake.respondUrl(id),
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'actions',
        text: { type: 'plain_text', text: 'x' },
        ...(value !== undefined ? { value } : {}),
        action_ts: '1700000000.1',
      },
    ],
  };
}

/** The text of every recorded outbound call, for "does X appear anywhere" assertions. */
export const everything = (fake: FakeSlack) => fake.calls.map((c) => c.raw).join('\n');

let views = 0;

/**
 * A view_submission payload for a modal, as Slack sends it. Each is a view of its own (the app acts once per
 * submitted view); send one payload twice for a double submit.
 */
export const viewSubmission = (
  callbackId: string,
  metadata: string,
  values: Record<string, unknown>,
  user = 'U1',
) => ({
  type: 'view_submission',
  team: { id: 'T1', domain: 'mdt' },
  user: { id: user, username: 'someone', team_id: 'T1' },
  api_app_id: 'A1',
  token: 'verification-token',
  trigger_id: 'trig-sub',
  view: {
    id: `V0VIEW${++views}`,
    type: 'modal',
    callback_id: callbackId,
    private_metadata: metadata,
    state: { values },
    hash: `1700000000.h${views}`,
    title: { type: 'plain_text', text: 'HCC MDT case' },
    blocks: [],
  },
});

/** The case form's submission, opened from `target` (channel, and thread when in one). */
export const caseFormSubmission = (
  values: Record<string, unknown>,
  target: Record<string, string>,
  user = 'U1',
) => viewSubmission('hcc_case_form', JSON.stringify(target), values, user);

/** A text input's and a static select's state in a submitted view. */
export const typed = (v: string) => ({ value: { type: 'plain_text_input', value: v } });
export const chosen = (v: string) => ({ choice: { type: 'static_select', selected_option: { value: v } } });

/**
 * One harness for a whole test file: started before its first test, closed after its last, with the fake Slack's
 * record emptied before each test. The returned object forwards to the harness once it is running.
 */
export function useHarness(options: Parameters<typeof startHarness>[0] = {}): Harness {
  let running: Harness | undefined;
  beforeAll(async () => {
    running = await startHarness(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  beforeEach(() => running?.fake.reset());
  return new Proxy({} as Harness, {
    get(_target, key) {
      if (!running) throw new Error('the harness is used outside a test (it starts in beforeAll)');
      const value = Reflect.get(running, key);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}
