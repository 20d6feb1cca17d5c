import { describe, expect, it } from 'vitest';
import { PRIVACY_TEXT } from '../../src/render/privacy.js';
import type { Answer } from '../../src/slack/answer.js';
import { REMOVED, screenAnswer, typedInView } from '../../src/slack/identifierScreen.js';

const msg = (text: string) => ({
  text,
  blocks: [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text } }],
});
const result = (text: string): Answer => ({ kind: 'result', message: msg(text), notices: [], outcome: 'x' });

describe('screenAnswer', () => {
  it('leaves an answer alone when nothing typed looks like an identifier', () => {
    const reply = result('BCLC A for bili 34');
    expect(screenAnswer(reply, 'bili 34 alb 31')).toBe(reply);
  });

  it('replaces the words and digits of an identifier however they come back, and adds the notice once', () => {
    const reply = result('Mr `John Smith`, born 12-03-1961, NHS 9434765919; DOB stays a word; Child-Pugh A');
    const out = screenAnswer(reply, 'stage Mr John Smith DOB 12/03/1961 NHS 943 476 5919 bili 34');
    if (out.kind !== 'result') throw new Error('kind');
    const text = JSON.stringify(out.message);
    for (const s of ['John', 'Smith', '1961', '9434765919']) expect(text).not.toContain(s);
    expect(text).toContain(REMOVED);
    expect(text).toContain('DOB stays a word');
    expect(text).toContain('Child-Pugh A');
    expect(out.notices.map((n) => n.text)).toEqual([PRIVACY_TEXT]);
    const again = screenAnswer(out, 'Mr John Smith');
    expect(again.kind === 'result' && again.notices.length).toBe(1);
  });

  it('puts the notice first in a private answer that had none', () => {
    const out = screenAnswer(
      { kind: 'private', message: msg('Not understood: Smith'), outcome: 'x' },
      'Mrs Ada Smith',
    );
    expect(out.kind === 'private' && out.message.text).toBe(PRIVACY_TEXT);
    expect(JSON.stringify(out)).not.toContain('Smith');
  });
});

describe('typedInView', () => {
  it('collects every text value of a view state', () => {
    const values = { a: { value: { type: 'plain_text_input', value: '34' } }, b: { c: { value: 'x y' } } };
    expect(typedInView(values)).toBe('34\nx y');
  });
});
