import { profielSleutels, registreerCollega } from '../../tafel/ontvangst';
import type { Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';
import { schrijver } from './tafelBestanden';

/** `kk tafel collega --dir D --fingerprint X [--omschrijving T]`: registers a colleague of the profile's organisation. */
export const tafelCollega: Command = {
  path: ['tafel', 'collega'],
  summary: 'registreer een collega van uw organisatie (vingerafdruk van diens sleutel), zodat u diens telbestanden kunt inlezen',
  options: ['dir', 'fingerprint'],
  optional: ['omschrijving'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const c = await withUnlockedVault(options, secrets, (vault) => {
      const profiel = profielSleutels(vault.db);
      profiel.sleutelPrive.fill(0);
      return registreerCollega(vault.db, schrijver(vault.db), { vingerafdruk: options.fingerprint!, organisatie: profiel.organisatie, omschrijving: options.omschrijving ?? '' });
    });
    out(`Collega geregistreerd: sleutel ${c.vingerafdruk} (${c.organisatie}).`);
  },
};
