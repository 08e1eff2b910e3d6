import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './command';
import { LineBuffer } from './lineReader';

/** The secrets a command may ask for, each named by its environment variable. */
export const SECRET_NAMES = ['KK_PASSPHRASE', 'KK_NEW_PASSPHRASE', 'KK_RECOVERY_KEY'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** Secrets taken out of the environment, held only in this process's memory. */
export type GivenSecrets = Partial<Record<SecretName, string>>;

const PROMPTS: Record<SecretName, string> = {
  KK_PASSPHRASE: 'Wachtwoord van de kluis: ',
  KK_NEW_PASSPHRASE: 'Nieuw wachtwoord: ',
  KK_RECOVERY_KEY: 'Herstelsleutel: ',
};

/** Hands out secrets: from the environment when set, else the next line of standard input. */
export interface Secrets {
  get(name: SecretName): Promise<string>;
}

/**
 * Removes every kk secret from `env` at once and returns the non-empty ones. Called first thing,
 * so nothing this process starts later (a worker thread copies process.env, a child process
 * inherits it) can get them. It does not change /proc/<pid>/environ: that is the block the
 * process was started with (see handOver.ts).
 */
export function takeSecretsFromEnv(env: NodeJS.ProcessEnv): GivenSecrets {
  const given: GivenSecrets = {};
  for (const name of SECRET_NAMES) {
    const value = env[name];
    delete env[name];
    if (value !== undefined && value !== '') given[name] = value;
  }
  return given;
}

/** Reads one line from a terminal without echoing it. */
function promptHidden(input: NodeJS.ReadStream, prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/**
 * Lines of a piped standard input, each as soon as it arrives. Asynchronous on purpose: a
 * synchronous read of fd 0 fails with EAGAIN once Node has made the pipe non-blocking (which
 * merely looking at process.stdin does), so a passphrase written a moment later was lost.
 * The stream is paused whenever no line is wanted, so an open pipe does not keep kk running.
 */
function pipedLines(input: NodeJS.ReadableStream): () => Promise<string | undefined> {
  const buffer = new LineBuffer();
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let listening = false;
  const listen = (): void => {
    listening = true;
    input.on('data', (chunk: Buffer | string) => {
      try {
        buffer.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      } catch (error) {
        failure = error;
        input.pause();
      }
      wake?.();
    });
    input.once('end', () => {
      ended = true;
      wake?.();
    });
    input.once('error', () => {
      failure = new UsageError('standard input could not be read');
      wake?.();
    });
  };
  return async () => {
    if (!listening) listen();
    for (;;) {
      if (failure !== undefined) throw failure;
      const line = buffer.shift();
      if (line !== undefined) {
        input.pause();
        return line;
      }
      if (ended) {
        buffer.end();
        return buffer.shift();
      }
      input.resume();
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
}

/**
 * Secrets from `given` (taken from the environment or handed over by the parent), then from
 * piped stdin (one secret per line, in the order the command asks), then from a hidden
 * terminal prompt. Never from argv. Each given secret is handed out once, then forgotten.
 */
export function createSecrets(given: GivenSecrets = takeSecretsFromEnv(process.env), input: NodeJS.ReadStream = process.stdin): Secrets {
  let nextLine: (() => Promise<string | undefined>) | undefined;
  return {
    async get(name) {
      const value = given[name];
      delete given[name];
      if (value !== undefined && value !== '') return value;
      if (input.isTTY) return promptHidden(input, PROMPTS[name]);
      nextLine ??= pipedLines(input);
      const line = await nextLine();
      if (line === undefined || line === '') throw new UsageError(`${name} is not set and standard input has no line for it`);
      return line;
    },
  };
}
