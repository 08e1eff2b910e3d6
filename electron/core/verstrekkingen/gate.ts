import { KkError, type FieldIssue } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/casework/common.schema';
import { dataCategorieNaam, inVasteVolgorde, type DataCategorie } from '../../../shared/stappenplan/dataCategories';
import { volgendeStap } from '../../../shared/stappenplan/engine';
import type { BesluitRecord, BesluitStaat, Goedkeuring } from '../../../shared/verstrekkingen/besluit.schema';
import { kopieVeldCategorie, type KopieVerzoek, type VerstrekkingsVerzoek, type VerstrekkingsWijze } from '../../../shared/verstrekkingen/pakket.schema';
import { grondslagNaam, toonDatum, veldLabel } from '../../../shared/verstrekkingen/weergave';
import type { WriteContext } from '../changelog/writeContext';
import { inTransaction, stmt, type Db } from '../db/sql';
import { findBesluit, vervangenDoor } from './besluiten.repo';
import { regelsVanBesluit, voegRegelToe } from './register.repo';
import { laadRuleSet } from './ruleSets.repo';
import { bouwSituatie, ontvangerInfo } from './situatie';

// The gate. The only ways personal data leaves the vault — a package file, a print, a copy of an
// identifying field — pass here, in the core: a completed decision (approved when it asks for
// four eyes), not revoked or replaced, for exactly this traject and recipient, allowing exactly
// these categories, whose ground still holds today (the stappenplan is run again on today's facts
// from the vault, under the decision's own rule-set version). Anything else is refused with the
// reasons in Dutch, and the refusal is recorded in the register.

/** Whether a decision can be used today, why not, and what happened to it since. */
export interface BesluitBeoordeling {
  staat: BesluitStaat;
  redenen: string[];
  goedkeuring?: Goedkeuring;
  ingetrokken?: { op: string; reden: string };
  vervangenDoor?: string;
}

/** The order in which a state is named when several apply (the first is the decision's state). */
const VOORRANG: BesluitStaat[] = ['ingetrokken', 'vervangen', 'niet-toegestaan', 'wacht-op-goedkeuring', 'partner-buiten-gebruik', 'herbeoordeling-verstreken', 'grond-vervallen'];

/**
 * Runs the stappenplan again for a decision with today's facts (consents, partner), its own
 * answers and data, under its own rule-set version. Null when it still comes to the same: allowed,
 * on the same ground, with at least the same categories. Otherwise the reason, in Dutch.
 */
function grondVervallen(db: Db, record: BesluitRecord, vandaag: IsoDate): string | null {
  const { situatie, toestemmingen } = bouwSituatie(
    db,
    { trajectId: record.trajectId, partnerId: record.ontvanger.partnerId, doel: record.doel, gevraagdeGegevens: record.situatie.gevraagdeGegevens, antwoorden: record.situatie.antwoorden },
    vandaag,
  );
  for (const id of record.toestemmingIds) {
    const t = toestemmingen.weergave.find((w) => w.id === id);
    if (!t) return 'De toestemming waarop dit besluit steunt, is niet meer te vinden.';
    if (t.ingetrokkenOp !== null && t.ingetrokkenOp <= vandaag) return `De toestemming voor ${t.ontvanger} waarop dit besluit steunt, is ingetrokken op ${toonDatum(t.ingetrokkenOp)}. Zonder die toestemming mag deze verstrekking niet meer.`;
    if (t.tot !== undefined && t.tot < vandaag) return `De toestemming voor ${t.ontvanger} waarop dit besluit steunt, is verlopen op ${toonDatum(t.tot)}. Zonder die toestemming mag deze verstrekking niet meer.`;
  }
  const stap = volgendeStap(laadRuleSet(db, record.ruleSetVersie), situatie);
  if (stap.soort === 'vraag') {
    return `Sinds het besluit is de situatie veranderd: het stappenplan vraagt opnieuw "${stap.vraag.tekst}"${stap.vraag.fout ? ` (${stap.vraag.fout})` : ''}. Neem een nieuw besluit.`;
  }
  if (stap.uitkomst !== 'toegestaan' || stap.grondslag !== record.grondslag || !record.velden.every((v) => stap.velden.includes(v))) {
    const laatste = stap.redenering.at(-1) ?? '';
    return `Sinds het besluit is de situatie veranderd: het stappenplan komt vandaag niet meer tot dit besluit${record.grondslag ? ` (grondslag ${grondslagNaam[record.grondslag]})` : ''}. ${laatste} Neem een nieuw besluit.`.trim();
  }
  return null;
}

/** Whether a decision can be used today, and if not, every reason. */
export function beoordeelBesluit(db: Db, record: BesluitRecord, vandaag: IsoDate): BesluitBeoordeling {
  const staten = new Map<BesluitStaat, string>();
  const out: Omit<BesluitBeoordeling, 'staat' | 'redenen'> = {};
  const intrekking = regelsVanBesluit(db, record.id, 'intrekking')[0];
  if (intrekking) {
    const reden = (JSON.parse(intrekking.details) as { reden?: string }).reden ?? '';
    out.ingetrokken = { op: new Date(intrekking.op).toISOString(), reden };
    staten.set('ingetrokken', `Dit besluit is ingetrokken op ${toonDatum(out.ingetrokken.op)}.`);
  }
  const nieuwer = vervangenDoor(db, record.id);
  if (nieuwer !== undefined) {
    out.vervangenDoor = nieuwer;
    staten.set('vervangen', 'Dit besluit is vervangen door een nieuwer besluit. Gebruik het nieuwe besluit.');
  }
  if (record.uitkomst !== 'toegestaan') {
    staten.set('niet-toegestaan', record.uitkomst === 'alleen-zonder-persoonsgegevens' ? 'Volgens dit besluit mag u alleen delen zonder persoonsgegevens.' : 'Volgens dit besluit mag u deze gegevens niet verstrekken.');
  }
  const goedkeuring = regelsVanBesluit(db, record.id, 'goedkeuring')[0];
  if (goedkeuring) {
    const g = JSON.parse(goedkeuring.details) as { goedkeurder?: { naam: string; functie: Goedkeuring['functie'] } };
    if (g.goedkeurder) out.goedkeuring = { ...g.goedkeurder, op: new Date(goedkeuring.op).toISOString() };
  }
  if (record.vierOgen && !out.goedkeuring) staten.set('wacht-op-goedkeuring', 'Dit besluit vraagt een vier-ogencontrole. Een tweede persoon moet het eerst goedkeuren.');
  if (!ontvangerInfo(db, record.ontvanger.partnerId).actief) staten.set('partner-buiten-gebruik', `${record.ontvanger.naam} staat in het partnerregister buiten gebruik.`);
  if (vandaag > record.herbeoordelingOp) staten.set('herbeoordeling-verstreken', `De datum voor herbeoordeling (${toonDatum(record.herbeoordelingOp)}) is voorbij. Neem een nieuw besluit.`);
  if (record.uitkomst === 'toegestaan' && !staten.has('ingetrokken') && !staten.has('vervangen')) {
    const vervallen = grondVervallen(db, record, vandaag);
    if (vervallen !== null) staten.set('grond-vervallen', vervallen);
  }
  const staat = VOORRANG.find((s) => staten.has(s)) ?? 'bruikbaar';
  return { staat, redenen: VOORRANG.flatMap((s) => (staten.has(s) ? [staten.get(s)!] : [])), ...out };
}

/** An attempt to let data leave: a package or print with its categories, or a copy of one field. */
export type Poging = { wat: 'pakket' | 'afdruk'; verzoek: VerstrekkingsVerzoek } | { wat: 'kopie'; verzoek: KopieVerzoek };

function opsomming(categorieen: readonly DataCategorie[]): string {
  return inVasteVolgorde(categorieen)
    .map((c) => dataCategorieNaam[c])
    .join('; ');
}

/** The categories an attempt would let leave. */
export function gevraagdDoor(poging: Poging): DataCategorie[] {
  return poging.wat === 'kopie' ? [kopieVeldCategorie(poging.verzoek.veld)] : inVasteVolgorde(poging.verzoek.categorieen);
}

/** Every reason an attempt may not pass (empty: it may), each at the part of the call it is about. */
export function poortBezwaren(db: Db, poging: Poging, vandaag: IsoDate): { record: BesluitRecord | undefined; bezwaren: FieldIssue[] } {
  const { verzoek } = poging;
  const record = findBesluit(db, verzoek.besluitId);
  if (!record) {
    const concept = stmt(db, 'SELECT 1 FROM verstrekking_concepten WHERE id = ?').get(verzoek.besluitId) !== undefined;
    return {
      record,
      bezwaren: [
        {
          path: 'besluitId',
          message: concept
            ? 'Dit is een concept, geen besluit. Doorloop eerst het hele stappenplan en leg het besluit vast.'
            : 'Er is geen besluit met deze verwijzing in de kluis. Zonder besluit van het stappenplan gaan er geen gegevens naar buiten.',
        },
      ],
    };
  }
  const bezwaren: FieldIssue[] = [];
  if (record.trajectId !== verzoek.trajectId) bezwaren.push({ path: 'trajectId', message: 'Dit besluit geldt voor een ander traject. Een besluit geldt alleen voor het traject waarvoor het is genomen.' });
  if (record.ontvanger.partnerId !== verzoek.partnerId) bezwaren.push({ path: 'partnerId', message: `Dit besluit geldt voor een andere ontvanger (${record.ontvanger.naam}). Neem voor deze ontvanger een eigen besluit.` });
  if (poging.wat === 'kopie') {
    const categorie = kopieVeldCategorie(poging.verzoek.veld);
    if (!record.velden.includes(categorie)) {
      bezwaren.push({ path: 'veld', message: `${veldLabel.client[poging.verzoek.veld]} (${dataCategorieNaam[categorie]}) staat niet in het besluit. Dat gegeven mag niet naar buiten.` });
    }
  } else {
    const extra = poging.verzoek.categorieen.filter((c) => !record.velden.includes(c));
    const mist = record.velden.filter((c) => !poging.verzoek.categorieen.includes(c));
    if (extra.length > 0) bezwaren.push({ path: 'categorieen', message: `Deze gegevens staan niet in het besluit: ${opsomming(extra)}. Die mogen niet naar buiten.` });
    if (extra.length === 0 && mist.length > 0 && record.velden.length > 0) {
      bezwaren.push({ path: 'categorieen', message: `Een ${poging.wat === 'pakket' ? 'pakket' : 'afdruk'} bevat precies de gegevens van het besluit. Het besluit noemt ook: ${opsomming(mist)}.` });
    }
  }
  const beoordeling = beoordeelBesluit(db, record, vandaag);
  if (beoordeling.staat !== 'bruikbaar') for (const reden of beoordeling.redenen) bezwaren.push({ path: 'besluitId', message: reden });
  return { record, bezwaren };
}

/** The pseudonym of a traject, if the vault has it (a crafted call may name one it does not have). */
function pseudoniemVan(db: Db, trajectId: string): string | undefined {
  return (stmt(db, 'SELECT c.pseudoniem FROM trajecten t JOIN clienten c ON c.id = t.client_id WHERE t.id = ?').get(trajectId) as { pseudoniem: string } | undefined)?.pseudoniem;
}

/**
 * Lets an attempt through the gate, or refuses it: a refusal is recorded in the register (in its
 * own transaction, so it stays whatever the caller does next) and thrown as DISCLOSURE_REFUSED
 * with every reason in Dutch. Returns the decision the attempt rests on.
 */
export function doorDePoort(db: Db, ctx: WriteContext, poging: Poging, vandaag: IsoDate): BesluitRecord {
  const { record, bezwaren } = poortBezwaren(db, poging, vandaag);
  if (record && bezwaren.length === 0) return record;
  const wat: VerstrekkingsWijze = poging.wat;
  inTransaction(db, () =>
    voegRegelToe(db, ctx, {
      soort: 'geweigerd',
      besluitId: record?.id,
      // The cliënt of the traject the call named: what it tried to let leave (the decision's own when that traject is unknown).
      pseudoniem: pseudoniemVan(db, poging.verzoek.trajectId) ?? record?.pseudoniem,
      trajectId: poging.verzoek.trajectId,
      partnerId: poging.verzoek.partnerId,
      grondslag: record?.grondslag,
      velden: gevraagdDoor(poging),
      details: {
        wat,
        ...(poging.wat === 'kopie' ? { veld: poging.verzoek.veld } : {}),
        reden: bezwaren.map((b) => b.message).join(' '),
        ...(record ? {} : { gevraagdBesluit: poging.verzoek.besluitId }),
      },
    }),
  );
  throw new KkError('DISCLOSURE_REFUSED', `Disclosure refused by the gate (${wat})`, { issues: bezwaren });
}
