/**
 * The main process's logger: an event name and a few non-personal facts (codes, counts).
 * Never URLs, inputs or messages from the page, so no personal data reaches a log line.
 * Off by default; KK_LOG=1 writes JSON lines to stderr.
 */
type Fact = string | number | boolean | null;

function write(level: 'info' | 'warn' | 'error', event: string, facts: Record<string, Fact> = {}): void {
  if (process.env.KK_LOG !== '1') return;
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, process: 'main', event, ...facts })}\n`);
}

/** Structured, content-free logging for the main process. */
export const log = {
  info: (event: string, facts?: Record<string, Fact>) => write('info', event, facts),
  warn: (event: string, facts?: Record<string, Fact>) => write('warn', event, facts),
  error: (event: string, facts?: Record<string, Fact>) => write('error', event, facts),
};
