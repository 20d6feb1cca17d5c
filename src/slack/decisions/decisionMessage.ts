import type { ActionsBlock, Button, KnownBlock } from '@slack/types';
import { absentCoreSpecialties, treatmentLabel } from '../../cases/decision.js';
import {
  type Decision,
  type FrozenStage,
  MISSING_LABELS,
  OUTCOME_LABELS,
  SPECIALTY_LABELS,
} from '../../cases/decisionSchema.js';
import { enforceBlockKitLimits } from '../../render/limits.js';
import { context, esc, header, mention, section } from '../../render/mrkdwn.js';
import type { SlackMessage } from '../../render/slackMessage.js';
import { isSlackUserId } from '../../text/slackIds.js';
import {
  ACTION_ADD_FOLLOW_UP,
  ACTION_AMEND_DECISION,
  ACTION_RECORD_TREATMENT,
  ACTION_SIGN_OFF,
  type AgendaButtonValue,
  type CaseButtonValue,
  type DecisionButtonValue,
} from './actions.js';

/**
 * The decision as the thread shows it: the structured record the team refers to. Every piece of typed text is
 * escaped, so a stored `<!channel>` can never become a mention.
 */

/** A Slack user as a mention, typed initials or a role as escaped text. */
export const who = (actor: string): string =>
  isSlackUserId(actor) ? (mention(actor) ?? esc(actor)) : esc(actor);

export function frozenStageLine(s: FrozenStage): string {
  const parts = [
    s.bclcStage
      ? `BCLC ${s.bclcStage}${s.bclcRule && s.bclcRule !== 'BCLC 2022' ? ` (${s.bclcRule})` : ''}`
      : 'not staged',
    s.childPugh ? `Child-Pugh ${s.childPugh.class}${s.childPugh.points}` : null,
    s.albi ? `ALBI grade ${s.albi.grade} (${s.albi.score.toFixed(2)})` : null,
    s.meldNa !== null ? `MELD-Na ${s.meldNa}` : null,
    s.afp !== null ? `AFP ${s.afp} ng/mL` : null,
    s.ecog !== null ? `ECOG ${s.ecog}` : null,
  ];
  return parts.filter((p): p is string => p !== null).join(' · ');
}

export const button = (
  text: string,
  actionId: string,
  value: CaseButtonValue | DecisionButtonValue | AgendaButtonValue,
  style?: 'primary' | 'danger',
): Button => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: true },
  action_id: actionId,
  value: JSON.stringify(value),
  ...(style ? { style } : {}),
});

const day = (iso: string) => iso.slice(0, 10);

/** The plain-language status line: provisional or signed, and which version. */
export function decisionStatus(d: Decision): string {
  const version = d.version > 1 ? `Version ${d.version} (amended: ${esc(d.amendmentReason ?? '')}). ` : '';
  if (!d.signOff)
    return `${version}*Provisional* — awaiting sign-off by a member other than ${who(d.recordedBy)}.`;
  return `${version}*Signed off* by ${who(d.signOff.by)} on ${day(d.signOff.at)}${d.signOff.self ? ' (self-sign-off, allowed in this channel)' : ''}.`;
}

export function decisionMessage(d: Decision): SlackMessage {
  const treatment = treatmentLabel(d.treatment);
  const lines: string[] = [`*Outcome:* ${OUTCOME_LABELS[d.outcome]}`];
  if (treatment) lines.push(`*Treatment:* ${esc(treatment)}`);
  if (d.outcome === 'defer')
    lines.push(
      `*Waiting for:* ${d.missing.map((m) => (m === 'other' && d.missingOther ? esc(d.missingOther) : MISSING_LABELS[m])).join(', ')}`,
    );
  lines.push(`*At decision:* ${frozenStageLine(d.atDecision)}`);
  lines.push(
    `*Patient's preference discussed:* ${d.patientPreferenceDiscussed === null ? 'not recorded' : d.patientPreferenceDiscussed ? 'yes' : 'no'}`,
  );
  const blocks: KnownBlock[] = [header(`MDT decision · ${d.caseId}`), section(lines.join('\n'))];
  if (d.rationale) blocks.push(section(`*Rationale*\n${esc(d.rationale)}`));
  for (const dissent of d.dissent) {
    blocks.push(section(`*Dissent* — ${dissent.members.map(who).join(', ')}\n${esc(dissent.reason)}`));
  }
  const absent = absentCoreSpecialties(d.specialties);
  const present = d.specialties.length
    ? d.specialties.map((s) => SPECIALTY_LABELS[s]).join(', ')
    : 'none recorded';
  blocks.push(
    context(
      `*Present:* ${present}${absent.length ? ` · :warning: no ${absent.join(', ')}` : ''}`,
      `Recorded by ${who(d.recordedBy)} on ${day(d.recordedAt)}`,
    ),
  );
  blocks.push(section(decisionStatus(d)));
  const caseValue = { caseId: d.caseId };
  const actions: ActionsBlock = {
    type: 'actions',
    block_id: `decision_actions_${d.id}`.slice(0, 255),
    elements: [
      ...(d.signOff
        ? []
        : [button('Sign off', ACTION_SIGN_OFF, { caseId: d.caseId, decision: d.id }, 'primary')]),
      button('Amend', ACTION_AMEND_DECISION, { caseId: d.caseId, decision: d.id }),
      button('Add follow-up', ACTION_ADD_FOLLOW_UP, caseValue),
      button('Record treatment given', ACTION_RECORD_TREATMENT, caseValue),
    ],
  };
  blocks.push(actions);
  // The fallback shows in notifications: outcome, option label and status only, never rationale or dissent.
  const fallbackTreatment = d.treatment?.kind === 'option' ? ` (${treatment})` : '';
  const text = `MDT decision for ${d.caseId}: ${OUTCOME_LABELS[d.outcome]}${fallbackTreatment} — ${d.signOff ? 'signed off' : 'provisional'}`;
  return enforceBlockKitLimits({ text, blocks });
}
