// `kk`: the headless command over the same core (`electron/core/cli/bin/kk <subcommand>`, a launcher
// that leaves no npm log). Thin by design: parse, fetch secrets from env/stdin (never argv), call
// the vault, print one line on failure.
import { pathToFileURL } from 'node:url';
import { KkError, Language, messageFor } from '../../../shared/errors';
import { passphraseReasonText, PassphraseReason } from '../../../shared/vault/passphrasePolicy';
import { checkOptions, splitArgs } from './args';
import { KK_LAUNCHER, UsageError, type Command } from './command';
import { canHandOver, isHandedOver, receiveHandedSecrets, relaunchWithout } from './handOver';
import { createSecrets, takeSecretsFromEnv, type GivenSecrets, type Secrets } from './secrets';

/** Exit codes: 0 done, 1 the vault refused (KkError), 2 kk was called wrongly. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/**
 * The commands, loaded on first use: the first process of a run with secrets in the environment
 * only hands them over (handOver.ts) and should not load the vault code for nothing.
 */
async function loadCommands(): Promise<readonly Command[]> {
  return (await import('./commands')).commands;
}

/** Every option name some command takes: the only typed names an error may repeat. */
function knownOptions(commands: readonly Command[]): ReadonlySet<string> {
  return new Set(['help', ...commands.flatMap((c) => [...c.options, ...(c.optional ?? []), ...(c.flags ?? [])])]);
}

/** The command whose path starts `words`, with no more words left over than it takes as arguments. */
function findCommand(commands: readonly Command[], words: string[]): Command | undefined {
  return commands
    .filter((c) => c.path.length <= words.length && words.length - c.path.length <= (c.args?.length ?? 0) && c.path.every((w, i) => w === words[i]))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

function usage(commands: readonly Command[]): string {
  const lines = commands.map((c) => {
    const opts = [...c.options.map((o) => `--${o} <${o}>`), ...(c.args ?? []), ...(c.optional ?? []).map((o) => `[--${o} <${o}>]`), ...(c.flags ?? []).map((o) => `[--${o}]`)].join(' ');
    const secrets = c.secrets?.length ? `  [${c.secrets.join(', ')}]` : '';
    return `  kk ${c.path.join(' ')} ${opts}\n      ${c.summary}${secrets}`;
  });
  return [`Gebruik: ${KK_LAUNCHER} <opdracht>`, '', ...lines, '', 'Geheimen komen uit de omgeving of van standaardinvoer (één per regel), nooit uit de opdrachtregel.'].join('\n');
}

/** The one line printed for a KkError: the person's message, why (for a weak passphrase), and the code. */
export function errorLine(error: KkError, language: Language): string {
  let line = messageFor(error.code, language);
  if (error.code === 'WEAK_PASSPHRASE' && error.issues) {
    const reasons = error.issues.map((i) => PassphraseReason.safeParse(i.message)).flatMap((r) => (r.success ? [passphraseReasonText[r.data][language]] : []));
    if (reasons.length > 0) line += ` ${reasons.join(' ')}`;
  }
  if (error.retryAfterSeconds) {
    line += language === 'nl' ? ` Wacht ${error.retryAfterSeconds} seconden voor de volgende poging.` : ` Wait ${error.retryAfterSeconds} seconds before the next attempt.`;
  }
  return `kk: ${line} [${error.code}]`;
}

/** Runs kk with `argv` (without node and script); returns the exit code. Never throws. */
export async function runKk(
  argv: readonly string[],
  io: { out: (line: string) => void; err: (line: string) => void; secrets?: Secrets; language?: Language; outIsTerminal?: boolean } = defaultIo(),
): Promise<number> {
  const language = io.language ?? (Language.safeParse(process.env.KK_LANG).data ?? 'nl');
  try {
    const commands = await loadCommands();
    const { words, options } = splitArgs(argv, knownOptions(commands), new Set(commands.flatMap((c) => c.flags ?? [])));
    if (words.length === 0 || words[0] === 'help' || 'help' in options) {
      io.out(usage(commands));
      return words.length === 0 ? EXIT.usage : EXIT.ok;
    }
    const command = findCommand(commands, words);
    // The words are not repeated: a passphrase typed as a word would land in stderr.
    if (!command) throw new UsageError(`unknown command; run "${KK_LAUNCHER} help"`);
    checkOptions(command, options);
    const code = await command.run({
      options,
      args: words.slice(command.path.length),
      secrets: io.secrets ?? createSecrets(),
      out: io.out,
      err: io.err,
      outIsTerminal: io.outIsTerminal ?? process.stdout.isTTY === true,
      language,
    });
    return typeof code === 'number' ? code : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`kk: ${error.message}`);
      return EXIT.usage;
    }
    const kk = error instanceof KkError ? error : new KkError('INTERNAL', 'unexpected');
    io.err(errorLine(kk, language));
    return EXIT.refused;
  }
}

/**
 * The entry: secrets given in the environment go to a second kk that never had them in its
 * environment (handOver.ts); this one then only waits. Resolves to the exit code.
 */
async function main(given: GivenSecrets): Promise<number> {
  let secrets = given;
  if (isHandedOver(process.env)) {
    try {
      secrets = { ...(await receiveHandedSecrets(process.env)), ...given };
    } catch (error) {
      process.stderr.write(`kk: ${error instanceof Error ? error.message : 'internal error'}\n`);
      return EXIT.usage;
    }
  } else if (Object.keys(given).length > 0 && canHandOver()) {
    return relaunchWithout(given, process.env);
  }
  return runKk(process.argv.slice(2), { ...defaultIo(), secrets: createSecrets(secrets) });
}

/** Lines to this process's stdout and stderr. */
function defaultIo() {
  return { out: (line: string) => process.stdout.write(`${line}\n`), err: (line: string) => process.stderr.write(`${line}\n`) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // First thing kk does (its imports only define things): take the secrets out of process.env,
  // before parsing arguments and before any worker thread or child process can copy them.
  const given = takeSecretsFromEnv(process.env);
  // Everything kk creates (vault, WAL, backups, temp files) is for the owner only, from the start.
  process.umask(0o077);
  process.exitCode = await main(given);
}
