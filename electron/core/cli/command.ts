import type { Language } from '../../../shared/errors';
import type { Secrets } from './secrets';

/**
 * How a person starts kk, for usage and error lines: a launcher that runs the pinned Node
 * directly. Not `npm run kk`: npm writes the whole command line to its log files first.
 */
export const KK_LAUNCHER = 'electron/core/cli/bin/kk';

/** Parsed `--name value` options of one command line. */
export type Options = Record<string, string>;

/** What a command gets: its options, a source of secrets and the output streams. */
export interface CommandContext {
  options: Options;
  /** The words after the command path (positional arguments, see `Command.args`). */
  args: string[];
  secrets: Secrets;
  out: (line: string) => void;
  /** A line on stderr, for warnings that must not mix with the output. */
  err: (line: string) => void;
  /** True when `out` goes to a terminal (not a pipe or a file). */
  outIsTerminal: boolean;
  /** The language of messages to the person (KK_LANG, default Dutch). */
  language: Language;
}

/**
 * One `kk` subcommand. `path` is the words that select it (`['vault', 'init']`); `options`
 * lists the `--names` it takes, all required unless listed in `optional`.
 * A command throws KkError (or UsageError) on failure; `kk` turns that into one stderr line.
 */
export interface Command {
  readonly path: readonly string[];
  readonly summary: string;
  readonly options: readonly string[];
  readonly optional?: readonly string[];
  /** Options without a value (`--csv`): present means "ja". */
  readonly flags?: readonly string[];
  /** Names of positional arguments after the path (e.g. `['FILE']`), for usage; at most this many are taken. */
  readonly args?: readonly string[];
  /** Where the command reads secrets: env names, in stdin-line order. For `--help`. */
  readonly secrets?: readonly string[];
  /** Resolves to nothing when done, or to an exit code when the command found a problem and already said so. */
  run(ctx: CommandContext): Promise<void | number>;
}

/** A mistake in how kk was called (exit code 2), as opposed to a vault error (exit code 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
