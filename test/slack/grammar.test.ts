import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/slack/grammar.js';

describe('parseRequest: one grammar for every door', () => {
  it.each([
    ['stage bili 34', 'stage', 'bili 34'],
    ['assess bili 34', 'stage', 'bili 34'],
    ['STAGE: bili 34', 'stage', 'bili 34'],
    ['cp bili 34', 'childpugh', 'bili 34'],
    ['childpugh bili 34', 'childpugh', 'bili 34'],
    ['albi alb 31', 'albi', 'alb 31'],
    ['meld cr 1.2', 'meld', 'cr 1.2'],
    ['bclc x', 'bclc', 'x'],
    ['transplant 3 lesions', 'transplant', '3 lesions'],
    ['mrecist baseline 50', 'mrecist', 'baseline 50'],
    ['refs TACE', 'refs', 'TACE'],
    ['form', 'form', ''],
    ['meetings', 'meetings', ''],
    ['meetings weekly thursday 08:00', 'meetings', 'weekly thursday 08:00'],
    ['meeting 2026-12-03 08:00', 'meetings', '2026-12-03 08:00'],
    ['agenda', 'agenda', ''],
    ['agenda 2026-12-10', 'agenda', '2026-12-10'],
    ['settings', 'settings', ''],
    ['settings self-sign-off on', 'settings', 'self-sign-off on'],
    ['setting reminder-hour 9', 'settings', 'reminder-hour 9'],
    ['help', 'help', ''],
    ['', 'help', ''],
    ['   ', 'help', ''],
  ])('%j → %s', (text, action, rest) => {
    expect(parseRequest(text)).toEqual({ action, rest });
  });

  it('suggests agenda and meetings for near misses', () => {
    expect(parseRequest('agneda')).toMatchObject({ action: 'unknown', suggestion: 'agenda' });
    expect(parseRequest('meetngs weekly')).toMatchObject({ action: 'unknown', suggestion: 'meetings' });
    expect(parseRequest('setings self-sign-off on')).toMatchObject({
      action: 'unknown',
      suggestion: 'settings',
    });
  });

  it('a case opening with a word near `settings` is still a case', () => {
    const text = 'Getting worse: bili 34 umol/L alb 31 g/L, 3 lesions largest 4.2 cm';
    expect(parseRequest(`<@U0APP> ${text}`)).toEqual({ action: 'stage', rest: text });
  });

  it('strips the mention prefix, with or without a name', () => {
    expect(parseRequest('<@U0BOT> stage bili 34')).toEqual({ action: 'stage', rest: 'bili 34' });
    expect(parseRequest('<@U0BOT|hcc-mdt>   help')).toEqual({ action: 'help', rest: '' });
    expect(parseRequest('<@U0BOT>')).toEqual({ action: 'help', rest: '' });
  });

  it('reads free text that starts with a lab or tumour word as stage, whole', () => {
    expect(parseRequest('<@U0BOT> bili 34 alb 31')).toEqual({ action: 'stage', rest: 'bili 34 alb 31' });
    expect(parseRequest('bili34 alb31')).toEqual({ action: 'stage', rest: 'bili34 alb31' });
    expect(parseRequest('3 lesions largest 4.2cm')).toEqual({
      action: 'stage',
      rest: '3 lesions largest 4.2cm',
    });
  });

  it('an unknown subcommand is `unknown`, keeping the word for the note', () => {
    expect(parseRequest('frobnicate the liver')).toEqual({
      action: 'unknown',
      rest: 'the liver',
      word: 'frobnicate',
    });
  });

  it.each([
    'Case 3: 62M, bili 15 umol/L, alb 38, INR 1.1, single 2.8 cm lesion',
    'post-TACE review: 3 lesions largest 5 cm, bili 1.0 mg/dL',
    'Mr Jones bili 20 umol/L alb 40 g/L',
    'MDT discussion please. Labs: Bil 18 / Alb 38 / INR 1.2',
  ])('a mention holding case words is read as a case, as the shortcut does: %s', (text) => {
    expect(parseRequest(`<@U0APP> ${text}`)).toEqual({ action: 'stage', rest: text });
  });

  it.each([
    ['staging bili 34 umol/L', 'stage'],
    ['asses bili 34 umol/L', 'assess'],
    ['mreicst baseline 52 nadir 30 now 37', 'mrecist'],
    ['trasnplant bili 1', 'transplant'],
    ['halp', 'help'],
  ])('a mistyped subcommand gets a suggestion: %s', (text, suggestion) => {
    const r = parseRequest(text);
    expect(r.action).toBe('unknown');
    expect(r.suggestion).toBe(suggestion);
  });

  it('short words and words far from any subcommand get no suggestion', () => {
    expect(parseRequest('from the clinic').suggestion).toBeUndefined();
    expect(parseRequest('hello there').suggestion).toBeUndefined();
  });

  it('never throws, and rest is always trimmed', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseRequest(s);
        expect(r.rest).toBe(r.rest.trim());
      }),
    );
  });
});
