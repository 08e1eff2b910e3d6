import { basename } from 'node:path';
import { KkError } from '../../../shared/errors';
import { localToday } from '../../../shared/casework/dates';
import type { Handlers, MainMethodName } from '../../../shared/ipc/contract';
import type { verstrekkingenHostMethods, verstrekkingenMethods } from '../../../shared/ipc/verstrekkingen.contract';
import { kopieVeldCategorie } from '../../../shared/verstrekkingen/pakket.schema';
import { toonWaarde } from '../../../shared/verstrekkingen/weergave';
import type { Session } from '../session';
import { inTransaction } from '../db/sql';
import { getClient } from '../casework/clienten.repo';
import { afdrukHtml } from './afdrukHtml';
import { readBesluit } from './besluiten.repo';
import { schrijfAtomisch } from './bestand';
import { deleteConcept, getConcept, listConcepten } from './concepten.repo';
import { doorDePoort, type Poging } from './gate';
import { bouwGegevens, bouwInhoud } from './inhoud';
import { maakPakketPdf, maakWachtwoord } from './pakketPdf';
import { alleRegels, voegRegelToe, zoekRegister } from './register.repo';
import { csvKop, csvRegel } from './registerCsv';
import { huidigeVersie, importeerRuleSetBestand, laadRuleSet, listVersies } from './ruleSets.repo';
import { besluitenMetStaat, besluitMetStaat, keurGoed, nieuwConcept, stap, stapVan, trekIn, vereisProfiel, voltooi } from './wizard';
import { getPartner } from '../profile/partners.repo';
import { assertTraject } from '../casework/trajecten.repo';

type CoreMethods = Exclude<keyof typeof verstrekkingenMethods, MainMethodName> | keyof typeof verstrekkingenHostMethods;

/** The suggested file name of a package: the decision's reference, never anything about the cliënt. */
function bestandsnaamVoor(referentie: string): string {
  return `verstrekking-${referentie}.pdf`;
}

/**
 * The verstrekkingen handlers: thin, each write one transaction. The gate (doorDePoort) runs
 * outside any transaction, so a refusal it records stays recorded when it throws.
 */
export const verstrekkingenHandlers: Pick<Handlers<Session>, CoreMethods> = {
  'verstrekkingen.createDraft': (input, s) => inTransaction(s.db(), () => nieuwConcept(s.db(), s.writer(), input, localToday())),
  'verstrekkingen.listDrafts': (input, s) => ({ concepten: listConcepten(s.db(), input.trajectId) }),
  'verstrekkingen.step': (input, s) => inTransaction(s.db(), () => stap(s.db(), s.writer(), input, localToday())),
  'verstrekkingen.discardDraft': (input, s) => {
    inTransaction(s.db(), () => deleteConcept(s.db(), s.writer(), input.id, input.version));
    return {};
  },
  'verstrekkingen.complete': (input, s) => inTransaction(s.db(), () => voltooi(s.db(), s.writer(), input, localToday())),
  'verstrekkingen.approve': (input, s) => inTransaction(s.db(), () => keurGoed(s.db(), s.writer(), input, localToday())),
  'verstrekkingen.revoke': (input, s) => inTransaction(s.db(), () => trekIn(s.db(), s.writer(), input, localToday())),
  'verstrekkingen.get': (input, s) => besluitMetStaat(s.db(), input.id, localToday()),
  'verstrekkingen.list': (input, s) => {
    assertTraject(s.db(), input.trajectId);
    return { besluiten: besluitenMetStaat(s.db(), input.trajectId, localToday()) };
  },
  'verstrekkingen.preview': (input, s) => {
    const db = s.db();
    const nu = new Date().toISOString();
    if ('besluitId' in input) {
      const record = readBesluit(db, input.besluitId);
      return bouwInhoud(db, record, record.velden, nu, localToday());
    }
    // A draft: what its outcome would let leave (nothing until the outcome allows it), under a provisional cover.
    const concept = getConcept(db, input.conceptId);
    const { stap: volgende, ontvanger } = stapVan(db, concept, localToday());
    const categorieen = volgende.soort === 'uitkomst' && volgende.uitkomst === 'toegestaan' ? volgende.velden : [];
    const ruleSet = laadRuleSet(db, concept.ruleSetVersie);
    const profiel = vereisProfiel(db);
    return {
      formaat: 'ketenkluis-verstrekking',
      formaatVersie: 1,
      gemaaktOp: nu,
      voorblad: {
        referentie: 'concept',
        besluitId: concept.id,
        besluitGenomenOp: nu,
        afzender: { naam: profiel.naam, functie: profiel.functie, organisatie: getPartner(db, profiel.organisatie).naam },
        ontvanger: { partnerId: ontvanger.partnerId, naam: ontvanger.naam, categorie: ontvanger.categorie },
        doel: concept.doel,
        doelNaam: ruleSet.inhoud.doelen.find((d) => d.id === concept.doel)?.naam ?? concept.doel,
        grondslag: volgende.soort === 'uitkomst' && volgende.grondslag ? volgende.grondslag : 'toestemming',
        bepaling: volgende.soort === 'uitkomst' ? (volgende.bepaling ?? '') : '',
        uitzonderingen: [],
        kanaal: ontvanger.kanaal,
        bewaartermijn: '',
        ruleSetVersie: concept.ruleSetVersie,
        herbeoordelingOp: localToday(),
      },
      categorieen,
      gegevens: bouwGegevens(db, concept.trajectId, categorieen, localToday()),
    };
  },
  'verstrekkingen.register': (input, s) => zoekRegister(s.db(), input.filter, input.page),

  'verstrekkingen.gate': (input, s) => {
    const { wat, ...verzoek } = input;
    const record = doorDePoort(s.db(), s.writer(), { wat, verzoek }, localToday());
    return { bestandsnaam: bestandsnaamVoor(record.referentie) };
  },
  'verstrekkingen.writePackage': async (input, s) => {
    const { path, ...verzoek } = input;
    const poging: Poging = { wat: 'pakket', verzoek };
    const db = s.db();
    const record = doorDePoort(db, s.writer(), poging, localToday());
    const inhoud = bouwInhoud(db, record, verzoek.categorieen, new Date().toISOString(), localToday());
    const wachtwoord = maakWachtwoord();
    const pdf = await maakPakketPdf(inhoud, wachtwoord);
    // Checked again after the await: a consent withdrawn meanwhile still stops the package.
    const ctx = s.writer();
    doorDePoort(db, ctx, poging, localToday());
    const { registerId, bytes } = inTransaction(db, () => {
      const id = voegRegelToe(db, ctx, {
        soort: 'pakket',
        besluitId: record.id,
        pseudoniem: record.pseudoniem,
        trajectId: record.trajectId,
        partnerId: record.ontvanger.partnerId,
        grondslag: record.grondslag,
        velden: inhoud.categorieen,
        details: {},
      });
      // Written inside the transaction: a failed write records nothing, and a file is only there when its entry is.
      return { registerId: id, bytes: schrijfAtomisch(path, (write) => write(pdf)) };
    });
    return { bestandsnaam: basename(path), bytes, wachtwoord, registerId };
  },
  'verstrekkingen.printDocument': (input, s) => {
    const db = s.db();
    const ctx = s.writer();
    const record = doorDePoort(db, ctx, { wat: 'afdruk', verzoek: input }, localToday());
    const inhoud = bouwInhoud(db, record, input.categorieen, ctx.now, localToday());
    const registerId = inTransaction(db, () =>
      voegRegelToe(db, ctx, { soort: 'afdruk', besluitId: record.id, pseudoniem: record.pseudoniem, trajectId: record.trajectId, partnerId: record.ontvanger.partnerId, grondslag: record.grondslag, velden: inhoud.categorieen, details: {} }),
    );
    return { html: afdrukHtml(inhoud), registerId };
  },
  'verstrekkingen.copyValue': (input, s) => {
    const db = s.db();
    const ctx = s.writer();
    const record = doorDePoort(db, ctx, { wat: 'kopie', verzoek: input }, localToday());
    const client = getClient(db, assertTraject(db, record.trajectId).clientId);
    const ruw = client[input.veld];
    if (ruw === undefined || ruw === '') throw new KkError('INVALID_INPUT', 'Field is empty', { issues: [{ path: 'veld', message: 'Dit gegeven is niet ingevuld. Er is niets gekopieerd' }] });
    const waarde = input.veld === 'geboortedatum' ? toonWaarde(ruw) : String(ruw);
    const registerId = inTransaction(db, () =>
      voegRegelToe(db, ctx, {
        soort: 'kopie',
        besluitId: record.id,
        pseudoniem: record.pseudoniem,
        trajectId: record.trajectId,
        partnerId: record.ontvanger.partnerId,
        grondslag: record.grondslag,
        velden: [kopieVeldCategorie(input.veld)],
        details: { veld: input.veld },
      }),
    );
    return { waarde, registerId };
  },
  'verstrekkingen.writeRegisterCsv': (input, s) => {
    let rijen = 0;
    schrijfAtomisch(input.path, (write) => {
      write(csvKop());
      for (const regel of alleRegels(s.db(), input.filter)) {
        write(csvRegel(regel));
        rijen++;
      }
    });
    return { rijen };
  },

  'stappenplan.versions': (_input, s) => ({ versies: listVersies(s.db()) }),
  'stappenplan.get': (input, s) => laadRuleSet(s.db(), input.versie ?? huidigeVersie(s.db())),
  'stappenplan.importFile': (input, s) => ({ versie: importeerRuleSetBestand(s.db(), s.writer(), input.path, (fn) => inTransaction(s.db(), fn)).versie }),
};
