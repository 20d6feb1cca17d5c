import { LogLevel, type RetryOptions, WebClient } from '@slack/web-api';
import type { Config } from './config.js';

/**
 * Checks the bot token with `auth.test` before the app starts. Bolt would otherwise make the same call from its
 * constructor, and a rejected token or an unreachable Web API would surface later as an unhandled rejection with
 * a stack trace. Checking here turns both into one readable start-up message, and the ids it returns let Bolt
 * skip its own call.
 */

export type TokenCheck = { ok: true; botId: string; botUserId: string } | { ok: false; message: string };

export async function checkBotToken(config: Config, retryConfig: RetryOptions): Promise<TokenCheck> {
  const client = new WebClient(config.botToken, {
    ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {}),
    retryConfig,
    // Never Node's 300-second wait for headers: an unreachable API should fail the start visibly and soon.
    timeout: 5000,
    // The outcome is reported in the start-up message; the SDK's own console lines would only repeat it.
    logLevel: LogLevel.ERROR,
  });
  const where = config.slackApiUrl ?? "Slack's Web API";
  try {
    const r = await client.auth.test();
    if (typeof r.bot_id === 'string' && typeof r.user_id === 'string') {
      return { ok: true, botId: r.bot_id, botUserId: r.user_id };
    }
    return { ok: false, message: 'SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot id)' };
  } catch (err) {
    const e = err as { code?: string; data?: { error?: string } };
    if (e.code === 'slack_webapi_platform_error') {
      return {
        ok: false,
        message: `SLACK_BOT_TOKEN was rejected by Slack (${e.data?.error ?? 'unknown error'})`,
      };
    }
    return {
      ok: false,
      message: `${where} could not be reached to check SLACK_BOT_TOKEN (${e.code ?? 'unknown'})`,
    };
  }
}
