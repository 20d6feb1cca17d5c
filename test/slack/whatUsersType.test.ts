import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { aboutView } from '../../src/render/about.js';
import { renderHelpMessage } from '../../src/render/help.js';
import { INVITE_HINT } from '../../src/slack/deliver.js';

/**
 * What people are told to type (the @mention, the slash commands, the shortcut's name) agrees with the manifest
 * that defines them: Slack requires a lower-case bot display name, so the mention is `@hcc-mdt`, and every place
 * that tells a user how to reach the app says so.
 */

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const manifest = parse(read('manifest.yml')) as {
  display_information: { long_description: string };
  features: {
    bot_user: { display_name: string };
    slash_commands: { command: string }[];
    shortcuts: { name: string }[];
  };
};
const handle = `@${manifest.features.bot_user.display_name}`;
const commands = new Set(manifest.features.slash_commands.map((c) => c.command));
const shortcutNames = manifest.features.shortcuts.map((s) => s.name);

const textsOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(textsOf)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(textsOf)
        : [];

const SOURCES: Record<string, string> = {
  'README.md': read('README.md'),
  ...Object.fromEntries(
    readdirSync(new URL('docs/', root))
      .filter((f) => f.endsWith('.md'))
      .map((f) => [`docs/${f}`, read(`docs/${f}`)]),
  ),
  'manifest.yml long_description': manifest.display_information.long_description,
  'help text': textsOf(renderHelpMessage({ withFormButton: true })).join('\n'),
  'App Home About tab': textsOf(aboutView({ version: '0.0.0', reviewed: '2026-01-01' })).join('\n'),
  'invite hint': INVITE_HINT,
};

/** `@name` tokens that address someone (not npm scopes such as `@slack/bolt`, not the verb "@mention"). */
const mentions = (text: string) =>
  [...text.matchAll(/(?<![\w/])@([\w.-]+)(?![\w/])/g)].map((m) => m[0]).filter((m) => !/^@mention/i.test(m));

/** Slash commands a user is told to type: a code span or quoted text starting with `/word`. */
const slashCommands = (text: string) =>
  [...text.matchAll(/(?:`|^|\s)(\/[a-z][a-z0-9_-]*)(?=[\s`]|$)/gm)].map((m) => m[1] as string);

describe('what users are told to type', () => {
  it('the bot display name is lower case, as Slack requires, and is the handle everywhere', () => {
    expect(handle).toBe('@hcc-mdt');
    for (const [where, text] of Object.entries(SOURCES)) {
      expect({ where, mentions: mentions(text).filter((m) => m !== handle) }).toEqual({
        where,
        mentions: [],
      });
    }
  });

  it('the README, the setup guide, help and About each tell users the handle', () => {
    for (const where of ['README.md', 'docs/slack-setup.md', 'help text', 'App Home About tab']) {
      expect({ where, has: SOURCES[where]?.includes(handle) }).toEqual({ where, has: true });
    }
  });

  it('every slash command they are told to type is one the manifest declares (or Slack’s own /invite)', () => {
    const userFacing = ['README.md', 'docs/slack-setup.md', 'help text', 'App Home About tab', 'invite hint'];
    for (const where of userFacing) {
      const typed = slashCommands(SOURCES[where] ?? '').filter(
        (c) => !['/invite', '/healthz', '/readyz', '/slack'].includes(c),
      );
      expect({ where, unknown: typed.filter((c) => !commands.has(c)) }).toEqual({ where, unknown: [] });
    }
    expect(commands).toEqual(new Set(['/hcc']));
    expect(SOURCES['help text']).toContain('/hcc stage');
  });

  it('the message shortcut is called by the name the manifest gives it', () => {
    for (const [where, text] of Object.entries(SOURCES)) {
      for (const m of text.matchAll(/Assess with ([^*"'`.,\n]+)/g)) {
        expect({ where, name: `Assess with ${m[1]?.trim()}` }).toEqual({
          where,
          name: expect.toBeOneOf(shortcutNames),
        });
      }
    }
  });
});
