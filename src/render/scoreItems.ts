import type { Assessment, RuleVersion } from '../clinical/assessment.js';
import { RULE_OF } from '../clinical/rules.js';
import type { ScoreKey } from '../clinical/scores.js';
import { compact, fixed } from './format.js';

/** Each score as a labelled value with its rule version, for the score grid of the details and the focused views. */

export type { ScoreKey } from '../clinical/scores.js';

/** The rule the assessment names for a score, if it applied it. */
export function ruleFor(rules: readonly RuleVersion[], key: ScoreKey): RuleVersion | undefined {
  return rules.find((r) => r.id === RULE_OF[key].id);
}

export interface ScoreItem {
  key: ScoreKey;
  label: string;
  value: string;
  /** The rule name(s) with version, e.g. "ALBI (Johnson 2015)". */
  version: string | null;
}

const versionOf = (a: Assessment, ...keys: ScoreKey[]): string | null => {
  const names = keys.map((k) => ruleFor(a.rules, k)?.name).filter((n): n is string => !!n);
  return names.length ? names.join('; ') : null;
};

export const MARK = { met: '✓', notMet: '✗', unknown: '?' } as const;
const mark = (v: boolean | null) => (v === true ? MARK.met : v === false ? MARK.notMet : MARK.unknown);

export function albiItem(a: Assessment): ScoreItem | null {
  if (!a.albi) return null;
  return {
    key: 'albi',
    label: 'ALBI',
    value: `${fixed(a.albi.score, 2)} · grade ${a.albi.grade} · mALBI ${a.albi.mAlbiGrade}`,
    version: versionOf(a, 'albi', 'malbi'),
  };
}

export function childPughItem(a: Assessment): ScoreItem | null {
  const cp = a.childPugh;
  if (!cp) return null;
  const c = cp.components;
  const parts = [
    `bilirubin ${c.bilirubin}`,
    `albumin ${c.albumin}`,
    `${c.coagulationBy === 'inr' ? 'INR' : 'PT'} ${c.coagulation}`,
    `ascites ${c.ascites}`,
    `encephalopathy ${c.encephalopathy}`,
  ];
  const bands = cp.bilirubinBands === 'cholestatic' ? ' (PBC/PSC bilirubin bands)' : '';
  return {
    key: 'childPugh',
    label: 'Child-Pugh',
    value: `${cp.class}${cp.points} · ${parts.join(', ')}${bands}`,
    version: versionOf(a, 'childPugh'),
  };
}

export function meldItems(a: Assessment): ScoreItem[] {
  const out: ScoreItem[] = [];
  const add = (key: ScoreKey, label: string, v: number | null) => {
    if (v !== null) out.push({ key, label, value: String(v), version: versionOf(a, key) });
  };
  add('meld', 'MELD', a.meld.meld);
  add('meldNa', 'MELD-Na', a.meld.meldNa);
  add('meld3', 'MELD 3.0', a.meld.meld3);
  return out;
}

/** Transplant criteria, always all five: ✓ within, ✗ beyond, ? not evaluable. */
export function transplantItems(a: Assessment): ScoreItem[] {
  const t = a.transplant;
  const crit = (key: ScoreKey, label: string, v: boolean | null): ScoreItem => ({
    key,
    label,
    value:
      v === true
        ? `${MARK.met} within`
        : v === false
          ? `${MARK.notMet} beyond`
          : `${MARK.unknown} not evaluable`,
    version: versionOf(a, key),
  });
  const afp: ScoreItem = {
    key: 'afpModel',
    label: 'AFP model',
    value: !t.afpModel
      ? `${MARK.unknown} not evaluable`
      : t.afpModel.points === null
        ? `${MARK.notMet} high risk (decided without counting every point)`
        : `${mark(t.afpModel.lowRisk)} ${t.afpModel.points} point${t.afpModel.points === 1 ? '' : 's'} (${t.afpModel.lowRisk ? 'low' : 'high'} risk)`,
    version: versionOf(a, 'afpModel'),
  };
  return [
    crit('milan', 'Milan', t.milan),
    crit('ucsf', 'UCSF', t.ucsf),
    crit('upToSeven', 'Up-to-seven', t.upToSeven),
    crit('metroticket2', 'Metroticket 2.0', t.metroticket2),
    afp,
  ];
}

/** TACE-related scores, when computed. */
export function taceItems(a: Assessment): ScoreItem[] {
  const out: ScoreItem[] = [];
  if (a.hap)
    out.push({
      key: 'hap',
      label: 'HAP',
      value: `${a.hap.grade} (${a.hap.points} points)`,
      version: versionOf(a, 'hap'),
    });
  if (a.mhap2)
    out.push({
      key: 'mhap2',
      label: 'mHAP-II',
      value: `${a.mhap2.grade} (${a.mhap2.points} points)`,
      version: versionOf(a, 'mhap2'),
    });
  if (a.sixAndTwelve)
    out.push({
      key: 'sixAndTwelve',
      label: 'Six-and-twelve',
      value: `${compact(a.sixAndTwelve.sum, 1)} (band ${a.sixAndTwelve.band.replace('-', '–')})`,
      version: versionOf(a, 'sixAndTwelve'),
    });
  return out;
}
