// Child process of casework.bench.ts: unlocks the seeded vault and runs the casework queries
// through the real dispatcher, as the core does for the app, so its memory is the core's own.
// Prints one JSON line with the times (ms) of every call. Test-only: the passphrase comes from
// the bench through the environment.
import { closeVault, unlockVault } from '../../electron/core/vault/vault';
import { createDispatch } from '../../electron/core/host/dispatch';
import { caseworkHandlers } from '../../electron/core/casework/casework.handlers';
import type { Session } from '../../electron/core/session';
import { ownerWriter } from '../../electron/core/changelog/writeContext';
import type { Handlers } from '../../shared/ipc/contract';

/** What this child reports. */
export interface QueryTimes {
  fts: number[];
  quick: number[];
  dash: number[];
  open: number[];
  listDeep: number[];
  meldDeep: number[];
  rssMB: number;
  maxRssMB: number;
}

async function timeEach<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    const r = (await fn(input)) as { ok?: boolean; error?: unknown };
    times.push(performance.now() - t);
    if (r && r.ok === false) throw new Error(`bench call failed: ${JSON.stringify(r.error)}`);
  }
  return times;
}

const [dir, today, scaleText] = process.argv.slice(2) as [string, string, string];
const scale = Number(scaleText);
const vault = await unlockVault(dir, process.env.KK_BENCH_PASSPHRASE ?? '');
const session: Session = { vaultDir: dir, db: () => vault.db, isLocked: () => false, emit: () => undefined, writer: (via) => ownerWriter(via) };
const dispatch = createDispatch(caseworkHandlers as unknown as Handlers<Session>, session);

const words = ['huisvesting', 'advocaat', 'bedenktijd', 'tolk', 'uitkering', 'paspoort', 'werkgever', 'schulden', 'opvangplek', 'huisarts', 'kalo', 'mira', 'zasu', 'nagel', 'drugs', 'identiteitsbewijs aangifte', 'coa ind', 'gesprek', 'wijkteam', 'school'];
const queries = Array.from({ length: 200 }, (_, i) => words[i % words.length]!);
const fts = await timeEach(queries, (q) => dispatch('search.query', { q, limit: 50 }));
// What people type in Ctrl+K: the first letters of a name, or the start of a pseudonym code.
const people = vault.db.prepare('SELECT roepnaam, pseudoniem FROM clienten ORDER BY random() LIMIT 100').all() as Array<{ roepnaam: string; pseudoniem: string }>;
const typed = people.flatMap((p, i) => [p.roepnaam.slice(0, 2 + (i % 3)), p.pseudoniem.slice(0, 4 + (i % 4))]);
const quick = await timeEach(typed, (q) => dispatch('quickSwitch.query', { q, limit: 10 }));
const dash = await timeEach(Array.from({ length: 20 }, () => null), () => dispatch('dashboard.get', { vandaag: today, regio: 'rotterdam' }));
const ids = (vault.db.prepare('SELECT id FROM trajecten ORDER BY random() LIMIT 200').all() as Array<{ id: string }>).map((r) => r.id);
const open = await timeEach(ids, (id) => dispatch('trajecten.get', { id }));
const offsets = [0, 25_000, 50_000, 75_000, 99_900].map((o) => Math.round(o * scale));
const listDeep = await timeEach(offsets, (offset) => dispatch('trajecten.list', { page: { offset, limit: 100 } }));
const meldDeep = await timeEach(offsets.map((o) => o * 2), (offset) => dispatch('meldingen.list', { page: { offset, limit: 100 } }));
const rssMB = Math.round(process.memoryUsage().rss / 1048576);
closeVault(vault);
const result: QueryTimes = { fts, quick, dash, open, listDeep, meldDeep, rssMB, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
process.stdout.write(`${JSON.stringify(result)}\n`);
