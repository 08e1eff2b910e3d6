import { renameSync } from 'node:fs';
import { leesOntvangstsleutel, maakOntvangstsleutel, ontvangstsleutelBestand, ontvangstsleutelTekst } from '../../tafel/ontvangst';
import type { Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';
import { nieuwDoel, schrijfTijdelijk, schrijver } from './tafelBestanden';

/** `kk tafel ontvangstsleutel --dir D --out F`: makes the receiving key when there is none, and writes the file for colleagues. */
export const tafelOntvangstsleutel: Command = {
  path: ['tafel', 'ontvangstsleutel'],
  summary: 'de ontvangstsleutel voor telbestanden van collega’s (maakt hem als er nog geen is) als bestand om aan collega’s te geven',
  options: ['dir', 'out'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const doel = nieuwDoel(options.out!);
    const r = await withUnlockedVault(options, secrets, (vault) => {
      const ctx = schrijver(vault.db);
      const nieuw = leesOntvangstsleutel(vault.db) === null;
      if (nieuw) maakOntvangstsleutel(vault.db, ctx);
      const b = ontvangstsleutelBestand(vault.db, ctx);
      return { nieuw, b, tmp: schrijfTijdelijk(doel, ontvangstsleutelTekst(b)) };
    });
    renameSync(r.tmp, doel);
    out(`${r.nieuw ? 'Ontvangstsleutel gemaakt en opgeslagen' : 'Ontvangstsleutel opgeslagen'}: ${doel}`);
    out(`Vingerafdruk van de ontvangstsleutel: ${r.b.vingerafdruk}`);
    out(`Ondertekend met uw sleutel ${r.b.ondertekenaar}. Geef het bestand aan uw collega’s en vergelijk de vingerafdruk met hen (bijvoorbeeld telefonisch).`);
  },
};
