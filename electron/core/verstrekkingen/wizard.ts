import { KkError, type FieldIssue } from '../../../shared/errors';
import type { IsoDate } from '../../../shared/casework/common.schema';
import type { Profile } from '../../../shared/profile/profile.schema';
import { volgendeStap } from '../../../shared/stappenplan/engine';
import type { StappenplanFile } from '../../../shared/stappenplan/ruleSet.schema';
import type { DataCategorie } from '../../../shared/stappenplan/dataCategories';
import { inVasteVolgorde } from '../../../shared/stappenplan/dataCategories';
import type { Besluit, BesluitInvoer, BesluitRecord, Concept, ConceptStap } from '../../../shared/verstrekkingen/besluit.schema';
import { BesluitRecord as BesluitRecordSchema } from '../../../shared/verstrekkingen/besluit.schema';
import type { Doel } from '../../../shared/stappenplan/ruleSet.schema';
import { functieNaam } from '../../../shared/verstrekkingen/weergave';
import type { WriteContext } from '../changelog/writeContext';
import { assertVersion } from '../db/records';
import type { Db } from '../db/sql';
import { assertTraject } from '../casework/trajecten.repo';
import { assertActivePartner, getPartner } from '../profile/partners.repo';
import { readProfile } from '../profile/profile.repo';
import { besluitenVan, insertBesluit, readBesluit, referentieVan, vervangenDoor } from './besluiten.repo';
import { recordChange } from './changeKinds';
import { deleteConcept, getConcept, insertConcept, updateConcept } from './concepten.repo';
import { beoordeelBesluit } from './gate';
import { assertNogNiet, besluitRegelId, regelsVanBesluit, voegRegelToe } from './register.repo';
import { huidigeVersie, laadRuleSet } from './ruleSets.repo';
import { bouwSituatie, gebruikteToestemmingen } from './situatie';

// The stappenplan per disclosure, in the core: drafts that keep the answers so far, each step
// run by the pure engine on facts the core takes from the vault, and the decision record that
// completing a draft stores. Every write is the caller's transaction.

/** The vault's profile, or PROFILE_MISSING: a decision names who took it, so a vault without a profile cannot decide. */
export function vereisProfiel(db: Db): Profile {
  const profiel = readProfile(db);
  if (!profiel) throw new KkError('PROFILE_MISSING', 'A decision needs the vault profile');
  return profiel;
}

function invalid(issues: FieldIssue[]): KkError {
  return new KkError('INVALID_INPUT', 'Invalid decision input', { issues });
}

/** The draft with the engine's next step on `vandaag`. */
export function stapVan(db: Db, concept: Concept, vandaag: IsoDate): ConceptStap {
  const ruleSet = laadRuleSet(db, concept.ruleSetVersie);
  const { situatie, ontvanger, toestemmingen } = bouwSituatie(db, concept, vandaag);
  return { concept, ontvanger, stap: volgendeStap(ruleSet, situatie), toestemmingen: toestemmingen.weergave, notities: toestemmingen.notities };
}

/** Checks that a decision may be corrected by a new draft for this traject and recipient. */
function assertVervangbaar(db: Db, vervangt: string, trajectId: string, partnerId: string): void {
  const oud = readBesluit(db, vervangt);
  if (oud.trajectId !== trajectId || oud.ontvanger.partnerId !== partnerId) {
    throw invalid([{ path: 'vervangt', message: 'Een correctie hoort bij hetzelfde traject en dezelfde ontvanger als het besluit dat zij vervangt' }]);
  }
  if (vervangenDoor(db, vervangt) !== undefined) throw new KkError('CONFLICT', 'Decision already replaced', { issues: [{ path: 'vervangt', message: 'Dit besluit is al vervangen door een nieuwer besluit' }] });
}

/** Starts a draft under the current rule-set version. */
export function nieuwConcept(
  db: Db,
  ctx: WriteContext,
  input: { trajectId: string; partnerId: string; doel: Doel; gevraagdeGegevens: DataCategorie[]; vervangt?: string | undefined },
  vandaag: IsoDate,
): ConceptStap {
  vereisProfiel(db);
  try {
    assertTraject(db, input.trajectId);
  } catch {
    throw invalid([{ path: 'trajectId', message: 'Dit traject bestaat niet (meer)' }]);
  }
  assertActivePartner(db, input.partnerId, 'partnerId');
  if (input.vervangt !== undefined) assertVervangbaar(db, input.vervangt, input.trajectId, input.partnerId);
  const concept = insertConcept(db, ctx, { ...input, gevraagdeGegevens: inVasteVolgorde(input.gevraagdeGegevens), ruleSetVersie: huidigeVersie(db) });
  return stapVan(db, concept, vandaag);
}

/** Checks an answer against the draft's rule set: the question must exist and the value be one of its answers. */
function checkAntwoord(ruleSet: StappenplanFile, vraagId: string, waarde: string | null): void {
  const vraag = ruleSet.inhoud.vragen.find((v) => v.id === vraagId);
  if (!vraag) throw invalid([{ path: 'antwoord.vraag', message: 'Deze vraag staat niet in het stappenplan' }]);
  if (waarde !== null && !vraag.antwoorden.some((a) => a.waarde === waarde)) throw invalid([{ path: 'antwoord.waarde', message: 'Kies een van de antwoorden bij deze vraag' }]);
}

/** Saves an answer or the data asked for (when given) and returns the next step. */
export function stap(
  db: Db,
  ctx: WriteContext,
  input: { id: string; version?: number | undefined; antwoord?: { vraag: string; waarde: string | null } | undefined; gevraagdeGegevens?: DataCategorie[] | undefined },
  vandaag: IsoDate,
): ConceptStap {
  vereisProfiel(db);
  let concept = getConcept(db, input.id);
  if (input.antwoord !== undefined || input.gevraagdeGegevens !== undefined) {
    if (input.version === undefined) throw invalid([{ path: 'version', message: 'Laad het concept opnieuw en probeer het nog eens' }]);
    assertVersion(concept.version, input.version);
    const antwoorden = { ...concept.antwoorden };
    if (input.antwoord !== undefined) {
      checkAntwoord(laadRuleSet(db, concept.ruleSetVersie), input.antwoord.vraag, input.antwoord.waarde);
      if (input.antwoord.waarde === null) delete antwoorden[input.antwoord.vraag];
      else antwoorden[input.antwoord.vraag] = input.antwoord.waarde;
    }
    const gevraagdeGegevens = input.gevraagdeGegevens !== undefined ? inVasteVolgorde(input.gevraagdeGegevens) : concept.gevraagdeGegevens;
    concept = updateConcept(db, ctx, concept.id, concept.version, { antwoorden, gevraagdeGegevens });
  }
  return stapVan(db, concept, vandaag);
}

const GEHEIMHOUDING_STANDAARD: Record<string, string> = {
  meldrecht: 'Meldrecht: art. 5.2.6 Wet maatschappelijke ondersteuning 2015.',
};

/** A decision as read: its record, what happened to it since and whether it can be used today. */
export function metStaat(db: Db, record: BesluitRecord, vandaag: IsoDate): Besluit {
  const b = beoordeelBesluit(db, record, vandaag);
  return {
    ...record,
    ...(b.goedkeuring ? { goedkeuring: b.goedkeuring } : {}),
    ...(b.ingetrokken ? { ingetrokken: b.ingetrokken } : {}),
    ...(b.vervangenDoor ? { vervangenDoor: b.vervangenDoor } : {}),
    staat: b.staat,
    redenen: b.redenen,
  };
}

/** One decision with its state today. */
export function besluitMetStaat(db: Db, id: string, vandaag: IsoDate): Besluit {
  return metStaat(db, readBesluit(db, id), vandaag);
}

/** The decisions of a traject with their state today. */
export function besluitenMetStaat(db: Db, trajectId: string, vandaag: IsoDate): Besluit[] {
  return besluitenVan(db, trajectId).map((r) => metStaat(db, r, vandaag));
}

/**
 * Completes a draft whose stappenplan reached an outcome: checks what the person wrote against
 * the outcome (necessity and alternatives when data may leave, the reason when the cliënt is not
 * informed, the reasoning of a conflict of duties, a review date after today), stores the decision
 * record and its register entry, and removes the draft.
 */
export function voltooi(db: Db, ctx: WriteContext, input: { id: string; version: number; besluit: BesluitInvoer }, vandaag: IsoDate): Besluit {
  const profiel = vereisProfiel(db);
  const concept = getConcept(db, input.id);
  assertVersion(concept.version, input.version);
  const ruleSet = laadRuleSet(db, concept.ruleSetVersie);
  const { situatie, ontvanger, toestemmingen } = bouwSituatie(db, concept, vandaag);
  const uitkomst = volgendeStap(ruleSet, situatie);
  if (uitkomst.soort === 'vraag') throw invalid([{ path: 'antwoord', message: `Het stappenplan is nog niet af. Beantwoord eerst: ${uitkomst.vraag.tekst}` }]);
  if (!ontvanger.actief) throw invalid([{ path: 'partnerId', message: 'Deze organisatie is buiten gebruik. Kies een andere' }]);
  if (concept.vervangt !== undefined) assertVervangbaar(db, concept.vervangt, concept.trajectId, concept.partnerId);

  const invoer = input.besluit;
  const toegestaan = uitkomst.uitkomst === 'toegestaan';
  const issues: FieldIssue[] = [];
  if (toegestaan && !invoer.noodzaak) issues.push({ path: 'besluit.noodzaak', message: 'Schrijf op waarom het delen nodig is en in verhouding staat tot het doel' });
  if (toegestaan && !invoer.alternatieven) issues.push({ path: 'besluit.alternatieven', message: 'Schrijf op welke andere manieren u heeft overwogen en waarom die niet genoeg zijn' });
  const informeren = concept.antwoorden['informeren'];
  if (toegestaan && informeren === 'nee-met-reden' && !invoer.informerenReden) issues.push({ path: 'besluit.informerenReden', message: 'Schrijf op waarom u de cliënt niet informeert' });
  if (uitkomst.geheimhouding === 'conflict-van-plichten' && !invoer.geheimhoudingToelichting) {
    issues.push({ path: 'besluit.geheimhoudingToelichting', message: 'Schrijf op hoe aan alle vier de voorwaarden van het conflict van plichten is voldaan' });
  }
  if (invoer.herbeoordelingOp <= vandaag) issues.push({ path: 'besluit.herbeoordelingOp', message: 'Kies een datum na vandaag' });
  if (issues.length > 0) throw invalid(issues);

  const partner = getPartner(db, profiel.organisatie);
  const doel = ruleSet.inhoud.doelen.find((d) => d.id === concept.doel);
  const vraagTekst = (vraagId: string, waarde: string) => ruleSet.inhoud.vragen.find((v) => v.id === vraagId)?.antwoorden.find((a) => a.waarde === waarde)?.tekst ?? waarde;
  const exceptionVraag = (klasse: string) =>
    ruleSet.inhoud.regels.find((r) => r.dan.soort === 'uitzondering' && r.dan.klasse === klasse)?.dan as { vraag?: string } | undefined;
  const toestemmingIds = toegestaan ? gebruikteToestemmingen(ruleSet, situatie, toestemmingen, uitkomst) : [];
  const id = ctx.newId();
  const record: BesluitRecord = BesluitRecordSchema.parse({
    id,
    referentie: referentieVan(id),
    genomenOp: ctx.now,
    afzender: { profielId: profiel.id, naam: profiel.naam, functie: profiel.functie, organisatieId: profiel.organisatie, organisatie: partner.naam },
    ontvanger: { partnerId: ontvanger.partnerId, naam: ontvanger.naam, categorie: ontvanger.categorie, ...(ontvanger.medischBeroepsgeheim !== undefined ? { medischBeroepsgeheim: ontvanger.medischBeroepsgeheim } : {}) },
    trajectId: concept.trajectId,
    pseudoniem: concept.pseudoniem,
    regime: uitkomst.regime,
    doel: concept.doel,
    doelNaam: doel?.naam ?? concept.doel,
    doelVerenigbaar: concept.antwoorden['doel-verenigbaar'] === undefined ? null : concept.antwoorden['doel-verenigbaar'] === 'ja',
    uitkomst: uitkomst.uitkomst,
    ...(uitkomst.grondslag ? { grondslag: uitkomst.grondslag, bepaling: uitkomst.bepaling } : {}),
    uitzonderingen: uitkomst.uitzonderingen.map((u) => ({ ...u, tekst: vraagTekst(exceptionVraag(u.klasse)?.vraag ?? '', u.antwoord) })),
    ...(uitkomst.geheimhouding
      ? {
          geheimhouding: {
            basis: uitkomst.geheimhouding,
            toestemmingIds: uitkomst.geheimhouding === 'toestemming' ? toestemmingIds : [],
            ...(invoer.geheimhoudingToelichting ?? GEHEIMHOUDING_STANDAARD[uitkomst.geheimhouding]
              ? { toelichting: invoer.geheimhoudingToelichting ?? GEHEIMHOUDING_STANDAARD[uitkomst.geheimhouding] }
              : {}),
          },
        }
      : {}),
    toestemmingIds,
    ...(invoer.noodzaak ? { noodzaak: invoer.noodzaak } : {}),
    ...(invoer.alternatieven ? { alternatieven: invoer.alternatieven } : {}),
    velden: uitkomst.velden,
    bsn: uitkomst.velden.includes('bsn'),
    betrokkeneGeinformeerd:
      informeren === 'ja' ? { geinformeerd: true } : informeren === 'nee-met-reden' ? { geinformeerd: false, ...(invoer.informerenReden ? { reden: invoer.informerenReden } : {}) } : { geinformeerd: null },
    kanaal: invoer.kanaal ?? ontvanger.kanaal,
    bewaartermijn: invoer.bewaartermijn,
    vierOgen: invoer.vierOgen,
    ...(invoer.privacyAdvies ? { privacyAdvies: invoer.privacyAdvies } : {}),
    ruleSetVersie: ruleSet.versie,
    herbeoordelingOp: invoer.herbeoordelingOp,
    redenering: uitkomst.redenering,
    bronnen: uitkomst.bronnen,
    regels: uitkomst.regels,
    situatie: { vandaag, gevraagdeGegevens: concept.gevraagdeGegevens, antwoorden: concept.antwoorden, toestemmingen: toestemmingen.feiten },
    ...(concept.vervangt !== undefined ? { vervangt: concept.vervangt } : {}),
  });
  const { clientId } = assertTraject(db, concept.trajectId);
  insertBesluit(db, record, clientId);
  voegRegelToe(db, ctx, {
    soort: 'besluit',
    besluitId: record.id,
    pseudoniem: record.pseudoniem,
    trajectId: record.trajectId,
    partnerId: record.ontvanger.partnerId,
    grondslag: record.grondslag,
    velden: record.velden,
    verwijstNaar: record.vervangt !== undefined ? besluitRegelId(db, record.vervangt) : undefined,
    details: {},
  });
  recordChange(db, ctx, 'besluit', record.id, 'create', Object.keys(record));
  deleteConcept(db, ctx, concept.id, concept.version);
  return metStaat(db, record, vandaag);
}

/** Four-eyes approval by a second person (their own name, not the profile's). */
export function keurGoed(db: Db, ctx: WriteContext, input: { besluitId: string; naam: string; functie: Profile['functie'] }, vandaag: IsoDate): Besluit {
  const profiel = vereisProfiel(db);
  const record = readBesluit(db, input.besluitId);
  if (!record.vierOgen) throw invalid([{ path: 'besluitId', message: 'Dit besluit vraagt geen vier-ogencontrole' }]);
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  if (norm(input.naam) === norm(profiel.naam) || norm(input.naam) === norm(record.afzender.naam)) {
    throw invalid([{ path: 'naam', message: 'Vier ogen: een tweede persoon keurt goed, met de eigen naam. Dat kunt u niet zelf doen' }]);
  }
  assertNogNiet(db, record.id, 'goedkeuring', 'Dit besluit is al goedgekeurd');
  if (regelsVanBesluit(db, record.id, 'intrekking').length > 0) throw new KkError('CONFLICT', 'Decision revoked', { issues: [{ path: 'besluitId', message: 'Dit besluit is ingetrokken' }] });
  voegRegelToe(db, ctx, {
    soort: 'goedkeuring',
    besluitId: record.id,
    pseudoniem: record.pseudoniem,
    trajectId: record.trajectId,
    partnerId: record.ontvanger.partnerId,
    grondslag: record.grondslag,
    velden: record.velden,
    verwijstNaar: besluitRegelId(db, record.id),
    details: { reden: `Goedgekeurd door ${input.naam} (${functieNaam[input.functie]})`, goedkeurder: { naam: input.naam, functie: input.functie } },
  });
  recordChange(db, ctx, 'besluit', record.id, 'approve', ['goedkeuring']);
  return metStaat(db, record, vandaag);
}

/** Revokes a decision (a register entry that refers to it); the record itself stays as it was. */
export function trekIn(db: Db, ctx: WriteContext, input: { besluitId: string; reden: string }, vandaag: IsoDate): Besluit {
  vereisProfiel(db);
  const record = readBesluit(db, input.besluitId);
  assertNogNiet(db, record.id, 'intrekking', 'Dit besluit is al ingetrokken');
  voegRegelToe(db, ctx, {
    soort: 'intrekking',
    besluitId: record.id,
    pseudoniem: record.pseudoniem,
    trajectId: record.trajectId,
    partnerId: record.ontvanger.partnerId,
    grondslag: record.grondslag,
    velden: record.velden,
    verwijstNaar: besluitRegelId(db, record.id),
    details: { reden: input.reden },
  });
  recordChange(db, ctx, 'besluit', record.id, 'revoke', ['ingetrokken']);
  return metStaat(db, record, vandaag);
}
