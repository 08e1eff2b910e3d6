import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ownerWriter, OWNER } from '../../changelog/writeContext';
import { profileActor } from '../../profile/profile.repo';
import type { Db } from '../../db/sql';
import { UsageError } from '../command';

/*
 * Shared by the combine step's commands (issue 14: tafelOntvangstsleutel, tafelCollega,
 * tafelTelbestand, tafelInlezen); not a command itself. Every file is written to a temporary file
 * in the same folder and renamed into place, never over an existing one.
 */

/** A whole-number option within bounds, or undefined when it is not given. */
export function geheel(naam: string, waarde: string | undefined, min: number, max: number): number | undefined {
  if (waarde === undefined) return undefined;
  if (!/^\d+$/.test(waarde) || Number(waarde) < min || Number(waarde) > max) throw new UsageError(`--${naam} needs a whole number from ${min} to ${max}`);
  return Number(waarde);
}

/** The target of --out: its folder must exist and the file must not. */
export function nieuwDoel(out: string): string {
  const doel = resolve(out);
  if (!existsSync(dirname(doel))) throw new UsageError('the folder of --out does not exist');
  if (existsSync(doel)) throw new UsageError(`${basename(doel)} bestaat al; kies een andere naam (een bestand wordt nooit overschreven)`);
  return doel;
}

/** Writes `tekst` to a temp file beside `doel` (exclusive), for a rename once the vault has recorded it. */
export function schrijfTijdelijk(doel: string, tekst: string): string {
  const tmp = join(dirname(doel), `.${basename(doel)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, tekst, { flag: 'wx', mode: 0o600 });
  return tmp;
}

/** A small file given on the command line, or a usage error that says so. */
export function leesBestand(path: string, max: number): Buffer {
  try {
    const p = resolve(path);
    if (!statSync(p).isFile() || statSync(p).size > max) throw new Error('not a small file');
    return readFileSync(p);
  } catch {
    throw new UsageError(`${basename(path)} is niet te lezen (bestaat het, en is het een klein bestand?)`);
  }
}

/** Who writes from kk: the profile once there is one. */
export const schrijver = (db: Db) => ({ ...ownerWriter('hand'), actor: profileActor(db) ?? OWNER });

