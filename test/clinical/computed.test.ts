import { describe, expect, it } from 'vitest';
import { computed, notComputed } from '../../src/clinical/computed.js';

describe('Computed helpers', () => {
  it('wraps a value with empty notes by default', () => {
    expect(computed(5)).toEqual({ ok: true, value: 5, assumptions: [], warnings: [] });
    expect(computed('A', { warnings: ['w'] })).toEqual({
      ok: true,
      value: 'A',
      assumptions: [],
      warnings: ['w'],
    });
  });
  it('lists what is missing', () => {
    expect(notComputed(['inr'])).toEqual({ ok: false, missing: ['inr'] });
  });
});
