/**
 * The core's only logger. It takes an event name and a small record of non-personal facts
 * (codes, counts, durations). It never takes free text from the vault, so personal data has
 * no way into a log line. Off by default; KK_LOG=1 writes JSON lines to stderr.
 */
type Fact = string | number | boolean | null;

function write(level: 'info' | 'warn' | 'error', event: string, facts: Record<string, Fact> = {}): void {
  if (process.env.KK_LOG !== '1') return;
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, event, ...facts })}\n`);
}

/** Structured, content-free logging. */
export const log = {
  info: (event: string, facts?: Record<string, Fact>) => write('info', event, facts),
  warn: (event: string, facts?: Record<string, Fact>) => write('warn', event, facts),
  error: (event: string, facts?: Record<string, Fact>) => write('error', event, facts),
};
