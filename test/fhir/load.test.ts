import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addToCase } from '../../src/cases/addToCase.js';
import type { CaseId } from '../../src/cases/caseId.js';
import { openCase } from '../../src/cases/openCase.js';
import type { CaseScope } from '../../src/cases/record.js';
import { exportCase, FHIR_EXPORT_ACTION, type FhirSources } from '../../src/fhir/load.js';
import { parseCase } from '../../src/parse/parseCase.js';
import { openStore, type Store } from '../../src/store/openStore.js';
import { type FreshStore, sqliteBackend } from '../store/backends.js';
import { FULL_CASE, OPTIONS } from './fixtures.js';
import { bundleProblems } from './validate.js';

const SCOPE: CaseScope = { teamId: 'T01TEAM', channelId: 'C01MDT' };
const OTHER: CaseScope = { teamId: 'T01TEAM', channelId: 'C02ELSE' };
/** Invented identifiers, planted in the messages. */
const PLANTED = ['Zebedee', 'Quillfeather', '48213379', '14/03/1951', '1951'];
const MESSAGES = [
  'Mr Zebedee Quillfeather, MRN 48213379, DOB 14/03/1951: bili 15 umol/L, albumin 41 g/L, INR 1.1, no ascites, no encephalopathy',
  'ECOG 0, 4 nodules largest 4 cm, no PVTT, no extrahepatic spread (hospital no 48213379)',
  'Quillfeather update DOB 14/03/1951: creatinine 80 umol/L, Na 139, AFP 12',
];

describe('exporting a case from the store', () => {
  let fresh: FreshStore;
  let store: Store;
  beforeEach(async () => {
    fresh = await sqliteBackend.fresh();
    store = await openStore(fresh.location);
  });
  afterEach(async () => {
    await store.close();
    await fresh.drop();
  });

  async function caseFromMessages(): Promise<CaseId> {
    const { record } = await openCase(store.cases, {
      scope: SCOPE,
      threadTs: '1764600000.000100',
      at: new Date('2026-11-20T09:00:00Z'),
      by: 'U01REG',
    });
    let day = 20;
    for (const text of MESSAGES) {
      const outcome = await addToCase(store.cases, {
        caseId: record.id,
        scope: SCOPE,
        parse: parseCase(text, { units: 'si' }),
        at: new Date(`2026-11-${day++}T10:00:00Z`),
        by: 'U01REG',
      });
      expect(outcome.status).toBe('assessed');
    }
    return record.id;
  }

  it('builds a valid bundle from the stored values and snapshot, dates each lab, and audits the export', async () => {
    const id = await caseFromMessages();
    const decisions = FULL_CASE();
    const sources: FhirSources & { audit: Store['audit'] } = {
      cases: store.cases,
      audit: store.audit,
      decisions: {
        decisions: async () => [
          { ...(decisions.decision as NonNullable<typeof decisions.decision>), caseId: id },
        ],
        followUps: async () => decisions.followUps,
        treatments: async () => decisions.treatments,
      },
    };
    const now = new Date('2026-12-01T12:00:00Z');
    const out = await exportCase(sources, {
      id: id,
      scope: SCOPE,
      by: 'U05COORD',
      now,
      baseUrl: OPTIONS.baseUrl,
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(bundleProblems(out.bundle)).toEqual([]);
    const json = JSON.stringify(out.bundle);
    for (const p of PLANTED) expect(json.toLowerCase()).not.toContain(p.toLowerCase());
    const lab = (suffix: string) =>
      out.bundle.entry?.find((e) => e.resource?.id?.endsWith(suffix))?.resource as {
        effectiveDateTime?: string;
      };
    expect(lab('lab-bilirubin').effectiveDateTime).toBe('2026-11-20T10:00:00.000Z');
    expect(lab('lab-creatinine').effectiveDateTime).toBe('2026-11-22T10:00:00.000Z');
    expect(lab('bclc').effectiveDateTime).toBe('2026-11-22T10:00:00.000Z');
    const audit = await store.audit.forCase(id, SCOPE);
    expect(audit.at(-1)).toMatchObject({ action: FHIR_EXPORT_ACTION, actor: 'U05COORD', fields: [], seq: 3 });
  });

  it('a case asked for from another channel does not exist, and nothing is audited there', async () => {
    const id = await caseFromMessages();
    const before = (await store.audit.forCase(id, SCOPE)).length;
    const out = await exportCase(
      { cases: store.cases, audit: store.audit, decisions: null },
      { id: id, scope: OTHER, by: 'U05COORD', now: new Date(), baseUrl: OPTIONS.baseUrl },
    );
    expect(out).toEqual({ ok: false, reason: 'not-found' });
    expect(await store.audit.forCase(id, SCOPE)).toHaveLength(before);
  });
});
