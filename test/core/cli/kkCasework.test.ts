import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKk } from '../../../electron/core/cli/kk';
import { dubbelLines } from '../../../electron/core/cli/commands/import';
import { closeVault, createVault, unlockVault } from '../../../electron/core/vault/vault';
import { seedItems } from '../../../electron/core/casework/seedData';
import { verifySearchIndex } from '../../../electron/core/casework/indexCheck';
import { snapshotCounts, countDrift } from '../casework/helpers';
import { ROOT, tempDir, testPassphrase, tsNodeArgs } from '../vault/helpers';

const TODAY = '2026-11-25';
let root: string;
let cleanup: () => void;
const pass = testPassphrase();
let dir: string;

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('kk-cli-casework-'));
  dir = join(root, 'vault');
  closeVault((await createVault(dir, pass)).vault);
});
afterAll(() => cleanup());

/** kk in this process, as a user would call it; returns exit code and both streams. */
async function kk(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runKk(args, { out: (l) => out.push(l), err: (l) => err.push(l), secrets: { get: async () => pass }, language: 'nl', outIsTerminal: false });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

function importFile(name: string, n: number, seed: number, edit?: (file: { trajecten: Array<Record<string, unknown>>; meldingen: Array<Record<string, unknown>> }) => void): string {
  const items = [...seedItems({ trajecten: n, seed, today: TODAY, journaalPerTraject: 2 })];
  const file = { format: 'ketenkluis.casework', versie: 1, trajecten: items.map((i) => i.traject) as Array<Record<string, unknown>>, meldingen: items.flatMap((i) => i.meldingen) as Array<Record<string, unknown>> };
  edit?.(file);
  const path = join(root, name);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

async function counts() {
  const vault = await unlockVault(dir, pass);
  try {
    return { counts: snapshotCounts(vault.db), index: verifySearchIndex(vault.db), drift: countDrift(vault.db) };
  } finally {
    closeVault(vault);
  }
}

describe('kk import --dir D FILE', () => {
  it('imports the file given as the last word (spawned, as the README shows it)', async () => {
    const before = (await counts()).counts;
    const file = importFile('ok.json', 4, 1);
    const run = spawnSync(process.execPath, tsNodeArgs(join(ROOT, 'electron/core/cli/kk.ts'), ['import', '--dir', dir, file]), {
      cwd: ROOT,
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KK_'))), KK_PASSPHRASE: pass },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Geïmporteerd: 4 trajecten, 4 cliënten, \d+ meldingen/m);
    const after = await counts();
    expect(after.counts.trajecten).toBe(before.trajecten! + 4);
    expect(after.index).toEqual([]);
    expect(after.drift).toEqual([]);
  });

  it('takes --file as an alias, and --controle ja checks without writing', async () => {
    const before = (await counts()).counts;
    const file = importFile('dry.json', 3, 2);
    const dry = await kk(['import', '--dir', dir, '--controle', 'ja', file]);
    expect(dry.status).toBe(0);
    expect(dry.out).toMatch(/^Controle geslaagd, er is niets geschreven: 3 trajecten/);
    expect((await counts()).counts).toEqual(before);
    const alias = await kk(['import', '--dir', dir, '--file', file]);
    expect(alias.status).toBe(0);
    expect((await counts()).counts.trajecten).toBe(before.trajecten! + 3);
  });

  it('refuses the same file a second time with the date of the first import (exit 1, nothing written); --opnieuw ja imports it again on purpose', async () => {
    const file = importFile('twice.json', 2, 21);
    expect((await kk(['import', '--dir', dir, file])).status).toBe(0);
    const before = (await counts()).counts;
    const again = await kk(['import', '--dir', dir, file]);
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/^Dit bestand is al ingelezen op \d\d-\d\d-\d{4} om \d\d:\d\d\.\nWilt u het toch nog een keer inlezen.*--opnieuw ja\.$/);
    expect(again.err).toContain('[ALREADY_IMPORTED]');
    expect((await counts()).counts).toEqual(before);
    const dry = await kk(['import', '--dir', dir, '--controle', 'ja', file]);
    expect(dry.status).toBe(0);
    // The same cliënten are there already: after the note on the earlier import, each is named as a look-alike.
    expect(dry.out).toMatch(/\nLet op: dit bestand is al eerder ingelezen, op \d\d-\d\d-\d{4} om \d\d:\d\d\.\nLet op: cliënten in dit bestand lijken op iemand die er al is\./);
    expect((await kk(['import', '--dir', dir, '--opnieuw', 'misschien', file])).status).toBe(2);
    const sure = await kk(['import', '--dir', dir, '--opnieuw', 'ja', file]);
    expect(sure.status).toBe(0);
    expect((await counts()).counts.trajecten).toBe(before.trajecten! + 2);
  });

  it('needs exactly one file: none, two, or a missing file exit 2 with one line and write nothing', async () => {
    const before = (await counts()).counts;
    const file = importFile('one.json', 1, 3);
    for (const args of [['import', '--dir', dir], ['import', '--dir', dir, file, file], ['import', '--dir', dir, '--file', file, file], ['import', '--dir', dir, join(root, 'nope.json')]]) {
      const run = await kk(args);
      expect(run.status).toBe(2);
      expect(run.err.split('\n')).toHaveLength(1);
    }
    expect((await counts()).counts).toEqual(before);
  });

  it('refuses an invalid file whole, with Dutch reasons per record (index and field path), never the values', async () => {
    const before = (await counts()).counts;
    const secret = 'Zyxwervelnaam';
    const file = importFile('bad.json', 12, 4, (f) => {
      (f.trajecten[3]!.client as Record<string, unknown>).roepnaam = 12345;
      (f.trajecten[7] as Record<string, unknown>).gemeente = secret;
      (f.trajecten[9]!.client as Record<string, unknown>).geheimVeld = secret;
      delete (f.trajecten[10] as Record<string, unknown>).aanmelddatum;
      (f.meldingen[0] as Record<string, unknown>).datum = '25-11-2026';
    });
    const run = await kk(['import', '--dir', dir, file]);
    expect(run.status).toBe(1);
    expect(run.err).toMatch(/\[INVALID_INPUT\]$/);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('Het bestand is geweigerd; er is niets geschreven. 5 problemen:');
    expect(lines.slice(1).sort()).toEqual(
      [
        '  meldingen.0.datum: Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2024-03-01',
        '  trajecten.10.aanmelddatum: Dit veld ontbreekt. Vul het in',
        '  trajecten.3.client.roepnaam: Hier hoort tekst',
        '  trajecten.7.gemeente: Kies een gemeente uit de lijst, of "onbekend"',
        '  trajecten.9.client.geheimVeld: Dit veld kennen we niet. Haal het weg of controleer de spelling',
      ].sort(),
    );
    expect(run.out + run.err).not.toContain(secret);
    expect(run.out + run.err).not.toContain('12345');
    expect(run.out + run.err).not.toContain('25-11-2026');
    expect((await counts()).counts).toEqual(before);
  });
});

describe('kk import and cliënten that look like one already there (issue 13)', () => {
  it('names each look-alike after the summary by its place in the file and the other cliënt’s code, never a value; a check names the earlier place', async () => {
    // Its own vault, so the other tests' imports are no look-alikes here.
    const dir = join(root, 'vault-dubbel');
    closeVault((await createVault(dir, pass)).vault);
    const BSN = '111222333'; // synthetic, passes the elfproef
    let bestaand: Record<string, unknown> = {};
    const eerste = importFile('dubbel-a.json', 2, 51, (f) => {
      (f.trajecten[0]!.client as Record<string, unknown>).bsn = BSN;
      bestaand = f.trajecten[0]!.client as Record<string, unknown>;
    });
    expect((await kk(['import', '--dir', dir, eerste])).status).toBe(0);
    const vault = await unlockVault(dir, pass);
    const code = (vault.db.prepare('SELECT pseudoniem FROM clienten ORDER BY rowid LIMIT 1').get() as { pseudoniem: string }).pseudoniem;
    closeVault(vault);
    let nieuwe: Record<string, unknown> = {};
    const tweede = importFile('dubbel-b.json', 3, 52, (f) => {
      // Record 1: the first cliënt again (its name in other case, same BSN and birth date); record 2: the same person as record 0.
      const naam = String(bestaand.roepnaam);
      f.trajecten[1]!.client = { ...bestaand, roepnaam: naam.toUpperCase() };
      nieuwe = f.trajecten[0]!.client as Record<string, unknown>;
      f.trajecten[2]!.client = { ...nieuwe };
    });

    const check = await kk(['import', '--dir', dir, '--controle', 'ja', tweede]);
    expect(check.status).toBe(0);
    expect(check.out.split('\n')).toEqual([
      expect.stringMatching(/^Controle geslaagd, er is niets geschreven: 3 trajecten, 3 cliënten/),
      'Let op: cliënten in dit bestand lijken op iemand die er al is. Kijk dit na voordat u importeert. Bij importeren komt er anders een tweede cliënt bij:',
      `  trajecten.1.client: zelfde BSN, naam en geboortedatum als cliënt ${code}.`,
      '  trajecten.2.client: zelfde naam en geboortedatum als trajecten.0.client in dit bestand.',
    ]);

    const run = await kk(['import', '--dir', dir, tweede]);
    expect(run.status).toBe(0);
    const lines = run.out.split('\n');
    expect(lines[0]).toMatch(/^Geïmporteerd: 3 trajecten, 3 cliënten/);
    expect(lines[1]).toBe('Let op: cliënten uit dit bestand lijken op iemand die er al was. Ze zijn als nieuwe cliënt opgeslagen. Kijk na of het dezelfde persoon is:');
    expect(lines[2]).toBe(`  trajecten.1.client: zelfde BSN, naam en geboortedatum als cliënt ${code}.`);
    expect(lines[3]).toMatch(/^ {2}trajecten\.2\.client: zelfde naam en geboortedatum als trajecten\.0\.client in dit bestand \(nu cliënt KK-[^)]+\)\.$/);
    expect(lines).toHaveLength(4);
    for (const value of [BSN, bestaand.roepnaam, bestaand.achternaam, bestaand.geboortedatum, nieuwe.roepnaam, nieuwe.achternaam, nieuwe.geboortedatum].filter((v): v is string => typeof v === 'string')) {
      expect(run.out + run.err + check.out + check.err).not.toContain(value);
      expect((run.out + check.out).toLowerCase()).not.toContain(value.toLowerCase());
    }
  });

  it('beyond the ones named, says how many more there are', () => {
    const base = { dryRun: false, clienten: 250, trajecten: 250, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };
    const eerste = Array.from({ length: 200 }, (_, i) => ({ pad: `trajecten.${i + 1}.client`, lijktOp: 'in-kluis' as const, pseudoniem: 'KK-TEST-0001', op: ['bsn' as const] }));
    const lines = dubbelLines({ ...base, dubbel: { eerste, totaal: 237 } });
    expect(lines).toHaveLength(1 + 200 + 1);
    expect(lines.at(-1)).toBe('  … en 37 meer.');
    expect(dubbelLines({ ...base, dubbel: { eerste: eerste.slice(0, 3), totaal: 3 } }).at(-1)).toBe('  trajecten.3.client: zelfde BSN als cliënt KK-TEST-0001.');
    expect(dubbelLines(base)).toEqual([]);
  });
});

describe('kk vault check and the search index', () => {
  it('reports a healthy index, and a damaged one with one clear line (a count, not the terms) and exit 1', async () => {
    // Its own vault: the damage below must not reach the other tests' vault, whatever their order.
    const dir = join(root, 'vault-index');
    closeVault((await createVault(dir, pass)).vault);
    expect((await kk(['import', '--dir', dir, importFile('index.json', 3, 31)])).status).toBe(0);
    const ok = await kk(['vault', 'check', '--dir', dir]);
    expect(ok.status).toBe(0);
    expect(ok.out).toMatch(/^ok: integrity_check ok, schema \d+, \d+ pages\nok: zoekindex klopt met de gegevens$/);

    // Damage: a stale entry that no record explains (as a failed delete would leave behind).
    const vault = await unlockVault(dir, pass);
    vault.db.prepare(`INSERT INTO search_fts (rowid, naam, tekst) VALUES (?, '', ?)`).run(987_654, 'spookwoordje achtergebleven');
    closeVault(vault);

    const bad = await kk(['vault', 'check', '--dir', dir]);
    expect(bad.status).toBe(1);
    expect(bad.err.split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/^kk: De zoekindex klopt niet met de gegevens: \d+ zoektermen wijken af\..*\[SEARCH_INDEX_DAMAGED\]$/);
    expect(bad.err + bad.out).not.toMatch(/spookwoord|achtergebleven/);
  });
});

describe('kk import of an unusual file', () => {
  it('refuses a file whose records are fine but whose top level is not ours, writing nothing', async () => {
    const before = (await counts()).counts;
    const path = join(root, 'proto.json');
    const valid = JSON.parse(JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten: [] })) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify(valid).replace('{', '{"__proto__": {"x": 1}, "onbekend": 2, '));
    const run = await kk(['import', '--dir', dir, path]);
    expect(run.status).toBe(1);
    // The reader stops at the first key that is not ours, before any record is read.
    expect(run.out).toMatch(/^Het bestand is geweigerd; er is niets geschreven\. 1 probleem:\n {2}\(onbekend veld\): Dit bestand heeft niet de vorm van een Ketenkluis-importbestand: dit veld kennen we niet/);
    expect((await counts()).counts).toEqual(before);
  });

  it('a file that is not JSON at all gets one reason and exit 1', async () => {
    const path = join(root, 'kapot.json');
    writeFileSync(path, '{"format": "ketenkluis.casework", "trajecten": [{"a": 1}, ');
    const run = await kk(['import', '--dir', dir, path]);
    expect(run.status).toBe(1);
    expect(run.out.split('\n')).toEqual(['Het bestand is geweigerd; er is niets geschreven. 1 probleem:', '  (bestand): Dit is geen geldig JSON-bestand']);
  });
});
