import { resolve } from 'node:path';
import { closeVault, restoreVault } from '../../vault/vault';
import type { Command } from '../command';

/** `kk restore --in F --dir D2`: restores into a new folder and proves it opens with the passphrase. */
export const restore: Command = {
  path: ['restore'],
  summary: 'zet een back-up terug in een nieuwe, lege map en controleer die',
  options: ['in', 'dir'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const passphrase = await secrets.get('KK_PASSPHRASE');
    closeVault(await restoreVault(resolve(options.in ?? ''), resolve(options.dir ?? ''), passphrase));
    out('Back-up teruggezet en gecontroleerd.');
  },
};
