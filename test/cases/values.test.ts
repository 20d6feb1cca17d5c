import { describe, expect, it } from 'vitest';
import { type CaseValues, mergedInput, mergeStatement } from '../../src/cases/values.js';

const T1 = new Date('2026-11-01T09:00:00.000Z');
const T2 = new Date('2026-11-05T09:00:00.000Z');

describe('mergeStatement', () => {
  const first = mergeStatement(
    {},
    {
      input: { bilirubin: { value: 34, unit: 'umol/L' }, albumin: { value: 31, unit: 'g/L' }, ecog: 1 },
      at: T1,
      by: 'U0ALICE',
      seq: 1,
      assumptions: [{ field: 'albumin', message: 'Albumin 31 read as g/L (no unit given).' }],
    },
  );

  it('keeps, per field, the value, when and by whom, and the assumption made to read it', () => {
    expect(first.values.bilirubin).toEqual({
      value: { value: 34, unit: 'umol/L' },
      statedAt: '2026-11-01T09:00:00.000Z',
      statedBy: 'U0ALICE',
      seq: 1,
    });
    expect(first.values.albumin?.assumption).toBe('Albumin 31 read as g/L (no unit given).');
    expect(first.changed.sort()).toEqual(['albumin', 'bilirubin', 'ecog']);
    expect(first.carried).toEqual([]);
  });

  it('lets the latest statement win per field and carries the rest unchanged', () => {
    const second = mergeStatement(first.values, {
      input: { albumin: { value: 28, unit: 'g/L' } },
      at: T2,
      by: 'U0BOB',
      seq: 2,
    });
    expect(second.values.albumin).toMatchObject({
      value: { value: 28, unit: 'g/L' },
      statedBy: 'U0BOB',
      seq: 2,
    });
    expect(second.values.albumin?.assumption).toBeUndefined();
    expect(second.values.bilirubin).toEqual(first.values.bilirubin);
    expect(second.changed).toEqual(['albumin']);
    expect(second.carried.sort()).toEqual(['bilirubin', 'ecog']);
  });

  it('restating the same value refreshes its date but is not a change', () => {
    const again = mergeStatement(first.values, { input: { ecog: 1 }, at: T2, by: 'U0BOB', seq: 2 });
    expect(again.changed).toEqual([]);
    expect(again.stated).toEqual(['ecog']);
    expect(again.values.ecog?.statedAt).toBe('2026-11-05T09:00:00.000Z');
  });

  it('replaces the whole tumour description when a new scan states any part of it', () => {
    const scan1 = mergeStatement(
      {},
      { input: { noduleCount: 3, largestNoduleCm: 4.2 }, at: T1, by: 'U0ALICE', seq: 1 },
    );
    const scan2 = mergeStatement(scan1.values, { input: { nodulesCm: [6] }, at: T2, by: 'U0ALICE', seq: 2 });
    expect(mergedInput(scan2.values)).toEqual({ nodulesCm: [6] });
    expect(scan2.changed.sort()).toEqual(['largestNoduleCm', 'noduleCount', 'nodulesCm']);
  });

  it('drops an old "not cancer-related" attribution when a new ECOG is stated', () => {
    const comorbid = mergeStatement(
      {},
      { input: { ecog: 2, ecogCancerRelated: false }, at: T1, by: 'U0ALICE', seq: 1 },
    );
    const next = mergeStatement(comorbid.values, { input: { ecog: 1 }, at: T2, by: 'U0ALICE', seq: 2 });
    expect(mergedInput(next.values)).toEqual({ ecog: 1 });
  });

  it('records what a correction replaced; a plain update records nothing of the sort', () => {
    const corrected = mergeStatement(first.values, {
      input: { ecog: 0 },
      at: T2,
      by: 'U0BOB',
      seq: 2,
      correction: true,
    });
    expect(corrected.values.ecog?.corrects).toEqual({
      value: 1,
      statedAt: '2026-11-01T09:00:00.000Z',
      statedBy: 'U0ALICE',
    });
    const updated = mergeStatement(first.values, { input: { ecog: 0 }, at: T2, by: 'U0BOB', seq: 2 });
    expect(updated.values.ecog?.corrects).toBeUndefined();
  });

  it('ignores keys that are not case fields and never mutates the values it was given', () => {
    const before: CaseValues = structuredClone(first.values);
    mergeStatement(first.values, { input: { ecog: 3, bogus: 1 } as never, at: T2, by: 'U0BOB', seq: 2 });
    expect(first.values).toEqual(before);
    const r = mergeStatement({}, { input: { bogus: 1 } as never, at: T2, by: 'U0BOB', seq: 1 });
    expect(r.values).toEqual({});
  });
});
