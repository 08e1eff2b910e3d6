import { RegisterFilter, registerSoortNaam } from '../../../../shared/verstrekkingen/register.schema';
import { dataCategorieNaam } from '../../../../shared/stappenplan/dataCategories';
import { grondslagNaam, toonMoment } from '../../../../shared/verstrekkingen/weergave';
import { alleRegels } from '../../verstrekkingen/register.repo';
import { csvKop, csvRegel } from '../../verstrekkingen/registerCsv';
import { UsageError, type Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

/**
 * `kk verstrekkingen --dir D [--client CODE] [--partner ID] [--grondslag G] [--van DATUM --tot DATUM] [--soort S] [--csv]`:
 * the verstrekkingenregister, newest first: who received what, when and why. With `--csv` the
 * privacy officer's CSV (UTF-8 with BOM, semicolons, Dutch headers, no formula injection) on
 * standard output; without it one readable line per entry and a count.
 */
export const verstrekkingenCommand: Command = {
  path: ['verstrekkingen'],
  summary: 'het verstrekkingenregister: per cliënt (pseudoniem), partner, grondslag of periode; --csv voor de privacy officer',
  options: ['dir'],
  optional: ['client', 'partner', 'grondslag', 'van', 'tot', 'soort'],
  flags: ['csv'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const parsed = RegisterFilter.safeParse({
      ...(options.client !== undefined ? { pseudoniem: options.client.toUpperCase() } : {}),
      ...(options.partner !== undefined ? { partnerId: options.partner } : {}),
      ...(options.grondslag !== undefined ? { grondslag: options.grondslag } : {}),
      ...(options.van !== undefined ? { van: options.van } : {}),
      ...(options.tot !== undefined ? { tot: options.tot } : {}),
      ...(options.soort !== undefined ? { soort: options.soort } : {}),
    });
    if (!parsed.success) {
      const veld = String(parsed.error.issues[0]?.path[0] ?? '');
      const hint: Record<string, string> = {
        pseudoniem: '--client needs a pseudonym code such as KK-7F3Q-9M',
        partnerId: '--partner needs a partner id such as comensha',
        grondslag: `--grondslag needs one of: ${Object.keys(grondslagNaam).join(', ')}`,
        van: '--van needs a date as YYYY-MM-DD',
        tot: '--tot needs a date as YYYY-MM-DD, not before --van',
        soort: `--soort needs one of: ${Object.keys(registerSoortNaam).join(', ')}`,
      };
      throw new UsageError(hint[veld] ?? 'invalid filter');
    }
    if (options.csv !== undefined && options.csv !== 'ja') throw new UsageError('--csv takes no value');
    const filter = parsed.data;
    await withUnlockedVault(options, secrets, (vault) => {
      if (options.csv !== undefined) {
        // `out` ends each line with \n; the CSV's own \r before it keeps Windows line ends for Excel.
        out(csvKop().slice(0, -1));
        for (const regel of alleRegels(vault.db, filter)) out(csvRegel(regel).slice(0, -1));
        return;
      }
      let n = 0;
      for (const r of alleRegels(vault.db, filter)) {
        n++;
        const delen = [
          toonMoment(r.op),
          registerSoortNaam[r.soort],
          r.referentie ?? '-',
          r.pseudoniem ?? '-',
          r.ontvanger ?? r.partnerId ?? '-',
          r.grondslag ? grondslagNaam[r.grondslag] : '-',
          r.velden.map((c) => dataCategorieNaam[c]).join('; ') || '-',
        ];
        out(delen.join(' | ') + (r.reden ? ` | ${r.reden}` : ''));
      }
      out(n === 1 ? '1 regel in het verstrekkingenregister.' : `${n} regels in het verstrekkingenregister.`);
    });
  },
};
