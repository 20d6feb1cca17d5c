/** What a CLI command may touch: passed in so tests drive the CLI without spawning a process. */
export interface CliIo {
  stdin: AsyncIterable<string | Buffer>;
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  env: Record<string, string | undefined>;
}

/** Exit codes shared by every subcommand. */
export const EXIT_OK = 0;
/** Invalid input or usage: the message says what was wrong and shows an example. */
export const EXIT_INVALID = 2;
