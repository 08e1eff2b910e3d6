import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { KkError } from '../../../shared/errors';
import type { Handlers, MainMethodName } from '../../../shared/ipc/contract';
import type { tafelModusHostMethods, tafelModusMethods } from '../../../shared/ipc/tafelModus.contract';
import { compileerMonitor, periodeTekst } from '../../../shared/tafel/monitor';
import type { ImportUitkomst, RegionaleMonitor } from '../../../shared/tafel/monitor.schema';
import { periodeSleutel, type TafelPeriode } from '../../../shared/tafel/tafel.schema';
import type { Session } from '../session';
import type { WriteContext } from '../changelog/writeContext';
import type { Db } from '../db/sql';
import { inTransaction } from '../db/sql';
import { schrijfAtomisch } from '../verstrekkingen/bestand';
import { maakMonitorPdf } from './monitorPdf';
import { huidigeBestanden, importeerOverzicht, MAX_OVERZICHT_BYTES, ondertekenaars, ontvangen, registreerOndertekenaar, trekOndertekenaarIn } from './tafelModus.repo';

type CoreMethods = Exclude<keyof typeof tafelModusMethods, MainMethodName> | keyof typeof tafelModusHostMethods;

/** Reads one chosen file and imports it; a file that cannot be read is refused like any other. */
export function importeerPad(db: Db, writer: () => WriteContext, periode: TafelPeriode, path: string): ImportUitkomst {
  const naam = basename(path);
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    if (st.size > MAX_OVERZICHT_BYTES) return { ok: false, bestandsnaam: naam, soort: 'onleesbaar', reden: 'Het bestand is groter dan 20 MB. Dat is geen overzicht voor de Regionale Tafel.' };
    bytes = readFileSync(path);
  } catch {
    return { ok: false, bestandsnaam: naam, soort: 'onleesbaar', reden: 'Het bestand is niet te lezen. Bestaat het nog, en mag u het openen?' };
  }
  return importeerOverzicht(db, writer(), periode, naam, bytes);
}

/** The monitor of a period from the current imported summaries; refused when there are none. */
export function monitorVan(db: Db, periode: TafelPeriode, leegMag = true): RegionaleMonitor {
  const bestanden = huidigeBestanden(db, periode);
  if (!leegMag && bestanden.length === 0) {
    const message = `Er is nog geen overzicht over ${periodeTekst(periode)} ontvangen. Importeer eerst de overzichten van de organisaties.`;
    throw new KkError('INVALID_INPUT', message, { issues: [{ path: 'periode', message }] });
  }
  return compileerMonitor(periode, bestanden);
}

/** The suggested name of the monitor PDF: `regionale-monitor-2024.pdf`, `regionale-monitor-2024-K2.pdf`. */
export const monitorPdfNaam = (periode: TafelPeriode) => `regionale-monitor-${periodeSleutel(periode)}.pdf`;

/** Tafel mode's handlers: registered keys, imports, the compiled monitor and its PDF. */
export const tafelModusHandlers: Pick<Handlers<Session>, CoreMethods> = {
  'tafelModus.registerSigner': (input, s) => inTransaction(s.db(), () => registreerOndertekenaar(s.db(), s.writer(), input)),
  'tafelModus.listSigners': (_input, s) => ({ ondertekenaars: ondertekenaars(s.db()) }),
  'tafelModus.retireSigner': (input, s) => inTransaction(s.db(), () => trekOndertekenaarIn(s.db(), s.writer(), input.id, input.reden)),
  'tafelModus.listImported': (input, s) => ({ ontvangen: ontvangen(s.db(), input.periode) }),
  'tafelModus.compile': (input, s) => monitorVan(s.db(), input.periode),
  'tafelModus.importFiles': (input, s) => ({ uitkomsten: input.paths.map((p) => importeerPad(s.db(), () => s.writer('import'), input.periode, p)) }),
  'tafelModus.pdfName': (input, s) => {
    monitorVan(s.db(), input.periode, false);
    return { bestandsnaam: monitorPdfNaam(input.periode) };
  },
  'tafelModus.writePdf': async (input, s) => {
    const pdf = await maakMonitorPdf(monitorVan(s.db(), input.periode, false));
    const bytes = schrijfAtomisch(input.path, (write) => write(pdf));
    return { bestandsnaam: basename(input.path), bytes };
  },
};
