/**
 * Tiny argv parser for `hcc-mdt` (no dependency). Each command declares which options take a value and which are
 * switches; anything else starting with `--` is an error naming the option. Accepted forms: `--name value`,
 * `--name=value`, `--switch`; `--` ends the options; a lone `-` is a positional (stdin).
 * A value-taking option takes the next token whatever it looks like, so `--baseline -5` reaches the range check
 * (and its clear message) rather than being misread as an option.
 */

export interface ArgSpec {
  /** Options that take a value, without the leading `--`. */
  values?: readonly string[];
  /** Switches, without the leading `--`. */
  switches?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

export type ParseArgsResult = { ok: true; args: ParsedArgs } | { ok: false; error: string };

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParseArgsResult {
  const valueNames = new Set(spec.values ?? []);
  const switchNames = new Set(spec.switches ?? []);
  const args: ParsedArgs = { positionals: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      args.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('--') || token.length === 2) {
      args.positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : token.slice(eq + 1);
    if (valueNames.has(name)) {
      const value = inline ?? argv[i + 1];
      if (value === undefined) return { ok: false, error: `--${name} needs a value` };
      if (args.values.has(name)) return { ok: false, error: `--${name} was given twice` };
      args.values.set(name, value);
      if (inline === undefined) i++;
    } else if (switchNames.has(name)) {
      if (inline !== undefined) return { ok: false, error: `--${name} takes no value` };
      args.switches.add(name);
    } else {
      return { ok: false, error: `unknown option --${name}` };
    }
  }
  return { ok: true, args };
}

/**
 * A decimal number as typed on a command line ("52", "52.5", ".5", "-3"); null for anything else ("52mm", "", "1e3",
 * "abc"). Stricter than Number(), which accepts "" (0), "0x10" and " 5 ".
 */
export function parseDecimal(text: string): number | null {
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
