// pdfkit behind a module of our own, so `laadPdfKit` can load it on first use with a relative
// dynamic import (the layer lint checks only relative ones).
import PDFDocument from 'pdfkit';

export default PDFDocument;
