import { localToday } from '../../../../shared/casework/dates';
import { seedVault } from '../../casework/seed';
import { UsageError, type Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

function positiveInt(value: string | undefined, name: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(`--${name} needs a whole number from 0 to ${max}`);
  return n;
}

/** `kk seed --dir D --trajecten N --seed S [--vandaag YYYY-MM-DD]`: deterministic synthetic casework (never real persons). */
export const seed: Command = {
  path: ['seed'],
  summary: 'vul de kluis met synthetische casuïstiek (vast zaad: steeds dezelfde gegevens; nooit echte personen)',
  options: ['dir', 'trajecten', 'seed'],
  optional: ['vandaag'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out }) {
    const trajecten = positiveInt(options.trajecten, 'trajecten', 1_000_000);
    const seedValue = positiveInt(options.seed, 'seed', 2 ** 31 - 1);
    const today = options.vandaag ?? localToday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError('--vandaag needs a date as YYYY-MM-DD');
    const report = await withUnlockedVault(options, secrets, (vault) => seedVault(vault.db, { trajecten, seed: seedValue, today }));
    out(`Synthetische gegevens gemaakt: ${report.trajecten} trajecten, ${report.meldingen} meldingen, ${report.journaal} journaalregels, ${report.taken} taken, ${report.toestemmingen} toestemmingen.`);
  },
};
