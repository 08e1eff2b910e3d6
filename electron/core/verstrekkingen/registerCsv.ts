import { dataCategorieNaam } from '../../../shared/stappenplan/dataCategories';
import type { RegisterRegel } from '../../../shared/verstrekkingen/register.schema';
import { registerSoortNaam } from '../../../shared/verstrekkingen/register.schema';
import { functieNaam, grondslagNaam, kanaalNaam, partnerCategorieNaam, toonDatum, toonMoment } from '../../../shared/verstrekkingen/weergave';

// The register as CSV for the privacy officer: UTF-8 with a BOM (so Excel reads "ë" right),
// semicolons (what Excel expects in a Dutch locale), CRLF, Dutch headers. A cell that starts
// with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet never
// runs a value as a formula (CSV injection): a reason or a name typed as "=HYPERLINK(…)" stays text.

/** The byte order mark that tells Excel the file is UTF-8. */
export const BOM = '\uFEFF';
const SCHEIDING = ';';

/** One cell: neutralised when it could start a formula, quoted when it holds a separator, quote or line break. */
export function csvCel(waarde: string): string {
  let cel = /^[=+\-@\t\r]/.test(waarde) ? `'${waarde}` : waarde;
  if (/[";\r\n]/.test(cel) || cel !== cel.trim()) cel = `"${cel.replaceAll('"', '""')}"`;
  return cel;
}

type Kolom = [kop: string, waarde: (r: RegisterRegel) => string | undefined];

const KOLOMMEN: Kolom[] = [
  ['Volgnummer', (r) => String(r.volgnummer)],
  ['Soort', (r) => registerSoortNaam[r.soort]],
  ['Datum en tijd', (r) => toonMoment(r.op)],
  ['Door', (r) => r.door.naam],
  ['Functie', (r) => (r.door.functie ? functieNaam[r.door.functie] : undefined)],
  ['Besluit (referentie)', (r) => r.referentie],
  ['Cliënt (pseudoniem)', (r) => r.pseudoniem],
  ['Ontvanger', (r) => r.ontvanger ?? r.partnerId],
  ['Partnercategorie', (r) => (r.besluit ? partnerCategorieNaam[r.besluit.ontvanger.categorie] : undefined)],
  ['Doel', (r) => r.besluit?.doelNaam],
  ['Doel verenigbaar', (r) => (r.besluit?.doelVerenigbaar == null ? undefined : r.besluit.doelVerenigbaar ? 'ja' : 'nee')],
  ['Regime', (r) => (r.besluit ? (r.besluit.regime === 'wpg' ? 'Wet politiegegevens' : 'AVG/UAVG') : undefined)],
  ['Uitkomst', (r) => r.besluit?.uitkomst.replaceAll('-', ' ')],
  ['Grondslag', (r) => (r.grondslag ? grondslagNaam[r.grondslag] : undefined)],
  ['Wettelijke bepaling', (r) => r.besluit?.bepaling],
  ['Uitzondering art. 9/10', (r) => r.besluit?.uitzonderingen.map((u) => `${u.klasse === 'bijzonder' ? 'art. 9' : 'art. 10'}: ${u.tekst}`).join(' | ')],
  ['Geheimhouding', (r) => (r.besluit?.geheimhouding ? `${r.besluit.geheimhouding.basis.replaceAll('-', ' ')}${r.besluit.geheimhouding.toelichting ? `: ${r.besluit.geheimhouding.toelichting}` : ''}` : undefined)],
  ['Noodzaak en evenredigheid', (r) => r.besluit?.noodzaak],
  ['Overwogen alternatieven', (r) => r.besluit?.alternatieven],
  ['Gegevens', (r) => r.velden.map((c) => dataCategorieNaam[c]).join(' | ')],
  ['BSN', (r) => (r.velden.includes('bsn') ? 'ja' : 'nee')],
  ['Betrokkene geïnformeerd', (r) => (r.besluit ? (r.besluit.betrokkeneGeinformeerd.geinformeerd === null ? 'niet gevraagd' : r.besluit.betrokkeneGeinformeerd.geinformeerd ? 'ja' : 'nee') : undefined)],
  ['Reden niet informeren', (r) => r.besluit?.betrokkeneGeinformeerd.reden],
  ['Kanaal', (r) => (r.besluit ? kanaalNaam[r.besluit.kanaal] : undefined)],
  ['Bewaartermijn', (r) => r.besluit?.bewaartermijn],
  ['Vier ogen', (r) => (r.besluit ? (r.besluit.vierOgen ? 'ja' : 'nee') : undefined)],
  ['Privacyadvies', (r) => r.besluit?.privacyAdvies],
  ['Regelset stappenplan', (r) => r.besluit?.ruleSetVersie],
  ['Herbeoordeling', (r) => (r.besluit ? toonDatum(r.besluit.herbeoordelingOp) : undefined)],
  ['Afzender', (r) => (r.besluit ? `${r.besluit.afzender.naam}, ${functieNaam[r.besluit.afzender.functie]}, ${r.besluit.afzender.organisatie}` : undefined)],
  ['Wat (bij weigering)', (r) => r.wat],
  ['Gekopieerd gegeven', (r) => r.veld],
  ['Reden of toelichting', (r) => r.reden],
  ['Verwijst naar', (r) => r.verwijstNaar],
];

/** The header line (with the BOM in front, as the file starts). */
export function csvKop(): string {
  return `${BOM}${KOLOMMEN.map(([kop]) => csvCel(kop)).join(SCHEIDING)}\r\n`;
}

/** One register entry as a CSV line. */
export function csvRegel(r: RegisterRegel): string {
  return `${KOLOMMEN.map(([, waarde]) => csvCel(waarde(r) ?? '')).join(SCHEIDING)}\r\n`;
}

/** The Dutch headers, in order (for tests and the README). */
export const csvKoppen: readonly string[] = KOLOMMEN.map(([kop]) => kop);
