import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import { findIdentifiers } from '../../src/parse/identifiers.js';
import { MAX_TEXT_LENGTH, parseCase, readCase } from '../../src/parse/parseCase.js';
import { parseMrecist } from '../../src/parse/parseMrecist.js';
import { type ParseResult, ParseResultSchema } from '../../src/parse/parseResult.js';
import { Reader } from '../../src/parse/reader.js';
import { VOCABULARY } from '../../src/parse/vocabulary.js';

/** Every non-blank character lies in a recognised span or a notUnderstood range. */
function uncovered(
  text: string,
  r: { recognised?: ParseResult['recognised']; notUnderstood: ParseResult['notUnderstood'] },
): number[] {
  const covered = new Array<boolean>(text.length).fill(false);
  for (const s of [...(r.recognised ?? []), ...r.notUnderstood]) {
    if (s.start < 0 || s.end > text.length || s.start >= s.end) return [-1];
    for (let k = s.start; k < s.end; k++) covered[k] = true;
  }
  const out: number[] = [];
  for (let k = 0; k < text.length; k++) if (!covered[k] && text[k]!.trim() !== '') out.push(k);
  return out;
}

function nonFinite(value: unknown, path = '$'): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nonFinite(value[i], `${path}[${i}]`);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = nonFinite(v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return undefined;
}

/** The properties every input must keep. readCase is the parser without its guard: a bug throws and fails the run. */
function check(text: string, units?: 'us' | 'si'): void {
  const r = readCase(text, { units });
  expect(parseCase(text, { units }).errors.map((e) => e.code)).not.toContain('internal');
  // Every limit the case schema enforces is checked by the parser first: what it accepts, the schema accepts.
  if (r.errors.length === 0) expect(CaseInputSchema.safeParse(r.input).error?.issues ?? []).toEqual([]);
  expect(nonFinite(r)).toBeUndefined();
  expect(ParseResultSchema.safeParse(r).success).toBe(true);
  expect(uncovered(text, r)).toEqual([]);
  const m = parseMrecist(text);
  expect(nonFinite(m)).toBeUndefined();
  if (m.ok) expect(uncovered(text, m)).toEqual([]);
  // Identifier ranges hold no text.
  for (const n of r.notUnderstood) if (n.kind === 'identifier') expect(Object.keys(n)).toHaveLength(3);
}

const PHRASES = VOCABULARY.flatMap((v) => v.phrases);
const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PHRASES) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 200000 }).map(String) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('.', ','))
      .map(([a, b, s]) => `${a}${s}${b}`),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      ',',
      ';',
      ':',
      '=',
      '(',
      ')',
      '-',
      '/',
      '+',
      'x',
      '×',
      '\n',
      '<',
      '>',
      'and',
      'or',
      'no',
      'not',
      'Mr',
      'pt',
      'PT',
      'DOB',
      '12/03/1961',
      '62F',
      '18mm',
      '4.2cm',
      'Vp3',
      'HE3',
      'LN+',
      'x2',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);
const vocabText = fc
  .array(fc.tuple(fragment, fc.constantFrom(' ', '', ', ', '\n', ' ', '  ')), { maxLength: 120 })
  .map((parts) =>
    parts
      .map(([f, s]) => f + s)
      .join('')
      .slice(0, 2000),
  );

describe('fuzzing', () => {
  it('any string up to 2000 characters: never throws, no NaN/Infinity, full coverage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => check(text)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => check(text, 'si')),
      { numRuns: 300 },
    );
  });

  it('strings built from vocabulary fragments', () => {
    fc.assert(
      fc.property(vocabText, fc.constantFrom(undefined, 'us' as const, 'si' as const), (text, units) =>
        check(text, units),
      ),
      { numRuns: 1500 },
    );
  });

  it('identifiers mixed into vocabulary text are never copied', () => {
    const secret = fc.constantFrom(
      ' Mr Zqxtestname ',
      ' patient Zqxtestname ',
      ' DOB 01/02/1900 ',
      ' MRN 98765432 ',
    );
    const text = fc.tuple(vocabText, secret, vocabText).map(([a, s, b]) => `${a}${s}${b}`.slice(0, 2000));
    fc.assert(
      fc.property(text, (t) => {
        const json = JSON.stringify(parseCase(t));
        expect(json).not.toContain('Zqxtestname');
        expect(json).not.toContain('01/02/1900');
        expect(json).not.toContain('98765432');
      }),
      { numRuns: Number(process.env.PARSE_FUZZ_RUNS ?? 1000) },
    );
  });

  it('findIdentifiers never throws and returns ordered ranges inside the text', () => {
    fc.assert(
      fc.property(vocabText, (text) => {
        const ranges = findIdentifiers(text);
        let last = 0;
        for (const r of ranges) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeLessThanOrEqual(text.length);
          last = r.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the fuzz check sees a crash', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a parser that throws fails check(), and the guarded parser reports it with its own code', () => {
    vi.spyOn(Reader.prototype, 'concept').mockImplementation(() => {
      throw new Error('simulated parser bug');
    });
    expect(() => check('bili 1.2 mg/dL alb 3.5 g/dL')).toThrow(/simulated parser bug/);
    const guarded = parseCase('bili 1.2 mg/dL alb 3.5 g/dL');
    expect(guarded.errors.map((e) => e.code)).toEqual(['internal']);
    expect(guarded.input).toEqual({});
  });
});

describe('paste normalisation and the length bound', () => {
  it('zero-width characters inside words and numbers are read through, spans stay on the typed text', () => {
    const text = 'bi\u200Bli 34 umol/L al\u200Cb 31 g/L IN\u2060R 1.3 Na 1\u200B33';
    const r = parseCase(text);
    expect(r.errors).toEqual([]);
    expect(r.input).toEqual({
      bilirubin: { value: 34, unit: 'umol/L' },
      albumin: { value: 31, unit: 'g/L' },
      inr: 1.3,
      sodium: 133,
    });
    expect(uncovered(text, r)).toEqual([]);
    const bili = r.recognised.find((s) => s.kind === 'bilirubin')!;
    expect(text.slice(bili.start, bili.end)).toBe('bi\u200Bli 34 umol/L');
  });

  it('non-breaking spaces, typographic dashes and quotes read as their plain forms', () => {
    const r = parseCase('bili\u00A034\u202Fumol/L, HE grade 1\u20132, ECOG\u00A01, \u201Cno ascites\u201D');
    expect(r.errors).toEqual([]);
    expect(r.input).toMatchObject({
      bilirubin: { value: 34, unit: 'umol/L' },
      encephalopathy: 'grade-1-2',
      ecog: 1,
      ascites: 'none',
    });
  });

  it(`a message longer than ${MAX_TEXT_LENGTH} characters is refused with a message saying so`, () => {
    const text = 'bili 1.2 mg/dL '.repeat(600);
    const r = parseCase(text);
    expect(r.input).toEqual({});
    expect(r.errors.map((e) => e.code)).toEqual(['too-long']);
    expect(r.errors[0]!.message).toMatch(/9,000 characters long; I read up to 8,000/);
    expect(parseCase(text.slice(0, MAX_TEXT_LENGTH)).errors.map((e) => e.code)).not.toContain('too-long');
  });
});
