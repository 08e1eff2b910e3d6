import { UsageError } from './command';

/** Bounds for secrets on standard input: a passphrase or recovery key is far shorter. */
export const STDIN_LIMITS = { lineBytes: 1024, totalBytes: 64 * 1024 } as const;

/**
 * Splits bytes into lines as they arrive, within `STDIN_LIMITS`. Pure (no I/O), so the limits
 * are tested without a process. Errors never repeat the content: it may be a secret.
 */
export class LineBuffer {
  private pending = Buffer.alloc(0);
  private total = 0;
  private readonly lines: string[] = [];

  constructor(private readonly limits: { lineBytes: number; totalBytes: number } = STDIN_LIMITS) {}

  /** Adds a chunk; throws UsageError when a line or the whole input is over its limit. */
  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.total > this.limits.totalBytes) throw new UsageError(`standard input is longer than ${this.limits.totalBytes / 1024} KiB; give one secret per line`);
    let rest = Buffer.concat([this.pending, chunk]);
    for (let nl = rest.indexOf(0x0a); nl >= 0; nl = rest.indexOf(0x0a)) {
      this.take(rest.subarray(0, nl));
      rest = rest.subarray(nl + 1);
    }
    // Checked before the newline arrives, so an endless line is refused without reading it all.
    if (rest.length > this.limits.lineBytes) this.tooLong();
    this.pending = Buffer.from(rest);
  }

  /** The input ended: a last line without a newline still counts. */
  end(): void {
    if (this.pending.length > 0) this.take(this.pending);
    this.pending = Buffer.alloc(0);
  }

  /** The next complete line, or undefined when none has arrived (yet). */
  shift(): string | undefined {
    return this.lines.shift();
  }

  private take(line: Buffer): void {
    if (line.length > this.limits.lineBytes) this.tooLong();
    const text = line.toString('utf8');
    this.lines.push(text.endsWith('\r') ? text.slice(0, -1) : text);
  }

  private tooLong(): never {
    throw new UsageError(`a line on standard input is longer than ${this.limits.lineBytes} bytes; give one secret per line`);
  }
}
