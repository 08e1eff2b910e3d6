import { KkError } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/casework/common.schema';
import { Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import type { ClientFields } from '../../../shared/casework/client.schema';
import { TrajectFields } from '../../../shared/casework/traject.schema';
import { insertClient } from './clienten.repo';
import { getMeldingRecord, linkMeldingToTraject } from './meldingen.repo';
import { clientRef, insertTraject } from './trajecten.repo';
import { stmt, type Db } from '../db/sql';
import { applyPatch, found, parseOrInvalid } from '../db/records';
import { type WriteContext } from '../changelog/writeContext';

/**
 * Turns a melding into a traject: the traject starts with what the melding knows (form, minor,
 * gemeente, preventive), the melding points at the traject, and the cliënt is new or existing.
 * Call inside a transaction: a failure anywhere leaves melding, cliënt and traject untouched.
 */
export function convertMelding(
  db: Db,
  ctx: WriteContext,
  input: { meldingId: string; client: { clientId: string } | { nieuw: ClientFields }; fields?: Record<string, unknown> | undefined },
  today: IsoDate,
): { trajectId: string; clientId: string } {
  const melding = getMeldingRecord(db, input.meldingId);
  if (melding.trajectId !== null) throw new KkError('CONFLICT', 'Melding already converted');
  const clientId = 'clientId' in input.client ? found(stmt(db, 'SELECT id FROM clienten WHERE id = ?').get(input.client.clientId) as { id: string } | undefined, 'client').id : insertClient(db, ctx, input.client.nieuw).id;
  const vorm = Uitbuitingsvorm.safeParse(melding.vorm);
  const defaults = {
    preventief: melding.preventiefGesprek,
    vormen: vorm.success ? [vorm.data] : [],
    minderjarigBijStart: melding.minderjarig,
    gemeente: melding.gemeente,
    verwijzer: 'meldpunt',
    aanmelddatum: today,
    opvang: [],
    procedures: [],
  };
  const fields = parseOrInvalid(TrajectFields, applyPatch(defaults, input.fields ?? {}), 'fields');
  const { id } = insertTraject(db, ctx, clientRef(db, clientId), fields, { meldingId: melding.id });
  linkMeldingToTraject(db, ctx, melding.id, id);
  return { trajectId: id, clientId };
}
