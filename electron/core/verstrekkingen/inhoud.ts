import { inVasteVolgorde, dataCategorieVelden, type DataCategorie } from '../../../shared/stappenplan/dataCategories';
import type { BesluitRecord } from '../../../shared/verstrekkingen/besluit.schema';
import type { PakketInhoud } from '../../../shared/verstrekkingen/pakket.schema';
import { INTERNE_DELEN } from '../../../shared/verstrekkingen/weergave';
import type { IsoDate } from '../../../shared/casework/common.schema';
import { stmt, type Db } from '../db/sql';
import { getClient } from '../casework/clienten.repo';
import { getTraject } from '../casework/trajecten.repo';
import { getMeldingRecord } from '../casework/meldingen.repo';

// What a package holds, built by the core from the vault and nothing else: per record only the
// fields of the allowed categories, found through dataCategorieVelden (the one placement of
// every stored field). A field that is in no allowed category can never enter, whatever the
// caller asks: the categories are intersected with the decision's own.

/** Journal entries are free text (`vrije-tekst`): they may hold anything, so they leave only with that category. */
export const JOURNAAL_CATEGORIE: DataCategorie = 'vrije-tekst';

function leeg(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** A value without internal parts (ids, computed states) in list items and objects. */
function zonderIntern(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(zonderIntern);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k, v]) => !INTERNE_DELEN.has(k) && v !== undefined).map(([k, v]) => [k, zonderIntern(v)]));
  }
  return value;
}

/** Only the given keys of a record, in the order given, empty ones left out. */
function kies(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = record[key];
    if (key === 'taal' && value && typeof value === 'object' && (value as { talen?: unknown[]; tolkNodig?: boolean }).talen?.length === 0 && !(value as { tolkNodig?: boolean }).tolkNodig) continue;
    if (!leeg(value)) out[key] = zonderIntern(value);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The stored fields the categories cover, per record kind (see dataCategories.ts). */
export function toegestaneVelden(categorieen: readonly DataCategorie[]): { client: string[]; traject: string[]; melding: string[] } {
  const c = inVasteVolgorde(categorieen);
  return {
    client: c.flatMap((k) => [...dataCategorieVelden[k].client]),
    traject: c.flatMap((k) => [...dataCategorieVelden[k].traject]),
    melding: c.flatMap((k) => [...dataCategorieVelden[k].melding]),
  };
}

/**
 * The data of a package for a traject: per record only the fields of `categorieen`, empty ones
 * left out; journal entries only with the free-text category.
 */
export function bouwGegevens(db: Db, trajectId: string, categorieen: readonly DataCategorie[], vandaag: IsoDate): PakketInhoud['gegevens'] {
  const velden = toegestaneVelden(categorieen);
  const traject = getTraject(db, trajectId, vandaag);
  const client = getClient(db, traject.clientId);
  const gegevens: PakketInhoud['gegevens'] = {};
  const c = kies(client as unknown as Record<string, unknown>, velden.client);
  if (c) gegevens.client = c;
  const t = kies(traject as unknown as Record<string, unknown>, velden.traject);
  if (t) gegevens.traject = t;
  if (traject.meldingId !== null && velden.melding.length > 0) {
    const m = kies(getMeldingRecord(db, traject.meldingId) as unknown as Record<string, unknown>, velden.melding);
    if (m) gegevens.melding = m;
  }
  if (categorieen.includes(JOURNAAL_CATEGORIE)) {
    const journaal = stmt(db, 'SELECT datum, soort, tekst FROM journaal WHERE traject_id = ? ORDER BY datum, created_at, id').all(traject.id) as Array<{ datum: string; soort: string; tekst: string }>;
    if (journaal.length > 0) gegevens.journaal = journaal;
  }
  return gegevens;
}

/** The cover of a package under a decision: recipient, purpose, ground, reference, sender; nothing about the cliënt. */
export function voorbladVan(besluit: BesluitRecord): PakketInhoud['voorblad'] {
  return {
    referentie: besluit.referentie,
    besluitId: besluit.id,
    besluitGenomenOp: besluit.genomenOp,
    afzender: { naam: besluit.afzender.naam, functie: besluit.afzender.functie, organisatie: besluit.afzender.organisatie },
    ontvanger: { partnerId: besluit.ontvanger.partnerId, naam: besluit.ontvanger.naam, categorie: besluit.ontvanger.categorie },
    doel: besluit.doel,
    doelNaam: besluit.doelNaam,
    // Only a `toegestaan` decision passes the gate, and the engine never allows without a ground.
    grondslag: besluit.grondslag ?? 'toestemming',
    bepaling: besluit.bepaling ?? '',
    uitzonderingen: besluit.uitzonderingen.map((u) => ({ klasse: u.klasse, tekst: u.tekst })),
    kanaal: besluit.kanaal,
    bewaartermijn: besluit.bewaartermijn,
    ruleSetVersie: besluit.ruleSetVersie,
    herbeoordelingOp: besluit.herbeoordelingOp,
  };
}

/**
 * The content of a package under a decision: the cover, and the fields of the categories that
 * are both asked and allowed by the decision (the gate has already refused any difference).
 */
export function bouwInhoud(db: Db, besluit: BesluitRecord, gevraagd: readonly DataCategorie[], nu: string, vandaag: IsoDate): PakketInhoud {
  const categorieen = inVasteVolgorde(gevraagd.filter((c) => besluit.velden.includes(c)));
  return { formaat: 'ketenkluis-verstrekking', formaatVersie: 1, gemaaktOp: nu, voorblad: voorbladVan(besluit), categorieen, gegevens: bouwGegevens(db, besluit.trajectId, categorieen, vandaag) };
}
