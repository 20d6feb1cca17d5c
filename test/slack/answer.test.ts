import { describe, expect, it } from 'vitest';
import { answer, isAnswerable } from '../../src/slack/answer.js';
import { defaultServices } from '../../src/slack/defaultServices.js';
import { parseRequest } from '../../src/slack/grammar.js';

describe('answer: the channel commands outside /hcc', () => {
  it.each(['agenda', 'meetings weekly thursday 08:00', 'settings self-sign-off on'])(
    '%j after a mention or on the shortcut points to the slash command, privately',
    (text) => {
      const request = parseRequest(`<@U0BOT> ${text}`);
      if (!isAnswerable(request)) throw new Error('fixture');
      const reply = answer(request, defaultServices, { units: 'si', shareable: false });
      expect(reply.kind).toBe('private');
      expect(JSON.stringify(reply.message.blocks)).toContain(
        `works as a slash command in the MDT channel: \`/hcc ${request.action}\``,
      );
      // Help follows, naming both.
      expect(JSON.stringify(reply.message.blocks)).toContain('/hcc agenda [YYYY-MM-DD]');
    },
  );
});
