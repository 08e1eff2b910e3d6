import { randomBytes } from 'node:crypto';
import { KkError } from '../../../shared/errors';
import type { TafelInstellingenInvoer, TafelInstellingenWeergave } from '../../../shared/ipc/tafel.contract';
import { K_STANDAARD, leesInstellingen, type InstellingenInvoer } from '../../../shared/tafel/tafel.schema';
import { changeLog } from '../changelog/changeLog';
import type { WriteContext } from '../changelog/writeContext';
import { inTransaction, stmt, type Db } from '../db/sql';

/*
 * The privacy officer's settings for summaries, kept in the vault's `meta` table (one JSON value;
 * no table of their own is needed): k, rounding, noise on/off and its maximum. The noise secret
 * is a separate meta value, made once with crypto.randomBytes when noise is first turned on and
 * kept when it is turned off again (so the same cell keeps the same noise on every release). It
 * is read only by `instellingenVoorVrijgave`, which hands it to the suppression; no contract
 * method returns it and no file contains it (the summary says only that noise was used).
 */

const INSTELLINGEN = 'tafel_instellingen';
const RUIS_SLEUTEL = 'tafel_ruis_sleutel';
/** The largest noise when none was chosen. */
const RUIS_MAX_STANDAARD = 2;

/** The record kinds of the tafel settings in the change log. */
export interface TafelInstellingenKinds {
  tafelInstellingen: 'update';
}
const { recordChange, changesOf } = changeLog<TafelInstellingenKinds>();
export { changesOf as instellingenWijzigingen };

/** The change log's record id for the settings (there is one set per vault). */
export const INSTELLINGEN_ID = '00000000-0000-4000-8000-000000000014';

interface Opgeslagen {
  k: number;
  afronding: number | null;
  ruis: boolean;
  ruisMax: number;
  gewijzigdOp: string;
}

function metaWaarde(db: Db, key: string): string | null {
  const row = stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

function zetMeta(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

function leesOpgeslagen(db: Db): Opgeslagen | null {
  const ruw = metaWaarde(db, INSTELLINGEN);
  if (ruw === null) return null;
  try {
    const o = JSON.parse(ruw) as Opgeslagen;
    // Checked as new input: a damaged value falls back to the safe defaults, never to something weaker.
    leesInstellingen({ k: o.k, ...(o.afronding !== null ? { afronding: o.afronding } : {}) });
    if (typeof o.ruis !== 'boolean' || !Number.isInteger(o.ruisMax) || o.ruisMax < 1 || o.ruisMax > 5) return null;
    return o;
  } catch {
    return null;
  }
}

/** The settings as the window sees them: the safe defaults until the privacy officer changes something. */
export function leesTafelInstellingen(db: Db): TafelInstellingenWeergave {
  const o = leesOpgeslagen(db);
  const k = o?.k ?? K_STANDAARD;
  const afronding = o?.afronding ?? null;
  const ruis = o?.ruis ?? false;
  const ruisMax = o?.ruisMax ?? RUIS_MAX_STANDAARD;
  return { k, afronding, ruis, ruisMax, standaard: k === K_STANDAARD && afronding === null && !ruis, gewijzigdOp: o?.gewijzigdOp ?? null };
}

/**
 * Saves the settings after checking them as the suppression will (`leesInstellingen`: a k below 3
 * is refused with the Dutch message, path "k"). Records a change event naming the fields that
 * changed; an unchanged save records nothing. Makes the noise secret the first time noise is on.
 */
export function bewaarTafelInstellingen(db: Db, ctx: WriteContext, invoer: TafelInstellingenInvoer): TafelInstellingenWeergave {
  leesInstellingen({
    k: invoer.k,
    ...(invoer.afronding !== null ? { afronding: invoer.afronding } : {}),
    ...(invoer.ruis ? { ruis: { sleutel: 'x'.repeat(16), max: invoer.ruisMax } } : {}),
  });
  if (!invoer.ruis && (invoer.ruisMax < 1 || invoer.ruisMax > 5)) {
    throw new KkError('INVALID_INPUT', 'De ruis is 1 tot en met 5', { issues: [{ path: 'ruisMax', message: 'De ruis is 1 tot en met 5' }] });
  }
  const oud = leesTafelInstellingen(db);
  const velden = (['k', 'afronding', 'ruis', 'ruisMax'] as const).filter((v) => oud[v] !== invoer[v]);
  if (velden.length === 0) return oud;
  inTransaction(db, () => {
    if (invoer.ruis && metaWaarde(db, RUIS_SLEUTEL) === null) zetMeta(db, RUIS_SLEUTEL, randomBytes(32).toString('hex'));
    const nieuw: Opgeslagen = { k: invoer.k, afronding: invoer.afronding, ruis: invoer.ruis, ruisMax: invoer.ruisMax, gewijzigdOp: ctx.now };
    zetMeta(db, INSTELLINGEN, JSON.stringify(nieuw));
    recordChange(db, ctx, 'tafelInstellingen', INSTELLINGEN_ID, 'update', velden);
  });
  return leesTafelInstellingen(db);
}

/** The settings as the suppression takes them, with the noise secret when noise is on (vault only). */
export function instellingenVoorVrijgave(db: Db): InstellingenInvoer {
  const i = leesTafelInstellingen(db);
  const sleutel = i.ruis ? metaWaarde(db, RUIS_SLEUTEL) : null;
  return {
    k: i.k,
    ...(i.afronding !== null ? { afronding: i.afronding } : {}),
    ...(sleutel !== null ? { ruis: { sleutel, max: i.ruisMax } } : {}),
  };
}
