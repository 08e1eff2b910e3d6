import { closeVault, recoverVault } from '../../vault/vault';
import type { Command } from '../command';
import { vaultDirOf } from '../openFromEnv';

/** `kk vault recover --dir D`: recovery key (KK_RECOVERY_KEY) and a new passphrase (KK_NEW_PASSPHRASE). */
export const vaultRecover: Command = {
  path: ['vault', 'recover'],
  summary: 'open de kluis met de herstelsleutel en stel een nieuw wachtwoord in',
  options: ['dir'],
  secrets: ['KK_RECOVERY_KEY', 'KK_NEW_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const recoveryKey = await secrets.get('KK_RECOVERY_KEY');
    const next = await secrets.get('KK_NEW_PASSPHRASE');
    closeVault(await recoverVault(vaultDirOf(options), recoveryKey, next));
    out('Nieuw wachtwoord ingesteld. De herstelsleutel blijft geldig.');
  },
};
