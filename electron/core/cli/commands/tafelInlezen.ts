import { basename } from 'node:path';
import { leesTelbestandIn, MAX_TELBESTAND_BYTES } from '../../tafel/telbestand';
import type { Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';
import { leesBestand, schrijver } from './tafelBestanden';

/** `kk tafel inlezen --dir D --in F [F…]`: the reporter reads count files in; each accepted or refused with the reason. */
export const tafelInlezen: Command = {
  path: ['tafel', 'inlezen'],
  summary: 'lees telbestanden van collega’s in (ontsleutelen, handtekening en collega controleren); een geweigerd bestand verandert niets',
  options: ['dir', 'in'],
  // More files may follow --in: `--in a.json b.json c.json`.
  args: ['[F…]', ...Array<string>(49).fill('')],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, args, secrets, out, err }) {
    const bestanden = [options.in!, ...args];
    const inhoud = bestanden.map((f) => ({ f, bytes: leesBestand(f, MAX_TELBESTAND_BYTES) }));
    const uitkomsten = await withUnlockedVault(options, secrets, (vault) => inhoud.map(({ f, bytes }) => ({ f, r: leesTelbestandIn(vault.db, schrijver(vault.db), bytes) })));
    let geweigerd = 0;
    for (const { f, r } of uitkomsten) {
      if (r.status === 'ingelezen') out(`${basename(f)}: ${r.melding}`);
      else {
        geweigerd += 1;
        err(`${basename(f)}: geweigerd: ${r.reden}`);
      }
    }
    out(`${uitkomsten.length - geweigerd} van ${uitkomsten.length} telbestanden ingelezen.`);
    return geweigerd > 0 ? 2 : 0;
  },
};
