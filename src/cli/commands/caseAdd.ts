import { addToCase } from '../../cases/addToCase.js';
import { describeCarried } from '../../cases/carried.js';
import type { CaseId } from '../../cases/caseId.js';
import { returnIfDeferralAnswered } from '../../cases/decisionService.js';
import { decisionDeps } from '../../decisionDeps.js';
import { parseCase } from '../../parse/parseCase.js';
import { renderPlainText } from '../../render/plainText.js';
import { renderPrivacyText } from '../../render/privacy.js';
import { reportInvalid, writeJson } from '../invalid.js';
import { EXIT_OK } from '../io.js';
import { assessedJson, reportNotAssessed, unitSystem } from './assess.js';
import { type CaseContext, unknownCase } from './caseContext.js';

/**
 * `case add <id> "<text>"`: parse the text (the identifier screen runs in the parser, so nothing identifying reaches
 * the store), merge it into the case, stage the merged input, commit, and only then print.
 */
export async function caseAdd(ctx: CaseContext, id: CaseId, text: string, unitsFlag: string | undefined) {
  const { io, json } = ctx;
  const units = unitSystem(unitsFlag, io.env.HCC_MDT_UNITS);
  if (!units.ok) return reportInvalid(io, json, [units.error]);
  if (text.trim() === '')
    return reportInvalid(io, json, [{ path: '(text)', message: 'nothing to add: give the values as text' }]);
  const parse = parseCase(text, { units: units.value });
  const privacy = json ? null : renderPrivacyText(parse);
  if (privacy) io.stderr.write(privacy);

  const outcome = await addToCase(ctx.store.cases, {
    caseId: id,
    scope: ctx.scope,
    parse,
    at: ctx.now,
    by: 'cli',
  });
  if (outcome.status === 'not-found') return unknownCase(ctx, id);
  if (outcome.status === 'not-assessed') return reportNotAssessed(outcome, json, io);
  if (outcome.status === 'invalid') {
    // Unreachable by design (merging replaces related fields together): main reports it as an internal error.
    throw new Error(`the merged case does not validate (${outcome.problems.map((p) => p.path).join(', ')})`);
  }
  // A case deferred for data that has now arrived goes back on the next meeting's agenda.
  const back = await returnIfDeferralAnswered(
    decisionDeps(ctx.store, () => ctx.now),
    {
      caseId: id,
      scope: ctx.scope,
      actor: 'cli',
    },
  );
  const summary = {
    status: 'assessed' as const,
    parse: outcome.parse,
    input: outcome.input,
    assessment: outcome.assessment,
  };
  if (json) {
    writeJson(io, {
      ...assessedJson(summary),
      caseId: id,
      seq: outcome.snapshot.seq,
      carried: outcome.carried,
      correction: outcome.correction,
      backOnAgenda: back?.meeting ?? null,
    });
    return EXIT_OK;
  }
  const carried = describeCarried(outcome.carried);
  const head = `Case ${id} · assessment ${outcome.snapshot.seq}${outcome.correction ? ' · correction recorded' : ''}\n`;
  const returned = back
    ? `Back on the agenda for ${back.meeting}: the data its deferral was waiting for has arrived.\n`
    : '';
  io.stdout.write(`${head}${carried ? `${carried}\n` : ''}${returned}\n${renderPlainText(summary)}`);
  return EXIT_OK;
}
