import { readFileSync } from 'node:fs';
import type { AppsManifestValidateArguments } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { ACTIONS } from '../../src/slack/actions/index.js';
import { COMMANDS } from '../../src/slack/commands/index.js';
import { EVENTS } from '../../src/slack/events/index.js';
import { SHORTCUTS } from '../../src/slack/shortcuts/index.js';
import { VIEWS } from '../../src/slack/views/index.js';

type Manifest = AppsManifestValidateArguments['manifest'];

/**
 * A strict zod mirror of the parts of `Manifest` (@slack/web-api 8.2 `types/request/manifest.d.ts`) this app
 * uses, with the limits from its JSDoc. Strict objects: a misspelled key fails.
 */
/**
 * The SDK's scope and event unions are not exported; these runtime lists are subsets of them, which the
 * type-level check below proves (a value outside the SDK union fails `tsc`).
 */
const BotScopeSchema = z.enum([
  'app_mentions:read',
  'channels:read',
  'groups:read',
  'chat:write',
  'chat:write.public',
  'commands',
  'channels:history',
  'groups:history',
  'im:history',
  'im:write',
  'mpim:history',
  'files:write',
  'users:read',
]);
const BotEventSchema = z.enum([
  'app_mention',
  'app_home_opened',
  'message.channels',
  'message.groups',
  'message.im',
]);
const len = (max: number, min = 1) => z.string().min(min).max(max);
const ManifestSchema = z.strictObject({
  _metadata: z
    .strictObject({ major_version: z.number().int().min(1).max(2), minor_version: z.number().int() })
    .optional(),
  display_information: z.strictObject({
    name: len(35),
    description: len(140).optional(),
    long_description: len(4000, 174).optional(),
    background_color: z
      .string()
      .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i)
      .optional(),
  }),
  features: z
    .strictObject({
      app_home: z
        .strictObject({
          home_tab_enabled: z.boolean().optional(),
          messages_tab_enabled: z.boolean().optional(),
          messages_tab_read_only_enabled: z.boolean().optional(),
        })
        .optional(),
      bot_user: z
        .strictObject({
          display_name: z.string().regex(/^[a-z0-9._-]{1,80}$/),
          always_online: z.boolean().optional(),
        })
        .optional(),
      slash_commands: z
        .array(
          z.strictObject({
            command: z.string().regex(/^\/[^\s]{1,31}$/),
            description: len(2000),
            usage_hint: len(1000).optional(),
            should_escape: z.boolean().optional(),
            url: z.url().optional(),
          }),
        )
        .max(50)
        .optional(),
      shortcuts: z
        .array(
          z.strictObject({
            name: len(255),
            type: z.enum(['global', 'message']),
            callback_id: len(255),
            description: len(150),
          }),
        )
        .max(10)
        .optional(),
    })
    .optional(),
  oauth_config: z
    .strictObject({
      scopes: z.strictObject({ bot: z.array(BotScopeSchema).max(255).optional() }).optional(),
    })
    .optional(),
  settings: z
    .strictObject({
      event_subscriptions: z
        .strictObject({
          request_url: z.url().optional(),
          bot_events: z.array(BotEventSchema).max(100).optional(),
        })
        .optional(),
      interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: z.url().optional() }).optional(),
      org_deploy_enabled: z.boolean().optional(),
      socket_mode_enabled: z.boolean().optional(),
      token_rotation_enabled: z.boolean().optional(),
    })
    .optional(),
});

// Type-level check: anything the schema accepts is a `Manifest` as @slack/web-api types it. A schema key that
// the SDK type does not know, or a narrower/wider value type, fails `tsc`.
type Parsed = z.infer<typeof ManifestSchema>;
const asManifest = (m: Parsed): Manifest => m;

const manifest = ManifestSchema.parse(
  parse(readFileSync(new URL('../../manifest.yml', import.meta.url), 'utf8')),
);

describe('manifest.yml', () => {
  it('passes the manifest type and its documented limits', () => {
    expect(asManifest(manifest).display_information.name).toBe('HCC MDT');
  });

  it('declares exactly the slash commands the code registers', () => {
    expect((manifest.features?.slash_commands ?? []).map((c) => c.command).sort()).toEqual(
      [...COMMANDS].sort(),
    );
  });

  it('declares exactly the shortcuts the code registers (callback_id and type)', () => {
    const declared = (manifest.features?.shortcuts ?? []).map((s) => ({
      callback_id: s.callback_id,
      type: s.type,
    }));
    expect(declared).toEqual(SHORTCUTS.map((s) => ({ callback_id: s.callback_id, type: s.type })));
  });

  it('subscribes to exactly the events the code handles', () => {
    expect([...(manifest.settings?.event_subscriptions?.bot_events ?? [])].sort()).toEqual(
      [...EVENTS].sort(),
    );
  });

  it('has interactivity on, since the code handles buttons, a modal and a shortcut', () => {
    expect(ACTIONS.length + VIEWS.length + SHORTCUTS.length).toBeGreaterThan(0);
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it('asks for the minimal bot scopes and no history scope', () => {
    // channels:read / groups:read: conversations.members, so a case is shown only to its channel's members, and
    // the App Home worklist only from channels the person is in (no users:read, no users.conversations).
    // files:write: Export FHIR sends the bundle as a file in the presser's direct message with the app.
    expect([...(manifest.oauth_config?.scopes?.bot ?? [])].sort()).toEqual([
      'app_mentions:read',
      'channels:read',
      'chat:write',
      'commands',
      'files:write',
      'groups:read',
    ]);
  });

  it('names every /hcc subcommand in the usage hint, meetings, agenda and settings among them', () => {
    const hint = manifest.features?.slash_commands?.[0]?.usage_hint ?? '';
    for (const sub of ['albi', 'mrecist', 'refs', 'meetings', 'agenda', 'settings', 'form', 'help'])
      expect(hint).toContain(`| ${sub}`);
  });

  it('is installable as is for Socket Mode: no request URLs', () => {
    expect(manifest.settings?.socket_mode_enabled).toBe(true);
    expect(manifest.settings?.event_subscriptions?.request_url).toBeUndefined();
    expect(manifest.settings?.interactivity?.request_url).toBeUndefined();
    for (const c of manifest.features?.slash_commands ?? []) expect(c.url).toBeUndefined();
  });

  it('lets the app DM a user (last-resort delivery) without letting users write to it', () => {
    expect(manifest.features?.app_home).toMatchObject({
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: true,
    });
  });
});
