import type { Assessment, BclcStage, RuleVersion, TreatmentOption } from '../clinical/assessment.js';
import type { CaseInput } from '../clinical/caseInput.js';
import { FIELD_INFO, type FieldInfo, isCaseInputField, scoresReading } from '../clinical/fields.js';
import { INVASION_ASSUMED, INVASION_SPREAD_ASSUMED, SPREAD_ASSUMED } from '../clinical/notStated.js';
import { type CaseInputField, type Note, type ScoreKey, TRANSPLANT_KEYS } from '../clinical/scores.js';
import type { SummaryView } from './actions.js';
import { type EvidenceSource, type OptionEvidence, safeEvidence } from './evidenceSource.js';
import { headline } from './headline.js';
import type { ParseNotes, StatedScoreNote } from './parseNotes.js';
import {
  albiItem,
  childPughItem,
  meldItems,
  ruleFor,
  type ScoreItem,
  taceItems,
  transplantItems,
} from './scoreItems.js';
import type { Line } from './spans.js';

/**
 * The whole summary as an ordered model: which sections, in which order, with which lines. Block Kit
 * (`summaryBlocks.ts`) and plain text (`plainText.ts`) only format it, so the Slack message and the CLI always say
 * the same thing in the same order. Strings here are raw (the formatters escape them).
 *
 * The `full` view is the answer an MDT reads first: the stage with liver function and performance status, the
 * first option(s) with one evidence line each, every caveat that could change the stage or the option, and what
 * is missing to decide. The `details` view holds the rest: the score grid with rule versions, transplant and TACE
 * scores where they bear on the stage, the other options with their conditions, and the rule versions once.
 */

export interface SummaryOutcome {
  parse: ParseNotes;
  input: CaseInput;
  assessment: Assessment;
  /** Scores the text stated, each beside the computed one; a disagreement is shown on the first screen. */
  statedScores?: readonly StatedScoreNote[] | undefined;
}

export type SectionId =
  | 'stage'
  | 'stated'
  | 'first-option'
  | 'not-suitable'
  | 'caveats'
  | 'to-decide'
  | 'liver'
  | 'transplant'
  | 'scores'
  | 'not-computed'
  | 'assumed'
  | 'warnings'
  | 'bclc'
  | 'options'
  | 'notes';

export type Section =
  | { kind: 'lines'; id: SectionId; title: string | null; lines: Line[]; bullets: 'none' | 'dot' | 'warning' }
  | { kind: 'scores'; id: SectionId; title: string | null; items: ScoreItem[] };

export interface SummaryModel {
  /** The header; null for the focused views, which are one score long. */
  headline: string | null;
  sections: Section[];
  /** Small print under the message: footnote, decision support, and in the details the rule versions. */
  footer: string[];
}

// ---------------------------------------------------------------------------------------------- words

export const DECISION_SUPPORT = 'Decision support for the MDT, not a decision.';

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

export const ROLE_TITLES: Record<TreatmentOption['role'], string> = {
  'first-option': 'First option',
  alternative: 'Alternatives',
  'second-line': 'Second line',
  note: 'Also consider',
};
const ROLE_ORDER: TreatmentOption['role'][] = ['first-option', 'alternative', 'second-line', 'note'];

/** A missing-input text in clinic words: each CaseInput key in it by its label ("inr or ptProlongationSeconds"). */
const fieldLabel = (field: CaseInputField): string => {
  const info: FieldInfo = FIELD_INFO[field];
  return info.unit ? `${info.label} (${info.unit})` : info.label;
};
const fieldWords = (text: string) =>
  isCaseInputField(text)
    ? fieldLabel(text)
    : text.replace(/\b[a-z]+[A-Z][A-Za-z]*\b/g, (w) => (isCaseInputField(w) ? fieldLabel(w) : w));

/** The mark for what is not yet checked against its primary source, and the one footnote it refers to. */
export const UNCHECKED_MARK = '†';
const UNCHECKED_FOOTNOTE = `${UNCHECKED_MARK} Not yet checked against the primary source (the published BCLC figure or the trial paper).`;
const ALL_UNCHECKED_FOOTNOTE = 'Options not yet checked against the published BCLC figure and trial papers.';

// ---------------------------------------------------------------------------------------------- pieces

/** Names of the rules applied, BCLC first: "Rules: BCLC 2022, ALBI (Johnson 2015), …". */
export function rulesLine(rules: readonly RuleVersion[]): string {
  const names = [...new Set(rules.map((r) => r.name))];
  names.sort((x, y) => Number(/^BCLC/i.test(y)) - Number(/^BCLC/i.test(x)));
  return names.length ? `Rules: ${names.join(', ')}.` : '';
}

/** A caveat the parser added: its message and the input field it is about ('' when it names none). */
export interface ParseCaveat {
  field: string;
  message: string;
}

/**
 * What the parser read into the case that the reader must see: assumptions, every warning (privacy apart, which
 * has its own private notice), and how many fragments were ignored. The ignored fragments themselves are named
 * only privately (`ignoredFragments`), never here: these caveats travel with a shared post.
 */
export function parseCaveats(parse: ParseNotes): ParseCaveat[] {
  const out: ParseCaveat[] = [];
  const add = (field: string, message: string) => {
    if (!out.some((c) => c.message === message)) out.push({ field, message });
  };
  for (const p of parse.assumptions) add(p.field, p.message);
  for (const w of parse.warnings) if (w.code !== 'privacy') add(w.field ?? '', w.message);
  const unknown = parse.notUnderstood.filter((n) => n.kind === 'unknown');
  if (unknown.length > 0) {
    const suggestions = [
      ...new Set(unknown.map((n) => (n.kind === 'unknown' ? n.suggestion : undefined)).filter((s) => !!s)),
    ].slice(0, 5);
    const what = `${unknown.length} fragment${unknown.length === 1 ? ' was' : 's were'} not understood and ignored`;
    add('', suggestions.length ? `${what} (did you mean ${suggestions.join(', ')}?)` : what);
  }
  return out;
}

/** The fragments the parser ignored, as typed, each with a close vocabulary word: for the author's eyes only. */
export function ignoredFragments(parse: ParseNotes): { text: string; suggestion: string | undefined }[] {
  const out: { text: string; suggestion: string | undefined }[] = [];
  for (const n of parse.notUnderstood)
    if (n.kind === 'unknown') out.push({ text: n.text.replace(/\s+/g, ' '), suggestion: n.suggestion });
  return out;
}

/**
 * The input fields the text mentioned without their being read ("PVT": neither tumour thrombus nor bland): a
 * parser caveat names the field and the case has no value for it. The rule still reads the field as not stated,
 * but the summary must not say "not stated" of it.
 */
function mentionedNotRead(outcome: SummaryOutcome): Set<string> {
  const input = outcome.input as Record<string, unknown>;
  return new Set(
    parseCaveats(outcome.parse)
      .map((c) => c.field)
      .filter((f) => f !== '' && isCaseInputField(f) && input[f] === undefined),
  );
}

/**
 * A core assumption in words that fit the text: a field the text mentioned but that was not read is "taken as
 * absent: mentioned but not read (see the note on it)", never "not stated"; the fields the text did not mention
 * keep the core's own words.
 */
function assumptionLines(n: Note, mentioned: ReadonlySet<string>): string[] {
  const said = n.fields.filter((f) => mentioned.has(f));
  if (said.length === 0) return [n.message];
  const lines = said.map(
    (f) =>
      `${FIELD_INFO[f].label} taken as absent: the text mentions it but it was not read (see the note on it)`,
  );
  if (n.message === INVASION_SPREAD_ASSUMED) {
    if (!said.includes('macrovascularInvasion')) lines.push(INVASION_ASSUMED);
    if (!said.includes('extrahepaticSpread')) lines.push(SPREAD_ASSUMED);
  }
  return lines;
}

/** Transplant criteria bear on stages 0, A, B and D (end-stage liver, tumour within criteria) and when unstaged. */
const transplantBears = (a: Assessment) => a.bclc?.stage !== 'C';
/** TACE scores bear on the intermediate stage (and when unstaged). */
const taceBears = (a: Assessment) => !a.bclc || a.bclc.stage === 'B';

/**
 * The scores whose caveats could change the stage or the option: BCLC, Child-Pugh (liver function gates every
 * option), and the transplant criteria where a transplant option or the BCLC-B subgroup rests on them.
 */
function decisive(a: Assessment): ReadonlySet<ScoreKey> {
  return new Set<ScoreKey>(['bclc', 'childPugh', ...(transplantBears(a) ? TRANSPLANT_KEYS : [])]);
}

/** A parser caveat concerns the scores that read its field; one that names no field is shown everywhere. */
const parseAbout = (c: ParseCaveat): ScoreKey[] => scoresReading(c.field);

interface Caveats {
  warnings: string[];
  assumed: string[];
}

/** The caveats whose scores pass `keep`: core warnings, then the parser's caveats and the core's assumptions. */
function caveatsWhere(outcome: SummaryOutcome, keep: (about: readonly ScoreKey[]) => boolean): Caveats {
  const a = outcome.assessment;
  const warnings = [...new Set(a.warnings.filter((n) => keep(n.about)).map((n) => n.message))];
  const assumed: string[] = [];
  const mentioned = mentionedNotRead(outcome);
  const lines = [
    ...parseCaveats(outcome.parse)
      .filter((c) => keep(parseAbout(c)))
      .map((c) => c.message),
    ...a.assumptions.filter((n) => keep(n.about)).flatMap((n) => assumptionLines(n, mentioned)),
  ];
  for (const s of lines) if (!assumed.includes(s) && !warnings.includes(s)) assumed.push(s);
  return { warnings, assumed };
}

/** Every caveat that could change the stage or the option (the answer shows these). */
export function caveatLines(outcome: SummaryOutcome): Caveats {
  const d = decisive(outcome.assessment);
  return caveatsWhere(outcome, (about) => about.some((k) => d.has(k)));
}

/** The other caveats (the details show these): about MELD, ALBI, TACE scores… */
function otherCaveats(outcome: SummaryOutcome): Caveats {
  const d = decisive(outcome.assessment);
  return caveatsWhere(outcome, (about) => !about.some((k) => d.has(k)));
}

/** The fields whose value would settle a caveat that could change the stage, and that were not given. */
function unsettled(outcome: SummaryOutcome): string[] {
  const d = decisive(outcome.assessment);
  const notes: Note[] = [...outcome.assessment.warnings, ...outcome.assessment.assumptions];
  const fields = notes.filter((n) => n.about.some((k) => d.has(k))).flatMap((n) => n.fields);
  return [...new Set(fields)].filter((f) => outcome.input[f] === undefined);
}

/** One question per unsettled field, in clinic words: "Is the ECOG 1 from the cancer?" */
function questionFor(field: string, input: CaseInput): string {
  switch (field) {
    case 'ecogCancerRelated':
      return `Is the ECOG ${input.ecog ?? ''} from the cancer?`.replace('  ', ' ');
    case 'macrovascularInvasion':
      return 'Macrovascular invasion: yes or no?';
    case 'extrahepaticSpread':
      return 'Extrahepatic spread: yes or no?';
    case 'infiltrative':
      return 'Infiltrative pattern: yes or no?';
    case 'portalHypertension':
      return 'Clinically significant portal hypertension: yes or no?';
    case 'cholestatic':
      return 'Cholestatic disease (PBC/PSC): yes or no?';
    default:
      return `${isCaseInputField(field) ? FIELD_INFO[field].label : field}?`.replace(/^./, (c) =>
        c.toUpperCase(),
      );
  }
}

/** "MELD 3.0: missing sex" lines, in clinic words. */
export function notComputedLines(a: Assessment): string[] {
  return a.notEvaluable.map((n) => `${n.score}: missing ${n.missing.map(fieldWords).join(', ')}`);
}

export interface OptionModel {
  option: TreatmentOption;
  evidence: OptionEvidence | undefined;
}

const optionModels = (a: Assessment, source: EvidenceSource, pick: (o: TreatmentOption) => boolean) =>
  (a.treatment?.options ?? [])
    .filter(pick)
    .map((option) => ({ option, evidence: safeEvidence(source, option.id, a.treatment?.stage) }));

/** Whether the marks are worth showing: only when some options are checked and some are not. */
const unchecked = (m: OptionModel) =>
  !m.option.verified || (m.evidence !== undefined && !m.evidence.verified);

/** One option on one line: label, evidence line with its link, and the mark when it is not yet checked. */
/** `withCondition`: false, true (with its status) or 'if' (an unknown condition the question below asks about). */
function optionLine(m: OptionModel, marks: boolean, withCondition: boolean | 'if'): Line {
  const o = m.option;
  const line: Line[number][] = [{ bold: o.label }];
  if (o.basis !== 'BCLC 2022') line.push(' ', { italic: `(${o.basis})` });
  const ev = m.evidence;
  if (ev?.oneLine) {
    line.push(` — ${ev.oneLine}`);
    if (ev.url) line.push(' · ', { url: ev.url, label: ev.urlLabel });
  }
  if (marks && unchecked(m)) line.push(` ${UNCHECKED_MARK}`);
  if (withCondition && o.condition) {
    const status =
      o.conditionMet === true
        ? ' — met'
        : o.conditionMet === false
          ? ' — not met'
          : withCondition === 'if'
            ? ''
            : ' — not known from the inputs';
    line.push('\n', { italic: `Condition: ${o.condition}${status}` });
  }
  return line;
}

function footnote(models: OptionModel[]): string[] {
  if (!models.some(unchecked)) return [];
  return [models.every(unchecked) ? ALL_UNCHECKED_FOOTNOTE : UNCHECKED_FOOTNOTE];
}

// ---------------------------------------------------------------------------------------------- the answer

function stageSection(a: Assessment): Section {
  const b = a.bclc;
  if (!b) {
    return {
      kind: 'lines',
      id: 'stage',
      title: null,
      lines: [[{ bold: 'BCLC not evaluable' }, ': the inputs below are needed to stage.']],
      bullets: 'none',
    };
  }
  const cp = a.childPugh ? ` (Child-Pugh ${a.childPugh.class}${a.childPugh.points})` : '';
  const liver = b.liverFunction ? ` · ${b.liverFunction} liver function${cp}` : '';
  const lines: Line[] = [[{ bold: `BCLC ${b.stage} (${STAGE_NAMES[b.stage]})` }, liver], [b.basis]];
  if (b.subgroup) {
    const sg = b.subgroup;
    lines.push([`Subgroup: ${sg.id ? SUBGROUP_NAMES[sg.id] : 'not decided'} — ${sg.reason}`]);
  }
  return { kind: 'lines', id: 'stage', title: null, lines, bullets: 'none' };
}

/**
 * The scores the text stated that the values do not bear out, or that could not be computed (with what to add):
 * on the first screen, because either a value or the stated score is wrong. Agreements go to the details.
 */
function statedSection(outcome: SummaryOutcome, keep: (score: string) => boolean = () => true): Section[] {
  const lines: Line[] = (outcome.statedScores ?? [])
    .filter((s) => s.agrees !== true && keep(s.score))
    .map((s) => [s.agrees === false ? `:warning: ${s.message}` : s.message]);
  return lines.length ? [{ kind: 'lines', id: 'stated', title: null, lines, bullets: 'none' }] : [];
}

/** First options that apply (condition met or not known), and those whose condition is not met. */
function firstOptions(a: Assessment, source: EvidenceSource) {
  const first = optionModels(a, source, (o) => o.role === 'first-option');
  return {
    apply: first.filter((m) => m.option.conditionMet !== false),
    notSuitable: first.filter((m) => m.option.conditionMet === false),
  };
}

/** What is missing to decide, asked once: the inputs BCLC lacks, those that decide the subgroup, unknown conditions. */
function toDecide(outcome: SummaryOutcome, apply: OptionModel[]): string[] {
  const a = outcome.assessment;
  const out: string[] = [];
  const asks = unsettled(outcome).map((f) => questionFor(f, outcome.input));
  if (asks.length) out.push(`To settle it: ${asks.join(' ')}`);
  if (!a.bclc) {
    const bclc = a.notEvaluable.find((n) => n.about === 'bclc');
    if (bclc) out.push(`To stage, add: ${bclc.missing.map(fieldWords).join(', ')}.`);
  }
  // Asked once: the subgroup's own list only when no input question covers it (the details keep it).
  const deciding = a.bclc?.subgroup?.decidingInputs ?? [];
  if (deciding.length && !asks.length)
    out.push(`To decide the subgroup: ${deciding.map(fieldWords).join(', ')}?`);
  // A single first option shows its condition on its line; several need the reader to say which applies.
  const unknown = apply.filter((m) => m.option.condition && m.option.conditionMet === null);
  if (unknown.length > 1) out.push('Which of these conditions applies? The inputs do not say.');
  return out;
}

function answerModel(outcome: SummaryOutcome, source: EvidenceSource): SummaryModel {
  const a = outcome.assessment;
  const { apply, notSuitable } = firstOptions(a, source);
  const marks = apply.some(unchecked) && !apply.every(unchecked);
  const sections: Section[] = [stageSection(a), ...statedSection(outcome)];
  if (apply.length)
    sections.push({
      kind: 'lines',
      id: 'first-option',
      title: apply.length > 1 ? 'First options' : 'First option',
      lines: apply.map((m) => optionLine(m, marks, m.option.conditionMet === null ? 'if' : false)),
      bullets: 'dot',
    });
  if (notSuitable.length)
    sections.push({
      kind: 'lines',
      id: 'not-suitable',
      title: null,
      lines: [
        [
          {
            italic: `Not suitable here (condition not met): ${notSuitable.map((m) => m.option.label).join(', ')}.`,
          },
        ],
      ],
      bullets: 'none',
    });
  const { warnings, assumed } = caveatLines(outcome);
  const caveats: Line[] = [...warnings.map((w) => [`:warning: ${w}`]), ...assumed.map((s) => [`• ${s}`])];
  if (caveats.length)
    sections.push({
      kind: 'lines',
      id: 'caveats',
      title: 'Could change the stage or the option',
      lines: caveats,
      bullets: 'none',
    });
  const questions = toDecide(outcome, apply);
  if (!a.bclc) {
    const others = a.notEvaluable.filter((n) => n.about !== 'bclc').map((n) => n.score);
    if (others.length) questions.push(`Also not computed: ${others.join(', ')} (see All scores).`);
  }
  if (questions.length)
    sections.push({
      kind: 'lines',
      id: 'to-decide',
      title: null,
      lines: questions.map((q) => [{ bold: q }]),
      bullets: 'none',
    });
  const rule = ruleFor(a.rules, 'bclc');
  return {
    headline: headline(a),
    sections,
    footer: [...footnote(apply), `${DECISION_SUPPORT}${rule ? ` Staging: ${rule.name}.` : ''}`],
  };
}

// ---------------------------------------------------------------------------------------------- the details

function detailsModel(outcome: SummaryOutcome, source: EvidenceSource): SummaryModel {
  const a = outcome.assessment;
  const sections: Section[] = [];
  const liver = [albiItem(a), childPughItem(a), ...meldItems(a)].filter((x): x is ScoreItem => x !== null);
  if (liver.length) sections.push({ kind: 'scores', id: 'liver', title: 'Liver function', items: liver });
  const tumour = [...(transplantBears(a) ? transplantItems(a) : []), ...(taceBears(a) ? taceItems(a) : [])];
  if (tumour.length)
    sections.push({
      kind: 'scores',
      id: 'transplant',
      title: taceBears(a) ? 'Transplant criteria and TACE scores' : 'Transplant criteria',
      items: tumour,
    });
  const missing = notComputedLines(a);
  if (missing.length)
    sections.push({
      kind: 'lines',
      id: 'not-computed',
      title: 'Not computed',
      lines: missing.map((m) => [m]),
      bullets: 'dot',
    });
  const other = otherCaveats(outcome);
  const otherLines: Line[] = [
    ...other.warnings.map((w) => [`:warning: ${w}`]),
    ...other.assumed.map((x) => [`• ${x}`]),
    ...(outcome.statedScores ?? []).filter((st) => st.agrees === true).map((st) => [`• ${st.message}`]),
  ];
  if (otherLines.length)
    sections.push({ kind: 'lines', id: 'assumed', title: 'Also noted', lines: otherLines, bullets: 'none' });
  const notes = a.bclc?.notes ?? [];
  if (notes.length)
    sections.push({
      kind: 'lines',
      id: 'bclc',
      title: 'BCLC notes',
      lines: notes.map((n) => [n]),
      bullets: 'dot',
    });
  // The first options are in the answer; the details hold the others, each with its condition.
  const all = optionModels(a, source, (o) => o.role !== 'first-option');
  const marks = all.some(unchecked) && !all.every(unchecked);
  for (const role of ROLE_ORDER.slice(1)) {
    const group = all.filter((m) => m.option.role === role);
    if (group.length)
      sections.push({
        kind: 'lines',
        id: 'options',
        title: ROLE_TITLES[role],
        lines: group.map((m) => optionLine(m, marks, true)),
        bullets: 'dot',
      });
  }
  const treatmentNotes = a.treatment?.notes ?? [];
  if (treatmentNotes.length)
    sections.push({
      kind: 'lines',
      id: 'notes',
      title: 'Treatment notes',
      lines: treatmentNotes.map((n) => [n]),
      bullets: 'dot',
    });
  return {
    headline: `${headline(a)}: all scores`,
    sections,
    footer: [...footnote(all), `${DECISION_SUPPORT} ${rulesLine(a.rules)}`.trim()],
  };
}

// ---------------------------------------------------------------------------------------------- focused views

type FocusedView = Exclude<SummaryView, 'full' | 'details'>;

const VIEW_ITEMS: Record<Exclude<FocusedView, 'bclc'>, { name: string; keys: ScoreKey[] }> = {
  albi: { name: 'ALBI', keys: ['albi', 'malbi'] },
  childpugh: { name: 'Child-Pugh', keys: ['childPugh'] },
  meld: { name: 'MELD', keys: ['meld', 'meldNa', 'meld3'] },
  transplant: {
    name: 'Transplant criteria',
    keys: ['milan', 'ucsf', 'upToSeven', 'metroticket2', 'afpModel'],
  },
};

/** The not-computed entries of a focused view: those about its scores. */
function viewMissing(a: Assessment, keys: ScoreKey[]): string[] {
  return a.notEvaluable
    .filter((n) => keys.includes(n.about))
    .map((n) => `${n.score}: missing ${n.missing.map(fieldWords).join(', ')}`);
}

/** Whether a view has a result to share: a stage, or the score the view shows. */
export function evaluable(a: Assessment, view: SummaryView): boolean {
  switch (view) {
    case 'albi':
      return a.albi !== null;
    case 'childpugh':
      return a.childPugh !== null;
    case 'meld':
      return a.meld.meld !== null || a.meld.meldNa !== null || a.meld.meld3 !== null;
    case 'transplant':
      return Object.values(a.transplant).some((v) => v !== null);
    default:
      return a.bclc !== null;
  }
}

function focusedModel(outcome: SummaryOutcome, view: FocusedView, source: EvidenceSource): SummaryModel {
  const a = outcome.assessment;
  if (view === 'bclc') {
    const answer = answerModel(outcome, source);
    return { ...answer, headline: `${headline(a)} (BCLC)` };
  }
  const { name, keys } = VIEW_ITEMS[view];
  const all = [albiItem(a), childPughItem(a), ...meldItems(a), ...transplantItems(a)].filter(
    (x): x is ScoreItem => x !== null,
  );
  const items = all.filter((i) => keys.includes(i.key));
  const sections: Section[] = items.length
    ? [{ kind: 'scores', id: 'scores', title: null, items }]
    : [
        {
          kind: 'lines',
          id: 'scores',
          title: null,
          lines: [[{ bold: name }, ' not computed']],
          bullets: 'none',
        },
      ];
  sections.push(...statedSection(outcome, (score) => (keys as string[]).includes(score)));
  const missing = viewMissing(a, keys);
  if (missing.length)
    sections.push({
      kind: 'lines',
      id: 'not-computed',
      title: 'Not computed',
      lines: missing.map((m) => [m]),
      bullets: 'dot',
    });
  // Only what concerns this view's scores; BCLC's caveats belong to the answer.
  const { warnings, assumed: assumedLines } = caveatsWhere(outcome, (about) =>
    about.some((k) => keys.includes(k)),
  );
  const assumed = [...warnings, ...assumedLines];
  if (assumed.length)
    sections.push({
      kind: 'lines',
      id: 'assumed',
      title: 'Assumed',
      lines: [...new Set(assumed)].map((m) => [m]),
      bullets: 'dot',
    });
  const rules = keys.map((k) => ruleFor(a.rules, k)).filter((r): r is RuleVersion => !!r);
  return {
    headline: null,
    sections,
    footer: [`${DECISION_SUPPORT} ${rulesLine(rules)}`.trim()],
  };
}

/** The ordered model of a summary view. */
export function summaryModel(
  outcome: SummaryOutcome,
  view: SummaryView,
  source: EvidenceSource,
): SummaryModel {
  if (view === 'full') return answerModel(outcome, source);
  if (view === 'details') return detailsModel(outcome, source);
  return focusedModel(outcome, view, source);
}
