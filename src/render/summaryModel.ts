import type { Assessment, BclcStage, RuleVersion, TreatmentOption } from '../clinical/assessment.js';
import type { CaseInput } from '../clinical/caseInput.js';
import { FIELD_INFO, type FieldInfo } from '../clinical/fields.js';
import type { ParseResult } from '../parse/parseResult.js';
import type { SummaryView } from './actions.js';
import { type EvidenceSource, type OptionEvidence, safeEvidence } from './evidenceSource.js';
import { compact, fixed } from './format.js';

/**
 * The content of a summary, independent of its format: the Block Kit renderer and the plain-text renderer both
 * read it, so the Slack message and the CLI always say the same thing. Strings here are raw (not escaped).
 */

export interface SummaryOutcome {
  parse: ParseResult;
  input: CaseInput;
  assessment: Assessment;
}

export type ScoreKey =
  | 'albi'
  | 'malbi'
  | 'childPugh'
  | 'meld'
  | 'meldNa'
  | 'meld3'
  | 'milan'
  | 'ucsf'
  | 'upToSeven'
  | 'metroticket2'
  | 'afpModel'
  | 'hap'
  | 'mhap2'
  | 'sixAndTwelve'
  | 'bclc'
  | 'mrecist';

const RULE_IDS: Record<ScoreKey, string[]> = {
  albi: ['albi'],
  malbi: ['malbi'],
  childPugh: ['child-pugh', 'childpugh'],
  meld: ['meld'],
  meldNa: ['meld-na'],
  meld3: ['meld-3', 'meld3'],
  milan: ['milan'],
  ucsf: ['ucsf'],
  upToSeven: ['up-to-seven'],
  metroticket2: ['metroticket-2', 'metroticket'],
  afpModel: ['afp-model'],
  hap: ['hap'],
  mhap2: ['mhap2', 'mhap-ii'],
  sixAndTwelve: ['six-and-twelve'],
  bclc: ['bclc-2022', 'bclc'],
  mrecist: ['mrecist'],
};

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The rule the assessment names for a score (matched on the rule id), if any. */
export function ruleFor(rules: readonly RuleVersion[], key: ScoreKey): RuleVersion | undefined {
  const wanted = RULE_IDS[key].map(norm);
  return (
    rules.find((r) => wanted.includes(norm(r.id))) ??
    (key === 'bclc' ? rules.find((r) => norm(r.id).startsWith('bclc')) : undefined)
  );
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

/** CaseInput keys in the clinic's words, from the one field table. */
const FIELD_WORDS: Record<string, string> = Object.fromEntries(
  (Object.entries(FIELD_INFO) as [string, FieldInfo][]).map(([key, info]) => [
    key,
    info.unit ? `${info.label} (${info.unit})` : info.label,
  ]),
);

/** A CaseInput key in clinic words ("ptProlongationSeconds" → "PT prolongation (s)"); other text unchanged. */
export function humanField(text: string): string {
  return text.replace(/\b[a-z][A-Za-z]+\b/g, (w) => FIELD_WORDS[w] ?? w);
}

export function notComputedLines(a: Assessment, view: SummaryView = 'full'): string[] {
  return a.notEvaluable
    .filter((n) => view === 'full' || VIEW_SCORE[view].test(n.score))
    .map((n) => `${n.score}: missing ${n.missing.map(humanField).join(', ')}`);
}

const VIEW_SCORE: Record<Exclude<SummaryView, 'full'>, RegExp> = {
  albi: /albi/i,
  childpugh: /child/i,
  meld: /meld/i,
  bclc: /bclc|treatment/i,
  transplant: /milan|ucsf|seven|metroticket|afp|transplant/i,
};

const ALL_VIEWS: readonly Exclude<SummaryView, 'full'>[] = [
  'albi',
  'childpugh',
  'meld',
  'bclc',
  'transplant',
];

/** Which focused views an input field matters to (BCLC uses every input, through liver function). */
const FIELD_VIEWS: Record<string, readonly Exclude<SummaryView, 'full'>[]> = {
  bilirubin: ['albi', 'childpugh', 'meld'],
  albumin: ['albi', 'childpugh', 'meld'],
  inr: ['childpugh', 'meld'],
  ptProlongationSeconds: ['childpugh'],
  creatinine: ['meld'],
  sodium: ['meld'],
  sex: ['meld'],
  dialysis: ['meld'],
  ascites: ['childpugh'],
  encephalopathy: ['childpugh'],
  cholestatic: ['childpugh'],
  afp: ['transplant'],
  nodulesCm: ['transplant'],
  noduleCount: ['transplant'],
  largestNoduleCm: ['transplant'],
  totalDiameterCm: ['transplant'],
  macrovascularInvasion: ['transplant'],
  extrahepaticSpread: ['transplant'],
  ecog: [],
  ecogCancerRelated: [],
  infiltrative: [],
  portalHypertension: [],
  pivka: [],
};

const VIEW_WORDS: Record<Exclude<SummaryView, 'full'>, RegExp> = {
  albi: /albi|bilirubin|albumin/i,
  childpugh: /child|bilirubin|albumin|\binr\b|prothrombin|\bpt\b|ascites|encephalopathy|cholestatic|pbc|psc/i,
  meld: /meld|bilirubin|\binr\b|creatinine|sodium|dialysis|\bsex\b|albumin/i,
  bclc: /./,
  transplant: /milan|ucsf|seven|metroticket|afp|nodule|tumou?r|lesion|diameter|invasion|spread|transplant/i,
};

/** Views a free-text assumption concerns; every view when no keyword says otherwise (err towards showing it). */
const viewsOfText = (text: string): readonly SummaryView[] => {
  const hit = ALL_VIEWS.filter((v) => v !== 'bclc' && VIEW_WORDS[v].test(text));
  return hit.length ? [...hit, 'bclc'] : ALL_VIEWS;
};

/** Parse assumptions then assessment assumptions, de-duplicated, filtered to a focused view. */
export function assumptionLines(outcome: SummaryOutcome, view: SummaryView = 'full'): string[] {
  const out: string[] = [];
  for (const p of outcome.parse.assumptions) {
    const views = FIELD_VIEWS[p.field];
    const relevant =
      view === 'full' ||
      view === 'bclc' ||
      (views ? views.includes(view) : viewsOfText(p.message).includes(view));
    if (relevant && !out.includes(p.message)) out.push(p.message);
  }
  for (const { message: s } of outcome.assessment.assumptions) {
    if ((view === 'full' || viewsOfText(s).includes(view)) && !out.includes(s)) out.push(s);
  }
  return out;
}

/**
 * Warnings for the summary: the assessment's cautions, the parser's non-blocking warnings (except privacy, which
 * has its own ephemeral notice, and not-understood), and, without quoting the user, how many fragments were
 * ignored with the vocabulary words they may have meant.
 */
export function warningLines(outcome: SummaryOutcome): string[] {
  const out = outcome.assessment.warnings.map((w) => w.message);
  for (const w of outcome.parse.warnings) {
    if (w.code === 'privacy' || w.code === 'not-understood') continue;
    if (!out.includes(w.message)) out.push(w.message);
  }
  const unknown = outcome.parse.notUnderstood.filter((n) => n.kind === 'unknown');
  if (unknown.length > 0) {
    const suggestions = [
      ...new Set(
        unknown.map((n) => (n.kind === 'unknown' ? n.suggestion : undefined)).filter((s): s is string => !!s),
      ),
    ].slice(0, 5);
    const what = `${unknown.length} fragment${unknown.length === 1 ? ' was' : 's were'} not understood and ignored`;
    out.push(suggestions.length ? `${what} (did you mean ${suggestions.join(', ')}?)` : what);
  }
  return out;
}

export const STAGE_NAMES: Record<BclcStage, string> = {
  '0': 'very early',
  A: 'early',
  B: 'intermediate',
  C: 'advanced',
  D: 'terminal',
};

const SUBGROUP_NAMES: Record<string, string> = {
  'extended-transplant': 'within extended transplant criteria',
  tace: 'TACE candidate (well-defined nodules)',
  systemic: 'systemic therapy (diffuse, infiltrative or extensive bilobar)',
};

export interface BclcModel {
  stage: BclcStage;
  title: string;
  version: string | null;
  basis: string;
  subgroup: string | null;
  decidingInputs: string | null;
  notes: string[];
}

export function bclcModel(a: Assessment): BclcModel | null {
  const b = a.bclc;
  if (!b) return null;
  const liver: string | null = b.liverFunction ?? null;
  const sg = b.subgroup;
  return {
    stage: b.stage,
    title: `BCLC ${b.stage} (${STAGE_NAMES[b.stage]})${liver ? ` · ${liver} liver function` : ''}`,
    version: versionOf(a, 'bclc'),
    basis: b.basis,
    subgroup: sg ? `${sg.id ? SUBGROUP_NAMES[sg.id] : 'not decided'} — ${sg.reason}` : null,
    decidingInputs: sg?.decidingInputs.length ? sg.decidingInputs.map(humanField).join(', ') : null,
    notes: b.notes,
  };
}

export const ROLE_TITLES: Record<TreatmentOption['role'], string> = {
  'first-option': 'First option',
  alternative: 'Alternatives',
  'second-line': 'Second line',
  note: 'Also consider',
};
const ROLE_ORDER: TreatmentOption['role'][] = ['first-option', 'alternative', 'second-line', 'note'];

export interface OptionModel {
  option: TreatmentOption;
  evidence: OptionEvidence | undefined;
  /** "✓ met", "✗ not met", "? unknown" — null when the option has no condition. */
  conditionStatus: string | null;
}

export interface OptionGroup {
  role: TreatmentOption['role'];
  title: string;
  options: OptionModel[];
}

export function conditionStatus(met: boolean | null): string {
  return met === true
    ? `${MARK.met} met`
    : met === false
      ? `${MARK.notMet} not met`
      : `${MARK.unknown} unknown`;
}

export function optionGroups(a: Assessment, source: EvidenceSource): OptionGroup[] {
  const options = a.treatment?.options ?? [];
  return ROLE_ORDER.map((role) => ({
    role,
    title: ROLE_TITLES[role],
    options: options
      .filter((o) => o.role === role)
      .map((option) => ({
        option,
        evidence: safeEvidence(source, option.id),
        conditionStatus: option.condition ? conditionStatus(option.conditionMet) : null,
      })),
  })).filter((g) => g.options.length > 0);
}

export const DECISION_SUPPORT = 'Decision support for the MDT, not a decision.';

/** Names of the rules applied, for the footer: "BCLC 2022, ALBI (Johnson 2015), …" (BCLC first). */
export function rulesLine(rules: readonly RuleVersion[]): string {
  const names = [...new Set(rules.map((r) => r.name))];
  names.sort((x, y) => Number(/^BCLC/i.test(y)) - Number(/^BCLC/i.test(x)));
  return names.length ? `Rules: ${names.join(', ')}.` : '';
}

/** The rules a focused view shows in its footer. */
export function viewRules(a: Assessment, view: SummaryView): RuleVersion[] {
  const keys: Record<SummaryView, ScoreKey[] | null> = {
    full: null,
    albi: ['albi', 'malbi'],
    childpugh: ['childPugh'],
    meld: ['meld', 'meldNa', 'meld3'],
    bclc: ['bclc', 'childPugh'],
    transplant: ['milan', 'ucsf', 'upToSeven', 'metroticket2', 'afpModel'],
  };
  const wanted = keys[view];
  if (!wanted) return a.rules;
  return wanted.map((k) => ruleFor(a.rules, k)).filter((r): r is RuleVersion => !!r);
}

/**
 * Marks an option whose BCLC branch was not re-checked against the published figure. The mark sits on the option,
 * not on its evidence: "(unverified)" beside a drug would read as doubt about the trial, which is checked apart.
 */
export const BRANCH_UNVERIFIED_MARK = '†';
export const BRANCH_UNVERIFIED_FOOTNOTE =
  '† BCLC branch taken from the research digest and not yet re-checked against the published BCLC figure ' +
  '(docs/clinical-rules.md lists which).';

/** The treatment notes to show, with the footnote for † when any option carries it. */
export function treatmentNotes(a: Assessment): string[] {
  const notes = [...(a.treatment?.notes ?? [])];
  if (a.treatment?.options.some((o) => !o.verified)) notes.push(BRANCH_UNVERIFIED_FOOTNOTE);
  return notes;
}
