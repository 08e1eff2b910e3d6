import { checkVault } from '../../vault/vault';
import { verifySearchIndex } from '../../casework/indexCheck';
import type { Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

const INDEX_DAMAGED = {
  nl: (n: number) => `kk: De zoekindex klopt niet met de gegevens: ${n} ${n === 1 ? 'zoekterm wijkt' : 'zoektermen wijken'} af. Zoeken kan iets missen of iets oud vinden. De database zelf is in orde (integrity_check ok). [SEARCH_INDEX_DAMAGED]`,
  en: (n: number) => `kk: The search index does not match the records: ${n} search term(s) differ. Search may miss something or find old text. The database itself is fine (integrity_check ok). [SEARCH_INDEX_DAMAGED]`,
} as const;

/**
 * `kk vault check --dir D`: unlocks, runs the full integrity check, then verifies the full-text
 * index against the records. A damaged index gives one line on stderr (a count, never the
 * terms: they are content) and exit code 1.
 */
export const vaultCheck: Command = {
  path: ['vault', 'check'],
  summary: 'ontgrendel de kluis en controleer de database (integrity_check) en de zoekindex',
  options: ['dir'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out, err, language }) {
    const { report, differences } = await withUnlockedVault(options, secrets, (vault) => ({ report: checkVault(vault), differences: verifySearchIndex(vault.db).length }));
    out(`ok: integrity_check ok, schema ${report.schemaVersion}, ${report.pages} pages`);
    if (differences > 0) {
      err(INDEX_DAMAGED[language](differences));
      return 1;
    }
    out('ok: zoekindex klopt met de gegevens');
    return undefined;
  },
};
