import { describe, expect, it } from 'vitest';
import {
  BLOCK,
  blockForPath,
  buildCaseForm,
  type FormValues,
  readCaseForm,
  readFormTarget,
} from '../../src/slack/form.js';

const text = (v: string) => ({ value: { type: 'plain_text_input', value: v } });
const choice = (v: string) => ({ choice: { type: 'static_select', selected_option: { value: v } } });

describe('buildCaseForm', () => {
  it('is a modal within Slack limits, with unit selects preset from the team default', () => {
    const view = buildCaseForm({ channel: 'C1', thread_ts: '1.2' }, 'us');
    expect(view.callback_id).toBe('hcc_case_form');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ channel: 'C1', thread_ts: '1.2' });
    const unit = view.blocks.find((b) => b.block_id === BLOCK.bilirubinUnit) as {
      element: { initial_option?: { value: string } };
    };
    expect(unit.element.initial_option?.value).toBe('mg/dL');
    const ids = view.blocks.map((b) => b.block_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves units unset when the team has no default (the submitter must choose)', () => {
    const view = buildCaseForm({}, undefined);
    const unit = view.blocks.find((b) => b.block_id === BLOCK.albuminUnit) as { element: object };
    expect(unit.element).not.toHaveProperty('initial_option');
  });
});

describe('readCaseForm', () => {
  it('builds CaseInput JSON from every kind of field', () => {
    const values: FormValues = {
      bilirubin: text('2,1'),
      bilirubin_unit: choice('mg/dL'),
      albumin: text('3.1 g/dL'),
      albumin_unit: choice('g/dL'),
      inr: text('1.3'),
      creatinine: text('88'),
      creatinine_unit: choice('umol/L'),
      sodium: text('137'),
      afp: text('250'),
      ascites: choice('moderate-severe'),
      encephalopathy: choice('grade-1-2'),
      ecog: choice('1'),
      sex: choice('female'),
      nodules: text('4.2cm, 2.1 and 1'),
      flags: { checked: { selected_options: [{ value: 'dialysis' }, { value: 'extrahepaticSpread' }] } },
    };
    expect(readCaseForm(values)).toEqual({
      ok: true,
      input: {
        bilirubin: { value: 2.1, unit: 'mg/dL' },
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
        extrahepaticSpread: true,
      },
    });
  });

  it('reports per-block errors: not a number, missing unit, bad nodule list', () => {
    const r = readCaseForm({ inr: text('high'), albumin: text('31'), nodules: text('4.2, lots') });
    expect(r).toEqual({
      ok: false,
      errors: {
        inr: expect.stringMatching(/number/),
        albumin_unit: expect.stringMatching(/unit/),
        nodules: expect.stringMatching(/diameter/),
      },
    });
  });

  it('the ECOG box marks performance status as not cancer-related; the CSPH box sets portal hypertension', () => {
    const r = readCaseForm({
      ecog: choice('2'),
      flags: {
        checked: { selected_options: [{ value: 'ecogNotCancerRelated' }, { value: 'portalHypertension' }] },
      },
    });
    expect(r).toEqual({ ok: true, input: { ecog: 2, ecogCancerRelated: false, portalHypertension: true } });
  });

  it('an empty form asks for at least one value', () => {
    expect(readCaseForm({})).toEqual({ ok: false, errors: { bilirubin: expect.any(String) } });
  });

  it('maps validation paths to blocks', () => {
    expect(blockForPath('bilirubin.value')).toBe('bilirubin');
    expect(blockForPath('nodulesCm.0')).toBe('nodules');
    expect(blockForPath('largestNoduleCm')).toBe('nodules');
    expect(blockForPath('dialysis')).toBe('flags');
    expect(blockForPath('ecogCancerRelated')).toBe('flags');
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
