// The disclosure package, opened as a recipient would: with qpdf and poppler (pdftoppm, pdftotext)
// on the real file the core wrote. Encrypted AES-256 under the generated password (refused
// without it), the attached JSON equal to exactly the allowed fields, pages rendered to PNG.
// Set KK_KEEP_PNG=<folder> to keep the rendered pages for looking at them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as realFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KkError } from '../../../shared/errors';
import { schrijfAtomisch, type BestandFs } from '../../../electron/core/verstrekkingen/bestand';
import { toegestaneVelden } from '../../../electron/core/verstrekkingen/inhoud';
import { pdfTekst } from '../../../electron/core/verstrekkingen/pakketPdf';
import { comenshaBesluit, openVVault, registerTelling, type VVault } from './helpers';

let v: VVault;
beforeEach(async () => (v = await openVVault()));
afterEach(() => v.close());

const ALLES = ['identificerend', 'achtergrond', 'traject', 'uitbuiting'] as const;

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'buffer' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

async function pakket(client: Record<string, unknown> = {}) {
  const b = await comenshaBesluit(v, { client });
  const path = join(v.dir, 'verstrekking.pdf');
  const r = await v.call('verstrekkingen.writePackage', { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha', categorieen: [...ALLES], path });
  return { ...b, path, ...r };
}

describe('the package file', () => {
  it('opens with its password only, AES-256', async () => {
    const p = await pakket();
    expect(statSync(p.path).size).toBe(p.bytes);
    expect(statSync(p.path).mode & 0o777).toBe(0o600);
    const out = join(v.dir, 'open.pdf');
    expect(run('qpdf', [`--password=${p.wachtwoord}`, '--decrypt', p.path, out]).status).toBe(0);
    const zonder = run('qpdf', ['--decrypt', p.path, join(v.dir, 'x.pdf')]);
    expect(zonder.status).toBe(2);
    expect(zonder.stderr).toMatch(/invalid password/);
    expect(run('qpdf', ['--password=AAAA-BBBB-CCCC-DDDD-EEEE', '--decrypt', p.path, join(v.dir, 'y.pdf')]).status).toBe(2);
    const enc = run('qpdf', [`--password=${p.wachtwoord}`, '--show-encryption', p.path]).stdout.toString('utf8');
    expect(enc).toMatch(/stream encryption method: AESv3/);
    // AES-256 as PDF 1.7 extension level 3 (V 5, R 5), which every current reader opens. Its
    // password check is a single SHA-256, so the strength is the password's: ~98 random bits.
    expect(enc).toMatch(/^R = 5$/m);
    expect(run('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', p.path, join(v.dir, 'nee')]).status).not.toBe(0);
    // Nothing of the cliënt is readable in the bytes without the password.
    const bytes = readFileSync(p.path);
    for (const text of ['Voorbeeldig', 'Testa', 'Fictief', 'verstrekking.json"', 'CoMensha']) expect(bytes.includes(text), text).toBe(false);
  });

  it('carries the same content as JSON: exactly the allowed fields, nothing else from the vault', async () => {
    const p = await pakket();
    const json = JSON.parse(run('qpdf', [`--password=${p.wachtwoord}`, '--show-attachment=verstrekking.json', p.path]).stdout.toString('utf8')) as Record<string, unknown> & {
      gegevens: Record<string, Record<string, unknown>>;
      gemaaktOp: string;
    };
    const preview = await v.call('verstrekkingen.preview', { besluitId: p.besluit.id });
    expect({ ...json, gemaaktOp: 'x' }).toEqual({ ...preview, gemaaktOp: 'x' });
    expect(json.gegevens.client).toEqual({ roepnaam: 'Testa', achternaam: 'Voorbeeldig', geboortedatum: expect.any(String), geslacht: 'vrouw', nationaliteit: 'Fictief' });
    const mag = toegestaneVelden([...ALLES]);
    expect(Object.keys(json.gegevens.traject!).every((k) => mag.traject.includes(k))).toBe(true);
    const tekst = JSON.stringify(json);
    // In the vault, never in this package: BSN, phone, e-mail, health, notes.
    for (const niet of ['123456782', '0612345678', 'testa@example.invalid', 'gezondheidsnotitie', 'Synthetische notitie', 'trajectnotitie']) expect(tekst).not.toContain(niet);
    expect(json).toMatchObject({ formaat: 'ketenkluis-verstrekking', categorieen: [...ALLES], voorblad: { referentie: p.besluit.referentie, grondslag: 'toestemming', ontvanger: { naam: 'CoMensha' } } });
  });

  it('reads as a person expects: the cover (recipient, purpose, ground, reference, date, sender) and the data, names exactly as written; pages render', async () => {
    const p = await pakket({ roepnaam: 'Ștefan', achternaam: 'Łukasiewicz-Ольга' });
    // As a recipient opens it: decrypt with the password, then read the text of the pages.
    const open = join(v.dir, 'open.pdf');
    expect(run('qpdf', [`--password=${p.wachtwoord}`, '--decrypt', p.path, open]).status).toBe(0);
    const text = run('pdftotext', ['-enc', 'UTF-8', '-layout', open, '-']).stdout.toString('utf8');
    for (const deel of ['Gegevensverstrekking', 'Ontvanger', 'CoMensha', 'Doel', 'Grondslag', 'toestemming', p.besluit.referentie, 'Afzender', 'Testa Zorgcoördinator', 'zorgcoördinator', 'ESSM (Humanitas)', 'Datum van dit pakket', 'verstrekking.json', 'Gegevens', 'Roepnaam', 'Fictief', 'seksuele uitbuiting', 'pagina 1 van 2']) {
      expect(text, deel).toContain(deel);
    }
    // The exact name on the page, not only in the attachment; nothing replaced, nothing to excuse.
    expect(text).toContain('Ștefan');
    expect(text).toContain('Łukasiewicz-Ольга');
    expect(text).not.toMatch(/Stefan|Lukasiewicz|\?\?/);
    expect(text).not.toMatch(/Enkele tekens/);
    expect(text).not.toContain('123456782');
    expect(run('qpdf', [`--password=${p.wachtwoord}`, '--show-attachment=verstrekking.json', p.path]).stdout.toString('utf8')).toContain('Łukasiewicz-Ольга');
    // The letters are embedded (a subset of DejaVu Sans), so any reader shows them the same.
    const fonts = run('pdffonts', ['-upw', p.wachtwoord, p.path]).stdout.toString('utf8');
    expect(fonts).toMatch(/DejaVuSans\b.*\byes\s+yes\b/);
    expect(fonts).toMatch(/DejaVuSans-Bold\b.*\byes\s+yes\b/);
    expect(fonts).not.toMatch(/Helvetica/);
    const keep = process.env.KK_KEEP_PNG;
    const dir = keep ?? mkdtempSync(join(tmpdir(), 'kk-pakket-png-'));
    try {
      mkdirSync(dir, { recursive: true });
      expect(run('pdftoppm', ['-upw', p.wachtwoord, '-png', '-r', '60', p.path, join(dir, 'pakket')]).status).toBe(0);
      const pages = readdirSync(dir).filter((f) => f.startsWith('pakket') && f.endsWith('.png'));
      expect(pages).toHaveLength(2);
      for (const page of pages) expect(statSync(join(dir, page)).size).toBeGreaterThan(5_000);
    } finally {
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a character the letters do not have (Ethiopic) is not replaced: the cover says it prints as a box and the attachment has it', async () => {
    const p = await pakket({ roepnaam: 'ትግርኛ', achternaam: 'Ольга' });
    const text = run('pdftotext', ['-enc', 'UTF-8', '-upw', p.wachtwoord, p.path, '-']).stdout.toString('utf8');
    expect(text).toContain('Ольга');
    expect(text).toMatch(/Enkele tekens staan niet in het lettertype van deze PDF/);
    expect(text).not.toContain('????');
    expect(run('qpdf', [`--password=${p.wachtwoord}`, '--show-attachment=verstrekking.json', p.path]).stdout.toString('utf8')).toContain('ትግርኛ');
  });

  it('the password is shown once and kept nowhere: not in the vault’s tables, not in the log', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (lines.push(String(chunk)), true));
    vi.stubEnv('KK_LOG', '1');
    let p: Awaited<ReturnType<typeof pakket>>;
    try {
      p = await pakket();
      await v.fail('verstrekkingen.writePackage', { besluitId: p.besluit.id, trajectId: p.trajectId, partnerId: 'ind', categorieen: [...ALLES], path: join(v.dir, 'nee.pdf') });
    } finally {
      spy.mockRestore();
      vi.unstubAllEnvs();
    }
    expect(lines.join('')).not.toContain(p.wachtwoord);
    const tables = (v.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    for (const table of tables) {
      const rows = JSON.stringify(v.db.prepare(`SELECT * FROM "${table}"`).all(), (_k, val: unknown) => (Buffer.isBuffer(val) ? val.toString('latin1') : val));
      expect(rows, table).not.toContain(p.wachtwoord);
      expect(rows, table).not.toContain(p.wachtwoord.replaceAll('-', ''));
    }
    // A second package of the same decision gets a new password.
    const again = await v.call('verstrekkingen.writePackage', { besluitId: p.besluit.id, trajectId: p.trajectId, partnerId: 'comensha', categorieen: [...ALLES], path: join(v.dir, 'twee.pdf') });
    expect(again.wachtwoord).not.toBe(p.wachtwoord);
  });
});

describe('writing is atomic', () => {
  it('a full disk is DISK_FULL: nothing half-written stays, an existing file is untouched, the register has no entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-atomic-'));
    try {
      const target = join(dir, 'pakket.pdf');
      writeFileSync(target, 'oud');
      let writes = 0;
      const vol: BestandFs = {
        ...realFs,
        writeSync: ((fd: number, data: Uint8Array, offset?: number, length?: number) => {
          if (++writes > 1) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          return realFs.writeSync(fd, data, offset, Math.min(length ?? data.length, 10));
        }) as BestandFs['writeSync'],
      };
      let error: unknown;
      try {
        schrijfAtomisch(target, (write) => write(Buffer.alloc(1000, 1)), vol);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KkError);
      expect((error as KkError).code).toBe('DISK_FULL');
      expect(readdirSync(dir)).toEqual(['pakket.pdf']);
      expect(readFileSync(target, 'utf8')).toBe('oud');
      expect(schrijfAtomisch(target, (write) => (write('nieuw, '), write(Buffer.from('heel')))) ).toBe(11);
      expect(readFileSync(target, 'utf8')).toBe('nieuw, heel');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Through the core: a package that cannot be written leaves no register entry and no file.
    const b = await comenshaBesluit(v);
    const e = await v.fail('verstrekkingen.writePackage', { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha', categorieen: [...ALLES], path: join(v.dir, 'bestaat-niet', 'p.pdf') });
    expect(e.code).not.toBe('DISCLOSURE_REFUSED');
    expect(registerTelling(v.db)).toEqual({ besluit: 1 });
  });
});

describe('text as the package prints it', () => {
  it('is composed (NFC) with plain line ends, every letter kept', () => {
    // "S" + combining comma below becomes the one letter "Ș" the font draws; nothing is dropped.
    expect(pdfTekst('S\u0326tefan Łukasiewicz-Ольга')).toBe('Ștefan Łukasiewicz-Ольга');
    expect(pdfTekst('Zoë Müller-Ñúñez ትግርኛ € – “x”')).toBe('Zoë Müller-Ñúñez ትግርኛ € – “x”');
    expect(pdfTekst('een\r\ntwee\rdrie\tvier')).toBe('een\ntwee\ndrie vier');
  });
});
