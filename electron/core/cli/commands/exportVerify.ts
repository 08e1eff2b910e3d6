import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Vingerafdruk } from '../../../../shared/profile/profile.schema';
import { controleerBestand } from '../../tafel/sign';
import { UsageError, type Command } from '../command';

/** A summary file is small; anything larger is not one. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * `kk export verify F [--fingerprint X]`: checks a summary file for the Regionale Tafel — complete
 * JSON, the format, its canonical form, the Ed25519 signature, and with `--fingerprint` that the
 * signer is the registered one. No vault needed. Exit 0 when it holds; 2 with the Dutch reason
 * when refused (unknown signer, altered file, wrong schema, truncated).
 */
export const exportVerify: Command = {
  path: ['export', 'verify'],
  summary: 'controleer een overzicht voor de Regionale Tafel: vorm, handtekening en (met --fingerprint) de ondertekenaar (geen kluis nodig)',
  options: [],
  optional: ['fingerprint'],
  args: ['FILE'],
  async run({ options, args, out, err }) {
    const file = args[0];
    if (file === undefined) throw new UsageError('name the file to check: kk export verify FILE');
    if (options.fingerprint !== undefined && !Vingerafdruk.safeParse(options.fingerprint.replace(/\s+/g, '').toUpperCase().match(/.{1,4}/g)?.join(' ') ?? '').success) {
      throw new UsageError('--fingerprint needs 64 hex digits (spaces allowed), as the profile shows it');
    }
    let tekst: string;
    try {
      const path = resolve(file);
      if (!statSync(path).isFile() || statSync(path).size > MAX_FILE_BYTES) throw new Error('not a small file');
      tekst = readFileSync(path, 'utf8');
    } catch {
      throw new UsageError('Het bestand is niet te lezen (bestaat het, en is het kleiner dan 20 MB?)');
    }
    const c = controleerBestand(tekst, { vingerafdruk: options.fingerprint });
    if (!c.ok) {
      err(`Geweigerd: ${c.reden}`);
      return 2;
    }
    out(c.melding);
    return 0;
  },
};
