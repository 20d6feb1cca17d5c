/**
 * The baseline for `npm run bench:load`: a bare Bolt app in HTTP mode that verifies the signature (Bolt's own
 * check), acks `/hcc` and posts one fixed reply to the request's response_url. Nothing else: no gate, no
 * pipeline, no store. Started as a child process by bench/load.ts, on 127.0.0.1 only.
 */
import { App } from '@slack/bolt';

const env = process.env;
const app = new App({
  token: env.SLACK_BOT_TOKEN ?? 'xoxb-bench',
  signingSecret: env.SLACK_SIGNING_SECRET ?? '',
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  clientOptions: env.SLACK_API_URL ? { slackApiUrl: env.SLACK_API_URL } : {},
});

app.command('/hcc', async ({ ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', replace_original: false, text: 'HCC MDT: fixed reply.' });
});

await app.start({ port: Number(env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void app.stop().finally(() => process.exit(0));
});
