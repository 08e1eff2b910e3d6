import { KkError } from '../../../shared/errors';
import type { IsoDate, Page, PageRequest, Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import type { TrajectFilter } from '../../../shared/casework/query.schema';
import {
  TrajectFields,
  type AfsluitReden,
  type Fase,
  type FaseWissel,
  type Opvang,
  type Politiecontact,
  type Procedure,
  type Traject,
  type TrajectDetail,
  type TrajectSummary,
} from '../../../shared/casework/traject.schema';
import { checkTransition } from '../../../shared/casework/phases';
import { procedureDeadlineState } from '../../../shared/casework/deadlines';
import { crisisopvangGrens, crisisopvangTeLang, opvangEinde, opvangLoopt } from '../../../shared/casework/opvang';
import { trajectBezwaren } from '../../../shared/casework/trajectRules';
import { recordChange } from './changeKinds';
import { indexRecord, joinText, reindexRecord } from './search.repo';
import { listJournaal } from './journaal.repo';
import { listTakenOf } from './taken.repo';
import { listToestemmingenOf } from './toestemmingen.repo';
import { bool, int, pagePlan, stmt, withoutNulls, type Db } from '../db/sql';
import { applyPatch, assertVersion, changedFields, compact, definedKeys, found, parseOrInvalid } from '../db/records';
import { type WriteContext } from '../changelog/writeContext';

type TrajectRow = {
  id: string;
  client_id: string;
  pseudoniem: string;
  fase: Fase;
  preventief: number;
  vormen: string;
  minderjarig: number;
  gemeente: string;
  verwijzer: Traject['verwijzer'];
  aanmelddatum: string;
  afgesloten_op: string | null;
  afsluit_reden: AfsluitReden | null;
  afsluit_toelichting: string | null;
  melding_id: string | null;
  notities: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

const SELECT_TRAJECT = `SELECT t.* FROM trajecten t WHERE t.id = ?`;

function trajectIndexText(t: { id: string; clientId: string; pseudoniem: string; notities?: string | null | undefined; procedures: readonly Procedure[]; afsluitToelichting?: string | null }) {
  return {
    naam: t.pseudoniem,
    tekst: joinText(t.notities, t.afsluitToelichting, ...t.procedures.map((p) => p.toelichting)),
    trajectId: t.id,
    clientId: t.clientId,
  };
}

/** The text the index should hold for a stored traject (used to verify and rebuild the index). */
export function trajectIndexTextOf(db: Db, id: string) {
  return trajectIndexText(getTraject(db, id, '2000-01-01'));
}

/** Writes the list parts of a traject; `fresh` (a traject created in this call) has none to delete first. */
function writeParts(
  db: Db,
  ctx: WriteContext,
  trajectId: string,
  fields: { vormen?: Uitbuitingsvorm[] | undefined; opvang?: Opvang[] | undefined; procedures?: Procedure[] | undefined; politiecontacten?: Politiecontact[] | undefined },
  fresh = false,
): void {
  if (fields.vormen) {
    if (!fresh) stmt(db, 'DELETE FROM traject_vormen WHERE traject_id = ?').run(trajectId);
    for (const vorm of fields.vormen) stmt(db, 'INSERT INTO traject_vormen (traject_id, vorm) VALUES (?, ?)').run(trajectId, vorm);
  }
  if (fields.opvang) {
    if (!fresh) stmt(db, 'DELETE FROM traject_opvang WHERE traject_id = ?').run(trajectId);
    fields.opvang.forEach((o, pos) => {
      stmt(db, 'INSERT INTO traject_opvang (id, traject_id, pos, soort, start, eind, einde, locatie) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        o.id ?? ctx.newId(),
        trajectId,
        pos,
        o.soort,
        o.start,
        o.eind ?? null,
        opvangEinde(o),
        o.locatie ?? null,
      );
    });
  }
  if (fields.procedures) {
    if (!fresh) stmt(db, 'DELETE FROM traject_procedures WHERE traject_id = ?').run(trajectId);
    fields.procedures.forEach((p, pos) => {
      stmt(db, 'INSERT INTO traject_procedures (id, traject_id, pos, soort, status, start, deadline, toelichting) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        p.id ?? ctx.newId(),
        trajectId,
        pos,
        p.soort,
        p.status,
        p.start ?? null,
        p.deadline ?? null,
        p.toelichting ?? null,
      );
    });
  }
  if (fields.politiecontacten) {
    if (!fresh) stmt(db, 'DELETE FROM traject_politiecontacten WHERE traject_id = ?').run(trajectId);
    fields.politiecontacten.forEach((p, pos) => {
      stmt(db, 'INSERT INTO traject_politiecontacten (id, traject_id, pos, soort, datum, vorm) VALUES (?, ?, ?, ?, ?, ?)').run(p.id ?? ctx.newId(), trajectId, pos, p.soort, p.datum, p.vorm);
    });
  }
}

/** `trajecten.minderjarig`: 1, 0, or -1 when not known (as the melding counts store it). */
export function minderjarigColumn(value: boolean | null): number {
  return value === null ? -1 : value ? 1 : 0;
}

/** Reads back `minderjarigColumn`. */
export function minderjarigOf(column: number): boolean | null {
  return column === -1 ? null : column === 1;
}

/** Refuses a traject whose facts contradict each other, with the reasons (INVALID_INPUT, as a form error). */
function refuseImpossible(t: Parameters<typeof trajectBezwaren>[0]): void {
  const issues = trajectBezwaren(t);
  if (issues.length > 0) throw new KkError('INVALID_INPUT', 'Impossible traject', { issues: issues.map((i) => ({ path: `fields.${i.path}`, message: i.message })) });
}

/** The birth date of a cliënt, if known (for the checks above). */
function geboortedatumOf(db: Db, clientId: string): IsoDate | null {
  return (stmt(db, `SELECT json_extract(data, '$.geboortedatum') AS g FROM clienten WHERE id = ?`).get(clientId) as { g: IsoDate | null } | undefined)?.g ?? null;
}

/** Records a phase change; `seq` is known for a traject created in this call, otherwise read. */
function addFaseWissel(db: Db, ctx: WriteContext, trajectId: string, van: Fase | null, naar: Fase, datum: IsoDate, reden: AfsluitReden | null, seq?: number): void {
  const next = seq ?? (stmt(db, 'SELECT coalesce(max(seq), 0) + 1 AS n FROM traject_fasen WHERE traject_id = ?').get(trajectId) as { n: number }).n;
  stmt(db, 'INSERT INTO traject_fasen (traject_id, seq, van, naar, datum, reden, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(trajectId, next, van, naar, datum, reden, ctx.now);
}

/** Options for a new traject beyond its fields (import and conversion use them). */
export interface NewTrajectOptions {
  meldingId?: string | null;
  fase?: Fase;
  afsluitReden?: AfsluitReden | null;
  afsluitToelichting?: string | null;
  afgeslotenOp?: IsoDate | null;
}

/** A stored cliënt as a new traject needs it: its id and its pseudonym code (copied into the traject). */
export interface ClientRef {
  id: string;
  pseudoniem: string;
  /** When given (also null), the traject is checked against it; bulk writers check in the import file check instead. */
  geboortedatum?: IsoDate | null;
}

/** The cliënt with this id, as a reference for a new traject; NOT_FOUND when there is none. */
export function clientRef(db: Db, clientId: string): ClientRef {
  const row = found(
    stmt(db, `SELECT pseudoniem, json_extract(data, '$.geboortedatum') AS geboortedatum FROM clienten WHERE id = ?`).get(clientId) as { pseudoniem: string; geboortedatum: IsoDate | null } | undefined,
    'client',
  );
  return { id: clientId, pseudoniem: row.pseudoniem, geboortedatum: row.geboortedatum };
}

/**
 * Stores a new traject for an existing cliënt. Call inside a transaction. Bulk writers pass the
 * reference `writeClient` returned (no read-back per traject); others use `clientRef`.
 */
export function insertTraject(db: Db, ctx: WriteContext, client: ClientRef, fields: TrajectFields, options: NewTrajectOptions = {}): { id: string; version: number } {
  const clientId = client.id;
  const fase = options.fase ?? 'aanmelding';
  if (client.geboortedatum !== undefined) {
    refuseImpossible({ ...fields, afgeslotenOp: fase === 'afgesloten' ? options.afgeslotenOp : null, geboortedatum: client.geboortedatum });
  }
  const id = ctx.newId();
  stmt(
    db,
    `INSERT INTO trajecten (id, client_id, pseudoniem, fase, preventief, vormen, minderjarig, gemeente, verwijzer, aanmelddatum,
       afgesloten_op, afsluit_reden, afsluit_toelichting, melding_id, notities, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  ).run(
    id,
    clientId,
    client.pseudoniem,
    fase,
    int(fields.preventief),
    JSON.stringify(fields.vormen),
    minderjarigColumn(fields.minderjarigBijStart),
    fields.gemeente,
    fields.verwijzer,
    fields.aanmelddatum,
    fase === 'afgesloten' ? (options.afgeslotenOp ?? fields.aanmelddatum) : null,
    fase === 'afgesloten' ? (options.afsluitReden ?? null) : null,
    fase === 'afgesloten' ? (options.afsluitToelichting ?? null) : null,
    options.meldingId ?? null,
    fields.notities ?? null,
    ctx.now,
    ctx.now,
  );
  writeParts(db, ctx, id, fields, true);
  addFaseWissel(db, ctx, id, null, 'aanmelding', fields.aanmelddatum, null, 1);
  if (fase !== 'aanmelding') addFaseWissel(db, ctx, id, 'aanmelding', fase, options.afgeslotenOp ?? fields.aanmelddatum, options.afsluitReden ?? null, 2);
  indexRecord(db, 'traject', id, trajectIndexText({ id, clientId, pseudoniem: client.pseudoniem, notities: fields.notities, procedures: fields.procedures, afsluitToelichting: fase === 'afgesloten' ? (options.afsluitToelichting ?? null) : null }));
  recordChange(db, ctx, 'traject', id, 'create', definedKeys(fields));
  return { id, version: 1 };
}

/** The stored traject (without journal and signals), or NOT_FOUND. */
export function getTraject(db: Db, id: string, today: IsoDate): Traject {
  const row = found(stmt(db, SELECT_TRAJECT).get(id) as TrajectRow | undefined, 'traject');
  const opvang = stmt(db, 'SELECT id, soort, start, eind, locatie FROM traject_opvang WHERE traject_id = ? ORDER BY pos').all(id) as Array<Record<string, unknown>>;
  const procedures = stmt(db, 'SELECT id, soort, status, start, deadline, toelichting FROM traject_procedures WHERE traject_id = ? ORDER BY pos').all(id) as Array<Procedure & { id: string }>;
  const politiecontacten = stmt(db, 'SELECT id, soort, datum, vorm FROM traject_politiecontacten WHERE traject_id = ? ORDER BY pos').all(id) as Traject['politiecontacten'];
  return {
    id: row.id,
    clientId: row.client_id,
    pseudoniem: row.pseudoniem,
    fase: row.fase,
    afsluitReden: row.afsluit_reden,
    afsluitToelichting: row.afsluit_toelichting,
    afgeslotenOp: row.afgesloten_op,
    meldingId: row.melding_id,
    preventief: bool(row.preventief),
    vormen: JSON.parse(row.vormen) as Uitbuitingsvorm[],
    minderjarigBijStart: minderjarigOf(row.minderjarig),
    gemeente: row.gemeente,
    verwijzer: row.verwijzer,
    aanmelddatum: row.aanmelddatum,
    opvang: opvang.map((o) => withoutNulls(o)) as Traject['opvang'],
    procedures: procedures.map((p) => ({ ...withoutNulls(p), state: procedureDeadlineState(p, today) })),
    politiecontacten,
    notities: row.notities,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The editable fields of a stored traject, in the form the schema accepts. */
function editableFields(t: Traject): Record<string, unknown> {
  return compact({
    preventief: t.preventief,
    vormen: t.vormen,
    minderjarigBijStart: t.minderjarigBijStart,
    gemeente: t.gemeente,
    verwijzer: t.verwijzer,
    aanmelddatum: t.aanmelddatum,
    opvang: t.opvang,
    procedures: t.procedures.map(({ state: _state, ...p }) => p),
    politiecontacten: t.politiecontacten,
    notities: t.notities ?? undefined,
  });
}

/** Changes fields of a traject after checking its version. Lists (opvang, procedures, vormen) are replaced whole. */
export function updateTraject(db: Db, ctx: WriteContext, id: string, version: number, patch: Record<string, unknown>, today: IsoDate): { id: string; version: number } {
  const current = getTraject(db, id, today);
  assertVersion(current.version, version);
  const before = editableFields(current);
  const merged = parseOrInvalid(TrajectFields, applyPatch(before, patch), 'fields');
  const after = compact(merged) as Record<string, unknown>;
  const fields = changedFields(before, after);
  if (fields.length === 0) return { id, version: current.version };
  refuseImpossible({ ...merged, afgeslotenOp: current.afgeslotenOp, geboortedatum: geboortedatumOf(db, current.clientId) });
  stmt(
    db,
    `UPDATE trajecten SET preventief = ?, vormen = ?, minderjarig = ?, gemeente = ?, verwijzer = ?, aanmelddatum = ?,
       notities = ?, version = version + 1, updated_at = ? WHERE id = ?`,
  ).run(int(merged.preventief), JSON.stringify(merged.vormen), minderjarigColumn(merged.minderjarigBijStart), merged.gemeente, merged.verwijzer, merged.aanmelddatum, merged.notities ?? null, ctx.now, id);
  writeParts(db, ctx, id, {
    vormen: fields.includes('vormen') ? merged.vormen : undefined,
    opvang: fields.includes('opvang') ? merged.opvang : undefined,
    procedures: fields.includes('procedures') ? merged.procedures : undefined,
    politiecontacten: fields.includes('politiecontacten') ? merged.politiecontacten : undefined,
  });
  reindexRecord(db, 'traject', id, trajectIndexText(current), trajectIndexText({ ...current, notities: merged.notities, procedures: merged.procedures }));
  recordChange(db, ctx, 'traject', id, 'update', fields);
  return { id, version: current.version + 1 };
}

/** Moves a traject to another phase under the phase rules; closing keeps reason and date, reopening clears them. */
export function transitionTraject(
  db: Db,
  ctx: WriteContext,
  input: { id: string; version: number; naar: Fase; datum: IsoDate; reden?: AfsluitReden | undefined; toelichting?: string | undefined },
): { id: string; version: number } {
  const row = found(stmt(db, 'SELECT fase, version, aanmelddatum, client_id FROM trajecten WHERE id = ?').get(input.id) as
    | { fase: Fase; version: number; aanmelddatum: string; client_id: string }
    | undefined, 'traject');
  assertVersion(row.version, input.version);
  const check = checkTransition({ van: row.fase, naar: input.naar, reden: input.reden, toelichting: input.toelichting, datum: input.datum, aanmelddatum: row.aanmelddatum });
  if (!check.ok) throw new KkError('INVALID_INPUT', 'Transition not allowed', { issues: check.issues });
  const before = getTraject(db, input.id, input.datum);
  stmt(db, 'UPDATE trajecten SET fase = ?, afsluit_reden = ?, afsluit_toelichting = ?, afgesloten_op = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
    input.naar,
    check.afsluitReden,
    check.afsluitToelichting,
    check.afgeslotenOp,
    ctx.now,
    input.id,
  );
  addFaseWissel(db, ctx, input.id, row.fase, input.naar, input.datum, check.afsluitReden);
  reindexRecord(db, 'traject', input.id, trajectIndexText(before), trajectIndexText({ ...before, afsluitToelichting: check.afsluitToelichting }));
  const fields = ['fase', ...(input.naar === 'afgesloten' || row.fase === 'afgesloten' ? ['afsluitReden', 'afgeslotenOp'] : []), ...(check.afsluitToelichting ? ['afsluitToelichting'] : [])];
  recordChange(db, ctx, 'traject', input.id, 'transition', fields);
  return { id: input.id, version: row.version + 1 };
}

/** Everything the traject screen shows at once. */
export function getTrajectDetail(db: Db, id: string, journaalLimit: number, today: IsoDate): TrajectDetail {
  const traject = getTraject(db, id, today);
  const client = stmt(
    db,
    `SELECT id, pseudoniem, roepnaam, achternaam, json_extract(data, '$.geboortedatum') AS geboortedatum, coalesce(json_extract(data, '$.geslacht'), 'onbekend') AS geslacht
       FROM clienten WHERE id = ?`,
  ).get(traject.clientId) as TrajectDetail['client'];
  const fasen = stmt(db, 'SELECT van, naar, datum, reden, at FROM traject_fasen WHERE traject_id = ? ORDER BY seq').all(id) as FaseWissel[];
  const toestemmingen = listToestemmingenOf(db, id, today);
  const taken = listTakenOf(db, id, today);
  const journaal = listJournaal(db, id, { offset: 0, limit: Math.max(1, journaalLimit) });
  const lopendeCrisis = traject.opvang.find((o) => o.soort === 'crisisopvang' && opvangLoopt(o, today));
  return {
    traject,
    client,
    fasen,
    toestemmingen,
    taken,
    journaal: journaalLimit === 0 ? [] : journaal.items,
    journaalTotaal: journaal.total,
    signalen: {
      crisisopvangTeLang: traject.opvang.some((o) => crisisopvangTeLang(o, today)),
      crisisopvangGrens: lopendeCrisis ? crisisopvangGrens(lopendeCrisis.start) : null,
      verlopenTaken: taken.filter((t) => t.state === 'verlopen').length,
      verlopenProcedures: traject.procedures.filter((p) => p.state === 'verlopen').length,
      geldigeToestemmingen: toestemmingen.filter((t) => t.status === 'geldig').length,
    },
  };
}

/** One page of trajecten under a filter; rows carry the pseudonym, never a name. */
export function listTrajecten(db: Db, filter: TrajectFilter, page: PageRequest): Page<TrajectSummary> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.fasen && filter.fasen.length > 0) {
    where.push(`t.fase IN (${filter.fasen.map(() => '?').join(', ')})`);
    params.push(...filter.fasen);
  }
  if (filter.open !== undefined) where.push(filter.open ? `t.fase <> 'afgesloten'` : `t.fase = 'afgesloten'`);
  if (filter.vorm) {
    where.push('t.id IN (SELECT v.traject_id FROM traject_vormen v WHERE v.vorm = ?)');
    params.push(filter.vorm);
  }
  if (filter.preventief !== undefined) {
    where.push('t.preventief = ?');
    params.push(int(filter.preventief));
  }
  if (filter.minderjarigBijStart !== undefined) {
    where.push('t.minderjarig = ?');
    params.push(int(filter.minderjarigBijStart));
  }
  if (filter.gemeente) {
    where.push('t.gemeente = ?');
    params.push(filter.gemeente);
  }
  if (filter.clientId) {
    where.push('t.client_id = ?');
    params.push(filter.clientId);
  }
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const column = filter.sort === 'pseudoniem' ? 't.pseudoniem' : filter.sort === 'aanmelddatum' ? 't.aanmelddatum' : 't.updated_at';
  const total = (stmt(db, `SELECT count(*) AS n FROM trajecten t ${whereSql}`).get(...params) as { n: number }).n;
  const plan = pagePlan(total, page.offset, page.limit);
  const asc = (filter.richting === 'asc') !== plan.reverse;
  const dir = asc ? 'ASC' : 'DESC';
  const order = `ORDER BY ${column} ${dir}, t.id ${dir}`;
  // Page over the (sort column, id) index first, then fetch the page's rows: a deep offset then
  // steps over index entries only, not over joined rows.
  const rows = stmt(
    db,
    `WITH page AS (SELECT t.id FROM trajecten t ${whereSql} ${order} LIMIT ? OFFSET ?)
     SELECT t.id, t.client_id, t.pseudoniem, t.fase, t.preventief, t.vormen, t.minderjarig, t.gemeente, t.aanmelddatum, t.afgesloten_op, t.updated_at,
            (SELECT count(*) FROM taken k WHERE k.traject_id = t.id AND k.afgerond_op IS NULL) AS open_taken
       FROM page CROSS JOIN trajecten t ON t.id = page.id ${order}`,
  ).all(...params, plan.limit, plan.offset) as Array<TrajectRow & { open_taken: number }>;
  if (plan.reverse) rows.reverse();
  return {
    items: rows.map((r) => ({
      id: r.id,
      clientId: r.client_id,
      pseudoniem: r.pseudoniem,
      fase: r.fase,
      preventief: bool(r.preventief),
      vormen: JSON.parse(r.vormen) as Uitbuitingsvorm[],
      minderjarigBijStart: minderjarigOf(r.minderjarig),
      gemeente: r.gemeente,
      aanmelddatum: r.aanmelddatum,
      afgeslotenOp: r.afgesloten_op,
      openTaken: r.open_taken,
      updatedAt: r.updated_at,
    })),
    total,
    offset: page.offset,
    limit: page.limit,
  };
}

/** Throws NOT_FOUND unless the traject exists; returns its client id. */
export function assertTraject(db: Db, id: string): { clientId: string } {
  const row = found(stmt(db, 'SELECT client_id FROM trajecten WHERE id = ?').get(id) as { client_id: string } | undefined, 'traject');
  return { clientId: row.client_id };
}

/** Marks a traject as changed (a part such as a consent or task changed): bumps version and time. */
export function touchTraject(db: Db, ctx: WriteContext, id: string): void {
  stmt(db, 'UPDATE trajecten SET updated_at = ? WHERE id = ?').run(ctx.now, id);
}
