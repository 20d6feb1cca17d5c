import { describe, expect, it } from 'vitest';
import { allScores } from '../../../src/slack/actions/allScores.js';
import { listenerFakes, pressArgs } from '../listenerFakes.js';

describe('All scores', () => {
  it('shows the details view of the case the button carries, to the presser only', async () => {
    const f = listenerFakes();
    await allScores(f.deps)(pressArgs(f, JSON.stringify({ v: 1, input: { inr: 1.3 } })));
    expect(f.acks).toEqual([undefined]);
    expect(f.calls.map((c) => c.method)).toEqual(['respond']);
    expect(JSON.stringify(f.callsTo('respond')[0]?.blocks)).toContain('SUMMARY view=details');
    expect(f.handled()).toMatchObject({ event: 'all_scores', outcome: 'all-scores' });
  });

  it('says privately when the value cannot be read or assessed', async () => {
    for (const value of ['{]', JSON.stringify({ v: 1, input: { inr: 12 } })]) {
      const f = listenerFakes();
      await allScores(f.deps)(pressArgs(f, value));
      expect(f.texts()).toEqual([expect.stringMatching(/could not read that button/)]);
    }
  });
});
