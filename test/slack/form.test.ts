import { describe, expect, it } from 'vitest';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import { FIELD_INFO } from '../../src/clinical/fields.js';
import {
  BLOCK,
  blockForPath,
  buildCaseForm,
  type FormValues,
  fieldLabel,
  readCaseForm,
  readFormTarget,
  TRI_STATE_FIELDS,
} from '../../src/slack/form.js';

const text = (v: string) => ({ value: { type: 'plain_text_input', value: v } });
const choice = (v: string) => ({ choice: { type: 'static_select', selected_option: { value: v } } });

type Input = {
  type: string;
  block_id?: string;
  label?: { text: string };
  hint?: { text: string };
  element?: {
    type: string;
    placeholder?: { text: string };
    options?: { value: string; text: { text: string } }[];
    initial_option?: { value: string };
  };
};
const blocksOf = (units: 'si' | 'us' | undefined) => buildCaseForm({}, units).blocks as Input[];
const block = (units: 'si' | 'us' | undefined, id: string) => blocksOf(units).find((b) => b.block_id === id);

/** The optional booleans of the schema: every one of them is a yes / no / not known question on the form. */
const schemaBooleans = Object.entries(CaseInputSchema.shape)
  .filter(([, s]) => (s as { unwrap?: () => { type: string } }).unwrap?.().type === 'boolean')
  .map(([k]) => k)
  .sort();

describe('buildCaseForm', () => {
  it('is a modal within Slack limits, with unique block ids and the target in private_metadata', () => {
    const view = buildCaseForm({ channel: 'C1', thread_ts: '1.2' }, 'us');
    expect(view.callback_id).toBe('hcc_case_form');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ channel: 'C1', thread_ts: '1.2' });
    const ids = view.blocks.map((b) => b.block_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
    for (const b of view.blocks as Input[]) {
      expect(b.label?.text.length ?? 0).toBeLessThanOrEqual(2000);
      expect(b.element?.placeholder?.text.length ?? 0).toBeLessThanOrEqual(150);
      for (const o of b.element?.options ?? []) expect(o.text.text.length).toBeLessThanOrEqual(75);
    }
  });

  it('asks for the unit system once, preset from the team default, instead of one unit per lab', () => {
    const units = block('us', BLOCK.units);
    expect(units?.element?.options?.map((o) => o.value)).toEqual(['si', 'us']);
    expect(units?.element?.initial_option?.value).toBe('us');
    expect(units?.element?.options?.[0]?.text.text).toBe('SI (µmol/L, g/L)');
    expect(block('si', BLOCK.units)?.element?.initial_option?.value).toBe('si');
    expect(block(undefined, BLOCK.units)?.element).not.toHaveProperty('initial_option');
    const selects = blocksOf('si').filter((b) => /unit/i.test(b.label?.text ?? ''));
    expect(selects.map((b) => b.block_id)).toEqual([BLOCK.units]);
    expect(block('si', BLOCK.bilirubin)?.element?.placeholder?.text).toBe('e.g. 34 µmol/L');
    expect(block('us', BLOCK.bilirubin)?.element?.placeholder?.text).toBe('e.g. 2.0 mg/dL');
  });

  it('takes its labels from FIELD_INFO', () => {
    expect(block('si', BLOCK.sodium)?.label?.text).toBe('Sodium (mmol/L)');
    expect(block('si', BLOCK.largestNoduleCm)?.label?.text).toBe('Largest nodule (cm)');
    expect(block('si', BLOCK.noduleCount)?.label?.text).toBe('Number of nodules');
    expect(block('si', BLOCK.macrovascularInvasion)?.label?.text).toBe('Macrovascular invasion');
    expect(block('si', BLOCK.dialysis)?.hint?.text).toBe(FIELD_INFO.dialysis.hint);
    expect(fieldLabel('afp')).toBe(`AFP (${FIELD_INFO.afp.unit})`);
  });

  it('offers the number of nodules and the largest as an alternative to listing every size', () => {
    const ids = blocksOf('si').map((b) => b.block_id);
    expect(ids).toEqual(expect.arrayContaining([BLOCK.nodulesCm, BLOCK.noduleCount, BLOCK.largestNoduleCm]));
    expect(block('si', BLOCK.nodulesCm)?.hint?.text).toMatch(/number of nodules and the largest nodule/);
  });

  it('asks every optional yes/no of the schema as yes / no / not known, preset to not known', () => {
    expect([...TRI_STATE_FIELDS].sort()).toEqual(schemaBooleans);
    expect(schemaBooleans).toContain('ecogCancerRelated');
    for (const field of schemaBooleans) {
      const b = block('si', field);
      expect(b?.element?.options?.map((o) => o.text.text)).toEqual(['Yes', 'No', 'Not known']);
      expect(b?.element?.initial_option?.value).toBe('unknown');
    }
    // No checkbox left: a ticked box could only ever say "yes".
    expect(blocksOf('si').some((b) => b.element?.type === 'checkboxes')).toBe(false);
  });
});

describe('readCaseForm', () => {
  it('builds CaseInput JSON from every kind of field, in the chosen unit system', () => {
    const values: FormValues = {
      units: choice('si'),
      bilirubin: text('34'),
      albumin: text('3,1 g/dL'),
      inr: text('1.3'),
      creatinine: text('88'),
      sodium: text('137 mmol/L'),
      afp: text('250'),
      ascites: choice('moderate-severe'),
      encephalopathy: choice('grade-1-2'),
      ecog: choice('1'),
      sex: choice('female'),
      nodulesCm: text('4.2cm, 2.1 and 1'),
      dialysis: choice('yes'),
      extrahepaticSpread: choice('no'),
      macrovascularInvasion: choice('unknown'),
    };
    expect(readCaseForm(values)).toEqual({
      ok: true,
      input: {
        bilirubin: { value: 34, unit: 'umol/L' },
        albumin: { value: 3.1, unit: 'g/dL' },
        creatinine: { value: 88, unit: 'umol/L' },
        inr: 1.3,
        sodium: 137,
        afp: 250,
        ascites: 'moderate-severe',
        encephalopathy: 'grade-1-2',
        ecog: 1,
        sex: 'female',
        nodulesCm: [4.2, 2.1, 1],
        dialysis: true,
        extrahepaticSpread: false,
      },
    });
  });

  it('"not known" leaves a flag absent (not stated); "no" states it absent; "yes" present', () => {
    const all = (answer: string) =>
      Object.fromEntries(TRI_STATE_FIELDS.map((f) => [f, choice(answer)])) as FormValues;
    expect(readCaseForm({ ...all('unknown'), inr: text('1.1') })).toEqual({ ok: true, input: { inr: 1.1 } });
    const no = readCaseForm(all('no'));
    expect(no).toEqual({ ok: true, input: Object.fromEntries(TRI_STATE_FIELDS.map((f) => [f, false])) });
    const yes = readCaseForm({ ecog: choice('2'), ecogCancerRelated: choice('yes') });
    expect(yes).toEqual({ ok: true, input: { ecog: 2, ecogCancerRelated: true } });
  });

  it('reads the number of nodules with the largest instead of a list', () => {
    expect(readCaseForm({ noduleCount: text('3'), largestNoduleCm: text('4.2 cm') })).toEqual({
      ok: true,
      input: { noduleCount: 3, largestNoduleCm: 4.2 },
    });
    // Both, agreeing, are fine; disagreeing, the field is named.
    expect(readCaseForm({ nodulesCm: text('4.2, 2'), noduleCount: text('2') })).toMatchObject({ ok: true });
    expect(readCaseForm({ nodulesCm: text('4.2, 2'), noduleCount: text('3') })).toEqual({
      ok: false,
      errors: {
        noduleCount: 'Number of nodules is 3 but 2 diameters are listed; leave one empty or make them agree',
      },
    });
    expect(readCaseForm({ largestNoduleCm: text('4') })).toEqual({
      ok: false,
      errors: { noduleCount: 'Give the number of nodules with the largest nodule, e.g. 3' },
    });
    expect(readCaseForm({ noduleCount: text('two') })).toEqual({
      ok: false,
      errors: { noduleCount: 'Number of nodules: enter a whole number, e.g. 3' },
    });
  });

  it('errors are per field, name it, and give an example', () => {
    const r = readCaseForm({ inr: text('high'), albumin: text('31'), nodulesCm: text('4.2, lots') });
    expect(r).toEqual({
      ok: false,
      errors: {
        inr: 'INR: enter a number, e.g. 1.3',
        units: 'Choose SI or US for albumin, or type the unit beside the value, e.g. 31 g/L',
        nodulesCm: 'Nodule diameters (cm): one number per nodule, separated by commas, e.g. 4.2, 2.1, 1.5',
      },
    });
    expect(readCaseForm({ units: choice('si'), bilirubin: text('34 mmol/L') })).toEqual({
      ok: false,
      errors: { bilirubin: 'Bilirubin: enter a number, with µmol/L or mg/dL if you like, e.g. 34 µmol/L' },
    });
  });

  it('refuses values out of the schema range in the field’s words, with an example', () => {
    expect(readCaseForm({ inr: text('12') })).toEqual({
      ok: false,
      errors: { inr: 'INR must be between 0.5 and 10, e.g. 1.3' },
    });
    expect(readCaseForm({ units: choice('us'), bilirubin: text('90 mg/dL') })).toEqual({
      ok: false,
      errors: { bilirubin: 'Bilirubin must be between 0.1 and 60 mg/dL, e.g. 2.0 mg/dL' },
    });
  });

  it('asks about a bare number that only makes sense in the other unit system; a typed unit settles it', () => {
    expect(readCaseForm({ units: choice('si'), albumin: text('3.1') })).toEqual({
      ok: false,
      errors: {
        albumin:
          'Albumin 3.1 g/L is unusual. If you meant g/dL, type it, e.g. 3.1 g/dL; to keep g/L, type that.',
      },
    });
    expect(readCaseForm({ units: choice('us'), bilirubin: text('34') })).toMatchObject({
      ok: false,
      errors: { bilirubin: expect.stringMatching(/^Bilirubin 34 mg\/dL is unusual\. If you meant µmol\/L/) },
    });
    expect(readCaseForm({ units: choice('us'), bilirubin: text('34 mg/dl') })).toEqual({
      ok: true,
      input: { bilirubin: { value: 34, unit: 'mg/dL' } },
    });
    // The unit's first part is enough when it names one unit; "g" could be g/dL or g/L, so it is asked about.
    expect(readCaseForm({ bilirubin: text('34 µmol'), creatinine: text('0.9mg') })).toEqual({
      ok: true,
      input: { bilirubin: { value: 34, unit: 'umol/L' }, creatinine: { value: 0.9, unit: 'mg/dL' } },
    });
    expect(readCaseForm({ units: choice('si'), albumin: text('31 g') })).toMatchObject({
      ok: false,
      errors: { albumin: expect.stringMatching(/^Albumin: enter a number, with g\/L or g\/dL/) },
    });
  });

  it('reads AFP digit groups, and asks about a thousands separator that could be a decimal', () => {
    expect(readCaseForm({ afp: text('12 000') })).toEqual({ ok: true, input: { afp: 12000 } });
    expect(readCaseForm({ afp: text('1,200') })).toEqual({
      ok: false,
      errors: {
        afp: 'AFP (ng/mL): 1,200 could be 1.2 or 1200; type the one you mean, with no thousands separator',
      },
    });
    expect(readCaseForm({ afp: text('8,5') })).toEqual({ ok: true, input: { afp: 8.5 } });
  });

  it('an empty form (or one with only "not known") asks for at least one value', () => {
    expect(readCaseForm({})).toEqual({
      ok: false,
      errors: { bilirubin: expect.stringMatching(/at least one/) },
    });
    expect(readCaseForm({ dialysis: choice('unknown'), units: choice('si') })).toEqual({
      ok: false,
      errors: { bilirubin: 'Enter at least one value to assess, e.g. Bilirubin 34 µmol/L' },
    });
  });

  it('maps validation paths to blocks', () => {
    expect(blockForPath('bilirubin.value')).toBe('bilirubin');
    expect(blockForPath('nodulesCm.0')).toBe('nodulesCm');
    expect(blockForPath('largestNoduleCm')).toBe('largestNoduleCm');
    expect(blockForPath('dialysis')).toBe('dialysis');
    expect(blockForPath('ecogCancerRelated')).toBe('ecogCancerRelated');
    expect(blockForPath('(input)')).toBe('bilirubin');
  });
});

describe('readFormTarget', () => {
  it('keeps opaque ids only and survives garbage', () => {
    expect(readFormTarget('{"channel":"C1","thread_ts":"1700000000.000100"}')).toEqual({
      channel: 'C1',
      thread_ts: '1700000000.000100',
    });
    expect(readFormTarget('{"channel":"<script>"}')).toEqual({});
    expect(readFormTarget('nope')).toEqual({});
    expect(readFormTarget(undefined)).toEqual({});
  });
});
