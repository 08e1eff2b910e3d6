import type PDFDocument from 'pdfkit';
import { gebruikLetters } from './fonts';

// What every PDF of Ketenkluis does the same way: collect the bytes in memory (the caller writes
// them atomically), and a footer on each page, written after the content so it can say "of n".

/** The document's bytes once `doc.end()` has been called. Call before writing any content. */
export function verzamelBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** How a footer looks. */
export interface Voettekst {
  /** The page's left and right margin (the footer spans the text width). */
  marge: number;
  kleur: string;
  uitlijning: 'center' | 'right';
  /** Leave the first page (a cover) without a footer. */
  nietOpEerste?: boolean;
  /** The text for page `pagina` (1-based) of `totaal`. */
  tekst: (pagina: number, totaal: number) => string;
}

/**
 * Writes a footer in the bottom margin of every buffered page (the document needs
 * `bufferPages: true`). Lifts the bottom margin while writing, so no page is added.
 */
export function schrijfVoettekst(doc: PDFKit.PDFDocument, letter: string, v: Voettekst): void {
  const bereik = doc.bufferedPageRange();
  const breedte = doc.page.width - 2 * v.marge;
  for (let i = bereik.start + (v.nietOpEerste ? 1 : 0); i < bereik.start + bereik.count; i++) {
    doc.switchToPage(i);
    const onder = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(letter)
      .fontSize(8)
      .fillColor(v.kleur)
      .text(v.tekst(i + 1, bereik.count), v.marge, doc.page.height - v.marge + 10, { width: breedte, align: v.uitlijning, lineBreak: false });
    doc.fillColor('#000000');
    doc.page.margins.bottom = onder;
  }
}

/**
 * pdfkit, loaded the first time a PDF is made: it costs about 30 MB of memory, which the core,
 * `kk import` and every other command would otherwise carry without making a PDF.
 */
export async function laadPdfKit(): Promise<typeof PDFDocument> {
  return (await import('./pdfkit')).default;
}

/** A report: A4, pages kept for the footer, DejaVu selected, its bytes collected. */
export async function nieuwRapport(o: { titel: string; auteur: string; marge: number }): Promise<{ doc: PDFKit.PDFDocument; klaar: Promise<Buffer> }> {
  const PDFDocument = await laadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: o.marge, bottom: o.marge + 14, left: o.marge, right: o.marge },
    bufferPages: true,
    info: { Title: o.titel, Author: o.auteur, Producer: 'Ketenkluis', Creator: 'Ketenkluis' },
    lang: 'nl-NL',
    displayTitle: true,
  });
  const klaar = verzamelBytes(doc);
  gebruikLetters(doc);
  return { doc, klaar };
}
