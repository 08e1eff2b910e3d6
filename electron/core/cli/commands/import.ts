import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { KkError } from '../../../../shared/errors';
import { localToday } from '../../../../shared/casework/dates';
import { importJson } from '../../casework/import';
import { ownerWrite } from '../../casework/support';
import { UsageError, type Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

/** Files above this size are refused before reading (the app's contract has the same cap). */
const MAX_BYTES = 512 * 1024 * 1024;

/**
 * `kk import --dir D --file F [--controle ja]`: imports casework JSON. Every record is checked
 * first; an invalid file is refused whole, with one line per problem (record index and field
 * path, never the value), and nothing is written.
 */
export const importCommand: Command = {
  path: ['import'],
  summary: 'importeer casuïstiek uit een JSON-bestand: alles of niets, met redenen per record',
  options: ['dir', 'file'],
  optional: ['controle'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const file = resolve(options.file ?? '');
    let text: string;
    try {
      if (statSync(file).size > MAX_BYTES) throw new UsageError('the import file is larger than 512 MB');
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError('the import file cannot be read');
    }
    const dryRun = options.controle === 'ja';
    try {
      const r = await withUnlockedVault(options, secrets, (vault) => importJson(vault.db, ownerWrite('import'), text, { dryRun, today: localToday() }));
      const counts = `${r.trajecten} trajecten, ${r.clienten} cliënten, ${r.meldingen} meldingen, ${r.journaal} journaalregels, ${r.taken} taken, ${r.toestemmingen} toestemmingen`;
      out(dryRun ? `Controle geslaagd, er is niets geschreven: ${counts}.` : `Geïmporteerd: ${counts}.`);
    } catch (error) {
      if (error instanceof KkError && error.code === 'INVALID_INPUT' && error.issues) {
        out(`Het bestand is geweigerd; er is niets geschreven. ${error.message.replace(/^Import refused: /, '')}:`);
        for (const issue of error.issues) out(`  ${issue.path}: ${issue.message}`);
      }
      throw error;
    }
  },
};
