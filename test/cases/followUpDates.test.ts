import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysToDate, asDate, isIsoDate, localDate } from '../../src/cases/followUpDates.js';

describe('calendar dates', () => {
  it('reads YYYY-MM-DD as local midnight', () => {
    const d = asDate('2026-12-02');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2026, 11, 2, 0, 0,
    ]);
  });

  it('reads nothing else as a date', () => {
    for (const s of ['2026-1-2', '02/12/2026', '2026-12-02T10:00', '20261202', '2026-12', ''])
      expect(Number.isNaN(asDate(s).getTime()), s).toBe(true);
  });

  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });

  it('adds days across a month and a year end', () => {
    expect(addDaysToDate('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDaysToDate('2026-03-01', -1)).toBe('2026-02-28');
  });

  it("gives an instant's date in the channel's time zone", () => {
    const instant = new Date('2026-12-01T23:30:00Z');
    expect(localDate(instant, 'Europe/London')).toBe('2026-12-01');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2026-12-02');
  });
});

describe('how the code loads date-fns', () => {
  const SRC = join(import.meta.dirname, '../../src');
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
    );

  // Importing the package's index loads all of its 250 files through the ES-module loader: about 300 MB of
  // resident memory and two seconds of start-up in the server, for the dozen functions it uses.
  it('never imports the whole package', () => {
    const offenders = files(SRC).filter((f) => /from ['"]date-fns['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('imports date-fns in the case layer only through its CommonJS loader', () => {
    const offenders = files(join(SRC, 'cases')).filter((f) =>
      /from ['"]date-fns\//.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
