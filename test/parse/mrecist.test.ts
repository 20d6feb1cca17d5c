import { describe, expect, it } from 'vitest';
import { parseMrecist } from '../../src/parse/parseMrecist.js';

describe('parseMrecist', () => {
  it.each([
    [
      'baseline 52 nadir 30 now 37 mm, new lesion',
      { baselineMm: 52, nadirMm: 30, currentMm: 37, newLesion: true },
    ],
    [
      'baseline 52 nadir 30 now 37 mm, no new lesions',
      { baselineMm: 52, nadirMm: 30, currentMm: 37, newLesion: false },
    ],
    [
      'baseline 52mm nadir 30mm current 37mm',
      { baselineMm: 52, nadirMm: 30, currentMm: 37, newLesion: false },
    ],
    ['baseline 5.2 nadir 3 today 3.7 cm', { baselineMm: 52, nadirMm: 30, currentMm: 37, newLesion: false }],
    [
      'Baseline: 50, nadir: 50, current: 35 mm',
      { baselineMm: 50, nadirMm: 50, currentMm: 35, newLesion: false },
    ],
    [
      'sum of viable diameters baseline 50 nadir 30 now 36 mm; new lesion: no',
      { baselineMm: 50, nadirMm: 30, currentMm: 36, newLesion: false },
    ],
    ['now 0 nadir 50 baseline 50', { baselineMm: 50, nadirMm: 50, currentMm: 0, newLesion: false }],
    [
      'baseline 4 cm nadir 25 mm now 30 mm, new intrahepatic lesion',
      { baselineMm: 40, nadirMm: 25, currentMm: 30, newLesion: true },
    ],
  ])('%s', (text, expected) => {
    const r = parseMrecist(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.input).toEqual(expected);
      expect(r.notUnderstood).toEqual([]);
    }
  });
  it('missing values are errors that show an example', () => {
    const r = parseMrecist('baseline 52 now 37');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.field)).toEqual(['nadirMm']);
      expect(r.errors[0]!.message).toContain('baseline 52 nadir 30 now 37 mm');
    }
  });
  it('a nadir above the baseline is a contradiction', () => {
    const r = parseMrecist('baseline 30 nadir 50 now 40 mm');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('contradiction');
  });
  it('two different baselines are a contradiction', () => {
    const r = parseMrecist('baseline 50 baseline 60 nadir 30 now 30');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('contradiction');
  });
  it('implausible sums are errors', () => {
    const r = parseMrecist('baseline 5000 nadir 30 now 30 mm');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.code).toBe('implausible');
  });
  it('unknown words are reported with a suggestion', () => {
    const r = parseMrecist('baselin 52 nadir 30 now 37');
    expect(r.ok).toBe(false);
    expect(r.notUnderstood[0]).toMatchObject({ kind: 'unknown', text: 'baselin 52', suggestion: 'baseline' });
  });
  it('never throws', () => {
    for (const t of [
      '',
      '   ',
      'baseline',
      'nadir nadir nadir',
      '1 2 3',
      'new new new lesion',
      'baseline 1e400 nadir 1 now 1',
    ])
      expect(() => parseMrecist(t)).not.toThrow();
  });
});
