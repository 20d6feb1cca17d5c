import { z } from 'zod';
import { DEFAULT_BASE_URL, ExportOptionsSchema } from '../fhir/context.js';
import type { UnitSystem } from '../parse/parseResult.js';

/**
 * Start-up configuration, read once from the environment and validated with zod. Every problem is collected
 * into ONE message so an operator fixes them in one go. Messages name variables, never their values.
 */

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export type SlackMode = { kind: 'socket'; appToken: string } | { kind: 'http'; signingSecret: string };

export interface Config {
  botToken: string;
  mode: SlackMode;
  /** HTTP mode: the port for /slack/events and /healthz. Socket Mode: the port for /healthz. */
  port: number;
  /** Web API base URL override (GovSlack, proxies, tests); undefined means Slack's default. */
  slackApiUrl: string | undefined;
  /** The team's unit system for ambiguous bare numbers; undefined means "ask". */
  units: UnitSystem | undefined;
  logLevel: LogLevelName;
  /** The installation's FHIR base URL: fullUrls and the Patient identifier system of exported bundles. */
  fhirBaseUrl?: string;
  /** HTTP mode: the interface to listen on (HOST). Default 0.0.0.0, all interfaces, as a container needs. */
  host?: string;
}

/** Empty strings count as unset: `PORT= npm start` should mean "default", not "invalid". */
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: 'is required (the bot token, xoxb-…)' })
      .regex(/^xoxb-\S+$/, 'must be a bot token starting with "xoxb-"'),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^xapp-\S+$/, 'must be an app-level token starting with "xapp-"')
      .optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
      .transform(Number)
      .pipe(z.number().int().min(0, 'must be from 0 to 65535').max(65535, 'must be from 0 to 65535'))
      .optional(),
  ),
  SLACK_API_URL: optionalText.pipe(
    z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL, e.g. https://slack.com/api/')
      .optional(),
  ),
  HOST: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be an address or host name, e.g. 127.0.0.1 or 0.0.0.0')
      .optional(),
  ),
  // HCC_MDT_UNITS and LOG_LEVEL are checked by hand below, so their messages read the same as the others.
  HCC_MDT_UNITS: optionalText,
  LOG_LEVEL: optionalText,
  HCC_MDT_FHIR_BASE_URL: optionalText.pipe(ExportOptionsSchema.shape.baseUrl.optional()),
});

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/** Reads and validates the configuration; on failure, one message listing every problem (no secret values). */
export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const problems: string[] = [];
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || '(environment)'} ${issue.message}`);
    }
  }
  // Checked by hand (not in the schema) so it is reported even when other variables are malformed.
  const blank = (v: string | undefined) => v === undefined || v.trim() === '';
  if (blank(env.SLACK_APP_TOKEN) && blank(env.SLACK_SIGNING_SECRET)) {
    problems.push(
      'SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode)',
    );
  }
  const units = env.HCC_MDT_UNITS?.trim().toLowerCase();
  if (units && units !== 'us' && units !== 'si') {
    problems.push('HCC_MDT_UNITS must be "us" or "si" (or unset to ask when a bare number is ambiguous)');
  }
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  if (level && !(LOG_LEVELS as readonly string[]).includes(level)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  if (problems.length > 0 || !parsed.success) {
    return {
      ok: false,
      message: `HCC MDT cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    };
  }
  const e = parsed.data;
  const mode: SlackMode = e.SLACK_APP_TOKEN
    ? { kind: 'socket', appToken: e.SLACK_APP_TOKEN }
    : { kind: 'http', signingSecret: e.SLACK_SIGNING_SECRET as string };
  return {
    ok: true,
    config: {
      botToken: e.SLACK_BOT_TOKEN,
      mode,
      port: e.PORT ?? 3000,
      slackApiUrl: e.SLACK_API_URL,
      units: units === 'us' || units === 'si' ? units : undefined,
      logLevel: (level as LogLevelName | undefined) ?? 'info',
      fhirBaseUrl: e.HCC_MDT_FHIR_BASE_URL ?? DEFAULT_BASE_URL,
      host: e.HOST ?? '0.0.0.0',
    },
  };
}
