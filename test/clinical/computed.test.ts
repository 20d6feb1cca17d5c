import { describe, expect, it } from 'vitest';
import { computed, notComputed } from '../../src/clinical/computed.js';
import { mergeNotes, note } from '../../src/clinical/scores.js';

describe('Computed helpers', () => {
  it('wraps a value with empty notes by default', () => {
    expect(computed(5)).toEqual({ ok: true, value: 5, assumptions: [], warnings: [] });
    expect(computed('A', { warnings: [note('bclc', 'w')] })).toEqual({
      ok: true,
      value: 'A',
      assumptions: [],
      warnings: [{ about: ['bclc'], fields: [], message: 'w' }],
    });
  });
  it('lists what is missing', () => {
    expect(notComputed(['inr'])).toEqual({ ok: false, missing: ['inr'] });
  });
});

describe('notes', () => {
  it('one message said by several scores is kept once and names each score, in first-seen order', () => {
    const merged = mergeNotes([
      note('bclc', 'flag assumed', ['infiltrative']),
      note('milan', 'other'),
      note(['milan', 'ucsf'], 'flag assumed', ['ecog']),
      note('bclc', 'flag assumed'),
    ]);
    expect(merged).toEqual([
      { about: ['bclc', 'milan', 'ucsf'], fields: ['infiltrative', 'ecog'], message: 'flag assumed' },
      { about: ['milan'], fields: [], message: 'other' },
    ]);
  });
});
