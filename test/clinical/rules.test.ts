import { describe, expect, it } from 'vitest';
import { RuleVersionSchema } from '../../src/clinical/assessment.js';
import * as rules from '../../src/clinical/rules.js';

describe('rule versions', () => {
  it('every rule is a valid RuleVersion with a unique id and a source', () => {
    const ids = new Set<string>();
    for (const rule of rules.CALCULATOR_RULES) {
      expect(RuleVersionSchema.parse(rule)).toEqual(rule);
      expect(rule.source).toMatch(/\d{4}/);
      expect(ids.has(rule.id)).toBe(false);
      ids.add(rule.id);
    }
    expect(ids.size).toBe(15);
  });
  it('names the versions the clinic reads', () => {
    expect(rules.MELD_3_RULE.name).toBe('MELD 3.0 (Kim 2021; OPTN 2023)');
    expect(rules.MELD_NA_RULE.name).toBe('MELD-Na (OPTN 2016)');
    expect(rules.MELD_RULE.name).toBe('MELD (OPTN, before 2016)');
    expect(rules.ALBI_RULE.name).toBe('ALBI (Johnson 2015)');
  });
  it('labels sources whose PMID the digest could not check', () => {
    for (const rule of [
      rules.AFP_MODEL_RULE,
      rules.METROTICKET_2_RULE,
      rules.MHAP2_RULE,
      rules.SIX_AND_TWELVE_RULE,
    ]) {
      expect(rule.source).toContain('(PMID unverified)');
    }
    expect(rules.MELD_3_RULE.source).toContain('34481845');
  });
});
