import type { ClientFields } from '../casework/client.schema';
import type { TrajectFields } from '../casework/traject.schema';
import type { meldingFieldSensitivity } from '../casework/melding.schema';
import type { Kanaal, PartnerCategorie } from '../partners/partner.schema';
import type { Functie } from '../profile/profile.schema';
import type { Doel, Grondslag } from '../stappenplan/ruleSet.schema';

/**
 * How a disclosure reads for a person: Dutch (B1) labels for every field that can leave, and
 * one way to write a value. The package PDF, the print and the wizard's preview use these, so
 * what the person previews is what the recipient reads.
 */

/** A Dutch label per stored field (every field: a new one fails the type check until it has a label). */
export const veldLabel: {
  client: Record<keyof ClientFields, string>;
  traject: Record<keyof TrajectFields, string>;
  melding: Record<keyof typeof meldingFieldSensitivity, string>;
} = {
  client: {
    roepnaam: 'Roepnaam',
    achternaam: 'Achternaam',
    geboortedatum: 'Geboortedatum',
    geslacht: 'Geslacht',
    geboorteland: 'Geboorteland',
    nationaliteit: 'Nationaliteit',
    bsn: 'BSN',
    vNummer: 'V-nummer',
    telefoon: 'Telefoon',
    email: 'E-mail',
    verblijfadres: 'Verblijfadres',
    gezondheid: 'Gezondheid',
    strafrechtelijk: 'Strafzaken',
    taal: 'Taal en tolk',
    contactpersonen: 'Contactpersonen',
    notities: 'Notities over de cliënt',
  },
  traject: {
    preventief: 'Preventief traject',
    vormen: 'Vormen van uitbuiting',
    minderjarigBijStart: 'Minderjarig bij de start',
    gemeente: 'Gemeente',
    verwijzer: 'Verwezen door',
    aanmelddatum: 'Aanmelddatum',
    opvang: 'Opvang',
    procedures: 'Procedures',
    politiecontacten: 'Contacten met de politie',
    notities: 'Notities over het traject',
  },
  melding: {
    datum: 'Datum van de melding',
    kanaal: 'Binnengekomen via',
    anoniem: 'Anoniem',
    melderType: 'Melder',
    melderContact: 'Contact van de melder',
    gemeente: 'Gemeente van de melding',
    vorm: 'Vorm volgens de melding',
    minderjarig: 'Minderjarig',
    preventiefGesprek: 'Preventief gesprek',
    informatieverzoek: 'Informatieverzoek',
    signaal: 'Signaal',
    conclusie: 'Conclusie van de meldroute',
    acuut: 'Acuut',
    terugkoppeling: 'Terugkoppeling aan de melder',
    notities: 'Notities over de melding',
  },
};

/** Labels of the parts inside a list item or object (opvang, procedures, contactpersonen, taal …). */
const DEELLABEL: Record<string, string> = {
  soort: 'soort',
  start: 'start',
  eind: 'einde',
  locatie: 'locatie',
  status: 'status',
  deadline: 'deadline',
  toelichting: 'toelichting',
  datum: 'datum',
  vorm: 'vorm',
  naam: 'naam',
  relatie: 'relatie',
  telefoon: 'telefoon',
  email: 'e-mail',
  organisatie: 'organisatie',
  wettelijkVertegenwoordiger: 'wettelijk vertegenwoordiger',
  talen: 'talen',
  tolkNodig: 'tolk nodig',
  tolkTaal: 'taal van de tolk',
  wijze: 'wijze',
};

/** Parts that are internal bookkeeping, never shown or sent (ids, computed deadline states). */
export const INTERNE_DELEN: ReadonlySet<string> = new Set(['id', 'state']);

const ISO_DATUM = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Words of a code list that read better with a space (`seksuele-uitbuiting` → `seksuele uitbuiting`). */
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

/** A value as a person reads it: dates as dd-mm-jjjj, yes/no, codes with spaces, lists and parts on their own. */
export function toonWaarde(value: unknown): string {
  if (value === null || value === undefined) return 'onbekend';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const d = ISO_DATUM.exec(value);
    if (d) return `${d[3]}-${d[2]}-${d[1]}`;
    return CODE.test(value) ? value.replaceAll('-', ' ') : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'geen';
    if (value.every((v) => typeof v !== 'object' || v === null)) return value.map(toonWaarde).join(', ');
    return value.map((v) => toonWaarde(v)).join('\n');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => !INTERNE_DELEN.has(k) && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${DEELLABEL[k] ?? k}: ${toonWaarde(v)}`)
      .join('; ');
  }
  return String(value);
}

/** Dutch names of the grounds. */
export const grondslagNaam: Record<Grondslag, string> = {
  toestemming: 'toestemming',
  'wettelijke-verplichting': 'wettelijke verplichting',
  'vitaal-belang': 'vitaal belang',
  'publieke-taak': 'publieke taak',
  'gerechtvaardigd-belang': 'gerechtvaardigd belang',
  wpg: 'Wet politiegegevens',
};

/** Dutch names of the functions of a profile. */
export const functieNaam: Record<Functie, string> = {
  zorgcoordinator: 'zorgcoördinator',
  'meldpunt-medewerker': 'medewerker meldpunt',
  'riec-analist': 'RIEC-analist',
  'privacy-officer': 'privacy officer',
  'secretariaat-regionale-tafel': 'secretariaat Regionale Tafel',
};

/** Dutch names of the five partner categories. */
export const partnerCategorieNaam: Record<PartnerCategorie, string> = {
  opsporing: 'opsporingsinstantie',
  toezicht: 'toezichthouder',
  zorg: 'zorg- of hulpverlener',
  'meldpunt-coordinatie': 'meldpunt of coördinatie',
  vreemdelingenketen: 'vreemdelingenketen',
};

/** Dutch names of the channels. */
export const kanaalNaam: Record<Kanaal, string> = {
  'beveiligde-mail': 'beveiligde e-mail',
  zivver: 'Zivver',
  'beveiligd-portaal': 'beveiligd portaal',
  telefoon: 'telefoon',
  persoonlijk: 'persoonlijk',
  post: 'post',
};

/** A short Dutch name per purpose (the rule set names them too; this one is for the register when no rule set is at hand). */
export const doelKort: Record<Doel, string> = {
  sparren: 'sparren',
  statistiek: 'statistiek',
  'registratie-comensha': 'registratie bij CoMensha',
  'melding-veilig-thuis': 'melding bij Veilig Thuis',
  'overdracht-coordinatie': 'overdracht aan coördinatie',
  'afstemming-zorg': 'afstemming van zorg',
  bescherming: 'bescherming bij acuut gevaar',
  opsporing: 'opsporing',
  toezicht: 'toezicht',
  verblijfsprocedure: 'verblijfsprocedure',
};

/** A date `YYYY-MM-DD` or a timestamp as dd-mm-jjjj (the date part, in the local calendar for a timestamp). */
export function toonDatum(iso: string): string {
  const d = ISO_DATUM.exec(iso);
  if (d) return `${d[3]}-${d[2]}-${d[1]}`;
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return `${String(t.getDate()).padStart(2, '0')}-${String(t.getMonth() + 1).padStart(2, '0')}-${t.getFullYear()}`;
}

/** A timestamp as dd-mm-jjjj uu:mm (local time). */
export function toonMoment(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return `${toonDatum(iso)} ${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
}
