import type { CliIo } from '../../src/cli/io.js';

/** A CliIo that records what the CLI writes; stdin yields `stdin` (if given) in two chunks. */
export function fakeIo(options: { stdin?: string; env?: Record<string, string | undefined> } = {}) {
  let out = '';
  let err = '';
  const stdin = options.stdin;
  const io: CliIo = {
    stdin: (async function* () {
      if (stdin === undefined) return;
      const half = Math.floor(stdin.length / 2);
      yield stdin.slice(0, half);
      yield Buffer.from(stdin.slice(half));
    })(),
    stdout: {
      write: (chunk: string) => {
        out += chunk;
        return true;
      },
    },
    stderr: {
      write: (chunk: string) => {
        err += chunk;
        return true;
      },
    },
    env: options.env ?? {},
  };
  return {
    io,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}
