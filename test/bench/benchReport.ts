/** One measured figure of a benchmark. */
export interface BenchRow {
  /** What was measured, e.g. "reads: encrypted / plaintext". */
  name: string;
  value: number;
  unit: string;
  /** The target, as text (e.g. "≤ 1.1×"), and whether it was met; omitted for plain figures. */
  target?: string;
  met?: boolean;
  note?: string;
}

/** What every `test/bench/*.bench.ts` returns from `run()`. */
export interface BenchReport {
  name: string;
  rows: BenchRow[];
  /** Facts about the run (row counts, parameters), printed and stored beside the rows. */
  context?: Record<string, string | number>;
}
