import { CASE_ACTIONS } from '../../cases/audit.js';
import type { CaseId } from '../../cases/caseId.js';
import { currentCase } from '../../cases/current.js';
import { caseDecisionView } from '../../cases/decisionService.js';
import { caseHistory, dayOf, describeScoreChange, HISTORY_SCORES, SCORE_LABEL } from '../../cases/history.js';
import { openCase } from '../../cases/openCase.js';
import { decisionDeps } from '../../decisionDeps.js';
import { renderPlainText } from '../../render/plainText.js';
import { writeJson } from '../invalid.js';
import { EXIT_OK } from '../io.js';
import { type CaseContext, unknownCase } from './caseContext.js';
import { caseDecisionJson, caseDecisionLines } from './decisions.js';

/** `case new`, `case list`, `case show`, `case audit`, `case delete`. */

export async function caseNew(ctx: CaseContext): Promise<number> {
  const { record } = await openCase(ctx.store.cases, {
    scope: ctx.scope,
    threadTs: null,
    at: ctx.now,
    by: 'cli',
  });
  if (ctx.json) writeJson(ctx.io, { ok: true, caseId: record.id });
  else ctx.io.stdout.write(`${record.id}\n`);
  return EXIT_OK;
}

export async function caseList(ctx: CaseContext): Promise<number> {
  const cases = await ctx.store.cases.list(ctx.scope);
  if (ctx.json) {
    writeJson(ctx.io, { ok: true, cases });
    return EXIT_OK;
  }
  if (cases.length === 0) {
    ctx.io.stdout.write('No cases in this store. Start one with: hcc-mdt case new\n');
    return EXIT_OK;
  }
  const lines = cases.map(
    (c) =>
      `${c.id}  BCLC ${(c.bclc ?? '—').padEnd(2)} ${String(c.lastSeq).padStart(3)} assessment${c.lastSeq === 1 ? ' ' : 's'}  last ${dayOf(c.lastActivityAt)}  created ${dayOf(c.createdAt)}`,
  );
  ctx.io.stdout.write(`${lines.join('\n')}\n`);
  return EXIT_OK;
}

export async function caseShow(ctx: CaseContext, id: CaseId): Promise<number> {
  const record = await ctx.store.cases.get(id, ctx.scope);
  if (!record) return unknownCase(ctx, id);
  const snapshots = await ctx.store.cases.snapshots(id, ctx.scope);
  const current = currentCase(record, ctx.now);
  const history = caseHistory(snapshots);
  const latest = snapshots.at(-1);
  const mdt = await caseDecisionView(
    decisionDeps(ctx.store, () => ctx.now),
    id,
    ctx.scope,
  );
  if (ctx.json) {
    writeJson(ctx.io, {
      ok: true,
      caseId: id,
      createdAt: record.createdAt,
      lastActivityAt: record.lastActivityAt,
      values: current.values,
      input: current.input,
      assessment: latest?.assessment ?? null,
      history,
      ...caseDecisionJson(mdt),
    });
    return EXIT_OK;
  }
  const out: string[] = [
    `Case ${id} · created ${dayOf(record.createdAt)} · ${record.lastSeq} assessment(s) · last activity ${dayOf(record.lastActivityAt)}`,
    '',
  ];
  if (current.values.length === 0) out.push('No values yet. Add some with: hcc-mdt case add <id> "<text>"');
  else {
    out.push('Current values (stated on, by, age):');
    const w = Math.max(...current.values.map((v) => v.label.length));
    const vw = Math.max(...current.values.map((v) => v.value.length));
    for (const v of current.values) {
      const age = v.ageDays === 0 ? 'today' : `${v.ageDays} d`;
      const flags = [v.stale ? `STALE (over ${v.limitDays} days)` : '', v.corrected ? 'corrected' : '']
        .filter(Boolean)
        .join(', ');
      out.push(
        `  ${v.label.padEnd(w)}  ${v.value.padEnd(vw)}  ${dayOf(v.statedAt)}  ${v.statedBy.padEnd(9)}  ${age}${flags ? `  ${flags}` : ''}`,
      );
    }
  }
  out.push('');
  ctx.io.stdout.write(`${out.join('\n')}\n`);
  if (latest && current.input) {
    const parse = {
      input: {},
      recognised: [],
      notUnderstood: [],
      assumptions: current.assumptions,
      errors: [],
      warnings: [],
    };
    ctx.io.stdout.write(renderPlainText({ parse, input: current.input, assessment: latest.assessment }));
  }
  if (history.length > 0) {
    const lines = ['', 'History:'];
    for (const row of history) {
      const scores = HISTORY_SCORES.map((s) => `${SCORE_LABEL[s]} ${row.scores[s]}`).join(' · ');
      lines.push(`  #${row.seq} ${dayOf(row.at)} ${row.by}: ${scores}`);
      for (const change of row.changes) lines.push(`      ${describeScoreChange(change)}`);
      const unexplained = row.inputChanges.filter((c) => !row.changes.some((sc) => sc.because.includes(c)));
      if (unexplained.length > 0) lines.push(`      also: ${unexplained.join('; ')}`);
    }
    ctx.io.stdout.write(`${lines.join('\n')}\n`);
  }
  const mdtLines = caseDecisionLines(mdt);
  if (mdtLines.length > 0) ctx.io.stdout.write(`${mdtLines.join('\n')}\n`);
  return EXIT_OK;
}

export async function caseAudit(ctx: CaseContext, id: CaseId): Promise<number> {
  const entries = await ctx.store.audit.forCase(id, ctx.scope);
  if (entries.length === 0) return unknownCase(ctx, id);
  // Exporting the audit is itself audited (when the case still exists to be exported from).
  if (await ctx.store.cases.get(id, ctx.scope))
    await ctx.store.audit.append(
      [
        {
          caseId: id,
          at: ctx.now.toISOString(),
          actor: 'cli',
          action: CASE_ACTIONS.exported,
          fields: [],
          seq: null,
        },
      ],
      ctx.scope,
    );
  if (ctx.json) writeJson(ctx.io, { ok: true, caseId: id, audit: entries });
  else
    ctx.io.stdout.write(
      `${entries
        .map(
          (e) =>
            `${e.at}  ${e.actor.padEnd(9)}  ${e.action}${e.seq ? ` #${e.seq}` : ''}${e.fields.length ? `  ${e.fields.join(', ')}` : ''}`,
        )
        .join('\n')}\n`,
    );
  return EXIT_OK;
}

export async function caseDelete(ctx: CaseContext, id: CaseId): Promise<number> {
  const deleted = await ctx.store.cases.delete(id, ctx.scope, 'cli', ctx.now);
  if (!deleted) return unknownCase(ctx, id);
  if (ctx.json) writeJson(ctx.io, { ok: true, caseId: id, deleted: true });
  else
    ctx.io.stdout.write(
      `Deleted case ${id} and its values and snapshots. The audit keeps who deleted it and when.\n`,
    );
  return EXIT_OK;
}
