import type { KnownBlock } from '@slack/types';
import type { WorklistModel } from '../../cases/worklist.js';
import { capLines, context, divider, esc, header, section } from '../../render/mrkdwn.js';

/**
 * App Home: the person's worklist, appended to the About tab. Built only from channels the person is a member of
 * (the caller filters); each line names its channel so the person can find the thread.
 */

const channel = (id: string) => (/^[CG][A-Z0-9]{2,30}$/.test(id) ? `<#${id}>` : esc(id));
const LIST_BUDGET = 2800;
const MAX_AGENDAS = 20;

function list(title: string, lines: string[], empty: string): KnownBlock[] {
  return [section(`*${title}*\n${lines.length ? capLines(lines, LIST_BUDGET).join('\n') : `_${empty}_`}`)];
}

export function worklistBlocks(w: WorklistModel): KnownBlock[] {
  const blocks: KnownBlock[] = [divider(), header('My worklist')];
  blocks.push(
    ...list(
      'Awaiting a decision',
      w.awaitingDecision.map((c) => `• *${c.caseId}* in ${channel(c.channelId)} — ${esc(c.detail)}`),
      'No case is waiting for a decision.',
    ),
    ...list(
      'Awaiting sign-off',
      w.awaitingSignOff.map(
        (c) =>
          `• *${c.caseId}* in ${channel(c.channelId)} — decision of ${c.recordedOn}${c.version > 1 ? ` (version ${c.version})` : ''}`,
      ),
      'No decision is waiting for sign-off.',
    ),
    ...list(
      'Follow-ups due',
      [...w.followUps]
        .sort((a, b) => a.due.localeCompare(b.due))
        .map(
          (f) =>
            `• ${f.overdue ? ':red_circle: overdue since' : 'due'} ${f.due} · *${f.caseId}* in ${channel(f.channelId)} — ${esc(f.task)}`,
        ),
      'Nothing due.',
    ),
  );
  // One agenda per channel; a Home view holds 100 blocks, so at most this many channels show theirs.
  for (const a of w.agendas.slice(0, MAX_AGENDAS)) {
    const ready = a.cases.filter((c) => c.ready).length;
    blocks.push(
      ...list(
        `Next meeting in ${channel(a.channelId)}: ${a.meeting}`,
        a.cases.map((c) => `• *${c.caseId}*${c.ready ? '' : ' — data missing'}`),
        'No cases listed yet.',
      ),
    );
    if (a.cases.length) blocks.push(context(`${ready} of ${a.cases.length} ready for a decision`));
  }
  if (w.agendas.length === 0)
    blocks.push(
      context('None of your channels has meeting days set (`/hcc meetings weekly thursday 08:00`).'),
    );
  return blocks;
}
