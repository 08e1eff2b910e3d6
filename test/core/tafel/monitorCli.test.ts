// `kk monitor`, run as a person runs it: the launcher, a real process, signed files on disk, and
// for --dir a real tafel vault with registered keys. Never from unverified files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';
import { registreerOndertekenaar } from '../../../electron/core/tafel/tafelModus.repo';
import { closeVault, createVault } from '../../../electron/core/vault/vault';
import { monitor2024, type Wereld } from '../../shared/tafel/fixtures';
import { tempDir, testPassphrase } from '../vault/helpers';
import { runKk } from './kkRun';
import { geefUit, organisatie, type Organisatie } from './monitorFixtures';

const pass = testPassphrase();
let root: string;
let cleanup: () => void;
let essm: Organisatie;
let zuid: Organisatie;
const files: Record<string, string> = {};

const klein: Wereld = {
  clienten: [
    { categorie: 'seksuele-uitbuiting', nieuw: true, leeftijd: 'volwassen', aantal: 14 },
    { categorie: 'criminele-uitbuiting', nieuw: true, leeftijd: 'volwassen', aantal: 2 },
  ],
  meldingen: [{ herkomst: 'Rotterdam', soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' }, aantal: 11 }],
  politie: [],
  afgesloten: {},
  crisis: 0,
};

function schrijf(naam: string, inhoud: string): string {
  const p = join(root, 'in', naam);
  writeFileSync(p, inhoud);
  files[naam] = p;
  return p;
}

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('kk-monitor-cli-'));
  mkdirSync(join(root, 'in'));
  essm = organisatie('essm', 'ESSM (Humanitas)');
  zuid = organisatie('zoco-zuid', 'Zorgcoördinatie Zuid (synthetisch)');
  schrijf('essm-2024.json', geefUit(essm, { jaar: 2024 }, monitor2024()).json);
  schrijf('zuid-2024.json', geefUit(zuid, { jaar: 2024 }, klein).json);
  const { vault } = await createVault(join(root, 'tafel'), pass);
  try {
    for (const o of [essm, zuid]) inTransaction(vault.db, () => registreerOndertekenaar(vault.db, ownerWriter(), { naam: o.naam, organisatieId: o.id, vingerafdruk: o.vingerafdruk }));
  } finally {
    closeVault(vault);
  }
}, 120_000);
afterAll(() => cleanup());

const kk = (args: string[]) => runKk(root, pass, args);
const pdftotext = (f: string) => spawnSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).stdout;
const beide = () => [files['essm-2024.json'], files['zuid-2024.json']].join(delimiter);

describe('kk monitor', () => {
  it('refuses without --fingerprint or --dir: never from unverified files', () => {
    const out = join(root, 'geen.pdf');
    const r = kk(['monitor', '--in', beide(), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nooit uit ongecontroleerde bestanden/);
    expect(existsSync(out)).toBe(false);
  }, 180_000);

  it('with both fingerprints: exit 0, the PDF with both organisations and the combined figures', () => {
    const out = join(root, 'monitor-fp.pdf');
    const r = kk(['monitor', '--in', beide(), '--out', out, '--fingerprint', `${essm.vingerafdruk},${zuid.vingerafdruk.replace(/ /g, '').toLowerCase()}`]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Monitor over 2024 geschreven: monitor-fp.pdf (2 organisaties: ESSM (Humanitas), Zorgcoördinatie Zuid (synthetisch)).\n');
    const t = pdftotext(out);
    expect(t).toContain('Regionale monitor mensenhandel');
    expect(t).toContain('Zorgcoördinatie Zuid (synthetisch)');
    // 167 + 16 cliënten in all.
    expect(t).toMatch(/Totaal\s+\S+\s+\S+\s+183/);
  }, 180_000);

  it('one fingerprint only: the other file is refused with its reason, nothing written (exit 2)', () => {
    const out = join(root, 'monitor-een.pdf');
    const r = kk(['monitor', '--in', beide(), '--out', out, '--fingerprint', essm.vingerafdruk]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`Geweigerd: zuid-2024.json: Onbekende ondertekenaar: het bestand van "Zorgcoördinatie Zuid (synthetisch)" is ondertekend met sleutel ${zuid.vingerafdruk}`);
    expect(r.stderr).toMatch(/1 van de 2 bestanden geweigerd\. Er is niets geschreven\./);
    expect(existsSync(out)).toBe(false);
  }, 180_000);

  it('with --dir (the tafel vault\'s keys) and a folder as --in: exit 0', () => {
    const out = join(root, 'monitor-dir.pdf');
    const ok = kk(['monitor', '--in', join(root, 'in'), '--out', out, '--dir', join(root, 'tafel'), '--year', '2024']);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(pdftotext(out)).toContain('ESSM (Humanitas)');
  }, 180_000);

  it('with --dir: a tampered file and a period mismatch are each refused by name, nothing written', () => {
    schrijf('zuid-kopie.json', readFileSync(files['zuid-2024.json']!, 'utf8'));
    schrijf('essm-veranderd.json', readFileSync(files['essm-2024.json']!, 'utf8').replace('"clienten.totaal.totaal":167', '"clienten.totaal.totaal":168'));
    const out2 = join(root, 'monitor-dir-2.pdf');
    const r = kk(['monitor', '--in', join(root, 'in'), '--out', out2, '--dir', join(root, 'tafel'), '--year', '2024', '--quarter', '2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Geweigerd: essm-2024\.json: Dit overzicht gaat over 2024, maar de monitor gaat over kwartaal 2 van 2024\./);
    expect(r.stderr).toMatch(/Geweigerd: essm-veranderd\.json: De handtekening klopt niet/);
    expect(existsSync(out2)).toBe(false);
  }, 180_000);

  it('with --dir: a replayed file (the same release twice) is refused, nothing written', () => {
    const out2 = join(root, 'monitor-dir-3.pdf');
    const r2 = kk(['monitor', '--in', join(root, 'in'), '--out', out2, '--dir', join(root, 'tafel')]);
    expect(r2.status).toBe(2);
    // Folder order: essm-2024, essm-veranderd, zuid-2024, zuid-kopie (the replay).
    expect(r2.stderr).toMatch(/Geweigerd: zuid-kopie\.json: Dit overzicht \(nummer 1 van Zorgcoördinatie Zuid \(synthetisch\)\) is al eerder ontvangen\./);
    expect(r2.stderr).toMatch(/2 van de 4 bestanden geweigerd/);
    expect(existsSync(out2)).toBe(false);
  }, 180_000);
});
