import type { ChildPughClass, ChildPughResult } from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { type Note, note } from './scores.js';
import { albuminGdl, bilirubinMgDl } from './units.js';

/**
 * Child-Pugh score. Pugh RNH et al., Br J Surg 1973;60(8):646-649 (PMID 4541913), with INR in place of PT when
 * given. Bands are applied in mg/dL and g/dL (µmol/L and g/L are converted first, so the 50-vs-51 µmol/L and
 * 28-vs-30 g/L table variants do not arise); middle bands include both ends:
 *   bilirubin mg/dL   < 2 | 2-3 | > 3     (PBC/PSC: < 4 | 4-10 | > 10)
 *   albumin g/dL      > 3.5 | 2.8-3.5 | < 2.8   (Pugh's 2.8, not the 3.0 of some textbooks)
 *   INR               < 1.7 | 1.7-2.3 | > 2.3
 *   PT prolongation s < 4 | 4-6 | > 6     (only when INR is absent)
 *   ascites none | mild | moderate-severe;  encephalopathy none | grade 1-2 | grade 3-4
 * Class A 5-6, B 7-9, C 10-15.
 */

type Points = 1 | 2 | 3;

/** 1 below `low`, 2 from `low` to `high` inclusive, 3 above `high`. */
function risingBand(value: number, low: number, high: number): Points {
  if (value < low) return 1;
  return value <= high ? 2 : 3;
}

export function bilirubinPoints(mgDl: number, cholestatic: boolean): Points {
  return cholestatic ? risingBand(mgDl, 4, 10) : risingBand(mgDl, 2, 3);
}

export function albuminPoints(gDl: number): Points {
  if (gDl > 3.5) return 1;
  return gDl >= 2.8 ? 2 : 3;
}

export function inrPoints(inr: number): Points {
  return risingBand(inr, 1.7, 2.3);
}

export function ptProlongationPoints(seconds: number): Points {
  return risingBand(seconds, 4, 6);
}

const ASCITES_POINTS = { none: 1, mild: 2, 'moderate-severe': 3 } as const;
const ENCEPHALOPATHY_POINTS = { none: 1, 'grade-1-2': 2, 'grade-3-4': 3 } as const;

export function childPughClass(points: number): ChildPughClass {
  if (points <= 6) return 'A';
  return points <= 9 ? 'B' : 'C';
}

/** The assumption when `cholestatic` is absent and the PBC/PSC bands would give the bilirubin fewer points. */
export const CHOLESTATIC_ASSUMED =
  'Child-Pugh bilirubin scored on the standard bands: PBC/PSC not stated (its bands would score this bilirubin lower)';

export function childPugh(input: CaseInput): Computed<ChildPughResult> {
  const { bilirubin, albumin, inr, ptProlongationSeconds, ascites, encephalopathy } = input;
  const missing: string[] = [];
  if (!bilirubin) missing.push('bilirubin');
  if (!albumin) missing.push('albumin');
  if (inr === undefined && ptProlongationSeconds === undefined) missing.push('inr or ptProlongationSeconds');
  if (!ascites) missing.push('ascites');
  if (!encephalopathy) missing.push('encephalopathy');
  const coagulationScore: { points: Points; by: 'inr' | 'pt' } | null =
    inr !== undefined
      ? { points: inrPoints(inr), by: 'inr' }
      : ptProlongationSeconds !== undefined
        ? { points: ptProlongationPoints(ptProlongationSeconds), by: 'pt' }
        : null;
  if (!bilirubin || !albumin || !ascites || !encephalopathy || !coagulationScore) return notComputed(missing);

  const assumptions: Note[] =
    coagulationScore.by === 'pt'
      ? [
          note(
            'childPugh',
            'Child-Pugh coagulation scored on prothrombin time prolongation because INR was not given',
            ['inr'],
          ),
        ]
      : [];
  const cholestatic = input.cholestatic === true;
  const bilirubinMg = bilirubinMgDl(bilirubin);
  // Not stated reads as not PBC/PSC; said only where the two band sets would score this bilirubin differently.
  if (
    input.cholestatic === undefined &&
    bilirubinPoints(bilirubinMg, true) !== bilirubinPoints(bilirubinMg, false)
  )
    assumptions.push(note('childPugh', CHOLESTATIC_ASSUMED, ['cholestatic']));
  const components = {
    bilirubin: bilirubinPoints(bilirubinMg, cholestatic),
    albumin: albuminPoints(albuminGdl(albumin)),
    coagulation: coagulationScore.points,
    coagulationBy: coagulationScore.by,
    ascites: ASCITES_POINTS[ascites],
    encephalopathy: ENCEPHALOPATHY_POINTS[encephalopathy],
  };
  const points =
    components.bilirubin +
    components.albumin +
    components.coagulation +
    components.ascites +
    components.encephalopathy;
  return computed(
    {
      points,
      class: childPughClass(points),
      components,
      bilirubinBands: cholestatic ? 'cholestatic' : 'standard',
    },
    { assumptions },
  );
}
