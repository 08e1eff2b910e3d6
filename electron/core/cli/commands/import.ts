import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KkError } from '../../../../shared/errors';
import { localToday } from '../../../../shared/casework/dates';
import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/casework/import.schema';
import { importFile, refusedTotal } from '../../casework/import';
import { ownerWrite } from '../../casework/support';
import { UsageError, type Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

/**
 * `kk import --dir D FILE [--controle ja]` (`--file FILE` works too): imports casework JSON.
 * Every record is checked first; an invalid file is refused whole, with one line per problem
 * (record index and field path, never the value), and nothing is written.
 */
export const importCommand: Command = {
  path: ['import'],
  summary: 'importeer casuïstiek uit een JSON-bestand: alles of niets, met redenen per record',
  options: ['dir'],
  optional: ['file', 'controle'],
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
    const dryRun = options.controle === 'ja';
    try {
      const r = await withUnlockedVault(options, secrets, (vault) => importFile(vault.db, ownerWrite('import'), file, { dryRun, today: localToday() }));
      const counts = `${r.trajecten} trajecten, ${r.clienten} cliënten, ${r.meldingen} meldingen, ${r.journaal} journaalregels, ${r.taken} taken, ${r.toestemmingen} toestemmingen`;
      out(dryRun ? `Controle geslaagd, er is niets geschreven: ${counts}.` : `Geïmporteerd: ${counts}.`);
    } catch (error) {
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
