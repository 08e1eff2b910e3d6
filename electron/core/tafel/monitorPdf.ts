import type { MonitorTabel, RegionaleMonitor, Staaf } from '../../../shared/tafel/monitor.schema';
import { nieuwRapport, schrijfVoettekst } from '../pdf/document';
import { LETTER } from '../pdf/fonts';

// The regional monitor as a PDF the secretariaat of the Regionale Tafel can publish: a cover, how
// to read it, the regional picture (two bar charts drawn as vector graphics, and the combined
// tables with intervals), a section per organisation with its tables exactly as published ("<k",
// "x"), and the organisations' method statements. Made only from the compiled monitor, which is
// made only from the signed files: the report never shows more than the files did. DejaVu Sans
// (electron/core/pdf/fonts.ts), so every name prints as written. Not encrypted: it is public.

const MARGE = 56;
const INKT = '#1a1a1a';
const GRIJS = '#555555';
const LIJN = '#c8c8c8';
const KOPVLAK = '#eef1f4';
const BALK = '#2f5d7c';
const BALK_LICHT = '#b9cfdd';

/** A fingerprint (16 groups) as two lines of 8 groups, so it never wraps in the middle of a group. */
const tweeRegels = (v: string) => {
  const groepen = v.split(' ');
  return `${groepen.slice(0, 8).join(' ')}\n${groepen.slice(8).join(' ')}`;
};

/** The PDF of a compiled regional monitor (built in memory; the caller writes it atomically). */
export async function maakMonitorPdf(m: RegionaleMonitor): Promise<Buffer> {
  const titel = `Regionale monitor mensenhandel – ${m.periodeTekst}`;
  const { doc, klaar } = await nieuwRapport({ titel, auteur: 'Secretariaat Regionale Tafel Mensenhandel', marge: MARGE });
  const breedte = doc.page.width - 2 * MARGE;
  const onderkant = () => doc.page.height - doc.page.margins.bottom;
  const ruimte = (nodig: number) => {
    if (doc.y + nodig > onderkant()) doc.addPage();
  };

  const hoofdstuk = (tekst: string) => {
    doc.addPage();
    doc.font(LETTER.vet).fontSize(17).fillColor(INKT).text(tekst, MARGE, MARGE, { width: breedte });
    doc.moveDown(0.5);
  };
  const kop = (tekst: string, grootte = 12.5) => {
    ruimte(70);
    doc.moveDown(0.6).font(LETTER.vet).fontSize(grootte).fillColor(INKT).text(tekst, MARGE, doc.y, { width: breedte });
    doc.moveDown(0.3);
  };
  const alinea = (tekst: string, opties: { grootte?: number; kleur?: string } = {}) => {
    doc.font(LETTER.gewoon).fontSize(opties.grootte ?? 10).fillColor(opties.kleur ?? INKT);
    ruimte(Math.min(doc.heightOfString(tekst, { width: breedte, lineGap: 1.5 }), 60));
    doc.text(tekst, MARGE, doc.y, { width: breedte, lineGap: 1.5 });
    doc.moveDown(0.4);
  };
  const veld = (label: string, waarde: string, labelBreedte = 150) => {
    doc.font(LETTER.gewoon).fontSize(10);
    const hoogte = Math.max(doc.heightOfString(label, { width: labelBreedte }), doc.heightOfString(waarde, { width: breedte - labelBreedte - 10 }));
    ruimte(hoogte + 4);
    const y = doc.y;
    doc.font(LETTER.vet).fillColor(INKT).text(label, MARGE, y, { width: labelBreedte });
    doc.font(LETTER.gewoon).fillColor(INKT).text(waarde, MARGE + labelBreedte + 10, y, { width: breedte - labelBreedte - 10 });
    doc.y = y + hoogte + 5;
  };

  /** A table: labels left, numbers right-aligned in equal columns; the header repeats after a page break. */
  const tabel = (t: MonitorTabel) => {
    const kolommen = t.kolommen.length;
    const labelBreedte = kolommen <= 1 ? breedte * 0.62 : breedte * (kolommen >= 3 ? 0.4 : 0.5);
    const kolomBreedte = (breedte - labelBreedte) / Math.max(1, kolommen);
    const pad = 6;
    doc.font(LETTER.gewoon).fontSize(9.5);
    const kopHoogte = Math.max(18, ...t.kolommen.map((k) => doc.heightOfString(k.label, { width: kolomBreedte - 2 * pad }) + 8));
    const tekenKop = () => {
      const y = doc.y;
      doc.rect(MARGE, y, breedte, kopHoogte).fill(KOPVLAK);
      doc.font(LETTER.vet).fontSize(9.5).fillColor(INKT);
      t.kolommen.forEach((k, i) => doc.text(k.label, MARGE + labelBreedte + i * kolomBreedte + pad, y + 4, { width: kolomBreedte - 2 * pad, align: 'right' }));
      doc.y = y + kopHoogte;
    };
    const rijHoogte = (label: string, totaal: boolean) => Math.max(17, doc.font(totaal ? LETTER.vet : LETTER.gewoon).fontSize(9.5).heightOfString(label, { width: labelBreedte - 2 * pad }) + 7);
    const geheel = 40 + kopHoogte + t.rijen.reduce((h, r) => h + rijHoogte(r.label, r.id === 'totaal'), 0);
    // A table that fits on a page is kept together; a longer one breaks between rows, with its header again.
    if (geheel < onderkant() - MARGE) ruimte(geheel);
    kop(t.titel, 11);
    ruimte(kopHoogte + 20 * Math.min(3, t.rijen.length));
    tekenKop();
    for (const r of t.rijen) {
      const totaal = r.id === 'totaal';
      const hoogte = rijHoogte(r.label, totaal);
      if (doc.y + hoogte > onderkant()) {
        doc.addPage();
        tekenKop();
      }
      doc.font(totaal ? LETTER.vet : LETTER.gewoon).fontSize(9.5);
      const y = doc.y;
      doc.fillColor(INKT).text(r.label, MARGE + pad, y + 4, { width: labelBreedte - 2 * pad });
      r.cellen.forEach((c, i) => {
        doc.text(c === null ? '' : c.toon, MARGE + labelBreedte + i * kolomBreedte + pad, y + 4, { width: kolomBreedte - 2 * pad, align: 'right', lineBreak: false });
      });
      doc
        .moveTo(MARGE, y + hoogte)
        .lineTo(MARGE + breedte, y + hoogte)
        .lineWidth(totaal ? 0.9 : 0.4)
        .strokeColor(totaal ? GRIJS : LIJN)
        .stroke();
      doc.y = y + hoogte;
    }
    doc.moveDown(0.6);
  };

  /** Hatches a rectangle: light fill with thin diagonal lines, clipped to it. */
  const arceer = (x: number, y: number, w: number, h: number) => {
    if (w <= 0) return;
    doc.save();
    doc.rect(x, y, w, h).fill(BALK_LICHT);
    doc.rect(x, y, w, h).clip();
    for (let d = -h; d < w; d += 4) doc.moveTo(x + d, y + h).lineTo(x + d + h, y).lineWidth(0.6).strokeColor(BALK).stroke();
    doc.restore();
    doc.rect(x, y, w, h).lineWidth(0.5).strokeColor(BALK).stroke();
  };

  const legenda = (open: boolean) => {
    ruimte(24);
    const y = doc.y + 2;
    doc.rect(MARGE, y, 14, 9).fill(BALK);
    doc.font(LETTER.gewoon).fontSize(8.5).fillColor(INKT).text('zeker (ondergrens)', MARGE + 19, y, { lineBreak: false });
    const x2 = MARGE + 130;
    arceer(x2, y, 14, 9);
    doc.fillColor(INKT).text('mogelijk, tot de bovengrens', x2 + 19, y, { lineBreak: false });
    if (open) {
      const x3 = MARGE + 290;
      arceer(x3, y, 14, 9);
      doc.fillColor(INKT).text('→ geen bovengrens ("≥")', x3 + 19, y, { lineBreak: false });
    }
    doc.y = y + 18;
  };

  /** A horizontal bar chart of intervals: solid to the lower bound, hatched to the upper bound, an arrow when open. */
  const grafiek = (titelTekst: string, staven: readonly Staaf[]) => {
    const labelBreedte = 175;
    const waardeBreedte = 62;
    const x0 = MARGE + labelBreedte + 8;
    const vlak = breedte - labelBreedte - 8 - waardeBreedte - 6;
    const hoogte = 13;
    const stap = 21;
    kop(titelTekst, 11);
    ruimte(staven.length * stap + 40);
    const grootste = Math.max(1, ...staven.map((s) => (s.max === null ? s.min : s.max)));
    const heeftOpen = staven.some((s) => s.max === null);
    const schaal = (vlak * (heeftOpen ? 0.88 : 1)) / grootste;
    const openStuk = vlak * 0.1;
    const top = doc.y + 2;
    // A quiet axis line at zero.
    doc.moveTo(x0, top - 2).lineTo(x0, top + staven.length * stap - 4).lineWidth(0.6).strokeColor(GRIJS).stroke();
    staven.forEach((s, i) => {
      const y = top + i * stap;
      doc.font(LETTER.gewoon).fontSize(9).fillColor(INKT).text(s.label, MARGE, y + 2, { width: labelBreedte, align: 'right', lineBreak: false, ellipsis: true });
      const vast = s.min * schaal;
      if (vast > 0) doc.rect(x0, y, vast, hoogte).fill(BALK);
      let eind = x0 + vast;
      if (s.max === null) {
        arceer(eind, y, openStuk, hoogte);
        eind += openStuk;
        doc
          .moveTo(eind + 1, y + hoogte / 2)
          .lineTo(eind + 6, y + hoogte / 2)
          .lineWidth(1)
          .strokeColor(BALK)
          .stroke();
        doc.moveTo(eind + 6, y + 2).lineTo(eind + 10, y + hoogte / 2).lineTo(eind + 6, y + hoogte - 2).fill(BALK);
        eind += 10;
      } else if (s.max > s.min) {
        const w = (s.max - s.min) * schaal;
        arceer(eind, y, w, hoogte);
        eind += w;
      }
      doc.font(LETTER.vet).fontSize(9).fillColor(INKT).text(s.toon, MARGE + breedte - waardeBreedte, y + 2, { width: waardeBreedte, align: 'right', lineBreak: false });
    });
    doc.y = top + staven.length * stap + 2;
    legenda(heeftOpen);
    doc.moveDown(0.4);
  };

  // Cover.
  doc.font(LETTER.vet).fontSize(24).fillColor(INKT).text('Regionale monitor mensenhandel', MARGE, MARGE + 40, { width: breedte });
  doc.moveDown(0.2);
  doc.font(LETTER.gewoon).fontSize(15).fillColor(GRIJS).text(m.periodeTekst.charAt(0).toUpperCase() + m.periodeTekst.slice(1), { width: breedte });
  doc.moveDown(0.2);
  doc.font(LETTER.gewoon).fontSize(11).fillColor(GRIJS).text(m.regio.join(', '), { width: breedte });
  doc.moveDown(1.5);
  alinea('Deze monitor is samengesteld door het secretariaat van de Regionale Tafel Mensenhandel. Hij bestaat uit de overzichten die de organisaties zelf hebben gemaakt. Die overzichten bevatten alleen aantallen, zonder persoonsgegevens. Kleine aantallen zijn verborgen, zodat niemand te herkennen is. Elk overzicht is ondertekend door de organisatie; de handtekening is gecontroleerd.');
  kop('Organisaties in deze monitor');
  for (const s of m.secties) veld(s.organisatie, `overzicht ${s.volgnummer}, gemaakt ${s.aangemaakt.slice(0, 10)}\nsleutel ${tweeRegels(s.ondertekenaar)}`, 170);
  if (m.secties.length === 0) alinea('Er zijn nog geen overzichten ontvangen.');

  // How to read it.
  kop('Zo leest u deze monitor');
  alinea('"<5" betekent: 0 tot en met 4. Het echte aantal is klein en daarom verborgen. Bij een andere drempel staat er bijvoorbeeld "<3".');
  alinea('"x" betekent: verborgen, zodat een klein aantal niet is terug te rekenen uit de totalen. Het aantal is dan 5 of meer (bij de drempel 5).');
  for (const t of m.toelichting) alinea(t);

  // The regional picture.
  hoofdstuk(`Regio: alle organisaties samen`);
  alinea('In de grafieken is het donkere deel zeker. Het gearceerde deel is mogelijk: daar ligt het echte aantal ergens tussen. De getallen staan ook in de tabellen hieronder.', { kleur: GRIJS });
  grafiek('Meldingen per vorm', m.grafieken.meldingenPerVorm);
  grafiek('Cliënten per categorie', m.grafieken.clientenPerCategorie);
  for (const t of m.gecombineerd) tabel(t);

  // A section per organisation.
  for (const s of m.secties) {
    hoofdstuk(s.organisatie);
    const instelling = [`drempel k = ${s.k}`, s.afronding !== null ? `afgerond op ${s.afronding}` : 'niet afgerond', s.ruisMax !== null ? `ruis tot ${s.ruisMax}` : 'zonder ruis'].join(', ');
    veld('Overzicht', `nummer ${s.volgnummer}, gemaakt ${s.aangemaakt.slice(0, 10)}`);
    veld('Instellingen', instelling);
    veld('Ondertekend met', tweeRegels(s.ondertekenaar));
    veld('Geteld', s.grondslag);
    for (const t of s.tabellen) tabel(t);
  }

  // The method statements, each text once with the organisations it belongs to.
  hoofdstuk('Bijlage: methode');
  const perMethode = new Map<string, string[]>();
  for (const s of m.secties) perMethode.set(s.methode, [...(perMethode.get(s.methode) ?? []), s.organisatie]);
  let nummer = 0;
  for (const [methode, organisaties] of perMethode) {
    kop(perMethode.size === 1 ? 'Methode van alle organisaties' : `Methode ${++nummer}`, 11.5);
    if (perMethode.size > 1) alinea(`Geldt voor: ${organisaties.join(', ')}.`, { kleur: GRIJS });
    for (const deel of methode.split(/\n\s*\n/)) {
      const [eerste, ...rest] = deel.split('\n');
      if (rest.length > 0 && eerste!.length < 70) {
        ruimte(40);
        doc.font(LETTER.vet).fontSize(10).fillColor(INKT).text(eerste!, MARGE, doc.y, { width: breedte });
        alinea(rest.join('\n'), { grootte: 9.5 });
      } else alinea(deel, { grootte: 9.5 });
    }
  }

  // Footer on every page but the cover.
  schrijfVoettekst(doc, LETTER.gewoon, { marge: MARGE, kleur: GRIJS, uitlijning: 'right', nietOpEerste: true, tekst: (p, n) => `${titel} · pagina ${p} van ${n}` });
  doc.end();
  return klaar;
}
