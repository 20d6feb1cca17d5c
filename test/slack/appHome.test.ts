import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../src/render/limits.js';
import { APP_VERSION, appHomeOpened } from '../../src/slack/appHome.js';
import type { ListenerDeps } from '../../src/slack/deps.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function run(tab: string) {
  const published: { user_id: string; view: { type: string; blocks: unknown[] } }[] = [];
  const lines: unknown[] = [];
  const log = { info: (...a: unknown[]) => lines.push(a), warn: (...a: unknown[]) => lines.push(a) };
  const deps = { log } as unknown as ListenerDeps;
  const client = { views: { publish: async (a: (typeof published)[number]) => published.push(a) } };
  const args = { event: { type: 'app_home_opened', user: 'U1', tab, channel: 'D1' }, client } as never;
  return appHomeOpened(deps)(args).then(() => ({ published, lines }));
}

describe('App Home', () => {
  it('publishes the About tab to the person who opened it', async () => {
    const { published } = await run('home');
    expect(published).toHaveLength(1);
    expect(published[0]?.user_id).toBe('U1');
    const view = published[0]!.view;
    expect(view.type).toBe('home');
    expect(blockKitViolations({ text: 'About', blocks: view.blocks as never }, { maxBlocks: 100 })).toEqual(
      [],
    );
    const text = JSON.stringify(view.blocks);
    for (const s of [
      'not a medical device',
      'Privacy',
      'never logs what you type',
      '/hcc stage',
      'Evidence reviewed 20',
    ])
      expect(text).toContain(s);
    expect(text).toContain(`Version ${pkg.version}`);
  });

  it('ignores the Messages tab', async () => {
    expect((await run('messages')).published).toHaveLength(0);
  });

  it('shows the version package.json gives', () => {
    expect(APP_VERSION).toBe(pkg.version);
  });
});
