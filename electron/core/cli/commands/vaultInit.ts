import { closeVault, createVault } from '../../vault/vault';
import type { Command } from '../command';
import { vaultDirOf } from '../openFromEnv';

const PIPE_WARNING = {
  nl: 'kk: let op: de herstelsleutel gaat naar een pijp of bestand, niet naar het scherm. Bewaar hem veilig en wis kopieën.',
  en: 'kk: note: the recovery key is going to a pipe or file, not the screen. Keep it safe and delete copies.',
} as const;

/** `kk vault init --dir D`: creates a vault and prints its recovery key, once. */
export const vaultInit: Command = {
  path: ['vault', 'init'],
  summary: 'maak een nieuwe kluis; toont de herstelsleutel één keer',
  options: ['dir'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out, err, outIsTerminal, language }) {
    const passphrase = await secrets.get('KK_PASSPHRASE');
    const { vault, recoveryKey } = await createVault(vaultDirOf(options), passphrase);
    closeVault(vault);
    // The key is meant for paper; in a pipe or a file it may end up stored in the clear.
    if (!outIsTerminal) err(PIPE_WARNING[language]);
    out('Kluis gemaakt. Herstelsleutel (schrijf op en bewaar veilig; wordt niet opnieuw getoond):');
    out(recoveryKey);
  },
};
