import { dataCategorieNaam, dataCategorieVelden } from '../../../shared/stappenplan/dataCategories';
import type { PakketInhoud } from '../../../shared/verstrekkingen/pakket.schema';
import { functieNaam, grondslagNaam, kanaalNaam, partnerCategorieNaam, toonDatum, toonMoment, toonWaarde, veldLabel } from '../../../shared/verstrekkingen/weergave';
import { JOURNAAL_CATEGORIE } from './inhoud';

// The print of a disclosure: the same cover and data as the package, as one self-contained HTML
// page without scripts or outside resources, which main prints from a hidden window. Every value
// is escaped: a name or note with "<" prints as text, never as markup.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text (also inside attribute quotes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Text as the print shows it: composed (NFC, so "S" + combining comma is the one letter "Ș") with
 * plain line ends, then escaped. Every letter stays as written; the page is UTF-8 and the print
 * window's fonts (with the system's fallback per letter) draw Latin, Greek, Cyrillic and more.
 */
function tekst(text: string): string {
  return escapeHtml(text.normalize('NFC').replace(/\r\n?/g, '\n'));
}

function rij(label: string, waarde: string): string {
  return `<tr><th scope="row">${tekst(label)}</th><td>${tekst(waarde).replaceAll('\n', '<br>')}</td></tr>`;
}

/** The printable page of a disclosure. */
export function afdrukHtml(inhoud: PakketInhoud): string {
  const v = inhoud.voorblad;
  const voorblad = [
    rij('Ontvanger', `${v.ontvanger.naam} (${partnerCategorieNaam[v.ontvanger.categorie]})`),
    rij('Doel', v.doelNaam),
    rij('Grondslag', `${grondslagNaam[v.grondslag]}${v.bepaling ? ` (${v.bepaling})` : ''}`),
    ...(v.uitzonderingen.length > 0 ? [rij('Uitzondering', v.uitzonderingen.map((u) => `${u.klasse === 'bijzonder' ? 'art. 9 AVG' : 'art. 10 AVG'}: ${u.tekst}`).join('\n'))] : []),
    rij('Besluit', `${v.referentie}, genomen op ${toonMoment(v.besluitGenomenOp)}`),
    rij('Datum van deze afdruk', toonMoment(inhoud.gemaaktOp)),
    rij('Afzender', `${v.afzender.naam}, ${functieNaam[v.afzender.functie]}, ${v.afzender.organisatie}`),
    rij('Kanaal', kanaalNaam[v.kanaal]),
    rij('Bewaartermijn', v.bewaartermijn),
    rij('Herbeoordeling besluit', toonDatum(v.herbeoordelingOp)),
    rij('Stappenplan', `regelset versie ${v.ruleSetVersie}`),
  ].join('');
  const g = inhoud.gegevens;
  const bronnen = [
    { soort: 'client' as const, naam: '', data: g.client },
    { soort: 'traject' as const, naam: '', data: g.traject },
    { soort: 'melding' as const, naam: ' (melding)', data: g.melding },
  ];
  const secties = inhoud.categorieen.map((categorie) => {
    const rijen: string[] = [];
    for (const bron of bronnen) {
      const labels = veldLabel[bron.soort] as Record<string, string>;
      for (const veld of dataCategorieVelden[categorie][bron.soort] as readonly string[]) {
        const waarde = bron.data?.[veld];
        if (waarde !== undefined) rijen.push(rij(`${labels[veld] ?? veld}${bron.naam}`, toonWaarde(waarde)));
      }
    }
    if (categorie === JOURNAAL_CATEGORIE) for (const r of g.journaal ?? []) rijen.push(rij(`${toonDatum(r.datum)} ${r.soort}`, r.tekst));
    return `<h2>${tekst(dataCategorieNaam[categorie])}</h2>${rijen.length > 0 ? `<table>${rijen.join('')}</table>` : '<p>Niets ingevuld in de kluis.</p>'}`;
  });
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Gegevensverstrekking ${tekst(v.referentie)}</title>
<style>
body{font-family:Helvetica,Arial,"DejaVu Sans","Noto Sans",sans-serif;font-size:10.5pt;margin:18mm;color:#000}
h1{font-size:20pt;margin:0 0 4pt}h2{font-size:13pt;margin:16pt 0 6pt;break-after:avoid}
table{border-collapse:collapse;width:100%}th{text-align:left;vertical-align:top;width:34%;padding:3pt 8pt 3pt 0}td{vertical-align:top;padding:3pt 0;white-space:pre-wrap}
tr{break-inside:avoid}.vertrouwelijk{color:#444;margin:0 0 12pt}.gegevens{break-before:page}
</style></head>
<body><h1>Gegevensverstrekking</h1><p class="vertrouwelijk">Vertrouwelijk. Alleen voor ${tekst(v.ontvanger.naam)}.</p>
<table>${voorblad}</table>
<section class="gegevens"><h1>Gegevens</h1>${secties.join('\n')}</section>
</body></html>`;
}
