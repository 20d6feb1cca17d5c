import { describe, expect, it } from 'vitest';
import { MemoryClaims } from '../../src/store/claims.js';

describe('claims in memory', () => {
  const later = (ms: number) => new Date(ms);

  it('drops expired claims first when the capacity is passed', async () => {
    let now = 0;
    const c = new MemoryClaims(10, () => now);
    for (let i = 0; i < 5; i++) await c.claim('replay', `old${i}`, later(100));
    for (let i = 0; i < 5; i++) await c.claim('replay', `live${i}`, later(10_000));
    now = 500;
    expect(await c.claim('replay', 'new', later(10_000))).toBe(true);
    // The expired ones went, the live ones are all still held.
    for (let i = 0; i < 5; i++) expect(await c.claim('replay', `live${i}`, later(10_000))).toBe(false);
    expect(await c.claim('replay', 'old0', later(10_000))).toBe(true);
  });

  it('after expired claims go, keeps at most nine tenths, so the next scan is not on the next claim', async () => {
    let now = 0;
    const c = new MemoryClaims(100, () => now);
    for (let i = 0; i < 2; i++) await c.claim('replay', `old${i}`, later(100));
    for (let i = 0; i < 98; i++) await c.claim('replay', `live${i}`, later(10_000));
    now = 500;
    // 101 claims, 2 expired: 99 live are more than nine tenths, so the 9 oldest live ones go too.
    expect(await c.claim('replay', 'new', later(10_000))).toBe(true);
    for (let i = 9; i < 98; i++)
      expect(await c.claim('replay', `live${i}`, later(10_000)), `live${i}`).toBe(false);
    expect(await c.claim('replay', 'live8', later(10_000))).toBe(true);
  });

  it('when live claims fill it, forgets the oldest down to nine tenths, not one per claim', async () => {
    const c = new MemoryClaims(100, () => 0);
    for (let i = 0; i <= 100; i++) await c.claim('replay', `k${i}`, later(10_000));
    // 101 live claims: the oldest eleven are forgotten, leaving 90 (a held claim is not written again).
    for (let i = 11; i <= 100; i++)
      expect(await c.claim('replay', `k${i}`, later(10_000)), `k${i}`).toBe(false);
    expect(await c.claim('replay', 'k10', later(10_000))).toBe(true);
    // Nine more fit before the next scan: the oldest still held stays held.
    for (let i = 0; i < 9; i++) await c.claim('replay', `n${i}`, later(10_000));
    expect(await c.claim('replay', 'k11', later(10_000))).toBe(false);
  });
});
