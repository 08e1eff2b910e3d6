import { changePassphrase } from '../../vault/vault';
import type { Command } from '../command';
import { vaultDirOf } from '../openFromEnv';

/** `kk vault passwd --dir D`: sets a new passphrase (current from KK_PASSPHRASE, new from KK_NEW_PASSPHRASE). */
export const vaultPasswd: Command = {
  path: ['vault', 'passwd'],
  summary: 'wijzig het wachtwoord van de kluis',
  options: ['dir'],
  secrets: ['KK_PASSPHRASE', 'KK_NEW_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const current = await secrets.get('KK_PASSPHRASE');
    const next = await secrets.get('KK_NEW_PASSPHRASE');
    await changePassphrase(vaultDirOf(options), current, next);
    out('Wachtwoord gewijzigd.');
  },
};
