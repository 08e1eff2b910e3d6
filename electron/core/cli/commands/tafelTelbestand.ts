import { renameSync, rmSync } from 'node:fs';
import { KkError } from '../../../../shared/errors';
import type { TafelPeriode } from '../../../../shared/tafel/tafel.schema';
import { leesOntvangstsleutelTekst } from '../../tafel/ontvangst';
import { legGemaaktVast, maakTelbestand } from '../../tafel/telbestand';
import type { Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';
import { geheel, leesBestand, nieuwDoel, schrijfTijdelijk, schrijver } from './tafelBestanden';

/** `kk tafel telbestand --dir D --year Y [--quarter Q] --voor F --out F`: a colleague's signed, encrypted count file for the reporter. */
export const tafelTelbestand: Command = {
  path: ['tafel', 'telbestand'],
  summary: 'maak een telbestand (ruwe aantallen, ondertekend en versleuteld) voor de collega die het overzicht maakt; --voor is diens ontvangstsleutel',
  options: ['dir', 'year', 'voor', 'out'],
  optional: ['quarter'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out, err }) {
    const jaar = geheel('year', options.year, 2000, 2100)!;
    const kwartaal = geheel('quarter', options.quarter, 1, 4) as 1 | 2 | 3 | 4 | undefined;
    const periode: TafelPeriode = kwartaal === undefined ? { jaar } : { jaar, kwartaal };
    const doel = nieuwDoel(options.out!);
    let voor;
    try {
      voor = leesOntvangstsleutelTekst(leesBestand(options.voor!, 64 * 1024).toString('utf8'));
    } catch (error) {
      if (error instanceof KkError) {
        err(`Geweigerd: ${error.message}`);
        return 2;
      }
      throw error;
    }
    const r = await withUnlockedVault(options, secrets, (vault) => {
      const ctx = schrijver(vault.db);
      let t;
      try {
        t = maakTelbestand(vault.db, ctx, periode, voor);
      } catch (error) {
        if (error instanceof KkError && error.code === 'INVALID_INPUT') return { geweigerd: error.message };
        throw error;
      }
      const tmp = schrijfTijdelijk(doel, t.tekst);
      try {
        legGemaaktVast(vault.db, ctx, t);
      } catch (error) {
        rmSync(tmp, { force: true });
        throw error;
      }
      return { t, tmp };
    });
    if ('geweigerd' in r) {
      err(`Geweigerd: ${r.geweigerd} Er is niets geschreven.`);
      return 2;
    }
    renameSync(r.tmp, doel);
    const { t } = r;
    const p = kwartaal === undefined ? `${jaar}` : `kwartaal ${kwartaal} van ${jaar}`;
    out(`Telbestand gemaakt: ${doel}`);
    out(`${p}: ${t.clienten} cliënten, ${t.meldingen} meldingen (ruwe aantallen; niet publiceren).`);
    out(`Versleuteld voor ontvangstsleutel ${t.ontvanger}; ondertekend met uw sleutel ${t.ondertekenaar}.`);
  },
};
