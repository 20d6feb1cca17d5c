import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_ID_ALPHABET, CaseIdSchema, newCaseId, readCaseId } from '../../src/cases/caseId.js';

describe('newCaseId', () => {
  it('draws IDs shaped like HCC-7QK2M from the unambiguous alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        let i = 0;
        const id = newCaseId((n) => {
          const out = new Uint8Array(n);
          for (let k = 0; k < n; k++) out[k] = bytes[i++ % bytes.length] ?? 0;
          return out;
        });
        return CaseIdSchema.safeParse(id).success;
      }),
    );
    expect(CASE_ID_ALPHABET).not.toMatch(/[01ILOU]/);
  });

  it('skips bytes that would bias the alphabet (rejection sampling)', () => {
    const seq = [255, 250, 0, 1, 2, 3, 4];
    let i = 0;
    const id = newCaseId((n) => Uint8Array.from({ length: n }, () => seq[i++] ?? 0));
    expect(id).toBe(`HCC-${[0, 1, 2, 3, 4].map((k) => CASE_ID_ALPHABET[k]).join('')}`);
  });

  it('gives different IDs on different draws from the real generator', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newCaseId()));
    expect(ids.size).toBe(200);
  });
});

describe('readCaseId', () => {
  it('forgives case and spaces, refuses anything else', () => {
    expect(readCaseId(' hcc-7qk2m ')).toBe('HCC-7QK2M');
    expect(readCaseId('HCC-7QK2')).toBeNull();
    expect(readCaseId('HCC-7QK2O')).toBeNull();
    expect(readCaseId('7QK2M')).toBeNull();
  });
});
