import { randomBytes, randomInt } from 'node:crypto';
import { laadPdfKit, schrijfVoettekst, verzamelBytes } from '../pdf/document';
import { gebruikLetters, LETTER } from '../pdf/fonts';
import { dataCategorieNaam, dataCategorieVelden, type DataCategorie } from '../../../shared/stappenplan/dataCategories';
import type { PakketInhoud } from '../../../shared/verstrekkingen/pakket.schema';
import { functieNaam, grondslagNaam, kanaalNaam, partnerCategorieNaam, toonDatum, toonMoment, toonWaarde, veldLabel } from '../../../shared/verstrekkingen/weergave';
import { JOURNAAL_CATEGORIE } from './inhoud';

// The disclosure package: one PDF any reader opens, AES-256 (PDF 1.7 extension level 3) under a
// generated password, with a readable cover and the allowed data, and the same content as
// machine-readable JSON attached inside (`verstrekking.json`). Built in memory; the caller
// writes it atomically. The password is returned to be shown once, and never kept.

/** The name of the attachment inside every package. */
export const BIJLAGE_NAAM = 'verstrekking.json';

/** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L, U). */
const ALFABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new password: 5 groups of 4 characters from a 30-character alphabet (about 98 bits), from the
 * operating system's CSPRNG, easy to read aloud over the phone (`7KQ2-…`).
 */
export function maakWachtwoord(): string {
  const groepen: string[] = [];
  for (let g = 0; g < 5; g++) {
    let groep = '';
    for (let i = 0; i < 4; i++) groep += ALFABET[randomInt(ALFABET.length)];
    groepen.push(groep);
  }
  return groepen.join('-');
}

/**
 * Text as the package prints it: composed (NFC, so "S" + combining comma is the one letter "Ș" the
 * font draws) with line ends and tabs made plain. Every character stays as written: the package
 * embeds DejaVu Sans (electron/core/pdf/fonts.ts), which knows Latin, Greek and Cyrillic.
 */
export function pdfTekst(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

/** The part of pdfkit's current font (fontkit) that says whether it draws a character. */
type MetGlyphs = { _font?: { font?: { hasGlyphForCodePoint?(codePoint: number): boolean } } };

/**
 * Whether the current font lacks a character of `text`. DejaVu Sans draws Latin, Greek and
 * Cyrillic, not e.g. Ethiopic, Thai or Chinese: such a character prints as an empty box, and the
 * cover then says so (the attached JSON holds the exact text). Nothing is ever replaced.
 */
function lettertypeMist(doc: object, text: string): boolean {
  const font = (doc as MetGlyphs)._font?.font;
  if (typeof font?.hasGlyphForCodePoint !== 'function') return false;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c > 0x20 && !font.hasGlyphForCodePoint(c)) return true;
  }
  return false;
}

const MARGE = 56;
const LABEL_BREEDTE = 170;

/** The PDF of a package, encrypted under `wachtwoord`. */
export async function maakPakketPdf(inhoud: PakketInhoud, wachtwoord: string): Promise<Buffer> {
  const PDFDocument = await laadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGE, bottom: MARGE + 14, left: MARGE, right: MARGE },
    bufferPages: true,
    pdfVersion: '1.7ext3',
    userPassword: wachtwoord,
    // The owner password is random and thrown away: nobody can lift the restrictions.
    ownerPassword: randomBytes(24).toString('base64url'),
    permissions: { printing: 'highResolution', copying: true, modifying: false, annotating: false },
    info: { Title: `Gegevensverstrekking ${inhoud.voorblad.referentie}`, Author: inhoud.voorblad.afzender.organisatie, Producer: 'Ketenkluis', Creator: 'Ketenkluis' },
    lang: 'nl-NL',
  });
  const klaar = verzamelBytes(doc);

  gebruikLetters(doc);
  let mist = false;
  const t = (text: string): string => {
    const tekst = pdfTekst(text);
    mist ||= lettertypeMist(doc, tekst);
    return tekst;
  };
  const breedte = doc.page.width - 2 * MARGE;

  /** One label and value side by side; a long value wraps in its own column and may go on to a next page. */
  const rij = (label: string, waarde: string) => {
    const waardeTekst = t(waarde);
    doc.font(LETTER.gewoon).fontSize(10);
    const hoogte = Math.max(doc.heightOfString(t(label), { width: LABEL_BREEDTE - 10 }), doc.heightOfString(waardeTekst, { width: breedte - LABEL_BREEDTE }));
    if (doc.y + Math.min(hoogte, 60) > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    doc.font(LETTER.vet).text(t(label), MARGE, y, { width: LABEL_BREEDTE - 10 });
    const naLabel = doc.y;
    doc.font(LETTER.gewoon).text(waardeTekst, MARGE + LABEL_BREEDTE, y, { width: breedte - LABEL_BREEDTE });
    doc.x = MARGE;
    doc.y = Math.max(doc.y, naLabel) + 4;
  };
  const kop = (tekst: string, grootte = 13) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.moveDown(0.6).font(LETTER.vet).fontSize(grootte).text(t(tekst), MARGE, doc.y, { width: breedte });
    doc.moveDown(0.3);
  };
  const alinea = (tekst: string, grootte = 10) => {
    doc.font(LETTER.gewoon).fontSize(grootte).text(t(tekst), MARGE, doc.y, { width: breedte });
    doc.moveDown(0.4);
  };

  // Cover: who, what for, on which ground, which decision; nothing about the cliënt.
  const v = inhoud.voorblad;
  doc.font(LETTER.vet).fontSize(22).text('Gegevensverstrekking', MARGE, MARGE, { width: breedte });
  doc.moveDown(0.2);
  doc.font(LETTER.gewoon).fontSize(11).fillColor('#444444').text(t(`Vertrouwelijk. Alleen voor ${v.ontvanger.naam}.`), { width: breedte });
  doc.fillColor('#000000').moveDown(1);
  rij('Ontvanger', `${v.ontvanger.naam} (${partnerCategorieNaam[v.ontvanger.categorie]})`);
  rij('Doel', v.doelNaam);
  rij('Grondslag', `${grondslagNaam[v.grondslag]}${v.bepaling ? ` (${v.bepaling})` : ''}`);
  if (v.uitzonderingen.length > 0) rij('Uitzondering bijzondere of strafrechtelijke gegevens', v.uitzonderingen.map((u) => `${u.klasse === 'bijzonder' ? 'art. 9 AVG' : 'art. 10 AVG'}: ${u.tekst}`).join('\n'));
  rij('Besluit', `${v.referentie}, genomen op ${toonMoment(v.besluitGenomenOp)}`);
  rij('Datum van dit pakket', toonMoment(inhoud.gemaaktOp));
  rij('Afzender', `${v.afzender.naam}, ${functieNaam[v.afzender.functie]}, ${v.afzender.organisatie}`);
  rij('Kanaal', kanaalNaam[v.kanaal]);
  rij('Bewaartermijn', v.bewaartermijn);
  rij('Herbeoordeling besluit', toonDatum(v.herbeoordelingOp));
  rij('Stappenplan', `regelset versie ${v.ruleSetVersie}`);
  rij('Gegevens in dit pakket', inhoud.categorieen.map((c) => dataCategorieNaam[c]).join('\n') || 'geen');
  doc.moveDown(1);
  alinea(`Dezelfde gegevens zitten in deze PDF als bijlage "${BIJLAGE_NAAM}", leesbaar voor een computer. Het wachtwoord van dit bestand krijgt u op een andere manier dan dit bestand.`);
  alinea('Gebruik deze gegevens alleen voor het doel hierboven en bewaar ze niet langer dan de bewaartermijn. Deel ze niet verder zonder eigen grondslag.');
  const opmerkingY = doc.y;

  // The data, per category, per record.
  doc.addPage();
  doc.font(LETTER.vet).fontSize(16).text('Gegevens', MARGE, MARGE, { width: breedte });
  const g = inhoud.gegevens;
  const bronnen: Array<{ soort: 'client' | 'traject' | 'melding'; data: Record<string, unknown> | undefined }> = [
    { soort: 'client', data: g.client },
    { soort: 'traject', data: g.traject },
    { soort: 'melding', data: g.melding },
  ];
  for (const categorie of inhoud.categorieen) {
    kop(dataCategorieNaam[categorie].replace(/^./, (c) => c.toUpperCase()));
    let iets = false;
    for (const bron of bronnen) {
      const labels = veldLabel[bron.soort] as Record<string, string>;
      for (const veld of dataCategorieVelden[categorie as DataCategorie][bron.soort] as readonly string[]) {
        const waarde = bron.data?.[veld];
        if (waarde === undefined) continue;
        rij(`${labels[veld] ?? veld}${bron.soort === 'melding' ? ' (melding)' : ''}`, toonWaarde(waarde));
        iets = true;
      }
    }
    if (categorie === JOURNAAL_CATEGORIE && g.journaal) {
      doc.moveDown(0.3);
      doc.font(LETTER.vet).fontSize(11).text('Journaal', MARGE, doc.y, { width: breedte });
      doc.moveDown(0.2);
      for (const regel of g.journaal) {
        rij(`${toonDatum(regel.datum)} ${regel.soort}`, regel.tekst);
        iets = true;
      }
    }
    if (!iets) alinea('Niets ingevuld in de kluis.');
  }

  if (mist) {
    doc.switchToPage(0);
    doc.font(LETTER.schuin).fontSize(9).text(`Enkele tekens staan niet in het lettertype van deze PDF; ze zijn als een leeg vakje getekend. De bijlage "${BIJLAGE_NAAM}" bevat de exacte tekst.`, MARGE, opmerkingY, { width: breedte });
  }

  // Footer on every page: confidential, the reference, page n of m (inside the bottom margin).
  schrijfVoettekst(doc, LETTER.gewoon, { marge: MARGE, kleur: '#555555', uitlijning: 'center', tekst: (p, n) => `Vertrouwelijk – ${v.referentie} – pagina ${p} van ${n}` });

  doc.file(Buffer.from(JSON.stringify(inhoud, null, 2), 'utf8'), {
    name: BIJLAGE_NAAM,
    type: 'application/json',
    description: 'Dezelfde gegevens als in deze PDF, leesbaar voor een computer',
    creationDate: new Date(inhoud.gemaaktOp),
    modifiedDate: new Date(inhoud.gemaaktOp),
  });
  doc.end();
  return klaar;
}
