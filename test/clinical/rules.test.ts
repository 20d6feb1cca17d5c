import { describe, expect, it } from 'vitest';
import { assess } from '../../src/clinical/assess.js';
import { RuleVersionSchema } from '../../src/clinical/assessment.js';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import * as rules from '../../src/clinical/rules.js';
import { SCORE_KEYS } from '../../src/clinical/scores.js';
import { COMPLETE_CASE } from './fixtures.js';

describe('rule versions', () => {
  it('every rule is a valid RuleVersion with a unique id, a version year and a source', () => {
    const ids = rules.CALCULATOR_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules.CALCULATOR_RULES) {
      expect(RuleVersionSchema.parse(rule)).toEqual(rule);
      expect(rule.name).toMatch(/\d{4}/);
      expect(rule.source).toMatch(/\d{4}/);
    }
  });
  it('every score has its rule, and every rule an assessment names is one of them', () => {
    for (const key of SCORE_KEYS) expect(rules.CALCULATOR_RULES).toContain(rules.RULE_OF[key]);
    const a = assess(CaseInputSchema.parse(COMPLETE_CASE));
    expect(a.rules.length).toBeGreaterThan(10);
    for (const r of a.rules) expect(rules.CALCULATOR_RULES).toContainEqual(r);
  });
  it('labels sources whose PMID is not yet checked, in neutral words', () => {
    for (const rule of [
      rules.AFP_MODEL_RULE,
      rules.METROTICKET_2_RULE,
      rules.MHAP2_RULE,
      rules.SIX_AND_TWELVE_RULE,
    ]) {
      expect(rule.source).toContain('(PMID not yet checked against the primary record)');
      expect(rule.source).not.toMatch(/unverified|digest/);
    }
  });
});
