import { Prng, seedItems, type SeedOptions } from './seedData';
import { writeClient } from './clienten.repo';
import { insertTraject } from './trajecten.repo';
import { insertJournaal } from './journaal.repo';
import { insertTaak } from './taken.repo';
import { writeToestemming } from './toestemmingen.repo';
import { writeMelding } from './meldingen.repo';
import { inTransaction, type Db } from '../db/sql';
import { OWNER, type WriteContext } from '../changelog/writeContext';

/** Counts of what a seed wrote. */
export interface SeedReport {
  clienten: number;
  trajecten: number;
  meldingen: number;
  journaal: number;
  taken: number;
  toestemmingen: number;
}

/**
 * Writes deterministic synthetic casework straight into the vault, through the same repositories
 * as the app (so the index and change events are real), in batches of `batch` trajecten per
 * transaction. Ids and pseudonym codes come from the seeded PRNG, so a seed is reproducible.
 */
export function seedVault(db: Db, options: SeedOptions & { batch?: number; onBatch?: (done: number) => void }): SeedReport {
  const ids = new Prng(options.seed ^ 0x5eed);
  const report: SeedReport = { clienten: 0, trajecten: 0, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };
  const batch = options.batch ?? 1000;
  const items = seedItems(options);
  let done = false;
  while (!done) {
    inTransaction(db, () => {
      for (let n = 0; n < batch; n++) {
        const next = items.next();
        if (next.done) {
          done = true;
          return;
        }
        const { traject, meldingen } = next.value;
        const ctx: WriteContext = { actor: OWNER, via: 'seed', now: `${traject.aanmelddatum}T09:00:00.000Z`, newId: () => ids.uuid(), randomBytes: (k) => ids.bytes(k) };
        const { client, fase, afsluitReden, afsluitToelichting, afgeslotenOp, toestemmingen, journaal, taken, ...fields } = traject;
        const c = writeClient(db, ctx, client!);
        const { id } = insertTraject(db, ctx, c, fields, { fase, afsluitReden: afsluitReden ?? null, afsluitToelichting: afsluitToelichting ?? null, afgeslotenOp: afgeslotenOp ?? null });
        for (const s of toestemmingen) writeToestemming(db, ctx, id, s);
        for (const j of journaal) insertJournaal(db, ctx, { trajectId: id, clientId: c.id, ...j });
        for (const k of taken) insertTaak(db, ctx, { trajectId: id, ...k }, options.today);
        for (const m of meldingen) writeMelding(db, { ...ctx, now: `${m.datum}T10:00:00.000Z` }, m);
        report.clienten++;
        report.trajecten++;
        report.toestemmingen += toestemmingen.length;
        report.journaal += journaal.length;
        report.taken += taken.length;
        report.meldingen += meldingen.length;
      }
    });
    options.onBatch?.(report.trajecten);
  }
  return report;
}
