import { describe, expect, it } from 'vitest';
import { showEvidence } from '../../../src/slack/actions/showEvidence.js';
import { listenerFakes, pressArgs } from '../listenerFakes.js';

describe('Show evidence', () => {
  it('shows the evidence of the options the button names, to the presser only', async () => {
    const f = listenerFakes();
    await showEvidence(f.deps)(pressArgs(f, JSON.stringify({ stage: 'B', options: ['tace'] })));
    expect(f.calls.map((c) => c.method)).toEqual(['respond']);
    expect(f.texts()).toEqual(['EVIDENCE B tace']);
    expect(f.handled()).toMatchObject({ event: 'show_evidence', outcome: 'evidence' });
  });

  it('says privately when the value names no known option', async () => {
    const f = listenerFakes();
    await showEvidence(f.deps)(pressArgs(f, JSON.stringify({ options: ['not-an-option'] })));
    expect(f.texts()).toEqual([expect.stringMatching(/could not read that button/)]);
  });
});
