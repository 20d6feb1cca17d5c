import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { AssessmentSchema, MrecistResultSchema } from '../../src/clinical/assessment.js';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import { fakeIo } from './fakeIo.js';

const dir = mkdtempSync(join(tmpdir(), 'hcc-mdt-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** Invented complete case. */
const CASE = {
  bilirubin: { value: 1.1, unit: 'mg/dL' },
  albumin: { value: 3.8, unit: 'g/dL' },
  creatinine: { value: 0.9, unit: 'mg/dL' },
  inr: 1.1,
  sodium: 138,
  afp: 25,
  ascites: 'none',
  encephalopathy: 'none',
  ecog: 0,
  sex: 'male',
  nodulesCm: [4.2, 2.8, 1.5],
};

async function run(argv: string[], options: Parameters<typeof fakeIo>[0] = {}) {
  const f = fakeIo(options);
  const code = await main(argv, f.io);
  return { code, out: f.out, err: f.err };
}

describe('help and usage', () => {
  it.each([[[]], [['help']], [['--help']], [['-h']]])('%j prints usage on stdout, exit 0', async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage:');
    expect(r.out).toContain('hcc-mdt mrecist --baseline MM');
    expect(r.err).toBe('');
  });

  it('an unknown command prints usage on stderr, exit 2', async () => {
    const r = await run(['stage']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "stage"');
    expect(r.err).toContain('Usage:');
    expect(r.out).toBe('');
  });

  it('assess --help and mrecist --help print their usage, exit 0', async () => {
    expect((await run(['assess', '--help'])).out).toContain('--input FILE');
    expect((await run(['mrecist', '--help'])).out).toContain('--baseline MM');
  });
});

describe('assess --input', () => {
  it('--json prints an Assessment that matches the schema', async () => {
    const r = await run(['assess', '--input', file('case.json', JSON.stringify(CASE)), '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const a = AssessmentSchema.parse(JSON.parse(r.out));
    expect(a.bclc?.stage).toBe('B');
    expect(a.notEvaluable).toEqual([]);
  });

  it('reads stdin with "-"', async () => {
    const r = await run(['assess', '--input', '-', '--json'], { stdin: JSON.stringify(CASE) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).childPugh.class).toBe('A');
  });

  it('prints a readable summary without --json', async () => {
    const r = await run(['assess', '--input', file('case2.json', JSON.stringify(CASE))]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/BCLC/);
    expect(r.out).toMatch(/Child-Pugh/);
    expect(() => JSON.parse(r.out)).toThrow();
  });

  it('stated flags are not reported as assumed', async () => {
    const stated = { ...CASE, macrovascularInvasion: false, extrahepaticSpread: false };
    const r = await run(['assess', '--input', file('stated.json', JSON.stringify(stated)), '--json']);
    const a = JSON.parse(r.out);
    const said = (body: { assumptions: { message: string }[] }) => body.assumptions.map((n) => n.message);
    expect(said(a).join(' ')).not.toMatch(/(invasion|spread) taken as absent/);
    expect(said(a)).toContain('infiltrative pattern taken as absent (not stated)');
    const r2 = await run(['assess', '--input', file('unstated.json', JSON.stringify(CASE)), '--json']);
    expect(said(JSON.parse(r2.out)).join(' ')).toMatch(/extrahepatic spread taken as absent/);
  });
});

describe('assess --input: invalid input exits 2 naming the field and the accepted range', () => {
  const cases: [string, unknown, string, RegExp][] = [
    [
      'negative bilirubin',
      { ...CASE, bilirubin: { value: -1, unit: 'mg/dL' } },
      'bilirubin.value',
      /0\.1 to 60 mg\/dL/,
    ],
    [
      'zero creatinine',
      { ...CASE, creatinine: { value: 0, unit: 'mg/dL' } },
      'creatinine.value',
      /greater than zero/,
    ],
    [
      'unknown unit',
      { ...CASE, bilirubin: { value: 1, unit: 'mmol/L' } },
      'bilirubin.unit',
      /"mg\/dL", "umol\/L"/,
    ],
    ['ECOG 7', { ...CASE, ecog: 7 }, 'ecog', /0 to 4/],
    [
      'albumin 40 g/dL',
      { ...CASE, albumin: { value: 40, unit: 'g/dL' } },
      'albumin.value',
      /between 1 and 6 g\/dL/,
    ],
    ['text where a number belongs', { ...CASE, inr: 'high' }, 'inr', /must be a number.*0\.5 to 10/],
  ];

  it.each(cases)('%s: --json errors on stdout', async (_name, input, path, message) => {
    const r = await run(['assess', '--input', file(`bad-${path}.json`, JSON.stringify(input)), '--json']);
    expect(r.code).toBe(2);
    const body = JSON.parse(r.out);
    expect(body.ok).toBe(false);
    const error = body.errors.find((e: { path: string }) => e.path === path);
    expect(error?.message).toMatch(message);
    expect(r.err).toBe('');
  });

  it.each(cases)('%s: plain message on stderr, nothing on stdout', async (_name, input, path, message) => {
    const r = await run(['assess', '--input', file(`bad-plain-${path}.json`, JSON.stringify(input))]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${path}:`);
    expect(r.err).toMatch(message);
  });

  it('a file saved with a byte-order mark is read', async () => {
    const r = await run(['assess', '--input', file('bom.json', `\uFEFF${JSON.stringify(CASE)}`), '--json']);
    expect(r.code).toBe(0);
  });

  it('malformed JSON', async () => {
    const r = await run(['assess', '--input', file('broken.json', '{"ecog": 1,'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).errors[0]).toMatchObject({ path: '(input)' });
    expect(JSON.parse(r.out).errors[0].message).toMatch(/not valid JSON/);
  });

  it('a JSON array is not a CaseInput', async () => {
    const r = await run(['assess', '--input', file('array.json', '[1,2]')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/must be a JSON object/);
  });

  it('an unreadable file', async () => {
    const r = await run(['assess', '--input', join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--input: cannot read ".*missing\.json": no such file/);
  });

  it('an unknown key is named', async () => {
    const r = await run([
      'assess',
      '--input',
      file('extra.json', JSON.stringify({ ...CASE, bilirubn: 2 })),
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(JSON.stringify(JSON.parse(r.out).errors)).toContain('bilirubn');
  });

  it('--input together with text is a usage error', async () => {
    const r = await run(['assess', 'bili 2', '--input', 'x.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not both/);
  });

  it('an unknown option is a usage error; under --json it is a JSON error', async () => {
    const r = await run(['assess', '--colour', 'red', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).errors[0]).toEqual({ path: '(arguments)', message: 'unknown option --colour' });
  });

  it('assess with nothing to assess', async () => {
    const r = await run(['assess']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nothing to assess/);
  });
});

describe('assess "<free text>"', () => {
  const TEXT =
    'bili 1.1 mg/dL, alb 3.8 g/dL, INR 1.1, Cr 0.9 mg/dL, Na 138, no ascites, no HE, ECOG 0, single 1.8 cm, no PVTT, AFP 12';

  it('--json: the Assessment plus input (labs as read), assumptions and notUnderstood', async () => {
    const r = await run(['assess', TEXT, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    const { input, notUnderstood, statedScores, ...assessment } = body;
    expect(statedScores).toEqual([]);
    AssessmentSchema.parse(assessment);
    expect(CaseInputSchema.parse(input)).toBeTruthy();
    expect(input.bilirubin).toEqual({ value: 1.1, unit: 'mg/dL' });
    expect(input.albumin).toEqual({ value: 3.8, unit: 'g/dL' });
    expect(Array.isArray(notUnderstood)).toBe(true);
    // Every note, the parser's too, names the scores it concerns.
    for (const n of body.assumptions) expect(n.about.length).toBeGreaterThan(0);
    expect(body.bclc.stage).toBe('0');
  });

  it('unquoted words are joined into one message', async () => {
    const r = await run(['assess', ...TEXT.split(' '), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).bclc.stage).toBe('0');
  });

  it('plain output is the readable summary', async () => {
    const r = await run(['assess', TEXT]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/BCLC/);
  });

  it('a message with an identifier: the summary on stdout, a privacy notice on stderr, the identifier nowhere', async () => {
    const r = await run(['assess', 'Mr Testperson bili 1.1 mg/dL alb 38 g/L INR 1.1 no ascites no HE']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Child-Pugh A5');
    expect(r.err).toContain('looked as if it held a patient identifier');
    expect(`${r.out}${r.err}`).not.toContain('Testperson');
  });

  it('on success the parser warnings are in the summary and the ignored fragments are named on stderr', async () => {
    const r = await run([
      'assess',
      'Child-Pugh B8, bili 1.1 mg/dL alb 38 g/L INR 1.1 no ascites no HE, ECOG 0, 2 lesions 3 and 2 cm, PVT, wibble 88',
    ]);
    expect(r.code).toBe(0);
    const out = r.out.replace(/\s+/g, ' ');
    expect(out).toContain('"PVT" was not read as tumour invasion');
    expect(out).toContain('You wrote Child-Pugh B8, but the values give Child-Pugh A5');
    expect(out).toMatch(/1 fragment was not understood and ignored/);
    expect(r.out).not.toContain('wibble');
    expect(r.err).toContain('Not understood and ignored');
    expect(r.err).toContain('"wibble');
    const j = JSON.parse(
      (await run(['assess', 'Child-Pugh B8, bili 1.1 mg/dL alb 38 g/L INR 1.1 no ascites no HE', '--json']))
        .out,
    );
    expect(j.statedScores[0]).toMatchObject({ score: 'childPugh', agrees: false, computed: 'Child-Pugh A5' });
  });

  it('text with no recognisable value exits 2 with an explanation and an example', async () => {
    const r = await run(['assess', 'please stage this one for Tuesday']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/example/i);
    const j = await run(['assess', 'please stage this one for Tuesday', '--json']);
    expect(j.code).toBe(2);
    const body = JSON.parse(j.out);
    expect(body.ok).toBe(false);
    expect(body.errors[0].path).toBe('(text)');
    expect(body.errors[0].message).toMatch(/for example/);
  });

  it('--units and HCC_MDT_UNITS decide a bare bilirubin that reads both ways; the flag wins', async () => {
    const text = 'bili 12, alb 3.8 g/dL, INR 1.1, no ascites, no HE';
    const si = JSON.parse((await run(['assess', text, '--json'], { env: { HCC_MDT_UNITS: 'si' } })).out);
    expect(si.input.bilirubin).toEqual({ value: 12, unit: 'umol/L' });
    const us = JSON.parse(
      (await run(['assess', text, '--units', 'us', '--json'], { env: { HCC_MDT_UNITS: 'si' } })).out,
    );
    expect(us.input.bilirubin).toEqual({ value: 12, unit: 'mg/dL' });
  });

  it('an invalid --units or HCC_MDT_UNITS exits 2 naming it', async () => {
    const flag = await run(['assess', 'bili 2', '--units', 'metric']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/--units: must be "us" or "si"/);
    const env = await run(['assess', 'bili 2', '--json'], { env: { HCC_MDT_UNITS: 'metric' } });
    expect(env.code).toBe(2);
    expect(JSON.parse(env.out).errors[0].path).toBe('HCC_MDT_UNITS');
  });
});

describe('mrecist', () => {
  it('flags → PR, readable', async () => {
    const r = await run(['mrecist', '--baseline', '50', '--nadir', '50', '--current', '35']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/PR|partial/i);
  });

  it('--json → MrecistResult; both sides of the PD cut', async () => {
    const pd = await run(['mrecist', '--baseline', '50', '--nadir', '30', '--current', '36', '--json']);
    expect(MrecistResultSchema.parse(JSON.parse(pd.out)).response).toBe('PD');
    const sd = await run(['mrecist', '--baseline=50', '--nadir=30', '--current=35.9', '--json']);
    expect(JSON.parse(sd.out).response).toBe('SD');
  });

  it('--new-lesion → PD', async () => {
    const r = await run([
      'mrecist',
      '--baseline',
      '50',
      '--nadir',
      '50',
      '--current',
      '20',
      '--new-lesion',
      '--json',
    ]);
    expect(JSON.parse(r.out).response).toBe('PD');
  });

  it('text → via the mRECIST parser', async () => {
    const r = await run(['mrecist', 'baseline 52 nadir 30 now 37 mm, new lesion', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).response).toBe('PD');
  });

  it.each([
    [
      ['--baseline', 'abc', '--nadir', '30', '--current', '30'],
      'baselineMm',
      /must be a number of millimetres/,
    ],
    [['--baseline', '0', '--nadir', '0', '--current', '0'], 'baselineMm', /greater than zero/],
    [['--baseline', '-5', '--nadir', '0', '--current', '0'], 'baselineMm', /more than 0 and at most 1000 mm/],
    [['--baseline', '40', '--nadir', '50', '--current', '30'], 'nadirMm', /cannot exceed the baseline/],
    [['--baseline', '40', '--nadir', '30'], 'currentMm', /is required/],
    [['--baseline', '40', '--nadir', '30', '--current', '2000'], 'currentMm', /0 to 1000 mm/],
  ])('invalid %j exits 2 naming %s', async (flags, path, message) => {
    const j = await run(['mrecist', ...flags, '--json']);
    expect(j.code).toBe(2);
    const error = JSON.parse(j.out).errors.find((e: { path: string }) => e.path === path);
    expect(error?.message).toMatch(message);
    const p = await run(['mrecist', ...flags]);
    expect(p.code).toBe(2);
    expect(p.out).toBe('');
    expect(p.err).toContain(`${path}:`);
  });

  it('text and flags together is a usage error', async () => {
    const r = await run(['mrecist', 'baseline 52', '--baseline', '52']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not both/);
  });
});

describe('the installed command (one subprocess)', () => {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const built = existsSync(join(root, 'dist/src/cli/main.js'));
  it('node bin/hcc-mdt.js mrecist … --json exits 0 with JSON (needs dist/: `npm test` builds it first)', () => {
    expect(built, 'dist/ is not built: run `npm run build` first').toBe(true);
    const r = spawnSync(
      process.execPath,
      [
        join(root, 'bin/hcc-mdt.js'),
        'mrecist',
        '--baseline',
        '50',
        '--nadir',
        '50',
        '--current',
        '35',
        '--json',
      ],
      { encoding: 'utf8', timeout: 15_000 },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).response).toBe('PR');
    const bad = spawnSync(process.execPath, [join(root, 'bin/hcc-mdt.js'), 'nonsense'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage:');
  });
});
