import { KkError } from '../../../shared/errors';
import type { Page, PageRequest } from '../../../shared/casework/common.schema';
import type { Functie } from '../../../shared/profile/profile.schema';
import type { DataCategorie } from '../../../shared/stappenplan/dataCategories';
import type { Grondslag } from '../../../shared/stappenplan/ruleSet.schema';
import type { BesluitSamenvatting } from '../../../shared/verstrekkingen/besluit.schema';
import type { KopieVeld, VerstrekkingsWijze } from '../../../shared/verstrekkingen/pakket.schema';
import type { RegisterFilter, RegisterRegel, RegisterSoort } from '../../../shared/verstrekkingen/register.schema';
import { actorText, type WriteContext } from '../changelog/writeContext';
import { pagePlan, stmt, type Db } from '../db/sql';
import { readProfile } from '../profile/profile.repo';

// The verstrekkingenregister (migration 0080): append-only rows, each with the columns the four
// searches use (pseudonym, partner, ground, time) and the decision it belongs to.

/** What an entry says besides its kind and decision: never a value of the cliënt, never a path. */
export interface RegelDetails {
  wat?: VerstrekkingsWijze;
  veld?: KopieVeld;
  reden?: string;
  /** What a refused call asked for, when it named no decision the vault has. */
  gevraagdBesluit?: string;
  /** The second person of a four-eyes approval. */
  goedkeurder?: { naam: string; functie: Functie };
}

/** A new entry. */
export interface NieuweRegel {
  soort: RegisterSoort;
  besluitId?: string | undefined;
  pseudoniem?: string | undefined;
  trajectId?: string | undefined;
  partnerId?: string | undefined;
  grondslag?: Grondslag | undefined;
  velden: readonly DataCategorie[];
  verwijstNaar?: string | undefined;
  details: RegelDetails;
}

/** Who acts, as an entry records it: the profile's name and function now (or the owner without a profile). */
export function doorNu(db: Db): { naam: string; functie: Functie | null } {
  const p = readProfile(db);
  return p ? { naam: p.naam, functie: p.functie } : { naam: 'eigenaar van de kluis (geen profiel)', functie: null };
}

/** Adds an entry in the caller's transaction; returns its id. */
export function voegRegelToe(db: Db, ctx: WriteContext, regel: NieuweRegel): string {
  const id = ctx.newId();
  stmt(
    db,
    `INSERT INTO verstrekkingen_register (id, soort, op, actor, door, besluit_id, pseudoniem, traject_id, partner_id, grondslag, velden, verwijst_naar, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    regel.soort,
    Date.parse(ctx.now),
    actorText(ctx),
    JSON.stringify(doorNu(db)),
    regel.besluitId ?? null,
    regel.pseudoniem ?? null,
    regel.trajectId ?? null,
    regel.partnerId ?? null,
    regel.grondslag ?? null,
    JSON.stringify(regel.velden),
    regel.verwijstNaar ?? null,
    JSON.stringify(regel.details),
  );
  return id;
}

/** The id of the 'besluit' entry of a decision (what an approval or revocation refers to). */
export function besluitRegelId(db: Db, besluitId: string): string | undefined {
  return (stmt(db, "SELECT id FROM verstrekkingen_register WHERE besluit_id = ? AND soort = 'besluit'").get(besluitId) as { id: string } | undefined)?.id;
}

/** The entries of one kind for a decision, oldest first (approvals, revocations). */
export function regelsVanBesluit(db: Db, besluitId: string, soort: RegisterSoort): Array<{ id: string; op: number; door: string; details: string }> {
  return stmt(db, 'SELECT id, op, door, details FROM verstrekkingen_register WHERE besluit_id = ? AND soort = ? ORDER BY seq').all(besluitId, soort) as Array<{
    id: string;
    op: number;
    door: string;
    details: string;
  }>;
}

interface RegelRow {
  seq: number;
  id: string;
  soort: RegisterSoort;
  op: number;
  door: string;
  besluit_id: string | null;
  pseudoniem: string | null;
  traject_id: string | null;
  partner_id: string | null;
  grondslag: Grondslag | null;
  velden: string;
  verwijst_naar: string | null;
  details: string;
  record: string | null;
  partner_naam: string | null;
}

/** Local midnight of a calendar day, in ms (the register's days are the days the person sees). */
function middernacht(iso: string, extraDagen = 0): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + extraDagen).getTime();
}

/**
 * The conditions of a search. One index drives it, the most selective the filter names (a cliënt
 * has a few entries, a partner thousands, a ground tens of thousands): the other columns are
 * written `+r.column`, which keeps SQLite from driving by their index. Each of these indexes ends
 * with the time, so the page comes newest first without sorting.
 */
function where(filter: RegisterFilter): { from: string; sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const driver = filter.pseudoniem !== undefined ? 'pseudoniem' : filter.partnerId !== undefined ? 'partner_id' : filter.grondslag !== undefined ? 'grondslag' : 'op';
  // A partner and a ground together have their own index (partner, ground, time).
  const samen = driver === 'partner_id' && filter.grondslag !== undefined;
  const col = (name: string) => (name === driver || (samen && name === 'grondslag') ? `r.${name}` : `+r.${name}`);
  if (filter.pseudoniem !== undefined) (parts.push(`${col('pseudoniem')} = ?`), params.push(filter.pseudoniem));
  if (filter.partnerId !== undefined) (parts.push(`${col('partner_id')} = ?`), params.push(filter.partnerId));
  if (filter.grondslag !== undefined) (parts.push(`${col('grondslag')} = ?`), params.push(filter.grondslag));
  // The time stays usable in the driving index (its second column), so no `+` when another column drives.
  if (filter.van !== undefined) (parts.push('r.op >= ?'), params.push(middernacht(filter.van)));
  if (filter.tot !== undefined) (parts.push('r.op < ?'), params.push(middernacht(filter.tot, 1)));
  if (filter.soort !== undefined) (parts.push('+r.soort = ?'), params.push(filter.soort));
  // Named outright: with equal estimates SQLite might take the ground's index, which reads far more.
  const from = samen ? 'verstrekkingen_register r INDEXED BY verstrekkingen_register_partner_grondslag' : 'verstrekkingen_register r';
  return { from, sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const select = (from: string) => `SELECT r.seq, r.id, r.soort, r.op, r.door, r.besluit_id, r.pseudoniem, r.traject_id, r.partner_id, r.grondslag, r.velden, r.verwijst_naar, r.details,
                       b.record, p.naam AS partner_naam
                  FROM ${from}
                  LEFT JOIN verstrekking_besluiten b ON b.id = r.besluit_id
                  LEFT JOIN partners p ON p.id = r.partner_id`;

function toRegel(row: RegelRow): RegisterRegel {
  const details = JSON.parse(row.details) as RegelDetails;
  // The record was checked against its schema when it was written, and the table is append-only.
  const besluit = row.record !== null ? (JSON.parse(row.record) as BesluitSamenvatting) : undefined;
  const door = JSON.parse(row.door) as { naam: string; functie: Functie | null };
  return {
    id: row.id,
    volgnummer: row.seq,
    soort: row.soort,
    op: new Date(row.op).toISOString(),
    door,
    ...(row.besluit_id !== null ? { besluitId: row.besluit_id } : {}),
    ...(besluit ? { referentie: besluit.referentie } : {}),
    ...(row.pseudoniem !== null ? { pseudoniem: row.pseudoniem } : {}),
    ...(row.traject_id !== null ? { trajectId: row.traject_id } : {}),
    ...(row.partner_id !== null ? { partnerId: row.partner_id } : {}),
    ...(besluit ? { ontvanger: besluit.ontvanger.naam } : row.partner_naam !== null ? { ontvanger: row.partner_naam } : {}),
    ...(row.grondslag !== null ? { grondslag: row.grondslag } : {}),
    velden: JSON.parse(row.velden) as DataCategorie[],
    ...(details.wat !== undefined ? { wat: details.wat } : {}),
    ...(details.veld !== undefined ? { veld: details.veld } : {}),
    ...(details.reden !== undefined ? { reden: details.reden } : {}),
    ...(row.verwijst_naar !== null ? { verwijstNaar: row.verwijst_naar } : {}),
    ...(besluit ? { besluit } : {}),
  };
}

/** The order of the register: newest first (the time, then the order of writing). */
const ORDER = 'ORDER BY r.op DESC, r.seq DESC';
const ORDER_REVERSED = 'ORDER BY r.op ASC, r.seq ASC';

/**
 * One page of the register under a filter, newest first, with the total. Each search has its own
 * index (pseudonym, partner, ground: each with the time), so a page and its count read only the
 * matching rows.
 */
export function zoekRegister(db: Db, filter: RegisterFilter, page: PageRequest): Page<RegisterRegel> {
  const w = where(filter);
  const total = (stmt(db, `SELECT count(*) AS n FROM ${w.from} ${w.sql}`).get(...w.params) as { n: number }).n;
  const plan = pagePlan(total, page.offset, page.limit);
  const rows = stmt(db, `${select(w.from)} ${w.sql} ${plan.reverse ? ORDER_REVERSED : ORDER} LIMIT ? OFFSET ?`).all(...w.params, plan.limit, plan.offset) as RegelRow[];
  if (plan.reverse) rows.reverse();
  return { items: rows.map(toRegel), total, offset: page.offset, limit: page.limit };
}

/** Every entry under a filter, newest first, one at a time (for the CSV export). */
export function* alleRegels(db: Db, filter: RegisterFilter): Generator<RegisterRegel> {
  const w = where(filter);
  for (const row of stmt(db, `${select(w.from)} ${w.sql} ${ORDER}`).iterate(...w.params) as Iterable<RegelRow>) yield toRegel(row);
}

/** Refuses a second approval or revocation of the same decision (a register entry is never taken back). */
export function assertNogNiet(db: Db, besluitId: string, soort: 'goedkeuring' | 'intrekking', message: string): void {
  if (regelsVanBesluit(db, besluitId, soort).length > 0) throw new KkError('CONFLICT', `Decision already has a ${soort}`, { issues: [{ path: 'besluitId', message }] });
}
