import { z } from 'zod';
import {
  acceptedRange,
  betweenMessage,
  type DualUnitField,
  FIELD_INFO,
  type FieldName,
  labRange,
  type ScalarRangeField,
  scalarRange,
  withRange,
} from './fields.js';

/**
 * The case as the clinical core receives it: every field optional, nothing imputed.
 *
 * This schema is the JSON contract other tools depend on: field names are never renamed.
 * Accepted ranges and their messages come from the one field table (fields.ts), which the parser shares.
 */

/**
 * A lab value with its unit. The accepted range depends on the unit, so it is checked on the object itself: a
 * refinement here runs even when other fields fail, and the user hears about every problem at once.
 */
const labValue = <U extends readonly [string, ...string[]]>(field: DualUnitField, units: U) =>
  z
    .strictObject({
      value: z
        .number({ error: withRange(field, 'must be a number') })
        .finite()
        .positive(withRange(field, 'must be greater than zero')),
      unit: z.enum(units, { error: `unit must be one of ${units.map((u) => `"${u}"`).join(', ')}` }),
    })
    .superRefine((lab, ctx) => {
      const range = labRange(field, lab.unit);
      if (range && (lab.value < range.min || lab.value > range.max)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: betweenMessage(range, lab.unit) });
      }
    });

export const BILIRUBIN_UNITS = ['mg/dL', 'umol/L'] as const;
export const ALBUMIN_UNITS = ['g/dL', 'g/L'] as const;
export const CREATININE_UNITS = ['mg/dL', 'umol/L'] as const;

export const BilirubinSchema = labValue('bilirubin', BILIRUBIN_UNITS);
export const AlbuminSchema = labValue('albumin', ALBUMIN_UNITS);
export const CreatinineSchema = labValue('creatinine', CREATININE_UNITS);

export const AscitesSchema = z.enum(['none', 'mild', 'moderate-severe']);
export const EncephalopathySchema = z.enum(['none', 'grade-1-2', 'grade-3-4']);
export const SexSchema = z.enum(['female', 'male']);

/** A number in the field's one accepted range; every message names the range (FIELD_INFO). */
const rangeCheck = (field: ScalarRangeField) => {
  const r = scalarRange(field);
  const unit: string | undefined = (FIELD_INFO[field] as { unit?: string }).unit;
  const between = betweenMessage(r, unit);
  return z
    .number({ error: withRange(field, 'must be a number') })
    .finite()
    .min(r.min, between)
    .max(r.max, between);
};
/** A range-checked number that must also be above 0 (a diameter, AFP). */
const aboveZero = (field: ScalarRangeField) =>
  rangeCheck(field).refine((v) => v > 0, withRange(field, 'must be greater than zero'));
/** A range-checked whole number, every message in the field's words ("must be a whole number from 0 to 4"). */
const wholeNumber = (field: ScalarRangeField) => {
  const r = scalarRange(field);
  const words = `must be ${acceptedRange(field)}`;
  return z.number({ error: words }).int(words).min(r.min, words).max(r.max, words);
};

export const CaseInputSchema = z
  .strictObject({
    bilirubin: BilirubinSchema.optional(),
    albumin: AlbuminSchema.optional(),
    creatinine: CreatinineSchema.optional(),
    inr: rangeCheck('inr').optional(),
    /** Prothrombin time prolongation over control, seconds; used by Child-Pugh only when INR is absent. */
    ptProlongationSeconds: rangeCheck('ptProlongationSeconds').optional(),
    /** mmol/L (= mEq/L). */
    sodium: rangeCheck('sodium').optional(),
    /** ng/mL (= ug/L). */
    afp: aboveZero('afp').optional(),
    /** PIVKA-II / DCP: kept and shown, never scored; assay units are not interconvertible. */
    pivka: z
      .strictObject({
        value: z.number().finite().positive('must be greater than zero'),
        unit: z.enum(['mAU/mL', 'ng/mL']),
      })
      .optional(),
    ascites: AscitesSchema.optional(),
    encephalopathy: EncephalopathySchema.optional(),
    ecog: wholeNumber('ecog').optional(),
    /**
     * BCLC upstages on cancer-related performance status only; ECOG from comorbidity is marked false. Absent means
     * not stated: BCLC reads ECOG 1-2 as cancer-related and says so (bclc.ts).
     */
    ecogCancerRelated: z.boolean().optional(),
    sex: SexSchema.optional(),
    /**
     * >= 2 dialysis sessions, or >= 24 h of CVVHD, in the 7 days before the creatinine. Absent means not stated: the
     * MELD family uses the creatinine given (meld.ts).
     */
    dialysis: z.boolean().optional(),
    /**
     * PBC or PSC: Child-Pugh uses the cholestatic bilirubin bands. Absent means not stated: the standard bands are
     * used, with an assumption where the two would score differently (childPugh.ts).
     */
    cholestatic: z.boolean().optional(),
    nodulesCm: z
      .array(aboveZero('nodulesCm'))
      .min(1, 'needs at least one diameter')
      .max(FIELD_INFO.noduleCount.range.max, `lists at most ${FIELD_INFO.noduleCount.range.max} diameters`)
      .optional(),
    noduleCount: wholeNumber('noduleCount').optional(),
    largestNoduleCm: aboveZero('largestNoduleCm').optional(),
    totalDiameterCm: aboveZero('totalDiameterCm').optional(),
    /**
     * Absent means not stated. BCLC and the transplant criteria read an absent invasion or spread as absent and say
     * so (notStated.ts); BCLC-B reads an absent infiltrative pattern the same way.
     */
    macrovascularInvasion: z.boolean().optional(),
    extrahepaticSpread: z.boolean().optional(),
    infiltrative: z.boolean().optional(),
    /** Clinically significant portal hypertension (BCLC 0/A resection branch). Unknown when absent. */
    portalHypertension: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.nodulesCm) {
      if (c.noduleCount !== undefined && c.noduleCount !== c.nodulesCm.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['noduleCount'],
          message: `says ${c.noduleCount} nodules but nodulesCm lists ${c.nodulesCm.length}; give one or make them agree`,
        });
      }
      if (c.largestNoduleCm !== undefined && c.largestNoduleCm !== Math.max(...c.nodulesCm)) {
        ctx.addIssue({
          code: 'custom',
          path: ['largestNoduleCm'],
          message: 'disagrees with the largest diameter in nodulesCm; give one or make them agree',
        });
      }
    } else if (c.largestNoduleCm !== undefined && c.noduleCount === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['noduleCount'],
        message: 'is needed with largestNoduleCm (or list every diameter in nodulesCm)',
      });
    }
    if (
      c.totalDiameterCm !== undefined &&
      c.largestNoduleCm !== undefined &&
      c.totalDiameterCm < c.largestNoduleCm
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['totalDiameterCm'],
        message: 'cannot be smaller than largestNoduleCm',
      });
    }
  });

/**
 * What the clinical core works on. The schema has no defaults, so an absent key means "not stated" on both sides
 * of the schema and survives every JSON round trip (the Share button, the CLI's `--input`).
 */
export type CaseInput = z.output<typeof CaseInputSchema>;
/** What a caller may send: the same shape as CaseInput, before validation. */
export type CaseInputJson = z.input<typeof CaseInputSchema>;

/** The field table and the schema name the same fields: a field added to one without the other does not compile. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;
export type FieldTableMatchesSchema = Holds<SameKeys<FieldName, keyof CaseInput>>;
export type Ascites = z.infer<typeof AscitesSchema>;
export type Encephalopathy = z.infer<typeof EncephalopathySchema>;
export type Sex = z.infer<typeof SexSchema>;
