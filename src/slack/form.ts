import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import {
  ALBUMIN_UNITS,
  BILIRUBIN_UNITS,
  type CaseInputJson,
  CREATININE_UNITS,
} from '../clinical/caseInput.js';
import type { UnitSystem } from '../parse/parseResult.js';

/**
 * The case form (modal `hcc_case_form`): building the view and reading a submission back into CaseInput JSON.
 * Pure functions; the listeners in `views/` and `actions/` only open and acknowledge.
 */

export const CASE_FORM_CALLBACK_ID = 'hcc_case_form';

/** Where the summary goes after submit. Opaque ids only: no text, no names. */
export interface FormTarget {
  channel?: string;
  thread_ts?: string;
}

export const BLOCK = {
  bilirubin: 'bilirubin',
  bilirubinUnit: 'bilirubin_unit',
  albumin: 'albumin',
  albuminUnit: 'albumin_unit',
  creatinine: 'creatinine',
  creatinineUnit: 'creatinine_unit',
  inr: 'inr',
  sodium: 'sodium',
  afp: 'afp',
  ascites: 'ascites',
  encephalopathy: 'encephalopathy',
  ecog: 'ecog',
  sex: 'sex',
  nodules: 'nodules',
  flags: 'flags',
} as const;
export type BlockId = (typeof BLOCK)[keyof typeof BLOCK];

const UNIT_LABEL: Record<string, string> = {
  'mg/dL': 'mg/dL',
  'umol/L': 'µmol/L',
  'g/dL': 'g/dL',
  'g/L': 'g/L',
};

const option = (value: string, label: string): PlainTextOption => ({
  text: { type: 'plain_text', text: label },
  value,
});

const DEFAULT_UNIT: Record<UnitSystem, { bilirubin: string; albumin: string; creatinine: string }> = {
  us: { bilirubin: 'mg/dL', albumin: 'g/dL', creatinine: 'mg/dL' },
  si: { bilirubin: 'umol/L', albumin: 'g/L', creatinine: 'umol/L' },
};

function numberInput(blockId: string, label: string, placeholder: string, hint?: string): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'plain_text_input',
      action_id: 'value',
      placeholder: { type: 'plain_text', text: placeholder },
    },
    ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
  };
}

function select(blockId: string, label: string, options: PlainTextOption[], initial?: string): KnownBlock {
  const initialOption = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'static_select',
      action_id: 'choice',
      placeholder: { type: 'plain_text', text: 'Choose' },
      options,
      ...(initialOption ? { initial_option: initialOption } : {}),
    },
  };
}

const unitSelect = (blockId: string, label: string, units: readonly string[], initial?: string) =>
  select(
    blockId,
    label,
    units.map((u) => option(u, UNIT_LABEL[u] ?? u)),
    initial,
  );

export const FLAG_OPTIONS = {
  macrovascularInvasion: 'Macrovascular invasion (e.g. PVTT)',
  extrahepaticSpread: 'Extrahepatic spread',
  infiltrative: 'Infiltrative tumour',
  dialysis: 'Dialysis (≥2 sessions in the last 7 days)',
  cholestatic: 'Cholestatic disease (PBC/PSC)',
  portalHypertension: 'Clinically significant portal hypertension',
  ecogNotCancerRelated: 'ECOG 1–2 from another condition (not cancer-related)',
} as const;
type Flag = keyof typeof FLAG_OPTIONS;

/** What each ticked box sets in the CaseInput; the ECOG box is the one that sets a field to false. */
const FLAG_FIELDS: Record<Flag, { field: keyof CaseInputJson; value: boolean }> = {
  macrovascularInvasion: { field: 'macrovascularInvasion', value: true },
  extrahepaticSpread: { field: 'extrahepaticSpread', value: true },
  infiltrative: { field: 'infiltrative', value: true },
  dialysis: { field: 'dialysis', value: true },
  cholestatic: { field: 'cholestatic', value: true },
  portalHypertension: { field: 'portalHypertension', value: true },
  ecogNotCancerRelated: { field: 'ecogCancerRelated', value: false },
};
const FLAG_FIELD_NAMES: ReadonlySet<string> = new Set(Object.values(FLAG_FIELDS).map((f) => f.field));

export function buildCaseForm(target: FormTarget, units: UnitSystem | undefined): ModalView {
  const d = units ? DEFAULT_UNIT[units] : undefined;
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'Enter what you have; every field is optional. Do not enter names, record numbers or dates of birth.',
        },
      ],
    },
    numberInput(BLOCK.bilirubin, 'Bilirubin', 'e.g. 34'),
    unitSelect(BLOCK.bilirubinUnit, 'Bilirubin unit', BILIRUBIN_UNITS, d?.bilirubin),
    numberInput(BLOCK.albumin, 'Albumin', 'e.g. 31'),
    unitSelect(BLOCK.albuminUnit, 'Albumin unit', ALBUMIN_UNITS, d?.albumin),
    numberInput(BLOCK.inr, 'INR', 'e.g. 1.3'),
    numberInput(BLOCK.creatinine, 'Creatinine', 'e.g. 88'),
    unitSelect(BLOCK.creatinineUnit, 'Creatinine unit', CREATININE_UNITS, d?.creatinine),
    numberInput(BLOCK.sodium, 'Sodium (mmol/L)', 'e.g. 137'),
    numberInput(BLOCK.afp, 'AFP (ng/mL)', 'e.g. 250'),
    select(BLOCK.ascites, 'Ascites', [
      option('none', 'None'),
      option('mild', 'Mild'),
      option('moderate-severe', 'Moderate to severe'),
    ]),
    select(BLOCK.encephalopathy, 'Hepatic encephalopathy', [
      option('none', 'None'),
      option('grade-1-2', 'Grade 1–2'),
      option('grade-3-4', 'Grade 3–4'),
    ]),
    select(
      BLOCK.ecog,
      'ECOG performance status',
      ['0', '1', '2', '3', '4'].map((v) => option(v, v)),
    ),
    select(BLOCK.sex, 'Sex (for MELD 3.0)', [option('female', 'Female'), option('male', 'Male')]),
    numberInput(BLOCK.nodules, 'Nodule sizes (cm)', 'e.g. 4.2, 2.1, 1.5', 'One diameter per nodule, in cm.'),
    {
      type: 'input',
      block_id: BLOCK.flags,
      optional: true,
      label: { type: 'plain_text', text: 'Findings' },
      element: {
        type: 'checkboxes',
        action_id: 'checked',
        options: (Object.keys(FLAG_OPTIONS) as Flag[]).map((k) => option(k, FLAG_OPTIONS[k])),
      },
    },
  ];
  return {
    type: 'modal',
    callback_id: CASE_FORM_CALLBACK_ID,
    title: { type: 'plain_text', text: 'HCC MDT case' },
    submit: { type: 'plain_text', text: 'Assess' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(target),
    blocks,
  };
}

/** Reads `private_metadata` back; anything unexpected becomes "no target" (the reply then goes by DM). */
export function readFormTarget(privateMetadata: string | undefined): FormTarget {
  try {
    const raw = JSON.parse(privateMetadata ?? '{}') as Record<string, unknown>;
    const id = (v: unknown) => (typeof v === 'string' && /^[A-Z0-9.]{1,40}$/i.test(v) ? v : undefined);
    const channel = id(raw.channel);
    const thread = id(raw.thread_ts);
    return { ...(channel ? { channel } : {}), ...(thread ? { thread_ts: thread } : {}) };
  } catch {
    return {};
  }
}

/** The shape of `view.state.values` that this form produces. */
export type FormValues = Record<
  string,
  Record<
    string,
    {
      type?: string;
      value?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: { value: string }[];
    }
  >
>;

export type FormReading =
  | { ok: true; input: CaseInputJson }
  | { ok: false; errors: Partial<Record<BlockId, string>> };

const NUMBER = /^\d+(?:[.,]\d+)?$/;

export function readCaseForm(values: FormValues): FormReading {
  const errors: Partial<Record<BlockId, string>> = {};
  const input: Record<string, unknown> = {};
  const text = (block: BlockId) => values[block]?.value?.value?.trim() ?? '';
  const choice = (block: BlockId) => values[block]?.choice?.selected_option?.value;

  const num = (block: BlockId): number | undefined => {
    const raw = text(block).replace(/\s*(?:mg\/dl|umol\/l|µmol\/l|g\/dl|g\/l|mmol\/l|ng\/ml)$/i, '');
    if (raw === '') return undefined;
    if (!NUMBER.test(raw)) {
      errors[block] = 'Enter a number, e.g. 34 or 1.3';
      return undefined;
    }
    return Number(raw.replace(',', '.'));
  };

  const lab = (field: 'bilirubin' | 'albumin' | 'creatinine', block: BlockId, unitBlock: BlockId) => {
    const value = num(block);
    if (value === undefined) return;
    const unit = choice(unitBlock);
    if (!unit) {
      errors[unitBlock] = `Choose the unit for ${field}`;
      return;
    }
    input[field] = { value, unit };
  };
  lab('bilirubin', BLOCK.bilirubin, BLOCK.bilirubinUnit);
  lab('albumin', BLOCK.albumin, BLOCK.albuminUnit);
  lab('creatinine', BLOCK.creatinine, BLOCK.creatinineUnit);
  const inr = num(BLOCK.inr);
  if (inr !== undefined) input.inr = inr;
  const sodium = num(BLOCK.sodium);
  if (sodium !== undefined) input.sodium = sodium;
  const afp = num(BLOCK.afp);
  if (afp !== undefined) input.afp = afp;

  const ascites = choice(BLOCK.ascites);
  if (ascites) input.ascites = ascites;
  const he = choice(BLOCK.encephalopathy);
  if (he) input.encephalopathy = he;
  const ecog = choice(BLOCK.ecog);
  if (ecog) input.ecog = Number(ecog);
  const sex = choice(BLOCK.sex);
  if (sex) input.sex = sex;

  const nodules = text(BLOCK.nodules)
    .replace(/cm/gi, ' ')
    .split(/\s*(?:[,;+]|\band\b|\s)\s*/i)
    .filter((s) => s !== '');
  if (nodules.length > 0) {
    if (nodules.every((n) => /^\d+(?:\.\d+)?$/.test(n) && Number(n) > 0)) {
      input.nodulesCm = nodules.map(Number);
    } else {
      errors[BLOCK.nodules] = 'List each diameter in cm, separated by commas, e.g. 4.2, 2.1';
    }
  }

  const flags = values[BLOCK.flags]?.checked?.selected_options ?? [];
  for (const f of flags) {
    const set = FLAG_FIELDS[f.value as Flag];
    if (set) input[set.field] = set.value;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const hasValue = Object.keys(input).some((k) => !FLAG_FIELD_NAMES.has(k));
  if (!hasValue && flags.length === 0) {
    return { ok: false, errors: { [BLOCK.bilirubin]: 'Enter at least one value to assess' } };
  }
  return { ok: true, input: input as CaseInputJson };
}

/** Maps a CaseInput validation path ("bilirubin.value", "nodulesCm.0") to the form block that shows it. */
export function blockForPath(path: string): BlockId {
  const head = path.split('.')[0] ?? '';
  if (head in BLOCK) return BLOCK[head as keyof typeof BLOCK];
  if (head.startsWith('nodule') || head === 'largestNoduleCm' || head === 'totalDiameterCm')
    return BLOCK.nodules;
  if (FLAG_FIELD_NAMES.has(head)) return BLOCK.flags;
  return BLOCK.bilirubin;
}
