import { z } from 'zod';
import { PLAUSIBLE } from './plausibility.js';

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
const labValue = <U extends readonly [string, ...string[]]>(
  field: 'bilirubin' | 'albumin' | 'creatinine',
  units: U,
) =>
  z
    .strictObject({
      value: z.number({ error: 'must be a number' }).finite().positive('must be greater than zero'),
      unit: z.enum(units, { error: `unit must be one of ${units.map((u) => `"${u}"`).join(', ')}` }),
    })
    .superRefine((lab, ctx) => {
      const range = (PLAUSIBLE[field] as Record<string, { min: number; max: number }>)[lab.unit];
      if (range && (lab.value < range.min || lab.value > range.max)) {
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          message: `must be between ${range.min} and ${range.max} ${lab.unit}`,
        });
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

type ScalarField = Exclude<keyof typeof PLAUSIBLE, 'bilirubin' | 'albumin' | 'creatinine'>;
const rangeCheck = (name: ScalarField) => {
  const r = PLAUSIBLE[name];
  return z
    .number({ error: 'must be a number' })
    .finite()
    .min(r.min, `must be between ${r.min} and ${r.max} ${r.unit}`.trim())
    .max(r.max, `must be between ${r.min} and ${r.max} ${r.unit}`.trim());
};

/** Diameter of one nodule in centimetres. */
const noduleDiameter = rangeCheck('noduleCm').refine((v) => v > 0, 'must be greater than zero');

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
    afp: rangeCheck('afp')
      .refine((v) => v > 0, 'must be greater than zero')
      .optional(),
    /** PIVKA-II / DCP: kept and shown, never scored; assay units are not interconvertible. */
    pivka: z
      .strictObject({
        value: z.number().finite().positive('must be greater than zero'),
        unit: z.enum(['mAU/mL', 'ng/mL']),
      })
      .optional(),
    ascites: AscitesSchema.optional(),
    encephalopathy: EncephalopathySchema.optional(),
    ecog: z
      .number({ error: 'must be a whole number from 0 to 4' })
      .int('must be a whole number from 0 to 4')
      .min(0, 'must be a whole number from 0 to 4')
      .max(4, 'must be a whole number from 0 to 4')
      .optional(),
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
    nodulesCm: z.array(noduleDiameter).min(1, 'needs at least one diameter').max(50).optional(),
    noduleCount: rangeCheck('noduleCount').int('must be a whole number').optional(),
    largestNoduleCm: noduleDiameter.optional(),
    totalDiameterCm: rangeCheck('totalDiameterCm')
      .refine((v) => v > 0, 'must be greater than zero')
      .optional(),
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
export type Ascites = z.infer<typeof AscitesSchema>;
export type Encephalopathy = z.infer<typeof EncephalopathySchema>;
export type Sex = z.infer<typeof SexSchema>;
