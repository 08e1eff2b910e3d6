import { createHash } from 'node:crypto';
import { naamSleutel, type ClientFields, type DubbelOp } from '../../../shared/casework/client.schema';
import type { ImportDubbel, ImportResult } from '../../../shared/casework/import.schema';
import type { Valid } from './importSource';
import { stmt, type Db } from '../db/sql';

/** At most this many look-alikes are named in an import's report; the total counts all of them. */
export const MAX_IMPORT_DUBBEL = 200;

// The expressions of migration 0090's indexes (as clienten.repo's duplicateLookups), so each lookup is one index seek.
// The vault is asked only for the rows it held before the import (the rowid is in the index, so
// the rows this import wrote are skipped without being read); look-alikes within the file are found
// through the file's own keys, and the vault is asked for the code of the earlier one only on a hit.
const BY_BSN = `SELECT pseudoniem FROM clienten WHERE json_extract(data, '$.bsn') = ? AND rowid <= ? ORDER BY rowid`;
const BY_GEBOORTEDATUM = `SELECT pseudoniem, roepnaam, achternaam FROM clienten WHERE json_extract(data, '$.geboortedatum') = ? AND rowid <= ? ORDER BY rowid`;
const WRITTEN_BY_BSN = `SELECT pseudoniem FROM clienten WHERE json_extract(data, '$.bsn') = ? AND rowid > ? ORDER BY rowid LIMIT 1`;
const WRITTEN_BY_GEBOORTEDATUM = `SELECT pseudoniem, roepnaam, achternaam FROM clienten WHERE json_extract(data, '$.geboortedatum') = ? AND rowid > ? ORDER BY rowid`;

/**
 * A short, one-way key for comparing within the file: the values themselves are not kept. 48 bits
 * of SHA-256 as a number (a Map of numbers stays small at 100,000 cliënten); a false match needs
 * two of them to collide, about 1 in 10,000 for a file of 100,000 cliënten, and would only name
 * an extra look-alike, never hide one.
 */
function keyOf(kind: DubbelOp, value: string): number {
  return createHash('sha256').update(kind).update('\0').update(value).digest().readUIntBE(0, 6);
}

/**
 * The duplicate check of an import (issue 13): each cliënt in the file is compared, as the
 * new-cliënt form does, with the cliënten in the vault and with those earlier in the same file:
 * the same BSN, or the same name (naamSleutel) and birth date. A look-alike is not refused (the
 * person may know better) but never silent: the import's report names it by its place in the file
 * and the other by pseudonym code (or, in a check, by its place), never by a value.
 *
 * Call the returned function with every valid record in file order, BEFORE its cliënt is
 * written; it adds to `result.dubbel`. The vault's rows at the start are told apart from the ones
 * this import writes by rowid (rows are appended).
 */
export function importDuplicateCheck(db: Db, result: ImportResult): (valid: Valid) => void {
  const before = (stmt(db, 'SELECT coalesce(max(rowid), 0) AS n FROM clienten').get() as { n: number }).n;
  const firstAt = new Map<number, number>();
  const refs = new Set<string>();
  let index = -1;

  const report = (entry: ImportDubbel) => {
    result.dubbel ??= { eerste: [], totaal: 0 };
    result.dubbel.totaal++;
    if (result.dubbel.eerste.length < MAX_IMPORT_DUBBEL) result.dubbel.eerste.push(entry);
  };

  const compare = (pad: string, client: ClientFields) => {
    const inVault = new Map<string, DubbelOp[]>();
    const inFile = new Map<number, { op: DubbelOp[]; pseudoniem?: string }>();
    const naam = naamSleutel(client.roepnaam, client.achternaam);
    const own: Array<[DubbelOp, number]> = [];
    const inKluis = (op: DubbelOp, pseudoniem: string) => inVault.set(pseudoniem, [...(inVault.get(pseudoniem) ?? []), op]);
    if (client.bsn) {
      if (before > 0) for (const r of stmt(db, BY_BSN).all(client.bsn, before) as Array<{ pseudoniem: string }>) inKluis('bsn', r.pseudoniem);
      own.push(['bsn', keyOf('bsn', client.bsn)]);
    }
    if (client.geboortedatum) {
      if (before > 0) {
        for (const r of stmt(db, BY_GEBOORTEDATUM).all(client.geboortedatum, before) as Array<{ pseudoniem: string; roepnaam: string; achternaam: string | null }>) {
          if (naamSleutel(r.roepnaam, r.achternaam) === naam) inKluis('naam-geboortedatum', r.pseudoniem);
        }
      }
      own.push(['naam-geboortedatum', keyOf('naam-geboortedatum', `${naam}\0${client.geboortedatum}`)]);
    }
    for (const [op, key] of own) {
      const earlier = firstAt.get(key);
      if (earlier === undefined) {
        firstAt.set(key, index);
        continue;
      }
      const entry = inFile.get(earlier) ?? { op: [] };
      entry.op.push(op);
      // The code the earlier record got, when this import has written it (not in a check); only
      // for the look-alikes the report names.
      if ((result.dubbel?.eerste.length ?? 0) < MAX_IMPORT_DUBBEL) entry.pseudoniem ??= writtenCode(op, client, naam);
      inFile.set(earlier, entry);
    }
    for (const [pseudoniem, op] of inVault) report({ pad, lijktOp: 'in-kluis', pseudoniem, op });
    for (const [earlier, m] of inFile) report({ pad, lijktOp: 'in-bestand', eerderPad: `trajecten.${earlier}.client`, ...(m.pseudoniem ? { pseudoniem: m.pseudoniem } : {}), op: m.op });
  };

  /** The pseudonym of the first cliënt this import wrote with the same BSN, or name and birth date. */
  const writtenCode = (op: DubbelOp, client: ClientFields, naam: string): string | undefined => {
    if (op === 'bsn') return (stmt(db, WRITTEN_BY_BSN).get(client.bsn, before) as { pseudoniem: string } | undefined)?.pseudoniem;
    const rows = stmt(db, WRITTEN_BY_GEBOORTEDATUM).all(client.geboortedatum, before) as Array<{ pseudoniem: string; roepnaam: string; achternaam: string | null }>;
    return rows.find((r) => naamSleutel(r.roepnaam, r.achternaam) === naam)?.pseudoniem;
  };

  return (valid) => {
    if (valid.list !== 'trajecten') return;
    index++;
    const t = valid.record;
    // A later traject of a cliënt named by clientRef is that same cliënt, not a look-alike.
    if (t.clientRef !== undefined) {
      if (refs.has(t.clientRef)) return;
      refs.add(t.clientRef);
    }
    if (t.client && (t.client.bsn || t.client.geboortedatum)) compare(`trajecten.${index}.client`, t.client);
  };
}
