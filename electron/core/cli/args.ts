import { KK_LAUNCHER, UsageError, type Command, type Options } from './command';

/** Option names that would put a secret on the command line (visible in `ps` and shell history). */
const SECRET_LIKE = /pass|wachtwoord|secret|geheim|recovery|herstel|^key$/i;

/**
 * Splits argv into command words and `--name value` options. Error messages never repeat what
 * was typed, except option names listed in `knownOptions` (ours): a passphrase typed in the
 * wrong place must not end up in a terminal log or a CI transcript.
 */
export function splitArgs(argv: readonly string[], knownOptions: ReadonlySet<string> = new Set(), flags: ReadonlySet<string> = new Set()): { words: string[]; options: Options } {
  const words: string[] = [];
  const options: Options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (SECRET_LIKE.test(name)) {
        throw new UsageError('secrets are never accepted on the command line; use KK_PASSPHRASE (KK_NEW_PASSPHRASE, KK_RECOVERY_KEY) or standard input');
      }
      // A flag (`--csv`) takes no value: at the end, or before the next option, it means "ja".
      if (eq < 0 && flags.has(name) && (argv[i + 1] === undefined || argv[i + 1]!.startsWith('--'))) {
        options[name] = 'ja';
        continue;
      }
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(knownOptions.has(name) ? `--${name} needs a value` : 'an option needs a value');
      options[name] = value;
    } else {
      words.push(arg);
    }
  }
  return { words, options };
}

/** Checks the options against what a command takes: all required ones present, nothing unknown. */
export function checkOptions(command: Command, options: Options): void {
  const allowed = new Set([...command.options, ...(command.optional ?? []), ...(command.flags ?? [])]);
  for (const name of Object.keys(options)) {
    // The unknown name itself is not repeated: it is whatever was typed (see splitArgs).
    if (!allowed.has(name)) throw new UsageError(`unknown option for "kk ${command.path.join(' ')}"; run "${KK_LAUNCHER} help"`);
  }
  for (const name of command.options) {
    if (!(name in options)) throw new UsageError(`"kk ${command.path.join(' ')}" needs --${name}`);
  }
}
