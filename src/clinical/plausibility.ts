/**
 * Accepted ranges for every value the product reads: one table for the CaseInput schema, the parser and the
 * docs. A value outside `min`-`max` is rejected with this range in the message; a value outside the `usual`
 * range is accepted with a warning (bilirubin 30 mg/dL is unusual but possible).
 *
 * The limits are chosen to reject typing and unit errors, not to judge clinical likelihood: each maximum is well
 * beyond values reported in critically ill adults, each minimum below the laboratory's reporting floor.
 * Listed in docs/parsing.md and docs/clinical-rules.md.
 */
export const PLAUSIBLE = {
  bilirubin: {
    'mg/dL': { min: 0.1, max: 60, usualMax: 20 },
    'umol/L': { min: 1.7, max: 1026, usualMax: 342 },
  },
  albumin: {
    'g/dL': { min: 1, max: 6, usualMin: 1.5 },
    'g/L': { min: 10, max: 60, usualMin: 15 },
  },
  creatinine: {
    'mg/dL': { min: 0.1, max: 20, usualMax: 10 },
    'umol/L': { min: 8.8, max: 1768, usualMax: 884 },
  },
  inr: { min: 0.5, max: 10, unit: '', usualMax: 6 },
  ptProlongationSeconds: { min: 0, max: 60, unit: 's', usualMax: 30 },
  sodium: { min: 100, max: 180, unit: 'mmol/L', usualMin: 120, usualMax: 155 },
  afp: { min: 0, max: 10_000_000, unit: 'ng/mL', usualMax: 1_000_000 },
  noduleCm: { min: 0, max: 30, unit: 'cm', usualMax: 20 },
  noduleCount: { min: 1, max: 50, unit: '', usualMax: 20 },
  totalDiameterCm: { min: 0, max: 100, unit: 'cm', usualMax: 40 },
} as const;
