import { checkVault } from '../../vault/vault';
import type { Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

/** `kk vault check --dir D`: unlocks and runs the full integrity check. */
export const vaultCheck: Command = {
  path: ['vault', 'check'],
  summary: 'ontgrendel de kluis en controleer de database (integrity_check)',
  options: ['dir'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const report = await withUnlockedVault(options, secrets, (vault) => checkVault(vault));
    out(`ok: integrity_check ok, schema ${report.schemaVersion}, ${report.pages} pages`);
  },
};
