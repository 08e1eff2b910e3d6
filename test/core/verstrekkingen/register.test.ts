// The verstrekkingenregister: the four searches (per cliënt, partner, ground, period), at least
// four years back, paged newest first; the CSV for the privacy officer (BOM, Dutch headers, no
// formula injection); and `kk verstrekkingen` run for real on a real vault through the launcher.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RegisterRegel } from '../../../shared/verstrekkingen/register.schema';
import { csvCel, csvKoppen } from '../../../electron/core/verstrekkingen/registerCsv';
import { openProfileVault, profileFields, type ProfileVault } from '../profile/helpers';
import { ROOT } from '../vault/helpers';
import { COMENSHA_ANTWOORDEN, besluitInvoer, openVVault, type VVault } from './helpers';

const VT = { 'zonder-persoonsgegevens': 'nee', 'afzender-opsporing': 'nee', 'doel-verenigbaar': 'ja', 'meldcode-vermoeden': 'ja', 'uitzondering-strafrechtelijk': 'meldrecht', 'eigen-beroepsgeheim': 'nee', proportioneel: 'ja', 'minder-ingrijpend': 'nee', informeren: 'ja' };

type Caller = Pick<VVault, 'call'>;

/** A day `n` days after `iso`. */
function dag(iso: string, n: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** A cliënt with a traject (synthetic), registered `aanmeld` and with a written CoMensha consent from then. */
async function client(v: Caller, aanmeld: string, roepnaam: string) {
  const c = await v.call('clienten.create', { fields: { roepnaam, achternaam: 'Registertest', geboortedatum: '1990-01-01' } });
  const t = await v.call('trajecten.create', { clientId: c.id, fields: { vormen: ['seksuele-uitbuiting'], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: aanmeld } });
  const toestemming = await v.call('toestemmingen.add', { trajectId: t.id, fields: { doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: aanmeld, schriftelijk: true, gegevenDoor: 'client' } });
  return { pseudoniem: c.pseudoniem, trajectId: t.id, toestemmingId: toestemming.id };
}

/** A completed decision with the given answers; `extra` goes into what the person writes. */
async function besluit(v: Caller, trajectId: string, partnerId: string, doel: 'registratie-comensha' | 'melding-veilig-thuis', antwoorden: Record<string, string>, herbeoordeling: string, extra: Record<string, unknown> = {}) {
  let s = await v.call('verstrekkingen.createDraft', { trajectId, partnerId, doel, gevraagdeGegevens: ['identificerend', 'uitbuiting'] });
  while (s.stap.soort === 'vraag') s = await v.call('verstrekkingen.step', { id: s.concept.id, version: s.concept.version, antwoord: { vraag: s.stap.vraag.id, waarde: antwoorden[s.stap.vraag.id]! } });
  return v.call('verstrekkingen.complete', { id: s.concept.id, version: s.concept.version, besluit: besluitInvoer({ herbeoordelingOp: herbeoordeling, ...extra }) });
}

let v: VVault;
const NU = new Date();
const VIER_JAAR_TERUG = new Date(NU.getFullYear() - 4, NU.getMonth() - 6, 10, 10, 0, 0);
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
let a: Awaited<ReturnType<typeof client>>;
let b: Awaited<ReturnType<typeof client>>;
let oudBesluit: string;

beforeAll(async () => {
  v = await openVVault();
  // Four and a half years ago: cliënt A, a CoMensha decision and its package (the clock set back, as it was then).
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(VIER_JAAR_TERUG);
  const toen = iso(VIER_JAAR_TERUG);
  a = await client(v, dag(toen, -20), 'Anna');
  const oud = await besluit(v, a.trajectId, 'comensha', 'registratie-comensha', { ...COMENSHA_ANTWOORDEN }, dag(toen, 60));
  oudBesluit = oud.id;
  await v.call('verstrekkingen.writePackage', { besluitId: oud.id, trajectId: a.trajectId, partnerId: 'comensha', categorieen: oud.velden, path: join(v.dir, 'oud.pdf') });
  vi.useRealTimers();
  // Now: A to Veilig Thuis under meldrecht (and a refused attempt), B to CoMensha, a revocation with a formula-like reason.
  const vandaag = iso(new Date());
  const vt = await besluit(v, a.trajectId, 'veilig-thuis-rotterdam-rijnmond', 'melding-veilig-thuis', VT, dag(vandaag, 30), { noodzaak: '+31 6 nodig om te bellen; "direct"', alternatieven: '@melder gevraagd\nniet genoeg' });
  await v.fail('verstrekkingen.copyValue', { besluitId: vt.id, trajectId: a.trajectId, partnerId: 'veilig-thuis-rotterdam-rijnmond', veld: 'bsn' });
  b = await client(v, dag(vandaag, -10), 'Bente');
  const bb = await besluit(v, b.trajectId, 'comensha', 'registratie-comensha', { ...COMENSHA_ANTWOORDEN }, dag(vandaag, 30));
  await v.call('verstrekkingen.revoke', { besluitId: bb.id, reden: '=HYPERLINK("https://example.invalid","klik")' });
});
afterAll(() => v.close());
afterEach(() => vi.useRealTimers());

const soorten = (items: RegisterRegel[]) => items.map((r) => r.soort);

describe('the four searches', () => {
  it('per cliënt: who received what, when and why, more than four years back, newest first', async () => {
    const r = await v.call('verstrekkingen.register', { filter: { pseudoniem: a.pseudoniem } });
    expect(soorten(r.items)).toEqual(['geweigerd', 'besluit', 'pakket', 'besluit']);
    expect(r.total).toBe(4);
    const oud = r.items.at(-1)!;
    expect(new Date(oud.op).getFullYear()).toBe(VIER_JAAR_TERUG.getFullYear());
    expect(oud).toMatchObject({ besluitId: oudBesluit, ontvanger: 'CoMensha', grondslag: 'toestemming', velden: ['identificerend', 'uitbuiting'], besluit: { doel: 'registratie-comensha', noodzaak: expect.any(String), afzender: { naam: 'Testa Zorgcoördinator' } } });
    expect(r.items[2]).toMatchObject({ soort: 'pakket', besluitId: oudBesluit, referentie: oud.referentie });
    expect(r.items[0]).toMatchObject({ soort: 'geweigerd', wat: 'kopie', veld: 'bsn', reden: expect.stringMatching(/staat niet in het besluit/) });
    expect((await v.call('verstrekkingen.register', { filter: { pseudoniem: b.pseudoniem } })).items.map((x) => x.soort)).toEqual(['intrekking', 'besluit']);
  });

  it('per partner, per ground, per period, combined, and paged', async () => {
    expect(soorten((await v.call('verstrekkingen.register', { filter: { partnerId: 'veilig-thuis-rotterdam-rijnmond' } })).items)).toEqual(['geweigerd', 'besluit']);
    expect((await v.call('verstrekkingen.register', { filter: { partnerId: 'comensha' } })).total).toBe(4);
    expect((await v.call('verstrekkingen.register', { filter: { grondslag: 'publieke-taak' } })).items.every((r) => r.ontvanger === 'Veilig Thuis Rotterdam Rijnmond')).toBe(true);
    expect((await v.call('verstrekkingen.register', { filter: { grondslag: 'toestemming' } })).total).toBe(4);
    const toen = iso(VIER_JAAR_TERUG);
    // A period is whole days: `tot` includes its own day.
    expect(soorten((await v.call('verstrekkingen.register', { filter: { van: toen, tot: toen } })).items)).toEqual(['pakket', 'besluit']);
    expect((await v.call('verstrekkingen.register', { filter: { tot: dag(toen, -1) } })).total).toBe(0);
    expect((await v.call('verstrekkingen.register', { filter: { van: dag(toen, 1) } })).total).toBe(4);
    expect((await v.call('verstrekkingen.register', { filter: { pseudoniem: a.pseudoniem, partnerId: 'comensha', grondslag: 'toestemming', van: toen } })).total).toBe(2);
    const alles = await v.call('verstrekkingen.register', {});
    const paginas = [await v.call('verstrekkingen.register', { page: { offset: 0, limit: 3 } }), await v.call('verstrekkingen.register', { page: { offset: 3, limit: 3 } }), await v.call('verstrekkingen.register', { page: { offset: 6, limit: 3 } })];
    expect(paginas.flatMap((p) => p.items).map((r) => r.id)).toEqual(alles.items.map((r) => r.id));
    expect(alles.items.map((r) => r.volgnummer)).toEqual([...alles.items.map((r) => r.volgnummer)].sort((x, y) => y - x));
  });

  it('refuses a filter that cannot be right, with a Dutch message', async () => {
    expect((await v.fail('verstrekkingen.register', { filter: { van: '2026-02-01', tot: '2026-01-01' } })).issues).toEqual([{ path: 'filter.tot', message: 'De einddatum ligt voor de begindatum' }]);
    expect((await v.fail('verstrekkingen.register', { filter: { pseudoniem: 'Anna' } })).issues?.[0]?.path).toBe('filter.pseudoniem');
  });
});

describe('the CSV for the privacy officer', () => {
  it('is UTF-8 with a BOM, Dutch headers, semicolons and CRLF; no cell can start a formula', async () => {
    const path = join(v.dir, 'register.csv');
    expect(await v.call('verstrekkingen.writeRegisterCsv', { path, filter: {} })).toEqual({ rijen: 6 });
    const raw = readFileSync(path);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = raw.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(csvKoppen.map(csvCel).join(';'));
    expect(csvKoppen).toEqual(expect.arrayContaining(['Cliënt (pseudoniem)', 'Ontvanger', 'Grondslag', 'Wettelijke bepaling', 'Gegevens', 'BSN', 'Betrokkene geïnformeerd', 'Bewaartermijn', 'Regelset stappenplan', 'Herbeoordeling']));
    const rows = parseCsv(text);
    expect(rows).toHaveLength(7);
    for (const row of rows) expect(row).toHaveLength(csvKoppen.length);
    // Every cell that would start with = + - @ starts with an apostrophe instead.
    for (const cel of rows.flat()) expect(cel, cel).not.toMatch(/^[=+\-@\t\r]/);
    const cellen = rows.flat();
    expect(cellen).toContain(`'=HYPERLINK("https://example.invalid","klik")`);
    expect(cellen).toContain(`'+31 6 nodig om te bellen; "direct"`);
    expect(cellen).toContain(`'@melder gevraagd\nniet genoeg`);
    const col = (kop: string) => csvKoppen.indexOf(kop);
    expect(rows.slice(1).map((r) => r[col('Cliënt (pseudoniem)')])).toContain(a.pseudoniem);
    // BSN yes only on the refused attempt to copy it.
    expect(rows.slice(1).map((r) => [r[col('Soort')], r[col('BSN')]]).filter(([, bsn]) => bsn === 'ja')).toEqual([['geweigerd', 'ja']]);
  });

  it('follows the filter', async () => {
    const path = join(v.dir, 'b.csv');
    expect(await v.call('verstrekkingen.writeRegisterCsv', { path, filter: { pseudoniem: b.pseudoniem } })).toEqual({ rijen: 2 });
    expect(readFileSync(path, 'utf8')).not.toContain(a.pseudoniem);
  });
});

/** A small RFC 4180 reader (semicolons): enough to check that every line has every column. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cel = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cel += '"'), i++;
      else if (c === '"') quoted = false;
      else cel += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') (row.push(cel), (cel = ''));
    else if (c === '\r' && text[i + 1] === '\n') (row.push(cel), rows.push(row), (row = []), (cel = ''), i++);
    else cel += c;
  }
  if (cel !== '' || row.length > 0) (row.push(cel), rows.push(row));
  return rows;
}

describe('kk verstrekkingen (the launcher, a real vault)', () => {
  let pv: ProfileVault;
  let pseudoniem: string;
  beforeAll(async () => {
    pv = await openProfileVault();
    await pv.call('profile.save', { fields: profileFields() });
    const c = await client(pv, iso(new Date(Date.now() - 10 * 86_400_000)), 'Cato');
    pseudoniem = c.pseudoniem;
    await besluit(pv, c.trajectId, 'comensha', 'registratie-comensha', { ...COMENSHA_ANTWOORDEN }, iso(new Date(Date.now() + 30 * 86_400_000)));
    const d = await client(pv, iso(new Date(Date.now() - 10 * 86_400_000)), 'Dirk');
    await besluit(pv, d.trajectId, 'veilig-thuis-rotterdam-rijnmond', 'melding-veilig-thuis', VT, iso(new Date(Date.now() + 30 * 86_400_000)));
    pv.core.close();
  });
  afterAll(() => pv.close());

  const kk = (args: string[]) =>
    spawnSync(join(ROOT, 'electron/core/cli/bin/kk'), ['verstrekkingen', '--dir', pv.dir, ...args], {
      cwd: ROOT,
      input: `${pv.passphrase}\n`,
      env: Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KK_'))),
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('--client CODE --csv: the CSV of one cliënt on standard output (passphrase from standard input)', () => {
    const r = kk(['--client', pseudoniem.toLowerCase(), '--csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('\uFEFFVolgnummer;Soort;')).toBe(true);
    const lines = r.stdout.slice(1).split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(pseudoniem);
    expect(lines[1]).toContain('CoMensha');
  });

  it('readable lines without --csv; --partner and --van/--tot filter; a bad option is a usage error', () => {
    const alles = kk([]);
    expect(alles.status).toBe(0);
    expect(alles.stdout).toMatch(/\| besluit \| VK-[0-9A-F]{12} \| KK-[A-Z0-9]{4}-[A-Z0-9]{2} \| Veilig Thuis Rotterdam Rijnmond \| publieke taak \| naam en geboortedatum; vorm van uitbuiting en signalen/);
    expect(alles.stdout.trim().split('\n').at(-1)).toBe('2 regels in het verstrekkingenregister.');
    expect(kk(['--partner', 'comensha']).stdout.trim().split('\n').at(-1)).toBe('1 regel in het verstrekkingenregister.');
    expect(kk(['--van', '2020-01-01', '--tot', '2020-12-31']).stdout.trim()).toBe('0 regels in het verstrekkingenregister.');
    const fout = kk(['--client', 'Cato']);
    expect(fout.status).toBe(2);
    expect(fout.stderr).toMatch(/--client needs a pseudonym code/);
  });
});
