import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { KkError } from '../../../../shared/errors';
import type { TafelPeriode } from '../../../../shared/tafel/tafel.schema';
import { ownerWriter, OWNER } from '../../changelog/writeContext';
import { profileActor } from '../../profile/profile.repo';
import { bereidVrijgaveVoor, legVrijgaveVast } from '../../tafel/release';
import { maakVrijgavePdf } from '../../tafel/releasePdf';
import { instellingenVoorVrijgave } from '../../tafel/tafelSettings';
import { UsageError, type Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

/** The CSV beside a summary file: `F.json` → `F.csv`, any other name gets `.csv` added. */
export function csvNaast(file: string): string {
  return file.toLowerCase().endsWith('.json') ? `${file.slice(0, -5)}.csv` : `${file}.csv`;
}

/** The PDF report beside a summary file: `F.json` → `F.pdf`. */
export function pdfNaast(file: string): string {
  return file.toLowerCase().endsWith('.json') ? `${file.slice(0, -5)}.pdf` : `${file}.pdf`;
}

function geheel(naam: string, waarde: string | undefined, min: number, max: number): number | undefined {
  if (waarde === undefined) return undefined;
  if (!/^\d+$/.test(waarde) || Number(waarde) < min || Number(waarde) > max) throw new UsageError(`--${naam} needs a whole number from ${min} to ${max}`);
  return Number(waarde);
}

/**
 * `kk export tafel --dir D --year Y [--quarter Q] [--k K] [--afronding B] --out F`: the signed
 * summary for the Regionale Tafel over a year or a quarter. Writes F (canonical JSON, signed with
 * the organisation's Ed25519 key) and the CSV and the PDF report beside it, each via a temporary file and a rename;
 * records the release in the vault's ledger (with a change event) before the files appear, so a
 * file never exists that the next check does not know. An unsafe release is refused with the
 * engine's Dutch reason (exit 2): nothing written, nothing recorded. The privacy officer's settings in
 * the vault apply (with noise when it is on there); --k and --afronding override them.
 */
export const exportTafel: Command = {
  path: ['export', 'tafel'],
  summary: 'het ondertekende overzicht voor de Regionale Tafel over een jaar of kwartaal (JSON, CSV en PDF), met onderdrukking van kleine aantallen',
  options: ['dir', 'year', 'out'],
  optional: ['quarter', 'k', 'afronding'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out, err }) {
    const jaar = geheel('year', options.year, 2000, 2100)!;
    const kwartaal = geheel('quarter', options.quarter, 1, 4) as 1 | 2 | 3 | 4 | undefined;
    const k = geheel('k', options.k, 3, 50);
    const afronding = geheel('afronding', options.afronding, 2, 10);
    const periode: TafelPeriode = kwartaal === undefined ? { jaar } : { jaar, kwartaal };
    const doel = resolve(options.out!);
    const csvDoel = csvNaast(doel);
    const pdfDoel = pdfNaast(doel);
    if (!existsSync(dirname(doel))) throw new UsageError('the folder of --out does not exist');
    for (const f of [doel, csvDoel, pdfDoel]) if (existsSync(f)) throw new UsageError(`${basename(f)} bestaat al; kies een andere naam (een overzicht wordt nooit overschreven)`);
    const tijdelijk = (f: string) => join(dirname(f), `.${basename(f)}.${randomBytes(6).toString('hex')}.tmp`);
    const tmpJson = tijdelijk(doel);
    const tmpCsv = tijdelijk(csvDoel);
    const tmpPdf = tijdelijk(pdfDoel);
    const v = await withUnlockedVault(options, secrets, async (vault) => {
      const ctx = { ...ownerWriter('hand'), actor: profileActor(vault.db) ?? OWNER };
      let voorbereid;
      try {
        voorbereid = bereidVrijgaveVoor(vault.db, ctx, periode, { ...instellingenVoorVrijgave(vault.db), ...(k !== undefined ? { k } : {}), ...(afronding !== undefined ? { afronding } : {}) });
      } catch (error) {
        // An unsafe release, or one in the wrong order: the engine's Dutch reason, before anything is written.
        if (error instanceof KkError && error.code === 'INVALID_INPUT') return { geweigerd: error.message };
        throw error;
      }
      try {
        writeFileSync(tmpJson, voorbereid.json, { flag: 'wx' });
        writeFileSync(tmpCsv, voorbereid.csv, { flag: 'wx' });
        writeFileSync(tmpPdf, await maakVrijgavePdf(voorbereid.bestand), { flag: 'wx' });
        legVrijgaveVast(vault.db, ctx, voorbereid);
      } catch (error) {
        rmSync(tmpJson, { force: true });
        rmSync(tmpCsv, { force: true });
        rmSync(tmpPdf, { force: true });
        throw error;
      }
      return voorbereid;
    });
    if ('geweigerd' in v) {
      err(`Geweigerd: ${v.geweigerd} Er is niets geschreven en niets vastgelegd.`);
      return 2;
    }
    renameSync(tmpJson, doel);
    renameSync(tmpCsv, csvDoel);
    renameSync(tmpPdf, pdfDoel);
    const b = v.bestand;
    const verborgen = v.overzicht.verborgen.length;
    out(`Overzicht ${b.volgnummer} gemaakt${b.verbetert ? ' (een verbeterde versie)' : ''}: ${doel}`);
    out(`CSV: ${csvDoel}`);
    out(`PDF: ${pdfDoel}`);
    out(`${Object.keys(b.cellen).length} cellen, waarvan ${verborgen} verborgen; drempel k = ${b.instellingen.k}. Gecontroleerd samen met ${v.ledgerLengte} eerdere overzichten.`);
    out(`Ondertekend met sleutel ${b.ondertekenaar}`);
  },
};
