import { ageOn } from '../../../shared/casework/dates';
import { CONSENT_AGE, toestemmingStatus } from '../../../shared/casework/consent';
import type { IsoDate } from '../../../shared/casework/common.schema';
import type { GegevenDoor, ToestemmingDoel } from '../../../shared/casework/traject.schema';
import type { DataCategorie } from '../../../shared/stappenplan/dataCategories';
import { toestemmingStatusOp } from '../../../shared/stappenplan/engine';
import type { Doel, StappenplanFile } from '../../../shared/stappenplan/ruleSet.schema';
import type { SituatieInput, StappenplanUitkomst, ToestemmingFeit } from '../../../shared/stappenplan/situatie.schema';
import type { OntvangerInfo, ToestemmingWeergave } from '../../../shared/verstrekkingen/besluit.schema';
import { bool, stmt, type Db } from '../db/sql';
import { getPartner } from '../profile/partners.repo';

// The facts the stappenplan decides on, taken from the vault by the core — never from the
// window: the recipient's category and medisch beroepsgeheim from the partner register, and the
// traject's consents with the cliënt's age on the day each was given.

/** The recipient as the partner register knows it now; NOT_FOUND for an unknown partner. */
export function ontvangerInfo(db: Db, partnerId: string): OntvangerInfo {
  const p = getPartner(db, partnerId);
  return {
    partnerId: p.id,
    naam: p.naam,
    categorie: p.categorie,
    ...(p.categorie === 'zorg' ? { medischBeroepsgeheim: p.medischBeroepsgeheim === true } : {}),
    kanaal: p.kanaal,
    actief: p.actief,
  };
}

interface ConsentRow {
  id: string;
  doel: ToestemmingDoel;
  ontvanger: string;
  vanaf: string;
  tot: string | null;
  schriftelijk: number;
  gegevenDoor: GegevenDoor;
  ingetrokkenOp: string | null;
  geboortedatum: string | null;
}

/** The traject's consents: as the engine takes them (facts, with their ids) and as the wizard shows them. */
export interface TrajectToestemmingen {
  feiten: ToestemmingFeit[];
  /** The id of each fact, in the same order. */
  ids: string[];
  weergave: ToestemmingWeergave[];
  /** What the core left out, and why, in Dutch. */
  notities: string[];
}

function datum(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/**
 * The consents of a traject on `vandaag`. A consent whose giver cannot be checked against the
 * cliënt's age (no birth date) is shown but not given to the engine, with a line saying so: the
 * age rule (16+ the cliënt, younger a parent or guardian) can then not be met.
 */
export function trajectToestemmingen(db: Db, trajectId: string, vandaag: IsoDate): TrajectToestemmingen {
  const rows = stmt(
    db,
    `SELECT s.id, s.doel, s.ontvanger, s.vanaf, s.tot, s.schriftelijk, s.gegeven_door AS gegevenDoor, s.ingetrokken_op AS ingetrokkenOp,
            json_extract(c.data, '$.geboortedatum') AS geboortedatum
       FROM toestemmingen s JOIN trajecten t ON t.id = s.traject_id JOIN clienten c ON c.id = t.client_id
      WHERE s.traject_id = ? ORDER BY s.vanaf DESC, s.id`,
  ).all(trajectId) as ConsentRow[];
  const out: TrajectToestemmingen = { feiten: [], ids: [], weergave: [], notities: [] };
  for (const r of rows) {
    const schriftelijk = bool(r.schriftelijk);
    out.weergave.push({
      id: r.id,
      doel: r.doel,
      ontvanger: r.ontvanger,
      schriftelijk,
      gegevenDoor: r.gegevenDoor,
      vanaf: r.vanaf,
      ...(r.tot !== null ? { tot: r.tot } : {}),
      ingetrokkenOp: r.ingetrokkenOp,
      status: toestemmingStatus({ doel: r.doel, vanaf: r.vanaf, tot: r.tot, schriftelijk, gegevenDoor: r.gegevenDoor, ingetrokkenOp: r.ingetrokkenOp }, { geboortedatum: r.geboortedatum }, vandaag),
    });
    if (r.geboortedatum === null) {
      out.notities.push(`De toestemming voor ${r.ontvanger} van ${datum(r.vanaf)} telt niet mee: de geboortedatum van de cliënt is niet bekend, dus niet te controleren is of de cliënt of een ouder of voogd toestemming moest geven.`);
      continue;
    }
    out.ids.push(r.id);
    out.feiten.push({
      doel: r.doel,
      ontvanger: r.ontvanger,
      schriftelijk,
      gegevenDoor: r.gegevenDoor,
      vanaf: r.vanaf,
      ...(r.tot !== null ? { tot: r.tot } : {}),
      ingetrokkenOp: r.ingetrokkenOp,
      clientZestienPlus: ageOn(r.geboortedatum, r.vanaf) >= CONSENT_AGE,
    });
  }
  return out;
}

/** What a situation is built from besides the vault's facts: the draft's (or decision's) choices. */
export interface Keuzes {
  trajectId: string;
  partnerId: string;
  doel: Doel;
  gevraagdeGegevens: readonly DataCategorie[];
  antwoorden: Readonly<Record<string, string>>;
}

/** The engine's situation for a draft or decision on `vandaag`, with the facts taken from the vault. */
export function bouwSituatie(db: Db, keuzes: Keuzes, vandaag: IsoDate): { situatie: SituatieInput; ontvanger: OntvangerInfo; toestemmingen: TrajectToestemmingen } {
  const ontvanger = ontvangerInfo(db, keuzes.partnerId);
  const toestemmingen = trajectToestemmingen(db, keuzes.trajectId, vandaag);
  const situatie: SituatieInput = {
    vandaag,
    ontvanger: {
      categorie: ontvanger.categorie,
      ...(ontvanger.medischBeroepsgeheim !== undefined ? { medischBeroepsgeheim: ontvanger.medischBeroepsgeheim } : {}),
      organisatie: ontvanger.naam,
    },
    doel: keuzes.doel,
    gevraagdeGegevens: [...keuzes.gevraagdeGegevens],
    toestemmingen: toestemmingen.feiten,
    antwoorden: { ...keuzes.antwoorden },
  };
  return { situatie, ontvanger, toestemmingen };
}

/** Whether an outcome rests on consent anywhere: its ground, its secrecy basis, or an art. 9/10 exception. */
export function steuntOpToestemming(uitkomst: StappenplanUitkomst): boolean {
  return uitkomst.grondslag === 'toestemming' || uitkomst.geheimhouding === 'toestemming' || uitkomst.uitzonderingen.some((u) => u.antwoord === 'uitdrukkelijke-toestemming');
}

/**
 * The consents an outcome relies on: when it rests on consent, every consent of the traject that
 * counts for this purpose and recipient on the day (the engine's own rule, toestemmingStatusOp).
 */
export function gebruikteToestemmingen(ruleSet: StappenplanFile, situatie: SituatieInput, toestemmingen: TrajectToestemmingen, uitkomst: StappenplanUitkomst): string[] {
  if (!steuntOpToestemming(uitkomst)) return [];
  const doel = ruleSet.inhoud.doelen.find((d) => d.id === situatie.doel);
  const organisatie = situatie.ontvanger.organisatie;
  if (!doel || organisatie === undefined) return [];
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return toestemmingen.feiten.flatMap((t, i) =>
    doel.toestemming.doelen.includes(t.doel) && norm(t.ontvanger) === norm(organisatie) && toestemmingStatusOp(t, situatie.vandaag, doel.toestemming.schriftelijk) === 'geldig' ? [toestemmingen.ids[i]!] : [],
  );
}
