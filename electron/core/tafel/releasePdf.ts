import type { TafelBestand } from '../../../shared/tafel/file.schema';
import { nieuwRapport, schrijfVoettekst } from '../pdf/document';
import { LETTER } from '../pdf/fonts';

// The readable report of one summary for the Regionale Tafel, written beside the signed JSON and
// the CSV: a cover (organisation, region, period, the signing key's fingerprint, k and the other
// settings), the tables exactly as published with "<k" and "x", a legend, the method statement
// and the basis of counting. Made only from the file's own content, so the report can never show
// more than the file. DejaVu Sans (electron/core/pdf/fonts.ts), so every name prints as written.
// Not encrypted: everything in it is meant to be published.

const MARGE = 56;
const INKT = '#1a1a1a';
const GRIJS = '#555555';
const LIJN = '#b8b8b8';
const VERBORGEN_VLAK = '#ececec';

/** The period in words: "2024" or "kwartaal 2 van 2024". */
export function periodeTekst(p: TafelBestand['periode']): string {
  return p.kwartaal === undefined ? `het jaar ${p.jaar}` : `kwartaal ${p.kwartaal} van ${p.jaar}`;
}

/** The settings in one Dutch sentence each. */
export function instellingenRegels(b: TafelBestand): string[] {
  const i = b.instellingen;
  return [
    `Drempel k = ${i.k}: een aantal van 1 tot en met ${i.k - 1} staat er als "<${i.k}".`,
    i.afronding !== undefined ? `Afgerond op veelvouden van ${i.afronding}.` : 'Niet afgerond.',
    i.ruis ? `Met vaste ruis van hoogstens ${i.ruisMax ?? 2} omhoog of omlaag.` : 'Zonder ruis.',
  ];
}

/** The PDF report of a summary file (built in memory; the caller writes it atomically). */
export async function maakVrijgavePdf(b: TafelBestand): Promise<Buffer> {
  const titel = `Overzicht voor de Regionale Tafel – ${b.organisatie.naam} – ${periodeTekst(b.periode)}`;
  const { doc, klaar } = await nieuwRapport({ titel, auteur: b.organisatie.naam, marge: MARGE });
  const breedte = doc.page.width - 2 * MARGE;
  const onderkant = () => doc.page.height - doc.page.margins.bottom;
  const k = b.instellingen.k;

  const kop = (tekst: string, grootte = 13) => {
    if (doc.y + 60 > onderkant()) doc.addPage();
    doc.moveDown(0.7).font(LETTER.vet).fontSize(grootte).fillColor(INKT).text(tekst, MARGE, doc.y, { width: breedte });
    doc.moveDown(0.25);
  };
  const alinea = (tekst: string, grootte = 10) => {
    doc.font(LETTER.gewoon).fontSize(grootte).fillColor(INKT).text(tekst, MARGE, doc.y, { width: breedte, lineGap: 1.5 });
    doc.moveDown(0.35);
  };
  const rij = (label: string, waarde: string) => {
    doc.font(LETTER.gewoon).fontSize(10);
    const hoogte = Math.max(doc.heightOfString(label, { width: 150 }), doc.heightOfString(waarde, { width: breedte - 160 }));
    if (doc.y + hoogte > onderkant()) doc.addPage();
    const y = doc.y;
    doc.font(LETTER.vet).fillColor(INKT).text(label, MARGE, y, { width: 150 });
    doc.font(LETTER.gewoon).text(waarde, MARGE + 160, y, { width: breedte - 160 });
    doc.y = y + hoogte + 5;
  };

  // Cover.
  doc.font(LETTER.vet).fontSize(22).fillColor(INKT).text('Overzicht voor de Regionale Tafel Mensenhandel', MARGE, MARGE, { width: breedte });
  doc.moveDown(0.3);
  doc.font(LETTER.gewoon).fontSize(12).fillColor(GRIJS).text('Aantallen zonder persoonsgegevens. Bedoeld voor de regionale monitor.', { width: breedte });
  doc.moveDown(1.2);
  rij('Organisatie', b.organisatie.naam);
  rij('Regio', b.regio);
  rij('Periode', periodeTekst(b.periode));
  rij('Overzicht', `nummer ${b.volgnummer}${b.verbetert ? ' (een verbeterde versie van een eerder overzicht over dezelfde periode)' : ''}`);
  rij('Gemaakt op', new Date(b.aangemaakt).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }));
  rij('Instellingen', instellingenRegels(b).join('\n'));
  rij('Methode', b.methodeVersie);
  rij('Ondertekend met sleutel', b.ondertekenaar);
  doc.moveDown(0.6);
  alinea(
    'Het bestand met dezelfde naam en de extensie .json is het echte overzicht. Het is digitaal ondertekend met de sleutel hierboven. Vergelijk die vingerafdruk met de vingerafdruk die de organisatie aan de Regionale Tafel heeft gegeven. Dit rapport en het CSV-bestand zijn om te lezen.',
    10,
  );

  kop('Hoe leest u de tabellen?');
  const legenda: Array<[string, string]> = [
    [`<${k}`, `Een klein aantal: 0 tot en met ${k - 1}. Zo is een kleine groep mensen niet te herkennen.`],
    ['x', `Extra verborgen, zodat een klein aantal niet terug te rekenen is. Het aantal is ${k} of meer.`],
    ['0', 'Een echte 0: niemand.'],
    ['getal', b.instellingen.afronding !== undefined || b.instellingen.ruis ? 'Het getoonde aantal (afgerond of met ruis, zie de instellingen).' : 'Het echte aantal.'],
  ];
  for (const [teken, uitleg] of legenda) {
    const y = doc.y;
    doc.font(LETTER.vet).fontSize(10).fillColor(INKT).text(teken, MARGE, y, { width: 50 });
    doc.font(LETTER.gewoon).text(uitleg, MARGE + 60, y, { width: breedte - 60 });
    doc.moveDown(0.2);
  }

  // The tables, as published.
  doc.addPage();
  doc.font(LETTER.vet).fontSize(16).fillColor(INKT).text('Tabellen', MARGE, MARGE, { width: breedte });
  doc.moveDown(0.3);
  for (const t of b.tabellen) tabel(doc, t, breedte, onderkant);

  // The method statement and the basis.
  doc.addPage();
  doc.font(LETTER.vet).fontSize(16).fillColor(INKT).text('Methode', MARGE, MARGE, { width: breedte });
  const delen = b.methode.split(/\n\n+/);
  // The first part is the statement's own title line ("Methode tafel-onderdrukking-1 (…)").
  alinea(delen[0] ?? '', 10);
  for (const deel of delen.slice(1)) {
    const [titelRegel, ...rest] = deel.split('\n');
    kop(titelRegel ?? '', 11);
    alinea(rest.join('\n'));
  }
  kop('Wat is geteld', 11);
  alinea(b.grondslag);

  // Footer on every page.
  schrijfVoettekst(doc, LETTER.gewoon, { marge: MARGE, kleur: GRIJS, uitlijning: 'center', tekst: (p, n) => `${b.organisatie.naam} – ${periodeTekst(b.periode)} – overzicht ${b.volgnummer} – pagina ${p} van ${n}` });
  doc.end();
  return klaar;
}

type Tabel = TafelBestand['tabellen'][number];

/** One table with a grid: the row labels, then a column per count; hidden cells on a grey field. */
function tabel(doc: PDFKit.PDFDocument, t: Tabel, breedte: number, onderkant: () => number): void {
  const labelBreedte = t.kolommen.length > 2 ? breedte * 0.46 : breedte * 0.6;
  const kolomBreedte = (breedte - labelBreedte) / Math.max(1, t.kolommen.length);
  const pad = 4;
  doc.font(LETTER.gewoon).fontSize(9.5);
  const hoogteVan = (label: string) => Math.max(16, doc.heightOfString(label, { width: labelBreedte - 2 * pad }) + 2 * pad);
  const nodig = 22 + 18 + hoogteVan(t.rijen[0]?.label ?? '') * Math.min(3, t.rijen.length);
  if (doc.y + nodig > onderkant()) doc.addPage();
  doc.moveDown(0.8);
  doc.font(LETTER.vet).fontSize(11.5).fillColor(INKT).text(t.titel, MARGE, doc.y, { width: breedte });
  doc.moveDown(0.3);

  const kopRij = () => {
    const y = doc.y;
    doc.font(LETTER.vet).fontSize(9);
    const h = Math.max(16, ...t.kolommen.map((c) => doc.heightOfString(c.label, { width: kolomBreedte - 2 * pad }) + 2 * pad));
    doc.rect(MARGE, y, breedte, h).fill('#f4f4f4');
    doc.fillColor(INKT);
    t.kolommen.forEach((c, i) => doc.text(c.label, MARGE + labelBreedte + i * kolomBreedte + pad, y + pad, { width: kolomBreedte - 2 * pad, align: 'right' }));
    doc.moveTo(MARGE, y + h).lineTo(MARGE + breedte, y + h).lineWidth(0.8).strokeColor(INKT).stroke();
    doc.y = y + h;
  };
  kopRij();
  for (const r of t.rijen) {
    const h = hoogteVan(r.label);
    if (doc.y + h > onderkant()) {
      doc.addPage();
      doc.font(LETTER.schuin).fontSize(9).fillColor(GRIJS).text(`${t.titel} (vervolg)`, MARGE, doc.y, { width: breedte });
      doc.moveDown(0.2);
      kopRij();
    }
    const y = doc.y;
    const totaal = r.id === 'totaal';
    r.cellen.forEach((c, i) => {
      if (c && (c.toon === 'x' || c.toon.startsWith('<'))) doc.rect(MARGE + labelBreedte + i * kolomBreedte + 1, y + 1, kolomBreedte - 2, h - 2).fill(VERBORGEN_VLAK);
    });
    doc.font(totaal ? LETTER.vet : LETTER.gewoon).fontSize(9.5).fillColor(INKT);
    doc.text(r.label, MARGE + pad, y + pad, { width: labelBreedte - 2 * pad });
    r.cellen.forEach((c, i) => {
      doc.text(c ? c.toon : '', MARGE + labelBreedte + i * kolomBreedte + pad, y + pad, { width: kolomBreedte - 2 * pad, align: 'right', lineBreak: false });
    });
    doc.moveTo(MARGE, y + h).lineTo(MARGE + breedte, y + h).lineWidth(0.4).strokeColor(LIJN).stroke();
    doc.y = y + h;
  }
  doc.x = MARGE;
}
