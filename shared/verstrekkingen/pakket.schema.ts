import { z } from 'zod';
import { Id, IsoDate, Timestamp } from '../casework/common.schema';
import { Kanaal, PartnerCategorie, PartnerId } from '../partners/partner.schema';
import { Functie } from '../profile/profile.schema';
import type { ClientFields } from '../casework/client.schema';
import { DataCategorie, dataCategorieVelden } from '../stappenplan/dataCategories';
import { BijzondereKlasse, Doel, Grondslag } from '../stappenplan/ruleSet.schema';
import { GevraagdeGegevens } from './besluit.schema';

/**
 * What leaves the vault, and only through the gate in the core: a disclosure package (an
 * encrypted PDF with the same content as JSON inside), a print, or a copy of one identifying
 * field. Each names the decision it rests on, the traject, the recipient and exactly the data;
 * the core compares every part with the decision and refuses (and records) any difference.
 */

/** The three ways personal data can leave. */
export const VerstrekkingsWijze = z.enum(['pakket', 'afdruk', 'kopie']);
/** A way personal data can leave. */
export type VerstrekkingsWijze = z.infer<typeof VerstrekkingsWijze>;

/** The identifying fields a person can copy (one at a time, through main's clipboard, cleared after 30 seconds). */
export const KopieVeld = z.enum(['roepnaam', 'achternaam', 'geboortedatum', 'bsn', 'vNummer', 'telefoon', 'email', 'verblijfadres'], {
  message: 'Dit gegeven kan niet worden gekopieerd',
});
/** A field that can be copied. */
export type KopieVeld = z.infer<typeof KopieVeld> & keyof ClientFields;

/** The data category a copyable field belongs to (from dataCategorieVelden, the one placement of every field). */
export function kopieVeldCategorie(veld: KopieVeld): DataCategorie {
  const categorie = DataCategorie.options.find((c) => (dataCategorieVelden[c].client as readonly string[]).includes(veld));
  if (!categorie) throw new Error(`field ${veld} is in no category`); // dataCategories.ts places every field (type check)
  return categorie;
}

/** A package or print: the decision, the traject and the recipient it is for, and exactly the categories of that decision. */
export const VerstrekkingsVerzoek = z.strictObject({
  besluitId: Id,
  trajectId: Id,
  partnerId: PartnerId,
  categorieen: GevraagdeGegevens.refine((l) => l.length > 0, { message: 'Kies de gegevens van het besluit' }),
});
/** A package or print request. */
export type VerstrekkingsVerzoek = z.infer<typeof VerstrekkingsVerzoek>;

/** A copy of one identifying field under a decision. */
export const KopieVerzoek = z.strictObject({ besluitId: Id, trajectId: Id, partnerId: PartnerId, veld: KopieVeld });
/** A copy request. */
export type KopieVerzoek = z.infer<typeof KopieVerzoek>;

/** The cover of a package: recipient, purpose, ground, decision reference, date, sender. No personal data of the cliënt. */
export const PakketVoorblad = z.object({
  referentie: z.string(),
  besluitId: Id,
  besluitGenomenOp: Timestamp,
  afzender: z.object({ naam: z.string(), functie: Functie, organisatie: z.string() }),
  ontvanger: z.object({ partnerId: PartnerId, naam: z.string(), categorie: PartnerCategorie }),
  doel: Doel,
  doelNaam: z.string(),
  grondslag: Grondslag,
  bepaling: z.string(),
  uitzonderingen: z.array(z.object({ klasse: BijzondereKlasse, tekst: z.string() })),
  kanaal: Kanaal,
  bewaartermijn: z.string(),
  ruleSetVersie: z.string(),
  herbeoordelingOp: IsoDate,
});
/** The cover of a package. */
export type PakketVoorblad = z.infer<typeof PakketVoorblad>;

/** One journal entry in a package (only when notes and free text are allowed). */
export const PakketJournaalRegel = z.object({ datum: IsoDate, soort: z.string(), tekst: z.string() });

/**
 * The content of a package, built by the core from the vault: the cover and, per record, only the
 * fields of the allowed categories (empty fields left out). The PDF shows it, and carries it as
 * `verstrekking.json`; a preview shows exactly this.
 */
export const PakketInhoud = z.object({
  formaat: z.literal('ketenkluis-verstrekking'),
  formaatVersie: z.literal(1),
  gemaaktOp: Timestamp,
  voorblad: PakketVoorblad,
  categorieen: z.array(DataCategorie),
  gegevens: z.object({
    client: z.record(z.string(), z.unknown()).optional(),
    traject: z.record(z.string(), z.unknown()).optional(),
    melding: z.record(z.string(), z.unknown()).optional(),
    journaal: z.array(PakketJournaalRegel).optional(),
  }),
});
/** The content of a package. */
export type PakketInhoud = z.infer<typeof PakketInhoud>;

/** What saving a package gives: nothing when the person cancelled the dialog, else the file's name and size and the password, shown once. */
export const PakketResultaat = z.discriminatedUnion('opgeslagen', [
  z.object({ opgeslagen: z.literal(false) }),
  z.object({
    opgeslagen: z.literal(true),
    /** The file's name only (never its folder). */
    bestandsnaam: z.string(),
    bytes: z.number().int().positive(),
    /** The generated password: shown once, to be passed to the recipient another way. Never stored or logged. */
    wachtwoord: z.string(),
    registerId: Id,
  }),
]);
/** What saving a package gives. */
export type PakketResultaat = z.infer<typeof PakketResultaat>;
