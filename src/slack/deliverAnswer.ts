import type { Answer } from './answer.js';
import { type Audience, type DeliveryContext, postPublicly, tellPrivately } from './deliver.js';
import { elapsed } from './deps.js';
import { screenAnswer } from './identifierScreen.js';
import type { AppLogger, LogFields } from './log.js';

/**
 * Where a door sends an answer's result: `public` posts it in the channel (in the thread when the audience has
 * one), `private` shows it to the person only. `prefer` is the first private route (`respond` where Slack gave a
 * response_url, else `ephemeral`), used for notices, private answers and any failure explained privately.
 */
export interface AnswerRoute {
  results: 'private' | 'public';
  prefer: 'respond' | 'ephemeral';
  /** Everything the person typed that led to this answer: the identifier screen runs on it (identifierScreen.ts). */
  typed: string;
}

/**
 * Delivers one answer, in the order the person reads it: the private notices (why before what), a case card
 * the answer opened (always in the channel), then the result itself. First the door's identifier screen: no
 * identifier in what was typed goes out, in public or in private. Nothing here throws (see `deliver.ts`).
 */
export async function deliverAnswer(
  answered: Answer,
  audience: Audience,
  ctx: DeliveryContext,
  route: AnswerRoute,
): Promise<void> {
  const reply = screenAnswer(answered, route.typed);
  if (reply.kind === 'private') {
    await tellPrivately(audience, reply.message, ctx, route.prefer);
    return;
  }
  for (const notice of reply.notices) await tellPrivately(audience, notice, ctx, route.prefer);
  const channel = audience.channel;
  if (reply.announce && channel)
    await postPublicly({ ...audience, channel }, reply.announce, ctx, route.prefer);
  if (route.results === 'public' && channel)
    await postPublicly({ ...audience, channel }, reply.message, ctx, route.prefer);
  else await tellPrivately(audience, reply.message, ctx, route.prefer);
}

/** The one "handled" line a door logs for an answer: its outcome, the case it went to, and how long it took. */
export function logAnswered(log: AppLogger, fields: LogFields, reply: Answer, start: number): void {
  const caseId = reply.kind === 'result' ? reply.caseId : undefined;
  log.info('handled', {
    ...fields,
    outcome: reply.outcome,
    ...(caseId ? { caseId } : {}),
    ms: elapsed(start),
  });
}
