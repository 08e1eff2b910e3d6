import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import type { TafelBestand } from '../../../../shared/tafel/file.schema';
import { compileerMonitor, periodeTekst } from '../../../../shared/tafel/monitor';
import { VingerafdrukInvoer } from '../../../../shared/tafel/monitor.schema';
import type { TafelPeriode } from '../../../../shared/tafel/tafel.schema';
import { maakMonitorPdf } from '../../tafel/monitorPdf';
import { beoordeel, type BekendeSleutel } from '../../tafel/monitorOntvangst';
import { controleerBestand } from '../../tafel/sign';
import { MAX_OVERZICHT_BYTES, ondertekenaars } from '../../tafel/tafelModus.repo';
import { schrijfAtomisch } from '../../verstrekkingen/bestand';
import { UsageError, type Command } from '../command';
import { withUnlockedVault } from '../openFromEnv';

const normaal = (v: string) => v.replace(/\s+/g, '').toUpperCase();

/** The files of `--in`: paths separated like PATH (":" here, ";" on Windows); a folder means every .json file in it. */
export function invoerBestanden(waarde: string): string[] {
  const paden: string[] = [];
  for (const deel of waarde.split(delimiter).filter((d) => d.trim() !== '')) {
    const p = resolve(deel);
    if (existsSync(p) && statSync(p).isDirectory()) {
      paden.push(
        ...readdirSync(p)
          .filter((n) => n.toLowerCase().endsWith('.json'))
          .sort()
          .map((n) => join(p, n)),
      );
    } else paden.push(p);
  }
  return paden;
}

/**
 * `kk monitor --in F[:F…] --out report.pdf (--fingerprint X[,Y…] | --dir D) [--year Y [--quarter Q]]`:
 * compiles the regional monitor from signed summaries and writes its PDF. Never from unverified
 * files: the signers are the fingerprints given, or the registered (active) keys of the tafel
 * vault in --dir. Each file is verified as tafel mode verifies it (format, signature, signer,
 * its organisation with --dir, period, replay, older release); a correction replaces the release it
 * corrects. The period is --year/--quarter, or that of the first file that verifies. Exit 0 with
 * the PDF written; exit 2 with the Dutch reason per refused file, and then nothing is written.
 */
export const monitorCommand: Command = {
  path: ['monitor'],
  summary: 'stel de regionale monitor samen uit ondertekende overzichten en schrijf de PDF (alleen met geregistreerde sleutels: --fingerprint of --dir)',
  options: ['in', 'out'],
  optional: ['fingerprint', 'dir', 'year', 'quarter'],
  secrets: ['KK_PASSPHRASE'],
  async run({ options, secrets, out, err }) {
    if (options.fingerprint === undefined && options.dir === undefined) {
      throw new UsageError('Een monitor maken we nooit uit ongecontroleerde bestanden. Geef de geregistreerde sleutels met --fingerprint X (meer sleutels met komma\'s ertussen) of de tafel-kluis met --dir D.');
    }
    if (options.fingerprint !== undefined && options.dir !== undefined) throw new UsageError('Kies --fingerprint of --dir, niet allebei.');
    let periode: TafelPeriode | undefined;
    if (options.year !== undefined) {
      if (!/^\d{4}$/.test(options.year) || Number(options.year) < 2000 || Number(options.year) > 2100) throw new UsageError('--year needs a year from 2000 to 2100');
      if (options.quarter !== undefined && !/^[1-4]$/.test(options.quarter)) throw new UsageError('--quarter needs 1, 2, 3 or 4');
      periode = options.quarter === undefined ? { jaar: Number(options.year) } : { jaar: Number(options.year), kwartaal: Number(options.quarter) as 1 | 2 | 3 | 4 };
    } else if (options.quarter !== undefined) throw new UsageError('--quarter needs --year');
    const doel = resolve(options.out!);
    if (!existsSync(dirname(doel))) throw new UsageError('the folder of --out does not exist');
    if (existsSync(doel)) throw new UsageError(`${basename(doel)} bestaat al; kies een andere naam`);
    const paden = invoerBestanden(options.in!);
    if (paden.length === 0) throw new UsageError('--in names no files');

    const sleutels = new Map<string, BekendeSleutel>();
    if (options.fingerprint !== undefined) {
      for (const f of options.fingerprint.split(',')) {
        const v = VingerafdrukInvoer.safeParse(f);
        if (!v.success) throw new UsageError('--fingerprint needs 64 hex digits per key (spaces allowed), keys separated by commas');
        sleutels.set(normaal(v.data), { naam: '', organisatieId: null, ingetrokken: null });
      }
    } else {
      await withUnlockedVault(options, secrets, (vault) => {
        for (const o of ondertekenaars(vault.db)) sleutels.set(normaal(o.vingerafdruk), { naam: o.naam, organisatieId: o.organisatieId, ingetrokken: o.ingetrokkenOp === null ? null : (o.ingetrokkenReden ?? '') });
      });
      if (sleutels.size === 0) err('Let op: in deze kluis is nog geen sleutel geregistreerd.');
    }

    const bytes: Array<{ pad: string; inhoud: Buffer | null }> = paden.map((pad) => {
      try {
        if (!statSync(pad).isFile() || statSync(pad).size > MAX_OVERZICHT_BYTES) return { pad, inhoud: null };
        return { pad, inhoud: readFileSync(pad) };
      } catch {
        return { pad, inhoud: null };
      }
    });
    if (periode === undefined) {
      for (const b of bytes) {
        const c = b.inhoud && controleerBestand(b.inhoud.toString('utf8'));
        if (c && c.ok && sleutels.has(normaal(c.bestand.ondertekenaar))) {
          periode = c.bestand.periode;
          break;
        }
      }
    }
    const gezien = new Set<string>();
    const huidig = new Map<string, TafelBestand>();
    let geweigerd = 0;
    for (const { pad, inhoud } of bytes) {
      if (inhoud === null) {
        err(`Geweigerd: ${basename(pad)}: het bestand is niet te lezen (bestaat het, en is het kleiner dan 20 MB?).`);
        geweigerd++;
        continue;
      }
      const r = beoordeel(inhoud, {
        periode: periode ?? { jaar: 0 },
        sleutel: (v) => sleutels.get(normaal(v)),
        gezien: (id) => gezien.has(id),
        huidig: (org) => huidig.get(org),
      });
      if (!r.ok) {
        err(`Geweigerd: ${basename(pad)}: ${r.reden}`);
        geweigerd++;
        continue;
      }
      gezien.add(r.bestand.vrijgaveId);
      huidig.set(r.bestand.organisatie.id, r.bestand);
    }
    if (geweigerd > 0 || periode === undefined) {
      err(`${geweigerd} van de ${paden.length} bestanden geweigerd. Er is niets geschreven.`);
      return 2;
    }
    const monitor = compileerMonitor(periode, [...huidig.values()]);
    const pdf = await maakMonitorPdf(monitor);
    schrijfAtomisch(doel, (write) => write(pdf));
    out(`Monitor over ${periodeTekst(periode)} geschreven: ${basename(doel)} (${monitor.secties.length} organisaties: ${monitor.secties.map((s) => s.organisatie).join(', ')}).`);
    return 0;
  },
};
