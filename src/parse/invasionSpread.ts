import { type FieldEntry, type FieldName, VESSELS, type Vessel } from './fields.js';
import type { SpanKind } from './parseResult.js';
import type { Reader } from './reader.js';
import { organLesion, readSizes } from './tumour.js';
import type { Concept } from './vocabulary.js';

/**
 * Yes/no findings and their negation: macrovascular invasion per vessel (PVTT, Vp1-Vp4, Vv1-Vv3), extrahepatic
 * spread and the organs it names, portal hypertension, cholestatic disease, infiltrative pattern, and "no X" /
 * "X: none" / "X -ve" for them (and for ascites, HE and dialysis).
 */

/** "microvascular invasion", a bare "PVT", "vascular invasion": recognised, never read as macrovascular invasion. */
export function invasionNote(r: Reader, i: number, c: 'micro' | 'pvt' | 'vascularInvasion'): number {
  switch (c) {
    case 'micro':
      r.warn(
        'microvascular-invasion',
        'macrovascularInvasion',
        'Microvascular invasion is a pathology finding, not a staging one: it was not read as macrovascular invasion. Write PVTT, Vp1-Vp4 or macrovascular invasion if there is tumour in a vessel on imaging.',
        i,
        r.after(i),
      );
      break;
    case 'pvt': {
      // "PVT (bland)", "PVT - bland", "PVT: non-tumoural": the qualifier after it says which.
      const bland = blandAfter(r, r.after(i));
      if (bland > 0) return blandThrombus(r, i, bland);
      r.warn(
        'not-understood',
        'macrovascularInvasion',
        `"${r.frag(i, r.after(i))}" was not read as tumour invasion: a thrombus may be bland or tumour. Write PVTT or "tumour thrombus" if it is tumour, "bland PVT" if it is not.`,
        i,
        r.after(i),
      );
      break;
    }
    case 'vascularInvasion':
      r.warn(
        'not-understood',
        'macrovascularInvasion',
        'Vascular invasion was not read: say macrovascular (PVTT, Vp1-Vp4) or microvascular (pathology).',
        i,
        r.after(i),
      );
      break;
  }
  return r.claim(i, r.after(i), 'invasion');
}

/** After a bare "PVT": "(bland)", "bland", "- bland", ": non-tumoural": the index after the qualifier, or -1. */
function blandAfter(r: Reader, j0: number): number {
  let j = j0;
  const open = r.tok(j)?.text === '(';
  if (open || r.tok(j)?.text === '-' || r.tok(j)?.text === ':' || r.tok(j)?.text === ',') j++;
  let end = -1;
  const l = r.lower(j);
  if (l === 'bland' || l === 'nontumoural' || l === 'nontumoral') end = j + 1;
  else if (
    l === 'non' &&
    r.tok(j + 1)?.text === '-' &&
    /^(tumou?r(al)?|malignant)$/.test(r.lower(j + 2) ?? '')
  )
    end = j + 3;
  if (end < 0) return -1;
  if (open) return r.tok(end)?.text === ')' ? end + 1 : -1;
  return end;
}

/**
 * A thrombus stated bland ("bland PVT", "non-tumoural thrombus", "PVT (bland)"): no tumour in that vessel, so
 * macrovascular invasion is read as absent there, and said so. A bland thrombus in one vessel says nothing of the
 * others, so a tumour thrombus named elsewhere ("hepatic vein tumour thrombus") still counts.
 */
export function blandThrombus(r: Reader, i: number, end: number): number {
  let v: Vessel = 'macro:bland';
  for (let k = i; k < end; k++) {
    const l = r.toks[k]!.lower;
    if (l === 'pvt' || l === 'portal') v = 'macro:portal';
    else if (l === 'hepatic') v = 'macro:hepatic';
  }
  const frag = r.frag(i, end);
  // "PVT (bland) segmental", "bland PVT, main branch": the extent after it is part of the finding.
  let to = end;
  // An extent before another vessel finding ("bland PVT segmental PVTT") is that finding's.
  for (let guard = 0; guard < 3 && r.concept(to) === 'vesselExtent'; guard++) {
    const next = r.concept(r.after(to));
    if (next === 'macro' || next === 'vp' || next === 'vv' || next === 'pvt' || next === 'bland') break;
    to = r.after(to);
  }
  r.claim(i, to, 'invasion');
  r.set(v, false, i, end);
  r.assume(
    'macrovascularInvasion',
    `"${frag}" not read as macrovascular invasion: a bland thrombus is not tumour invasion. Write PVTT or "tumour thrombus" if it is tumour.`,
  );
  return to;
}

/** The vessel a macrovascular phrase at i names. */
function vessel(r: Reader, i: number): Vessel {
  const c = r.match[i]?.concept;
  if (c === 'vp') return 'macro:portal';
  if (c === 'vv') return 'macro:hepatic';
  for (let k = i, end = r.after(i); k < end; k++) {
    const l = r.toks[k]!.lower;
    if (l === 'pvtt' || l === 'portal') return 'macro:portal';
    if (l === 'hepatic') return 'macro:hepatic';
    if (l === 'ivc') return 'macro:ivc';
  }
  return 'macro:any';
}

/**
 * One macrovascular answer from the per-vessel findings: a positive finding in any vessel wins over a negative
 * one for another vessel ("no PVTT; Vv2" is true). A contradiction is the same vessel both ways, or "no
 * macrovascular invasion" beside a positive finding anywhere.
 */
export function finishMacro(r: Reader): void {
  let pos: FieldEntry | undefined;
  let neg: FieldEntry | undefined;
  for (const v of VESSELS) {
    if (r.conflicted.has(v)) {
      r.conflicted.add('macrovascularInvasion');
      return;
    }
    const e = r.fields.get(v);
    if (!e) continue;
    if (e.value === true) pos = pos ?? e;
    else neg = neg ?? e;
  }
  if (pos) {
    const general = r.fields.get('macro:any');
    if (general && general.value === false) {
      r.conflicted.add('macrovascularInvasion');
      const [a, b] = general.start < pos.start ? [general, pos] : [pos, general];
      r.contradiction('macrovascularInvasion', a, b);
      return;
    }
    r.fields.set('macrovascularInvasion', pos);
  } else if (neg) r.fields.set('macrovascularInvasion', neg);
}

function negatable(c: Concept | undefined): boolean {
  return (
    c === 'ascites' ||
    c === 'he' ||
    c === 'macro' ||
    c === 'ehs' ||
    c === 'mets' ||
    c === 'csph' ||
    c === 'cholestatic' ||
    c === 'dialysis' ||
    c === 'infiltrative' ||
    c === 'micro' ||
    c === 'bland' ||
    c === 'pvt' ||
    c === 'heSign' ||
    c === 'organ' ||
    c === 'vascularInvasion'
  );
}

const NEG_FILLER = new Set([
  'any',
  'evidence',
  'of',
  'visible',
  'clinical',
  'clinically',
  'obvious',
  'apparent',
  'signs',
  'sign',
  'indications',
  'indication',
  'overt',
  'features',
  'symptoms',
  'or',
  'and',
  'detectable',
  'notable',
  'significant',
  'palpable',
  'current',
  'radiological',
  'radiologic',
  'further',
  'new',
  'recurrent',
  'frank',
]);

export function negation(r: Reader, i: number): number {
  let j = r.after(i);
  // "no visible signs of", "no clinical or radiological evidence of", "no indications of": words before the finding.
  for (let guard = 0; guard < 5 && NEG_FILLER.has(r.lower(j) ?? ''); guard++) j++;
  if (!negatable(r.concept(j))) return i;
  let end = j;
  for (let guard = 0; guard < 8; guard++) {
    const c = r.concept(end);
    if (!negatable(c)) break;
    const from = end;
    end = r.after(end);
    if (c === 'organ') {
      // "no lung mets", "no lung nodules": an organ-specific negative says nothing about spread elsewhere.
      if (r.concept(end) === 'mets' || r.concept(end) === 'tumour') end = r.after(end);
      else {
        end = from;
        break;
      }
    } else negate(r, c!, i, end, from);
    const sep = r.tok(end);
    if (
      sep &&
      (sep.text === '/' || sep.lower === 'or' || sep.lower === 'nor') &&
      negatable(r.concept(end + 1))
    )
      end++;
    else break;
  }
  if (end === j) return i;
  return r.claim(i, end, kindFor(r.concept(j)!));
}

/** A lymph-node phrase ("nodes", "lymph nodes", "nodal disease"): negating it says nothing about other spread. */
function nodal(r: Reader, i: number): boolean {
  for (let k = i; k < r.after(i); k++) {
    const l = r.toks[k]!.lower;
    if (l.startsWith('node') || l === 'nodal' || l === 'lymph' || l === 'lymphadenopathy') return true;
  }
  return false;
}

function negate(r: Reader, c: Concept, from: number, to: number, _at: number): void {
  switch (c) {
    case 'ascites':
      r.set('ascites', 'none', from, to);
      return;
    case 'he':
      r.set('encephalopathy', 'none', from, to);
      return;
    case 'macro':
      r.set(vessel(r, _at), false, from, to);
      return;
    case 'ehs':
    case 'mets':
      // "no nodes" says nothing about spread elsewhere.
      if (!nodal(r, _at)) r.set('extrahepaticSpread', false, from, to);
      return;
    case 'csph':
      r.set('portalHypertension', false, from, to);
      return;
    case 'cholestatic':
      r.set('cholestatic', false, from, to);
      return;
    case 'dialysis':
      r.set('dialysis', false, from, to);
      return;
    case 'infiltrative':
      r.set('infiltrative', false, from, to);
      return;
    default:
      return;
  }
}

export function booleanFinding(r: Reader, i: number, c: Concept): number {
  const field: FieldName =
    c === 'cholestatic'
      ? 'cholestatic'
      : c === 'csph'
        ? 'portalHypertension'
        : c === 'macro'
          ? 'macrovascularInvasion'
          : c === 'infiltrative'
            ? 'infiltrative'
            : 'extrahepaticSpread';
  let end = r.after(i);
  let value = true;
  const k0 = end;
  const k = r.skipSeps(k0, 2);
  const next = r.concept(k);
  const neg = r.absentAfter(k0);
  if (neg > 0) {
    value = false;
    end = neg;
  } else if (next === 'present') end = r.after(k);
  else if (r.tok(end)?.text === '+' && !r.toks[end]!.spaceBefore) end++;
  else if (r.tok(end)?.text === '-' && !r.toks[end]!.spaceBefore && !r.tok(end + 1)) {
    value = false;
    end++;
  }
  // "mets lung", "EHS (lung, bone)" organs after are part of the finding, and so are sizes ("lymph nodes 2.2 cm").
  if (c === 'ehs') {
    end = organsAfter(r, end);
    const sizes = value ? readSizes(r, r.skipSeps(end, 2)) : undefined;
    if (sizes) end = sizes.end;
  }
  r.claim(i, end, kindFor(c));
  if (c === 'macro') r.set(vessel(r, i), value, i, end);
  else if (value || !(c === 'ehs' && nodal(r, i))) r.set(field, value, i, end);
  return end;
}

function organsAfter(r: Reader, j0: number): number {
  let j = j0;
  let end = j0;
  for (let guard = 0; guard < 8; guard++) {
    let k = j;
    if (r.lower(k) === 'to' || r.tok(k)?.text === '(' || r.tok(k)?.text === ':') k++;
    if (r.concept(k) !== 'organ') break;
    k = r.after(k);
    if (r.tok(k)?.text === ')') k++;
    end = k;
    const sep = r.tok(k);
    if (
      sep &&
      (sep.text === ',' || sep.text === '/' || sep.text === '&' || sep.lower === 'and') &&
      r.concept(k + 1) === 'organ'
    )
      j = k + 1;
    else break;
  }
  return end;
}

export function mets(r: Reader, i: number): number {
  const end0 = r.after(i);
  const neg = r.absentAfter(end0);
  if (neg > 0) {
    const end = r.claim(i, neg, 'spread');
    r.set('extrahepaticSpread', false, i, end);
    return end;
  }
  const end = organsAfter(r, end0);
  r.claim(i, end, 'spread');
  r.set('extrahepaticSpread', true, i, end);
  return end;
}

export function organ(r: Reader, i: number): number {
  // "lung mets", "lung and bone mets", "bone metastases"
  let j = r.after(i);
  for (let guard = 0; guard < 6; guard++) {
    const sep = r.tok(j);
    if (
      sep &&
      (sep.text === ',' || sep.text === '/' || sep.text === '&' || sep.lower === 'and') &&
      r.concept(j + 1) === 'organ'
    )
      j = r.after(j + 1);
    else break;
  }
  if (r.concept(j) === 'mets') {
    const end = r.claim(i, r.after(j), 'spread');
    r.set('extrahepaticSpread', true, i, end);
    return end;
  }
  if (r.concept(j) === 'tumour') return organLesion(r, i, i);
  // "LN -", "nodes negative"
  const k = r.skipSeps(j, 1);
  if (r.concept(k) === 'absent') {
    // "LN neg", "lung negative": clear in that place only, so nothing is set.
    return r.claim(i, r.after(k), 'spread');
  }
  return i;
}

export function vpvv(r: Reader, i: number, c: 'vp' | 'vv'): number {
  const t = r.tok(i + 1);
  if (t?.type !== 'num' || !/^\d$/.test(t.text)) return i;
  const g = Number(t.text);
  const max = c === 'vp' ? 4 : 3;
  if (g > max) return i;
  let end = i + 2;
  const sep = r.tok(end);
  const t2 = r.tok(end + 1);
  if (sep && t2 && (sep.text === '-' || sep.text === '/') && /^\d$/.test(t2.text) && Number(t2.text) <= max)
    end += 2;
  r.claim(i, end, 'invasion');
  r.set(vessel(r, i), g > 0, i, end);
  return end;
}

function kindFor(c: Concept): SpanKind {
  switch (c) {
    case 'ascites':
      return 'ascites';
    case 'he':
    case 'heSign':
      return 'encephalopathy';
    case 'macro':
    case 'vp':
    case 'vv':
    case 'micro':
    case 'bland':
    case 'pvt':
    case 'vascularInvasion':
      return 'invasion';
    case 'ehs':
    case 'mets':
    case 'organ':
    case 'lnPos':
      return 'spread';
    case 'csph':
      return 'portal-hypertension';
    case 'cholestatic':
      return 'cholestatic';
    case 'dialysis':
      return 'dialysis';
    case 'infiltrative':
      return 'infiltrative';
    default:
      return 'filler';
  }
}

/** "main PVTT", "segmental portal vein tumour thrombus", "right/left branch Vp3": the extent is kept with the finding. */
export function vesselExtent(r: Reader, i: number): number {
  let j = r.after(i);
  for (let guard = 0; guard < 3; guard++) {
    const c = r.concept(j);
    if (c === 'vesselExtent') j = r.after(j);
    else if ((r.tok(j)?.text === '/' || r.lower(j) === 'and') && r.concept(j + 1) === 'vesselExtent')
      j = r.after(j + 1);
    else break;
  }
  const c = r.concept(j);
  let end = j;
  if (c === 'macro') end = booleanFinding(r, j, c);
  else if (c === 'vp' || c === 'vv') end = vpvv(r, j, c);
  else if (c === 'pvt') end = invasionNote(r, j, c);
  else if (c === 'bland') end = blandThrombus(r, j, r.after(j));
  if (end <= j) return i;
  r.claim(i, j, 'invasion');
  return end;
}
