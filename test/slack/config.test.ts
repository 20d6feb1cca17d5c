import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/slack/config.js';

const HTTP = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'sekrit-value' };

describe('loadConfig', () => {
  it('HTTP mode with defaults', () => {
    expect(loadConfig(HTTP)).toEqual({
      ok: true,
      config: {
        botToken: 'xoxb-1-2-abc',
        mode: { kind: 'http', signingSecret: 'sekrit-value' },
        port: 3000,
        slackApiUrl: undefined,
        units: undefined,
        logLevel: 'info',
        fhirBaseUrl: 'https://hcc-mdt.invalid/fhir',
        host: '0.0.0.0',
      },
    });
  });

  it('SLACK_APP_TOKEN selects Socket Mode (no signing secret needed); every option read', () => {
    const r = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1-A1-xyz',
      PORT: '8080',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      HCC_MDT_UNITS: 'US',
      HCC_MDT_FHIR_BASE_URL: 'https://mdt.hospital.example/fhir',
      LOG_LEVEL: 'debug',
    });
    expect(r).toEqual({
      ok: true,
      config: {
        botToken: 'xoxb-1',
        mode: { kind: 'socket', appToken: 'xapp-1-A1-xyz' },
        port: 8080,
        slackApiUrl: 'http://127.0.0.1:9999/api/',
        units: 'us',
        logLevel: 'debug',
        fhirBaseUrl: 'https://mdt.hospital.example/fhir',
        host: '0.0.0.0',
      },
    });
  });

  it('empty strings count as unset', () => {
    const r = loadConfig({ ...HTTP, PORT: '', HCC_MDT_UNITS: '', LOG_LEVEL: '', SLACK_APP_TOKEN: '' });
    expect(r.ok && r.config.port === 3000 && r.config.mode.kind === 'http').toBe(true);
  });

  it('nothing set → one message naming the token and the signing secret', () => {
    const r = loadConfig({});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/SLACK_BOT_TOKEN is required/);
    expect(r.message).toMatch(/SLACK_SIGNING_SECRET is required in HTTP mode/);
  });

  it('every malformed setting is listed in ONE message, without any secret value', () => {
    const r = loadConfig({
      SLACK_BOT_TOKEN: 'xoxp-user-token-SECRET1',
      SLACK_APP_TOKEN: 'wrong-SECRET2',
      PORT: 'eighty',
      SLACK_API_URL: 'not a url',
      HCC_MDT_UNITS: 'metric',
      LOG_LEVEL: 'verbose',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.message.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines).toHaveLength(6);
    for (const name of [
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'PORT',
      'SLACK_API_URL',
      'HCC_MDT_UNITS',
      'LOG_LEVEL',
    ]) {
      expect(r.message).toContain(name);
    }
    expect(r.message).not.toMatch(/SECRET1|SECRET2|eighty|metric|verbose|not a url/);
  });

  it('rejects a port out of range', () => {
    const r = loadConfig({ ...HTTP, PORT: '70000' });
    expect(r.ok).toBe(false);
  });
});
