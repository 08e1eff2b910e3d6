import { z } from 'zod';
import type { Sensitivity } from '../casework/common.schema';
import { clientFieldSensitivity, type ClientFields } from '../casework/client.schema';
import { trajectFieldSensitivity, type TrajectFields } from '../casework/traject.schema';
import { meldingFieldSensitivity } from '../casework/melding.schema';

/**
 * The data categories a disclosure is decided on: the stappenplan allows or refuses whole
 * categories, never single values, and the decision record names them ("BSN ja/nee").
 * Each category groups stored fields of one kind; its class is the strictest sensitivity of
 * its fields (see `dataCategorieKlasse`), so special (art. 9 AVG) and criminal (art. 10 AVG)
 * data can never hide inside an ordinary-looking category.
 *
 * - `identificerend`: naam (roepnaam, achternaam) en geboortedatum — who the cliënt is.
 * - `bsn`: het burgerservicenummer, apart, because it may only be used where a law says so (art. 46 UAVG).
 * - `vnummer`: het vreemdelingennummer (V-nummer) of the immigration chain.
 * - `contactgegevens`: telefoon en e-mail of the cliënt.
 * - `verblijfplaats`: where the cliënt stays, including the opvang (a crisisopvang address is secret).
 * - `derden`: people around the cliënt: contact persons (family, guardian, lawyer) and the melder's contact.
 * - `achtergrond`: geslacht, geboorteland, nationaliteit, taal en tolk.
 * - `traject`: the facts of the traject or melding: fase, aanmelding, gemeente, verwijzer, minderjarig, acuut.
 * - `uitbuiting`: the form(s) of exploitation, the signals and the meldroute conclusion (strafrechtelijk: about a crime).
 * - `procedures`: aangifte, police contacts, B8/bedenktijd, verblijfsvergunning and other procedures (strafrechtelijk, as they show the aangifte and victim status).
 * - `strafzaken`: criminal proceedings against the cliënt, e.g. under the non-punishment principle (strafrechtelijk).
 * - `gezondheid`: health, mental health and pregnancy (bijzonder).
 * - `vrije-tekst`: notes and free text (bijzonder: it may hold anything, so it is treated as the most sensitive).
 */
export const DataCategorie = z.enum(
  ['identificerend', 'bsn', 'vnummer', 'contactgegevens', 'verblijfplaats', 'derden', 'achtergrond', 'traject', 'uitbuiting', 'procedures', 'strafzaken', 'gezondheid', 'vrije-tekst'],
  { message: 'Kies een gegevenscategorie uit de lijst' },
);
/** A data category of the stappenplan. */
export type DataCategorie = z.infer<typeof DataCategorie>;

/** A short Dutch (B1) name per category, for screens, reasoning and the CLI. */
export const dataCategorieNaam: Record<DataCategorie, string> = {
  identificerend: 'naam en geboortedatum',
  bsn: 'BSN',
  vnummer: 'V-nummer',
  contactgegevens: 'telefoon en e-mail',
  verblijfplaats: 'verblijfplaats en opvangadres',
  derden: 'contactpersonen en melder',
  achtergrond: 'geslacht, herkomst en taal',
  traject: 'gegevens over het traject of de melding',
  uitbuiting: 'vorm van uitbuiting en signalen',
  procedures: 'aangifte, politiecontacten, B8 en andere procedures',
  strafzaken: 'strafzaken tegen de cliënt',
  gezondheid: 'gezondheid',
  'vrije-tekst': 'notities en vrije tekst',
};

/**
 * Which stored fields each category covers. Every field of the three sensitivity maps appears
 * in exactly one category: a new field that is not placed here fails the type check (below) and
 * a test, so it must be placed before it can ever be part of a disclosure.
 */
const VELDEN = {
  identificerend: { client: ['roepnaam', 'achternaam', 'geboortedatum'], traject: [], melding: [] },
  bsn: { client: ['bsn'], traject: [], melding: [] },
  vnummer: { client: ['vNummer'], traject: [], melding: [] },
  contactgegevens: { client: ['telefoon', 'email'], traject: [], melding: [] },
  verblijfplaats: { client: ['verblijfadres'], traject: ['opvang'], melding: [] },
  derden: { client: ['contactpersonen'], traject: [], melding: ['melderContact'] },
  achtergrond: { client: ['geslacht', 'geboorteland', 'nationaliteit', 'taal'], traject: [], melding: [] },
  traject: {
    client: [],
    traject: ['preventief', 'minderjarigBijStart', 'gemeente', 'verwijzer', 'aanmelddatum'],
    melding: ['datum', 'kanaal', 'anoniem', 'melderType', 'gemeente', 'minderjarig', 'preventiefGesprek', 'informatieverzoek', 'acuut', 'terugkoppeling'],
  },
  uitbuiting: { client: [], traject: ['vormen'], melding: ['vorm', 'signaal', 'conclusie'] },
  procedures: { client: [], traject: ['procedures', 'politiecontacten'], melding: [] },
  strafzaken: { client: ['strafrechtelijk'], traject: [], melding: [] },
  gezondheid: { client: ['gezondheid'], traject: [], melding: [] },
  'vrije-tekst': { client: ['notities'], traject: ['notities'], melding: ['notities'] },
} as const satisfies Record<DataCategorie, { client: ReadonlyArray<keyof ClientFields>; traject: ReadonlyArray<keyof TrajectFields>; melding: ReadonlyArray<keyof typeof meldingFieldSensitivity> }>;

type Geplaatst<K extends 'client' | 'traject' | 'melding'> = { [C in DataCategorie]: (typeof VELDEN)[C][K][number] }[DataCategorie];
/** Compiles only while every classified field is placed in a category. */
const ALLES_GEPLAATST: [Exclude<keyof ClientFields, Geplaatst<'client'>>, Exclude<keyof TrajectFields, Geplaatst<'traject'>>, Exclude<keyof typeof meldingFieldSensitivity, Geplaatst<'melding'>>] extends [never, never, never] ? true : false = true;
void ALLES_GEPLAATST;

/** Which stored fields each category covers (see VELDEN). */
export const dataCategorieVelden: Record<DataCategorie, { client: ReadonlyArray<keyof ClientFields>; traject: ReadonlyArray<keyof TrajectFields>; melding: ReadonlyArray<keyof typeof meldingFieldSensitivity> }> = VELDEN;

/** Strictness of a sensitivity class: a category takes the strictest class among its fields. */
const STRICTNESS: Record<Sensitivity, number> = { gewoon: 0, 'direct-identifier': 1, bijzonder: 2, strafrechtelijk: 2 };

function strictest(classes: Sensitivity[]): Sensitivity {
  const special = classes.filter((c) => c === 'bijzonder' || c === 'strafrechtelijk');
  // A category mixing art. 9 and art. 10 data would need both exceptions; none does (a test checks it).
  if (special.length > 0) return special[0]!;
  return classes.reduce<Sensitivity>((a, b) => (STRICTNESS[b] > STRICTNESS[a] ? b : a), 'gewoon');
}

/** The sensitivity class of each category, derived from the fields it covers (never written by hand). */
export const dataCategorieKlasse: Record<DataCategorie, Sensitivity> = Object.fromEntries(
  DataCategorie.options.map((c) => {
    const v = dataCategorieVelden[c];
    const classes = [...v.client.map((f) => clientFieldSensitivity[f]), ...v.traject.map((f) => trajectFieldSensitivity[f]), ...v.melding.map((f) => meldingFieldSensitivity[f])];
    return [c, strictest(classes)];
  }),
) as Record<DataCategorie, Sensitivity>;

/** The categories that need an art. 9 (bijzonder) or art. 10 (strafrechtelijk) exception. */
export function bijzondereKlasse(categorie: DataCategorie): 'bijzonder' | 'strafrechtelijk' | undefined {
  const k = dataCategorieKlasse[categorie];
  return k === 'bijzonder' || k === 'strafrechtelijk' ? k : undefined;
}

/** Categories in their fixed order (the order of `DataCategorie`), each once. */
export function inVasteVolgorde(categories: Iterable<DataCategorie>): DataCategorie[] {
  const set = new Set(categories);
  return DataCategorie.options.filter((c) => set.has(c));
}
