import { z } from 'zod';
import { DECISION_OUTCOMES, type Decision, type DecisionOutcome } from './decisionSchema.js';
import { currentVersions } from './decisionSignOff.js';
import { localDate } from './followUpDates.js';
import { caseTimeline, type TreatmentGiven } from './followUpTreatment.js';

/**
 * The audit of decisions against outcomes for one channel over a period: how many cases were discussed, how they
 * ended, how many have a recorded and signed decision, whether treatment followed the decision, and how long it
 * took.
 */

export interface ReportCase {
  caseId: string;
  /** Local dates of the meetings the case was listed for. */
  meetingDates: readonly string[];
  decisions: readonly Decision[];
  treatments: readonly TreatmentGiven[];
}

const share = z.number().min(0).max(1).nullable();
export const DecisionReportSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  /** Cases listed for a meeting held in the period, or with a decision recorded in it. */
  casesDiscussed: z.number().int(),
  /** Decisions (current versions) recorded in the period, by outcome. */
  outcomes: z.record(z.enum(DECISION_OUTCOMES), z.number().int()),
  casesWithDecision: z.number().int(),
  casesWithSignedDecision: z.number().int(),
  /** Shares of the cases discussed; null when none was discussed. */
  shareWithDecision: share,
  shareWithSignedDecision: share,
  /** Treatments of the cases discussed that could be compared with a decision. */
  treatmentsCompared: z.number().int(),
  treatmentsConcordant: z.number().int(),
  /** Share of compared treatments that followed the decision; null when none could be compared. */
  concordance: share,
  /** From first discussion to the first decision that was not a deferral. */
  medianDaysToDecision: z.number().nullable(),
  /** From that decision to the first treatment given. */
  medianDaysDecisionToTreatment: z.number().nullable(),
});
export type DecisionReport = z.infer<typeof DecisionReportSchema>;

/** The middle value (mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function decisionReport(
  cases: readonly ReportCase[],
  period: { from: string; to: string },
  timezone: string,
  today: string,
): DecisionReport {
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const decidedOn = (d: Decision) => localDate(new Date(d.recordedAt), timezone);
  const outcomes = Object.fromEntries(DECISION_OUTCOMES.map((o) => [o, 0])) as Record<
    DecisionOutcome,
    number
  >;
  let discussed = 0;
  let withDecision = 0;
  let withSigned = 0;
  let compared = 0;
  let concordant = 0;
  const toDecision: number[] = [];
  const toTreatment: number[] = [];
  for (const c of cases) {
    const current = currentVersions(c.decisions);
    // A decision belongs to the period of its first version; amendments do not move it.
    const firstRecorded = new Map(
      c.decisions.filter((d) => d.version === 1).map((d) => [d.decisionId, decidedOn(d)]),
    );
    const decidedInPeriod = current.filter((d) => inPeriod(firstRecorded.get(d.decisionId) ?? decidedOn(d)));
    const heldInPeriod = c.meetingDates.some((m) => inPeriod(m) && m <= today);
    if (!heldInPeriod && decidedInPeriod.length === 0) continue;
    discussed++;
    for (const d of decidedInPeriod) outcomes[d.outcome]++;
    if (decidedInPeriod.length > 0) withDecision++;
    if (decidedInPeriod.some((d) => d.signOff !== null)) withSigned++;
    for (const t of c.treatments) {
      if (t.concordance === 'no-recommendation') continue;
      compared++;
      if (t.concordance === 'concordant') concordant++;
    }
    const tl = caseTimeline(c, timezone, today);
    if (tl.daysToDecision !== null) toDecision.push(tl.daysToDecision);
    if (tl.daysDecisionToTreatment !== null) toTreatment.push(tl.daysDecisionToTreatment);
  }
  return {
    from: period.from,
    to: period.to,
    casesDiscussed: discussed,
    outcomes,
    casesWithDecision: withDecision,
    casesWithSignedDecision: withSigned,
    shareWithDecision: discussed ? withDecision / discussed : null,
    shareWithSignedDecision: discussed ? withSigned / discussed : null,
    treatmentsCompared: compared,
    treatmentsConcordant: concordant,
    concordance: compared ? concordant / compared : null,
    medianDaysToDecision: median(toDecision),
    medianDaysDecisionToTreatment: median(toTreatment),
  };
}
