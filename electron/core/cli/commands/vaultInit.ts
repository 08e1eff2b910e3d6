import { closeVault, createVault } from '../../vault/vault';
import type { Command } from '../command';
import { vaultDirOf } from '../openFromEnv';

/** `kk vault init --dir D`: creates a vault and prints its recovery key, once. */
export const vaultInit: Command = {
  path: ['vault', 'init'],
  summary: 'maak een nieuwe kluis; toont de herstelsleutel één keer',
  options: ['dir'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const passphrase = await secrets.get('KK_PASSPHRASE');
    const { vault, recoveryKey } = await createVault(vaultDirOf(options), passphrase);
    closeVault(vault);
    out('Kluis gemaakt. Herstelsleutel (schrijf op en bewaar veilig; wordt niet opnieuw getoond):');
    out(recoveryKey);
  },
};
