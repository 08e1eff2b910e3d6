import type { TafelBestand } from '../../../shared/tafel/file.schema';

// The summary as CSV beside the signed JSON (the JSON is what counts; the CSV is for reading in a
// spreadsheet): UTF-8 with a BOM, semicolons, CRLF, Dutch headers, one line per shown cell. A
// value that starts with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
// spreadsheet never runs it as a formula.

/** The byte order mark that tells Excel the file is UTF-8. */
const BOM = '\uFEFF';

/** One CSV cell: neutralised when it could start a formula, quoted when it holds a separator, quote or line break. */
export function csvVeld(waarde: string): string {
  let cel = /^[=+\-@\t\r]/.test(waarde) ? `'${waarde}` : waarde;
  if (/[";\r\n]/.test(cel) || cel !== cel.trim()) cel = `"${cel.replaceAll('"', '""')}"`;
  return cel;
}

const KOP = ['Organisatie', 'Periode', 'Tabel', 'Rij', 'Kolom', 'Cel', 'Getoond'];

/** The CSV of a summary file: per table, per row, per column the shown value ("<k", "x" or a number). */
export function tafelCsv(b: TafelBestand): string {
  const periode = b.periode.kwartaal === undefined ? String(b.periode.jaar) : `${b.periode.jaar}-K${b.periode.kwartaal}`;
  const regels = [KOP];
  for (const t of b.tabellen) {
    for (const r of t.rijen) {
      r.cellen.forEach((c, i) => {
        if (c) regels.push([b.organisatie.naam, periode, t.titel, r.label, t.kolommen[i]?.label ?? '', c.cel, c.toon]);
      });
    }
  }
  return BOM + regels.map((r) => r.map(csvVeld).join(';')).join('\r\n') + '\r\n';
}
