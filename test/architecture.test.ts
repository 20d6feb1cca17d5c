import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The house's layering, read from the import graph of src/: no import cycle, and no layer importing one it may
 * not. The layer table is the developers' guide's:
 *   clinical → zod only; parse → clinical; references → clinical (types); render → clinical, references;
 *   cases → clinical, parse (types); store → cases (interfaces); fhir → cases, clinical; slack/cli → everything.
 * `text/` holds dependency-free helpers any layer may use; `pipeline.ts` is the one path parse → assess.
 * "(types)" and "(interfaces)" are read as "the contracts": a layer's contract is its zod schemas and the types
 * inferred from them, so references may import the treatment-option schema and store the cases' schemas to check
 * what it reads back. Where a layer must not run the other's code at all (cases → parse), only `import type`
 * passes.
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

type Layer =
  | 'clinical'
  | 'parse'
  | 'references'
  | 'render'
  | 'cases'
  | 'store'
  | 'fhir'
  | 'slack'
  | 'cli'
  | 'text'
  | 'pipeline';

/** What each layer may import: 'any' import, or 'types' (`import type` only, erased at run time). */
const MAY_IMPORT: Record<Layer, Partial<Record<Layer, 'any' | 'types'>>> = {
  text: {},
  clinical: {},
  parse: { clinical: 'any', text: 'any' },
  references: { clinical: 'any', text: 'any' },
  render: { clinical: 'any', references: 'any', text: 'any' },
  cases: { clinical: 'any', parse: 'types', text: 'any' },
  store: { cases: 'any', text: 'any' },
  fhir: { cases: 'any', clinical: 'any', text: 'any' },
  pipeline: { clinical: 'any', parse: 'any', text: 'any' },
  slack: everything(),
  cli: everything(),
};

/** Packages each layer may import, when it is restricted (the clinical core imports zod only). */
const PACKAGES: Partial<Record<Layer, readonly string[]>> = { clinical: ['zod'], text: [] };

/**
 * Known violations the owners are removing. Each entry is `importer -> imported` (paths below src/). This list
 * only shrinks: an entry that no longer occurs fails the test, so it is deleted when the owner fixes it.
 */
const KNOWN: readonly string[] = [];

/** An allow-list entry matches a violation; `*` stands for one file name. */
const matches = (entry: string, violation: string): boolean =>
  new RegExp(`^${entry.replace(/[.]/g, '\\.').replace(/\*/g, '[^/ ]+')}$`).test(violation);
const KNOWN_CYCLES: readonly string[] = [];

function everything(): Record<Layer, 'any'> {
  const all: Layer[] = [
    'clinical',
    'parse',
    'references',
    'render',
    'cases',
    'store',
    'fhir',
    'slack',
    'cli',
    'text',
    'pipeline',
  ];
  return Object.fromEntries(all.map((l) => [l, 'any'])) as Record<Layer, 'any'>;
}

function layerOf(file: string): Layer {
  const top = file.split('/')[0] ?? '';
  if (top === 'pipeline.ts') return 'pipeline';
  // Top-level wiring files beside the pipeline (e.g. decisionDeps.ts) compose the layers, like the doors.
  if (top.endsWith('.ts')) return 'slack';
  if (top in MAY_IMPORT) return top as Layer;
  throw new Error(`${file}: no layer for src/${top}; add it to the layer table`);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** Static imports and re-exports (`import … from`, `export … from`, `import('…')`), with whether they are types only. */
function importsOf(file: string, text: string): { edges: Edge[]; packages: string[] } {
  const edges: Edge[] = [];
  const packages: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/g;
  const dynamic = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
  const add = (spec: string, typeOnly: boolean) => {
    if (!spec.startsWith('.')) {
      packages.push(
        spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec),
      );
      return;
    }
    const target = relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\.js$/, '.ts');
    edges.push({ from: file, to: target, typeOnly });
  };
  for (const m of text.matchAll(statement)) {
    const clause = m[3] ?? '';
    // `import { type A, type B } from` is types only too.
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    const allTypes = named?.[1]
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .every((s) => s.startsWith('type '));
    add(m[4] ?? '', Boolean(m[2]) || allTypes === true);
  }
  for (const m of text.matchAll(dynamic)) add(m[1] ?? '', false);
  return { edges, packages };
}

const files = sourceFiles(SRC).map((f) => relative(SRC, f));
const graph = files.map((file) => ({ file, ...importsOf(file, readFileSync(join(SRC, file), 'utf8')) }));

/** Strongly connected components with more than one file (or a file importing itself): the import cycles. */
function cycles(): string[][] {
  const next = new Map(graph.map((g) => [g.file, g.edges.map((e) => e.to)]));
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    order.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, order.get(w) ?? 0));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const f of files) if (!order.has(f)) visit(f);
  return found;
}

describe('architecture: the import graph of src/', () => {
  it('reads the graph (a guard against a parser of imports that finds nothing)', () => {
    expect(files.length).toBeGreaterThan(50);
    const assess = graph.find((g) => g.file === 'clinical/assess.ts');
    expect(assess?.edges.map((e) => e.to)).toContain('clinical/bclc.ts');
    for (const g of graph)
      for (const e of g.edges) expect(files, `${e.from} imports ${e.to}`).toContain(e.to);
  });

  it('no layer imports one it may not (or only as types where the table says types)', () => {
    const violations: string[] = [];
    for (const g of graph) {
      const from = layerOf(g.file);
      for (const e of g.edges) {
        const to = layerOf(e.to);
        if (to === from) continue;
        const allowed = MAY_IMPORT[from][to];
        if (allowed === 'any' || (allowed === 'types' && e.typeOnly)) continue;
        violations.push(`${e.from} -> ${e.to}`);
      }
    }
    const unknown = violations.filter((v) => !KNOWN.some((k) => matches(k, v)));
    expect(unknown, 'imports against the layer table').toEqual([]);
    const fixed = KNOWN.filter((k) => !violations.some((v) => matches(k, v)));
    expect(fixed, 'allow-listed violations that no longer occur: delete them from KNOWN').toEqual([]);
  });

  it('restricted layers import only their packages (the clinical core: zod)', () => {
    for (const g of graph) {
      const allowed = PACKAGES[layerOf(g.file)];
      if (!allowed) continue;
      for (const p of g.packages) expect(allowed, `${g.file} imports ${p}`).toContain(p);
    }
  });

  it('has no import cycle', () => {
    const found = cycles().map((c) => c.join(' <-> '));
    const unknown = found.filter((c) => !KNOWN_CYCLES.includes(c));
    expect(unknown, 'import cycles').toEqual([]);
    const fixed = KNOWN_CYCLES.filter((k) => !found.includes(k));
    expect(fixed, 'allow-listed cycles that no longer occur: delete them from KNOWN_CYCLES').toEqual([]);
  });
});
