import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KkError } from '../../../../shared/errors';
import { localToday } from '../../../../shared/casework/dates';
import { MAX_IMPORT_FILE_BYTES, type ImportResult } from '../../../../shared/casework/import.schema';
import { importFile, refusedTotal } from '../../casework/import';
import { dutchDateTime } from '../../casework/importedFiles.repo';
import { ownerWriter } from '../../changelog/writeContext';
import { UsageError, type Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

/**
 * `kk import --dir D FILE [--controle ja] [--opnieuw ja]` (`--file FILE` works too): imports
 * casework JSON. Every record is checked first; an invalid file is refused whole, with one line
 * per problem (record index and field path, never the value), and nothing is written. A file
 * whose bytes were imported before is refused with the date, unless `--opnieuw ja`. After the
 * summary, cliënten that look like one already there (issue 13) get one line each: their place in
 * the file and the other cliënt's pseudonym code (or place), never a value.
 */
export const importCommand: Command = {
  path: ['import'],
  summary: 'importeer casuïstiek uit een JSON-bestand: alles of niets, met redenen per record',
  options: ['dir'],
  optional: ['file', 'controle', 'opnieuw'],
  args: ['FILE'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, args, secrets, out }) {
    const given = [...args, ...(options.file !== undefined ? [options.file] : [])];
    if (given.length !== 1) throw new UsageError('"kk import" needs exactly one file: kk import --dir D FILE');
    const file = resolve(given[0] ?? '');
    try {
      if (!statSync(file).isFile()) throw new UsageError('the import file cannot be read');
      if (statSync(file).size > MAX_IMPORT_FILE_BYTES) throw new UsageError('the import file is larger than 512 MB');
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError('the import file cannot be read');
    }
    const dryRun = yesOption(options.controle, 'controle');
    const opnieuw = yesOption(options.opnieuw, 'opnieuw');
    try {
      const r = await withUnlockedVault(options, secrets, (vault) => importFile(vault.db, ownerWriter('import'), file, { dryRun, opnieuw, today: localToday() }));
      const counts = `${r.trajecten} trajecten, ${r.clienten} cliënten, ${r.meldingen} meldingen, ${r.journaal} journaalregels, ${r.taken} taken, ${r.toestemmingen} toestemmingen`;
      out(dryRun ? `Controle geslaagd, er is niets geschreven: ${counts}.` : `Geïmporteerd: ${counts}.`);
      if (r.eerderIngelezenOp !== undefined) out(`Let op: dit bestand is al eerder ingelezen, op ${dutchDateTime(Date.parse(r.eerderIngelezenOp))}.`);
      for (const line of dubbelLines(r)) out(line);
    } catch (error) {
      if (error instanceof KkError && error.code === 'ALREADY_IMPORTED') {
        for (const issue of error.issues ?? []) out(issue.message);
        out('Wilt u het toch nog een keer inlezen, zodat alle gegevens er twee keer in staan? Gebruik dan --opnieuw ja.');
      }
      if (error instanceof KkError && error.code === 'INVALID_INPUT' && error.issues) {
        const total = refusedTotal(error) ?? error.issues.length;
        out(`Het bestand is geweigerd; er is niets geschreven. ${total === 1 ? '1 probleem' : `${total} problemen`}:`);
        for (const issue of error.issues) out(`  ${issue.path}: ${issue.message}`);
        if (total > error.issues.length) out(`  … en nog ${total - error.issues.length} andere problemen. Los deze eerst op en probeer het opnieuw.`);
      }
      throw error;
    }
  },
};

/** `--x ja` is yes; `nee` or leaving it out is no; any other word is a usage error (not a silent no). */
function yesOption(value: string | undefined, name: string): boolean {
  if (value === undefined || value === 'nee') return false;
  if (value === 'ja') return true;
  throw new UsageError(`--${name} takes "ja" or "nee"`);
}

const OP_WORDS = { bsn: 'BSN', 'naam-geboortedatum': 'naam en geboortedatum' } as const;

/**
 * The look-alike warnings of an import, in Dutch: a heading, one line per cliënt named (its place in
 * the file, what matched, the other cliënt's code or place), and how many more there are.
 */
export function dubbelLines(r: ImportResult): string[] {
  if (!r.dubbel || r.dubbel.totaal === 0) return [];
  const lines = [
    r.dryRun
      ? 'Let op: cliënten in dit bestand lijken op iemand die er al is. Kijk dit na voordat u importeert. Bij importeren komt er anders een tweede cliënt bij:'
      : 'Let op: cliënten uit dit bestand lijken op iemand die er al was. Ze zijn als nieuwe cliënt opgeslagen. Kijk na of het dezelfde persoon is:',
  ];
  for (const d of r.dubbel.eerste) {
    const op = d.op.length > 1 ? 'BSN, naam en geboortedatum' : OP_WORDS[d.op[0]!];
    if (d.lijktOp === 'in-kluis') lines.push(`  ${d.pad}: zelfde ${op} als cliënt ${d.pseudoniem ?? '?'}.`);
    else lines.push(`  ${d.pad}: zelfde ${op} als ${d.eerderPad ?? '?'} in dit bestand${d.pseudoniem ? ` (nu cliënt ${d.pseudoniem})` : ''}.`);
  }
  const rest = r.dubbel.totaal - r.dubbel.eerste.length;
  if (rest > 0) lines.push(`  … en ${rest} meer.`);
  return lines;
}
