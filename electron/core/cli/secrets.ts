import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './command';

/** The secrets a command may ask for, each named by its environment variable. */
export type SecretName = 'KK_PASSPHRASE' | 'KK_NEW_PASSPHRASE' | 'KK_RECOVERY_KEY';

const PROMPTS: Record<SecretName, string> = {
  KK_PASSPHRASE: 'Wachtwoord van de kluis: ',
  KK_NEW_PASSPHRASE: 'Nieuw wachtwoord: ',
  KK_RECOVERY_KEY: 'Herstelsleutel: ',
};

/** Hands out secrets: from the environment when set, else the next line of standard input. */
export interface Secrets {
  get(name: SecretName): Promise<string>;
}

/** Reads one line from a terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/**
 * Secrets from `env`, then from piped stdin (one secret per line, in the order the command asks),
 * then from a hidden terminal prompt. Never from argv.
 */
export function createSecrets(env: NodeJS.ProcessEnv = process.env): Secrets {
  let lines: string[] | undefined;
  const stdinLines = (): string[] => {
    if (lines === undefined) {
      let text = '';
      try {
        text = readFileSync(0, 'utf8');
      } catch {
        text = '';
      }
      lines = text.split(/\r?\n/);
    }
    return lines;
  };
  return {
    async get(name) {
      const fromEnv = env[name];
      // Read once, then gone: the secret must not stay in the environment for the rest of the
      // run (visible to anything this process starts, and in /proc/<pid>/environ's copy).
      delete env[name];
      if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
      if (process.stdin.isTTY) return promptHidden(PROMPTS[name]);
      const line = stdinLines().shift();
      if (line === undefined || line === '') throw new UsageError(`${name} is not set and standard input has no line for it`);
      return line;
    },
  };
}
