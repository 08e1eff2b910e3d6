// `kk`: the headless command over the same core (`npm run kk -- <subcommand>`). Thin by design:
// parse, fetch secrets from env/stdin (never argv), call the vault, print one line on failure.
import { pathToFileURL } from 'node:url';
import { KkError, Language, messageFor } from '../../../shared/errors';
import { passphraseReasonText, PassphraseReason } from '../../../shared/vault/passphrasePolicy';
import { checkOptions, splitArgs } from './args';
import { UsageError, type Command } from './command';
import { commands } from './commands';
import { createSecrets, type Secrets } from './secrets';

/** Exit codes: 0 done, 1 the vault refused (KkError), 2 kk was called wrongly. */
export const EXIT = { ok: 0, refused: 1, usage: 2 } as const;

/** Every option name some command takes: the only typed names an error may repeat. */
const KNOWN_OPTIONS: ReadonlySet<string> = new Set(['help', ...commands.flatMap((c) => [...c.options, ...(c.optional ?? [])])]);

/** The command whose path starts `words`, with no more words left over than it takes as arguments. */
function findCommand(words: string[]): Command | undefined {
  return commands
    .filter((c) => c.path.length <= words.length && words.length - c.path.length <= (c.args?.length ?? 0) && c.path.every((w, i) => w === words[i]))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

function usage(): string {
  const lines = commands.map((c) => {
    const opts = [...c.options.map((o) => `--${o} <${o}>`), ...(c.args ?? []), ...(c.optional ?? []).map((o) => `[--${o} <${o}>]`)].join(' ');
    const secrets = c.secrets?.length ? `  [${c.secrets.join(', ')}]` : '';
    return `  kk ${c.path.join(' ')} ${opts}\n      ${c.summary}${secrets}`;
  });
  return ['Gebruik: npm run kk -- <opdracht>', '', ...lines, '', 'Geheimen komen uit de omgeving of van standaardinvoer (één per regel), nooit uit de opdrachtregel.'].join('\n');
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
  io: { out: (line: string) => void; err: (line: string) => void; secrets?: Secrets; language?: Language; outIsTerminal?: boolean } = {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  },
): Promise<number> {
  const language = io.language ?? (Language.safeParse(process.env.KK_LANG).data ?? 'nl');
  try {
    const { words, options } = splitArgs(argv, KNOWN_OPTIONS);
    if (words.length === 0 || words[0] === 'help' || 'help' in options) {
      io.out(usage());
      return words.length === 0 ? EXIT.usage : EXIT.ok;
    }
    const command = findCommand(words);
    // The words are not repeated: a passphrase typed as a word would land in stderr.
    if (!command) throw new UsageError('unknown command; run "npm run kk -- help"');
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Everything kk creates (vault, WAL, backups, temp files) is for the owner only, from the start.
  process.umask(0o077);
  process.exitCode = await runKk(process.argv.slice(2));
}
