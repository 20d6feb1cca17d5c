import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import {
  type AscitesSchema,
  type CaseInput,
  type CaseInputJson,
  CaseInputSchema,
  type EncephalopathySchema,
} from '../clinical/caseInput.js';
import { FIELD_INFO, type FieldInfo } from '../clinical/fields.js';
import type { UnitSystem } from '../parse/parseResult.js';
import { checkDual, DUAL_UNITS, type DualField, type DualUnit } from '../parse/units.js';

/**
 * The case form (modal `hcc_case_form`): building the view and reading a submission back into CaseInput JSON.
 * Pure functions; the listeners in `views/` and `actions/` only open and acknowledge. Labels, units and ranges come
 * from FIELD_INFO and the schema, so the form says what the rest of the product says.
 */

export const CASE_FORM_CALLBACK_ID = 'hcc_case_form';

/** Where the summary goes after submit. Opaque ids only: no text, no names. */
export interface FormTarget {
  channel?: string;
  thread_ts?: string;
}

/** Every optional yes/no the scores read; "not known" leaves the field absent, which the rules report as not stated. */
export const TRI_STATE_FIELDS = [
  'dialysis',
  'cholestatic',
  'ecogCancerRelated',
  'macrovascularInvasion',
  'extrahepaticSpread',
  'infiltrative',
  'portalHypertension',
] as const satisfies readonly (keyof CaseInput)[];
export type TriStateField = (typeof TRI_STATE_FIELDS)[number];

export const BLOCK = {
  units: 'units',
  bilirubin: 'bilirubin',
  albumin: 'albumin',
  inr: 'inr',
  creatinine: 'creatinine',
  sodium: 'sodium',
  afp: 'afp',
  ascites: 'ascites',
  encephalopathy: 'encephalopathy',
  ecog: 'ecog',
  sex: 'sex',
  nodulesCm: 'nodulesCm',
  noduleCount: 'noduleCount',
  largestNoduleCm: 'largestNoduleCm',
  ...(Object.fromEntries(TRI_STATE_FIELDS.map((f) => [f, f])) as { [F in TriStateField]: F }),
} as const;
export type BlockId = (typeof BLOCK)[keyof typeof BLOCK];

/** The answers of a yes / no / not known question. */
export const TRI_STATE = { yes: true, no: false, unknown: undefined } as const;
type TriStateAnswer = keyof typeof TRI_STATE;
const TRI_STATE_LABEL: Record<TriStateAnswer, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };

const UNIT_LABEL: Record<DualUnit, string> = {
  'mg/dL': 'mg/dL',
  'umol/L': 'µmol/L',
  'g/dL': 'g/dL',
  'g/L': 'g/L',
};
const DUAL_FIELDS = ['bilirubin', 'albumin', 'creatinine'] as const satisfies readonly DualField[];
const SYSTEMS = ['si', 'us'] as const satisfies readonly UnitSystem[];

/** A typical value per field, for placeholders and error messages ("e.g. 34 µmol/L"). */
const EXAMPLE: Record<DualField, Record<UnitSystem, string>> = {
  bilirubin: { si: '34', us: '2.0' },
  albumin: { si: '31', us: '3.1' },
  creatinine: { si: '80', us: '0.9' },
};
const SCALAR_EXAMPLE = {
  inr: '1.3',
  sodium: '137',
  afp: '250',
  nodulesCm: '4.2, 2.1, 1.5',
  noduleCount: '3',
  largestNoduleCm: '4.2',
} as const;

const ASCITES_LABEL: Record<(typeof AscitesSchema.options)[number], string> = {
  none: 'None',
  mild: 'Mild',
  'moderate-severe': 'Moderate to severe',
};
const ENCEPHALOPATHY_LABEL: Record<(typeof EncephalopathySchema.options)[number], string> = {
  none: 'None',
  'grade-1-2': 'Grade 1–2',
  'grade-3-4': 'Grade 3–4',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
type FormField = keyof typeof FIELD_INFO;
/** The field's name as a form label: "Sodium (mmol/L)", "Largest nodule (cm)". */
export function fieldLabel(field: FormField): string {
  const info: FieldInfo = FIELD_INFO[field];
  return `${capitalise(info.label)}${info.unit ? ` (${info.unit})` : ''}`;
}
const withUnit = (value: string, unit: DualUnit) => `${value} ${UNIT_LABEL[unit]}`;
const example = (field: DualField, units: UnitSystem | undefined) =>
  units
    ? withUnit(EXAMPLE[field][units], DUAL_UNITS[field][units])
    : SYSTEMS.map((s) => withUnit(EXAMPLE[field][s], DUAL_UNITS[field][s])).join(' or ');
/** "SI (µmol/L, g/L)": the system and the units it reads the labs in. */
const systemLabel = (s: UnitSystem) =>
  `${s.toUpperCase()} (${[...new Set(DUAL_FIELDS.map((f) => UNIT_LABEL[DUAL_UNITS[f][s]]))].join(', ')})`;

const option = (value: string, label: string): PlainTextOption => ({
  text: { type: 'plain_text', text: label },
  value,
});

function textInput(blockId: BlockId, label: string, placeholder: string, hint?: string): KnownBlock {
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

function select(
  blockId: BlockId,
  label: string,
  options: PlainTextOption[],
  initial?: string,
  hint?: string,
): KnownBlock {
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
    ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
  };
}

const labeled = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((k) => option(k, labels[k]));

const triState = (field: TriStateField) => {
  const info: FieldInfo = FIELD_INFO[field];
  return select(
    BLOCK[field],
    capitalise(FIELD_INFO[field].label),
    labeled(TRI_STATE_LABEL),
    'unknown',
    info.hint,
  );
};

const lab = (field: DualField, units: UnitSystem | undefined) =>
  textInput(BLOCK[field], fieldLabel(field), `e.g. ${example(field, units)}`);

export function buildCaseForm(target: FormTarget, units: UnitSystem | undefined): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `${target.thread_ts ? "The values add to this thread's case. " : ''}Enter what you have; every field is optional and "Not known" is left out. Do not enter names, record numbers or dates of birth.`,
        },
      ],
    },
    select(
      BLOCK.units,
      'Units',
      SYSTEMS.map((s) => option(s, systemLabel(s))),
      units,
      'A unit typed beside a value wins, e.g. 2.0 mg/dL.',
    ),
    lab('bilirubin', units),
    lab('albumin', units),
    textInput(BLOCK.inr, fieldLabel('inr'), `e.g. ${SCALAR_EXAMPLE.inr}`),
    lab('creatinine', units),
    triState('dialysis'),
    textInput(BLOCK.sodium, fieldLabel('sodium'), `e.g. ${SCALAR_EXAMPLE.sodium}`),
    textInput(BLOCK.afp, fieldLabel('afp'), `e.g. ${SCALAR_EXAMPLE.afp}`),
    select(BLOCK.ascites, fieldLabel('ascites'), labeled(ASCITES_LABEL)),
    select(BLOCK.encephalopathy, fieldLabel('encephalopathy'), labeled(ENCEPHALOPATHY_LABEL)),
    triState('cholestatic'),
    select(
      BLOCK.ecog,
      fieldLabel('ecog'),
      ['0', '1', '2', '3', '4'].map((v) => option(v, v)),
    ),
    triState('ecogCancerRelated'),
    textInput(
      BLOCK.nodulesCm,
      fieldLabel('nodulesCm'),
      `e.g. ${SCALAR_EXAMPLE.nodulesCm}`,
      `One per nodule; or give the ${FIELD_INFO.noduleCount.label} and the ${FIELD_INFO.largestNoduleCm.label} below.`,
    ),
    textInput(BLOCK.noduleCount, fieldLabel('noduleCount'), `e.g. ${SCALAR_EXAMPLE.noduleCount}`),
    textInput(BLOCK.largestNoduleCm, fieldLabel('largestNoduleCm'), `e.g. ${SCALAR_EXAMPLE.largestNoduleCm}`),
    triState('macrovascularInvasion'),
    triState('extrahepaticSpread'),
    triState('infiltrative'),
    triState('portalHypertension'),
    select(BLOCK.sex, fieldLabel('sex'), [option('female', 'Female'), option('male', 'Male')]),
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
const toNumber = (s: string) => Number(s.replace(',', '.'));

/**
 * A unit typed beside a lab value, in the schema's spelling ("umol/L"), or undefined when it is not one of them. The
 * unit's first part alone ("umol", "mg") is enough when only one of the field's units starts so.
 */
function typedUnit(field: DualField, unit: string): DualUnit | undefined {
  const key = unit.toLowerCase().replace(/[µμ]/g, 'u');
  const units = SYSTEMS.map((s) => DUAL_UNITS[field][s]);
  const exact = units.find((u) => u.toLowerCase() === key);
  if (exact) return exact;
  const partial = units.filter((u) => u.toLowerCase().startsWith(`${key}/`));
  return partial.length === 1 ? partial[0] : undefined;
}

/**
 * The form's values as CaseInput JSON, or one clear message per block: what is wrong, in the field's own name, with
 * an example. Ranges are the schema's, so the form refuses exactly what every other door refuses.
 */
export function readCaseForm(values: FormValues): FormReading {
  const errors: Partial<Record<BlockId, string>> = {};
  const input: Record<string, unknown> = {};
  const text = (block: BlockId) => values[block]?.value?.value?.trim() ?? '';
  const choice = (block: BlockId) => values[block]?.choice?.selected_option?.value;
  const system = SYSTEMS.find((s) => s === choice(BLOCK.units));

  const scalar = (field: 'inr' | 'sodium' | 'afp' | 'largestNoduleCm' | 'noduleCount') => {
    const info: FieldInfo = FIELD_INFO[field];
    let raw = text(BLOCK[field]);
    if (info.unit && raw.toLowerCase().endsWith(info.unit.toLowerCase()))
      raw = raw.slice(0, -info.unit.length).trim();
    if (raw === '') return;
    // AFP runs into thousands: "12 000" is grouped digits; "1,200" or "1.200" could be 1.2 or 1200, so it is asked.
    if (field === 'afp') {
      if (/^\d{1,3}(?: \d{3})+$/.test(raw)) raw = raw.replace(/ /g, '');
      else if (/^\d{1,3}[.,]\d{3}$/.test(raw)) {
        errors[BLOCK.afp] =
          `${fieldLabel('afp')}: ${raw} could be ${raw.replace(',', '.').replace(/\.?0+$/, '')} or ${raw.replace(/[.,]/, '')}; type the one you mean, with no thousands separator`;
        return;
      }
    }
    const whole = field === 'noduleCount';
    if (whole ? !/^\d+$/.test(raw) : !NUMBER.test(raw)) {
      errors[BLOCK[field]] =
        `${fieldLabel(field)}: enter ${whole ? 'a whole number' : 'a number'}, e.g. ${SCALAR_EXAMPLE[field]}`;
      return;
    }
    input[field] = toNumber(raw);
  };

  const missingUnit: DualField[] = [];
  for (const field of DUAL_FIELDS) {
    const raw = text(BLOCK[field]);
    if (raw === '') continue;
    const m = /^(\d+(?:[.,]\d+)?)\s*([a-zµμ/]*)$/i.exec(raw);
    const typed = m?.[2] ? typedUnit(field, m[2]) : undefined;
    if (!m || (m[2] && !typed)) {
      errors[BLOCK[field]] =
        `${fieldLabel(field)}: enter a number, with ${SYSTEMS.map((s) => UNIT_LABEL[DUAL_UNITS[field][s]]).join(' or ')} if you like, e.g. ${example(field, system)}`;
      continue;
    }
    const value = toNumber(m[1] as string);
    if (typed) {
      input[field] = { value, unit: typed };
      continue;
    }
    if (!system) {
      missingUnit.push(field);
      continue;
    }
    // A bare number that only makes sense in the other unit system is asked about, not read wrongly.
    const unit = DUAL_UNITS[field][system];
    const other = SYSTEMS.find((s) => s !== system) as UnitSystem;
    const otherUnit = DUAL_UNITS[field][other];
    if (checkDual(field, unit, value).status !== 'ok' && checkDual(field, otherUnit, value).status === 'ok') {
      errors[BLOCK[field]] =
        `${fieldLabel(field)} ${withUnit(m[1] as string, unit)} is unusual. If you meant ${UNIT_LABEL[otherUnit]}, type it, e.g. ${withUnit(m[1] as string, otherUnit)}; to keep ${UNIT_LABEL[unit]}, type that.`;
      continue;
    }
    input[field] = { value, unit };
  }
  if (missingUnit.length > 0) {
    errors[BLOCK.units] =
      `Choose SI or US for ${missingUnit.map((f) => FIELD_INFO[f].label).join(', ')}, or type the unit beside the value, e.g. ${example(missingUnit[0] as DualField, 'si')}`;
  }

  scalar('inr');
  scalar('sodium');
  scalar('afp');

  const ascites = choice(BLOCK.ascites);
  if (ascites) input.ascites = ascites;
  const he = choice(BLOCK.encephalopathy);
  if (he) input.encephalopathy = he;
  const ecog = choice(BLOCK.ecog);
  if (ecog) input.ecog = Number(ecog);
  const sex = choice(BLOCK.sex);
  if (sex) input.sex = sex;

  const nodules = text(BLOCK.nodulesCm)
    .replace(/cm/gi, ' ')
    .split(/\s*(?:[,;+]|\band\b|\s)\s*/i)
    .filter((s) => s !== '');
  if (nodules.length > 0) {
    if (nodules.every((n) => NUMBER.test(n) && toNumber(n) > 0)) {
      input.nodulesCm = nodules.map(toNumber);
    } else {
      errors[BLOCK.nodulesCm] =
        `${fieldLabel('nodulesCm')}: one number per nodule, separated by commas, e.g. ${SCALAR_EXAMPLE.nodulesCm}`;
    }
  }
  scalar('noduleCount');
  scalar('largestNoduleCm');
  const list = input.nodulesCm as number[] | undefined;
  if (list && input.noduleCount !== undefined && input.noduleCount !== list.length) {
    errors[BLOCK.noduleCount] =
      `${fieldLabel('noduleCount')} is ${input.noduleCount} but ${list.length} diameters are listed; leave one empty or make them agree`;
  }
  if (list && input.largestNoduleCm !== undefined && input.largestNoduleCm !== Math.max(...list)) {
    errors[BLOCK.largestNoduleCm] =
      `${fieldLabel('largestNoduleCm')} is ${input.largestNoduleCm} but the largest listed is ${Math.max(...list)}; leave one empty or make them agree`;
  }
  if (!list && input.largestNoduleCm !== undefined && input.noduleCount === undefined) {
    errors[BLOCK.noduleCount] =
      `Give the ${FIELD_INFO.noduleCount.label} with the ${FIELD_INFO.largestNoduleCm.label}, e.g. ${SCALAR_EXAMPLE.noduleCount}`;
  }

  for (const field of TRI_STATE_FIELDS) {
    const answer = choice(BLOCK[field]);
    if (answer && Object.hasOwn(TRI_STATE, answer)) {
      const value = TRI_STATE[answer as TriStateAnswer];
      if (value !== undefined) input[field] = value;
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (Object.keys(input).length === 0) {
    return {
      ok: false,
      errors: {
        [BLOCK.bilirubin]: `Enter at least one value to assess, e.g. ${fieldLabel('bilirubin')} ${example('bilirubin', system)}`,
      },
    };
  }
  // The schema's ranges, worded for the form.
  const checked = CaseInputSchema.safeParse(input);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const block = blockForPath(issue.path.join('.'));
      errors[block] ??= formProblem(issue.path.join('.'), issue.message, system);
    }
    return { ok: false, errors };
  }
  return { ok: true, input: input as CaseInputJson };
}

/** A schema or pipeline problem in the form's words: "INR must be between 0.5 and 10, e.g. 1.3". */
export function formProblem(path: string, message: string, units?: UnitSystem): string {
  const block = blockForPath(path);
  const field = (Object.hasOwn(FIELD_INFO, block) ? block : 'bilirubin') as FormField;
  const eg =
    field === 'bilirubin' || field === 'albumin' || field === 'creatinine'
      ? example(field, units)
      : field in SCALAR_EXAMPLE
        ? SCALAR_EXAMPLE[field as keyof typeof SCALAR_EXAMPLE]
        : undefined;
  return `${fieldLabel(field)} ${message}${eg ? `, e.g. ${eg}` : ''}`;
}

/** Maps a CaseInput validation path ("bilirubin.value", "nodulesCm.0") to the form block that shows it. */
export function blockForPath(path: string): BlockId {
  const head = path.split('.')[0] ?? '';
  if (Object.hasOwn(BLOCK, head)) return BLOCK[head as keyof typeof BLOCK];
  if (head === 'totalDiameterCm') return BLOCK.nodulesCm;
  return BLOCK.bilirubin;
}
