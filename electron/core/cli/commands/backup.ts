import { resolve } from 'node:path';
import { backupVault } from '../../vault/vault';
import type { Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

/** `kk backup --dir D --out F`: writes a verified, encrypted backup file. */
export const backup: Command = {
  path: ['backup'],
  summary: 'maak een versleutelde, gecontroleerde back-up in één bestand',
  options: ['dir', 'out'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    await withUnlockedVault(options, secrets, (vault) => backupVault(vault, resolve(options.out ?? '')));
    out('Back-up gemaakt en gecontroleerd.');
  },
};
