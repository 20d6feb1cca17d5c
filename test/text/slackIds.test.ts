import { describe, expect, it } from 'vitest';
import { ActorSchema } from '../../src/cases/values.js';
import { mention } from '../../src/render/mrkdwn.js';
import { isSlackUserId } from '../../src/text/slackIds.js';

describe('Slack user IDs', () => {
  it('accepts what Slack sends, whatever its length', () => {
    for (const id of ['U1', 'U0123ABCD', 'W012ABCDEF9', 'U0ALICE']) expect(isSlackUserId(id), id).toBe(true);
  });

  it('refuses anything that is not one', () => {
    for (const id of [
      'U',
      'u0123abcd',
      'C0123ABCD',
      'Mr Smith',
      'U0123 ABCD',
      'U0123-ABC',
      '',
      `U${'A'.repeat(31)}`,
    ])
      expect(isSlackUserId(id), id).toBe(false);
  });

  it('is the one rule for who stated a value and for a mention', () => {
    expect(ActorSchema.safeParse('U1').success).toBe(true);
    expect(ActorSchema.safeParse('cli').success).toBe(true);
    expect(ActorSchema.safeParse('Dr Jones').success).toBe(false);
    expect(mention('U1')).toBe('<@U1>');
    expect(mention('Dr Jones')).toBeNull();
  });
});
