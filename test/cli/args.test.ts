import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs, parseDecimal } from '../../src/cli/args.js';

const spec = { values: ['input', 'units'], switches: ['json'] };

describe('parseArgs', () => {
  it('reads --name value, --name=value, switches and positionals', () => {
    const r = parseArgs(['bili', '2', '--units', 'si', '--input=case.json', '--json', '-'], spec);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.args.positionals).toEqual(['bili', '2', '-']);
    expect(Object.fromEntries(r.args.values)).toEqual({ units: 'si', input: 'case.json' });
    expect([...r.args.switches]).toEqual(['json']);
  });

  it('a value option takes the next token even when it looks like an option or a negative number', () => {
    const r = parseArgs(['--units', '-5'], spec);
    expect(r.ok && r.args.values.get('units')).toBe('-5');
  });

  it('-- ends the options', () => {
    const r = parseArgs(['--', '--json'], spec);
    expect(r.ok && r.args.positionals).toEqual(['--json']);
  });

  it('rejects unknown options, missing values, repeated values and a value on a switch', () => {
    expect(parseArgs(['--colour'], spec)).toEqual({ ok: false, error: 'unknown option --colour' });
    expect(parseArgs(['--units'], spec)).toEqual({ ok: false, error: '--units needs a value' });
    expect(parseArgs(['--units', 'us', '--units', 'si'], spec)).toEqual({
      ok: false,
      error: '--units was given twice',
    });
    expect(parseArgs(['--json=yes'], spec)).toEqual({ ok: false, error: '--json takes no value' });
  });

  it('never throws on any argv', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('--', '-', '--json', '--units', '--input=x'))),
        (argv) => {
          const r = parseArgs(argv, spec);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
    );
  });
});

describe('parseDecimal', () => {
  it('accepts plain decimals', () => {
    expect(parseDecimal('52')).toBe(52);
    expect(parseDecimal('52.5')).toBe(52.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('0')).toBe(0);
  });
  it('rejects what Number() would silently accept or misread', () => {
    for (const bad of ['', ' ', '52mm', 'abc', '0x10', '1e3', ' 5', '5,2', 'Infinity', 'NaN'])
      expect(parseDecimal(bad)).toBeNull();
  });
});
