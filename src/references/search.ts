import type { BclcStage } from '../clinical/assessment.js';
import { editDistance } from '../text/editDistance.js';
import { allReferences, getReference } from './lookup.js';
import type { Line, ReferenceEntry, ReferenceKind } from './schema.js';

/**
 * Free-text search over the evidence base, forgiving of shorthand and typos. Pure and deterministic: the same
 * query always gives the same order.
 */

export interface SearchResult {
  results: ReferenceEntry[];
  /** Closest titles or aliases when nothing matched; empty otherwise. */
  suggestions: string[];
}

/** Lower case, accents stripped, punctuation to single spaces. */
export function normalize(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Spaces removed, so "atezo bev" also matches "atezobev". */
function withoutSpaces(s: string): string {
  return s.replace(/ /g, '');
}

/** The search has always ranked on plain Levenshtein distance (a swap costs two); kept so rankings stay put. */
const levenshtein = (a: string, b: string, max?: number) =>
  editDistance(a, b, max, { transpositions: false });

function typoTolerance(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

const STOPWORDS = new Set([
  'vs',
  'versus',
  'and',
  'the',
  'of',
  'with',
  'for',
  'in',
  'on',
  'plus',
  'a',
  'an',
  'trial',
  'study',
]);

interface Indexed {
  entry: ReferenceEntry;
  /** id, title, name and aliases: normalized and compact. */
  keys: { display: string; norm: string; compact: string }[];
  tokens: Set<string>;
}

function searchableText(e: ReferenceEntry): string[] {
  switch (e.kind) {
    case 'trial':
      return [e.name, e.regimen, e.comparator, e.setting];
    case 'drug':
      return [e.name, e.drugClass];
    case 'procedure':
      return [e.name, ...e.techniques];
    case 'guideline':
      return [e.body];
    case 'biomarker':
      return [e.use];
    case 'emerging':
      return [e.category];
  }
}

const INDEX: readonly Indexed[] = allReferences().map((entry) => {
  const displays = [
    entry.id,
    entry.title,
    ...(entry.kind === 'trial' || entry.kind === 'drug' ? [entry.name] : []),
    ...entry.aliases,
  ];
  const keys = displays.map((display) => {
    const norm = normalize(display);
    return { display, norm, compact: withoutSpaces(norm) };
  });
  const tokens = new Set<string>();
  for (const text of [...keys.map((k) => k.norm), ...searchableText(entry).map(normalize)]) {
    for (const t of text.split(' ')) if (t) tokens.add(t);
  }
  return { entry, keys, tokens };
});

const KIND_ORDER: Record<ReferenceKind, number> = {
  drug: 0,
  procedure: 1,
  trial: 2,
  guideline: 3,
  biomarker: 4,
  emerging: 5,
};

const KIND_WEIGHT: Record<ReferenceKind, number> = {
  drug: 20,
  procedure: 18,
  trial: 12,
  guideline: 10,
  biomarker: 4,
  emerging: 2,
};

/**
 * Relevance among entries that match the text equally: backs a BCLC option, kind, main stage or line of the
 * facet asked for (an entry lists its main stage and line first), OS-positive evidence, verified.
 */
function priority(e: ReferenceEntry, facets: Facets | null): number {
  let p = KIND_WEIGHT[e.kind];
  if (e.optionIds.length > 0) p += 100;
  if (facets?.stage && e.stages[0] === facets.stage) p += 25;
  if (facets?.line) {
    if (e.lines[0] === facets.line) p += 25;
  } else if (e.lines.includes('first')) p += 8;
  // A drug earns the OS bonus only for the regimen its trial tested first (not HIMALAYA's durvalumab arm).
  const trial =
    e.kind === 'trial' ? e : e.kind === 'drug' ? getTrial(e.trialIds[0], e.optionIds[0]) : undefined;
  if (trial?.benefit === 'os') p += 4;
  if (e.verified) p += 1;
  return p;
}

function getTrial(
  id: string | undefined,
  optionId: string | undefined,
): Extract<ReferenceEntry, { kind: 'trial' }> | undefined {
  const e = id ? getReference(id) : undefined;
  return e?.kind === 'trial' && e.optionIds[0] === optionId ? e : undefined;
}

interface Facets {
  stage: BclcStage | null;
  line: Line | null;
  rest: string;
}

const STAGE_WORDS: Record<string, BclcStage> = {
  'very early': '0',
  early: 'A',
  intermediate: 'B',
  advanced: 'C',
  terminal: 'D',
  'end stage': 'D',
};

/** Pulls "stage C", "BCLC-B", "2nd line", "first-line", "adjuvant" out of the query. */
export function parseFacets(normQuery: string): Facets {
  let rest = ` ${normQuery} `;
  let stage: BclcStage | null = null;
  let line: Line | null = null;
  const stageMatch = /\s(?:bclc|stage)\s?(0|a|b|c|d)\s/.exec(rest);
  if (stageMatch?.[1]) {
    stage = stageMatch[1].toUpperCase() as BclcStage;
    rest = rest.replace(stageMatch[0], ' ');
  } else {
    const trimmed = rest.trim();
    const word = STAGE_WORDS[trimmed.replace(/\s?stage$/, '')];
    if (word) {
      stage = word;
      rest = ' ';
    }
  }
  const lineMatch = /\s(1st|first|1|2nd|second|2|3rd|third|3|later)\s?(?:line|l)\s/.exec(rest);
  if (lineMatch?.[1]) {
    const w = lineMatch[1];
    line =
      w === '1st' || w === 'first' || w === '1'
        ? 'first'
        : w === '2nd' || w === 'second' || w === '2'
          ? 'second'
          : 'later';
    rest = rest.replace(lineMatch[0], ' ');
  } else if (/\sadjuvant\s/.test(rest) && rest.trim() === 'adjuvant') {
    line = 'adjuvant';
    rest = ' ';
  }
  return { stage, line, rest: rest.trim() };
}

function tokenMatch(qt: string, tokens: Set<string>): number {
  if (tokens.has(qt)) return 1;
  let best = 0;
  const tol = typoTolerance(qt.length);
  for (const t of tokens) {
    if (qt.length >= 3 && t.startsWith(qt)) best = Math.max(best, 0.9);
    else if (tol > 0 && levenshtein(qt, t, tol) <= tol) best = Math.max(best, 0.7);
    if (best >= 0.9) break;
  }
  return best;
}

/** Text score tiers: exact id/alias/title 4000 > prefix 3000 > all tokens 2000 > some tokens 1000 > typo 500. */
function textScore(item: Indexed, q: string): number {
  const qc = withoutSpaces(q);
  if (!qc) return 0;
  if (item.keys.some((k) => k.norm === q || k.compact === qc)) return 4000;
  if (qc.length >= 3) {
    let best = 0;
    for (const k of item.keys) {
      if (k.compact.startsWith(qc))
        best = Math.max(best, 3000 + Math.round((100 * qc.length) / k.compact.length));
    }
    if (best) return best;
  }
  const qTokens = q.split(' ').filter((t) => t && !STOPWORDS.has(t));
  if (qTokens.length > 0) {
    const scores = qTokens.map((t) => tokenMatch(t, item.tokens));
    const matched = scores.filter((s) => s > 0).length;
    const mean = scores.reduce((a, b) => a + b, 0) / qTokens.length;
    if (matched === qTokens.length) return 2000 + Math.round(100 * mean);
    if (matched > 0 && qTokens.length > 1) return 1000 + Math.round(100 * mean);
  }
  const tol = typoTolerance(qc.length);
  if (tol > 0) {
    let best = 0;
    for (const k of item.keys) {
      const d = levenshtein(qc, k.compact, tol);
      if (d <= tol) best = Math.max(best, 500 - 10 * d);
    }
    return best;
  }
  return 0;
}

function compareRanked(
  a: { score: number; entry: ReferenceEntry },
  b: { score: number; entry: ReferenceEntry },
): number {
  return (
    b.score - a.score ||
    KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
    (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0)
  );
}

function suggestionsFor(q: string, count = 5): string[] {
  const qc = withoutSpaces(q);
  if (!qc) return [];
  const scored: { display: string; d: number }[] = [];
  for (const item of INDEX) {
    for (const k of item.keys) {
      if (k.display === item.entry.id) continue;
      const whole = levenshtein(qc, k.compact);
      const prefix = levenshtein(qc, k.compact.slice(0, qc.length));
      scored.push({ display: k.display, d: Math.min(whole, prefix + 1) });
    }
  }
  scored.sort((a, b) => a.d - b.d || (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  const out: string[] = [];
  for (const s of scored) {
    if (!out.includes(s.display)) out.push(s.display);
    if (out.length >= count) break;
  }
  return out;
}

/**
 * Free-text search: a drug, trial, procedure, biomarker or stage, forgiving of shorthand and typos
 * ("atezo bev", "imbrave", "lenva", "Y90", "stage C", "2nd line"). Ranking: exact id/alias > prefix >
 * token overlap > edit distance; ties broken by option relevance, kind and id.
 */
export function searchReferences(query: string, limit = 8): SearchResult {
  const q = normalize(query);
  if (!q || limit <= 0) return { results: [], suggestions: [] };
  const whole = INDEX.map((item) => ({ entry: item.entry, score: textScore(item, q) })).filter(
    (r) => r.score > 0,
  );
  // An exact or prefix hit on the whole query (e.g. "bclc 2022", "stage" words inside an alias) wins over facets.
  const strong = whole.filter((r) => r.score >= 3000);
  let ranked: { entry: ReferenceEntry; score: number }[];
  const facets = parseFacets(q);
  if (strong.length === 0 && (facets.stage || facets.line)) {
    ranked = INDEX.filter(
      ({ entry }) =>
        (!facets.stage || entry.stages.includes(facets.stage)) &&
        (!facets.line || entry.lines.includes(facets.line)),
    )
      .map((item) => ({ entry: item.entry, score: facets.rest ? textScore(item, facets.rest) : 1 }))
      .filter((r) => r.score > 0)
      .map((r) => ({ ...r, score: r.score * 1000 + priority(r.entry, facets) }));
  } else {
    ranked = whole.map((r) => ({ ...r, score: r.score * 1000 + priority(r.entry, null) }));
  }
  ranked.sort(compareRanked);
  const results = ranked.slice(0, limit).map((r) => r.entry);
  return { results, suggestions: results.length === 0 ? suggestionsFor(q) : [] };
}
