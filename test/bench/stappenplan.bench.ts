// The stappenplan engine per step over the whole decision table (issue 12: p95 ≤ 2 ms per step).
// A step is one call of volgendeStap, as the wizard makes after each answer: every scenario is
// replayed from no answers at all, adding its own answer to each question asked, until the
// outcome. Warmed up first, then timed over many rounds for a stable p95.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { volgendeStap } from '../../shared/stappenplan/engine';
import { stappenplanV1 } from '../../shared/stappenplan/ruleSet';
import { leesScenarios } from '../../shared/stappenplan/scenario';
import type { SituatieInput } from '../../shared/stappenplan/situatie.schema';
import type { BenchReport } from './benchReport';

const ROUNDS = 200;
const WARMUP_ROUNDS = 20;

/** The calls one scenario makes, each with the answers known at that moment. */
function replay(situatie: SituatieInput): SituatieInput[] {
  const all = situatie.antwoorden ?? {};
  const known: Record<string, string> = {};
  const calls: SituatieInput[] = [];
  for (let i = 0; i < 50; i++) {
    const input = { ...situatie, antwoorden: { ...known } };
    calls.push(input);
    const stap = volgendeStap(stappenplanV1, input);
    const answer = stap.soort === 'vraag' ? all[stap.vraag.id] : undefined;
    if (stap.soort === 'uitkomst' || answer === undefined || known[stap.vraag.id] === answer) break;
    known[stap.vraag.id] = answer;
  }
  return calls;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export async function run(): Promise<BenchReport> {
  const read = leesScenarios(JSON.parse(readFileSync(join(import.meta.dirname, '../shared/stappenplan/scenarios.json'), 'utf8')), stappenplanV1);
  if (!read.ok) throw new Error('scenarios.json is invalid');
  const calls = read.scenarios.flatMap((s) => replay(s.situatie));
  for (let r = 0; r < WARMUP_ROUNDS; r++) for (const c of calls) volgendeStap(stappenplanV1, c);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of calls) {
      const t0 = performance.now();
      volgendeStap(stappenplanV1, c);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  return {
    name: 'stappenplan engine',
    context: { scenarios: read.scenarios.length, stepsPerRound: calls.length, rounds: ROUNDS, ruleSet: `${stappenplanV1.soort}@${stappenplanV1.versie}` },
    rows: [
      { name: 'per step, p50', value: percentile(times, 50), unit: 'ms' },
      { name: 'per step, p95', value: p95, unit: 'ms', target: '≤ 2 ms', met: p95 <= 2 },
      { name: 'per step, p99', value: percentile(times, 99), unit: 'ms' },
      { name: 'per step, max', value: times[times.length - 1] ?? 0, unit: 'ms' },
    ],
  };
}
