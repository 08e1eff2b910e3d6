// Correcting and finding (issue 13), through the real dispatcher on a real encrypted vault: a
// melding corrected after saving moves the dashboard's kept counts with it; a task's title, due
// date and reminder can be corrected; a wrongly created cliënt is removed with a reason (record,
// index and quick-switch names gone, the change log keeps the action and the category only); the
// duplicate check names existing cliënten by pseudonym code. Every test also ends with the search
// index and the kept counts checked against the records (useCheckedTestVault). All data is synthetic.
import { describe, expect, it } from 'vitest';
import { changesOf } from '../../../electron/core/casework/changeKinds';
import { duplicateLookups } from '../../../electron/core/casework/clienten.repo';
import type { Input } from '../../../shared/ipc/contract';
import { countDrift, inDays, newTraject, snapshotCounts, today, useCheckedTestVault, type TestVault } from './helpers';

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

const jaar = Number(today.slice(0, 4));

const melding = (extra: Partial<Input<'meldingen.create'>['fields']> = {}): Input<'meldingen.create'>['fields'] => ({
  datum: today,
  kanaal: 'telefoon',
  anoniem: true,
  melderType: 'burger',
  gemeente: 'Rotterdam',
  vorm: 'seksuele-uitbuiting',
  minderjarig: false,
  ...extra,
});

/** The meldingen part of this year's dashboard (the vault has no profile: region Rotterdam). */
async function figures(year = jaar) {
  return (await v.call('dashboard.get', { jaar: year })).monitor.meldingen;
}
const groep = (m: Awaited<ReturnType<typeof figures>>, g: string) => m.perGemeenteGroep.find((r) => r.groep === g)?.aantal ?? 0;
const rij = (m: Awaited<ReturnType<typeof figures>>, r: string) => m.perVorm.find((x) => x.rij === r) ?? { volwassen: 0, minderjarig: 0, onbekend: 0 };

/** Every field name the change log holds, for "no value ever reaches it". */
function loggedFieldSets(): string {
  return JSON.stringify(v.db.prepare('SELECT fields FROM change_fieldsets').all());
}

describe('a melding corrected after saving', () => {
  it('moves the dashboard figures: gemeente, form, minderjarig, reporter and date each move the melding to its new group', async () => {
    // Two meldingen stay as they are, so the figures also show what did NOT move.
    await v.call('meldingen.create', { fields: melding() });
    await v.call('meldingen.create', { fields: melding({ gemeente: 'Schiedam', vorm: 'criminele-uitbuiting' }) });
    let m = await v.call('meldingen.create', { fields: melding({ signaal: 'Synthetisch signaal over een kapsalon' }) });
    let f = await figures();
    expect(f.totaal).toBe(3);
    expect([groep(f, 'centrumgemeente'), groep(f, 'regio')]).toEqual([2, 1]);
    expect(rij(f, 'seksuele-uitbuiting')).toEqual({ rij: 'seksuele-uitbuiting', volwassen: 2, minderjarig: 0, onbekend: 0 });

    // The gemeente was wrong: Vlaardingen (another gemeente of the region), not Rotterdam.
    m = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { gemeente: 'Vlaardingen' } });
    f = await figures();
    expect([groep(f, 'centrumgemeente'), groep(f, 'regio')]).toEqual([1, 2]);
    expect(countDrift(v.db)).toEqual([]);

    // The form and the age: criminal exploitation of a minor.
    m = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { vorm: 'criminele-uitbuiting', minderjarig: true } });
    f = await figures();
    expect(rij(f, 'seksuele-uitbuiting')).toMatchObject({ volwassen: 1, minderjarig: 0 });
    expect(rij(f, 'criminele-uitbuiting')).toMatchObject({ volwassen: 1, minderjarig: 1 });

    // Age not known after all: its own column, never counted as adult.
    m = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { minderjarig: null } });
    expect(rij(await figures(), 'criminele-uitbuiting')).toMatchObject({ volwassen: 1, minderjarig: 0, onbekend: 1 });

    // The reporter was a sex worker asking for information: the monitor's own figure.
    m = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { melderType: 'sekswerker', informatieverzoek: true, vorm: 'geen' } });
    f = await figures();
    expect(f.informatieverzoeken).toEqual({ sekswerkers: 1, overig: 0 });

    // The date was last year's: the melding leaves this year's figures and joins last year's.
    m = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { datum: `${jaar - 1}-11-30` } });
    expect((await figures()).totaal).toBe(2);
    expect((await figures(jaar - 1)).totaal).toBe(1);
    expect((await figures(jaar - 1)).informatieverzoeken.sekswerkers).toBe(1);
    expect(m).toMatchObject({ datum: `${jaar - 1}-11-30`, gemeente: 'Vlaardingen', melderType: 'sekswerker', minderjarig: null, signaal: 'Synthetisch signaal over een kapsalon' });
    expect(v.db.prepare('SELECT count(*) AS n FROM melding_tellingen WHERE n < 0').get()).toEqual({ n: 0 });

    // Each correction is a change event naming the fields, never their values.
    expect(changesOf(v.db, 'melding', m.id).map((e) => [e.action, e.fields])).toEqual([
      ['create', ['anoniem', 'datum', 'gemeente', 'informatieverzoek', 'kanaal', 'melderType', 'minderjarig', 'preventiefGesprek', 'signaal', 'vorm', 'acuut', 'conclusie'].sort()],
      ['update', ['gemeente']],
      ['update', ['minderjarig', 'vorm']],
      ['update', ['minderjarig']],
      ['update', ['informatieverzoek', 'melderType', 'vorm']],
      ['update', ['datum']],
    ]);
    expect(loggedFieldSets()).not.toMatch(/Vlaardingen|kapsalon|sekswerker/);
  });

  it('takes the signal and the reporter out of the search index when they are cleared, and refuses what the shared rule refuses', async () => {
    const m = await v.call('meldingen.create', { fields: melding({ anoniem: false, melderContact: { naam: 'Testmelder Zwaluw' }, signaal: 'Synthetisch signaal over een nagelstudio' }) });
    expect((await v.call('search.query', { q: 'nagelstudio' })).hits).toHaveLength(1);
    expect((await v.call('search.query', { q: 'Zwaluw' })).hits).toHaveLength(1);
    // Anonymous after all: the contact details go in the same correction, and the signal is cleared.
    const u = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { anoniem: true, melderContact: null, signaal: null } });
    expect(u).toMatchObject({ anoniem: true, melderContact: null, signaal: null });
    expect((await v.call('search.query', { q: 'nagelstudio' })).hits).toEqual([]);
    expect((await v.call('search.query', { q: 'Zwaluw' })).hits).toEqual([]);

    const before = snapshotCounts(v.db);
    // Contact details on an anonymous melding, and "wel" without a form: refused on their field, nothing saved.
    const e1 = await v.fail('meldingen.update', { id: u.id, version: u.version, fields: { melderContact: { naam: 'Testmelder Zwaluw' } } });
    expect(e1.issues?.[0]?.path).toBe('fields.melderContact');
    const e2 = await v.fail('meldingen.update', { id: u.id, version: u.version, fields: { conclusie: 'wel', vorm: 'onbekend' } });
    expect(e2.issues?.[0]).toMatchObject({ path: 'fields.vorm', message: expect.stringMatching(/vorm van uitbuiting/) });
    // An old version: someone (another screen) changed it since.
    expect((await v.fail('meldingen.update', { id: u.id, version: m.version, fields: { gemeente: 'Schiedam' } })).code).toBe('CONFLICT');
    expect(snapshotCounts(v.db)).toEqual(before);
    expect((await v.call('meldingen.get', { id: u.id })).gemeente).toBe('Rotterdam');
  });
});

describe('a task corrected', () => {
  it('changes title, due date and reminder; the lists follow; a change event names the fields', async () => {
    const t = await newTraject(v);
    const task = await v.call('taken.create', { trajectId: t.trajectId, titel: 'Zorgverzekring regelen', deadline: inDays(-2), herinnering: inDays(-3) });
    expect((await v.call('taken.listOverdue', {})).items.map((k) => k.id)).toEqual([task.id]);
    const before = (await v.call('trajecten.get', { id: t.trajectId })).traject.updatedAt;

    const fixed = await v.call('taken.update', { id: task.id, titel: 'Zorgverzekering regelen', deadline: inDays(40) });
    expect(fixed).toMatchObject({ id: task.id, titel: 'Zorgverzekering regelen', deadline: inDays(40), herinnering: inDays(-3), state: 'ok' });
    expect((await v.call('taken.listOverdue', {})).total).toBe(0);
    // The reminder day (3 days ago) still asks for attention; removing it leaves the due date.
    expect((await v.call('taken.listReminders', {})).items.map((k) => k.id)).toEqual([task.id]);
    const noReminder = await v.call('taken.update', { id: task.id, herinnering: null });
    expect(noReminder.herinnering).toBeNull();
    expect((await v.call('taken.listReminders', {})).total).toBe(0);

    const detail = await v.call('trajecten.get', { id: t.trajectId });
    expect(detail.taken).toEqual([expect.objectContaining({ id: task.id, titel: 'Zorgverzekering regelen', deadline: inDays(40), herinnering: null })]);
    expect(detail.traject.updatedAt >= before).toBe(true);

    // The same values again change nothing and record nothing.
    await v.call('taken.update', { id: task.id, titel: 'Zorgverzekering regelen' });
    expect(changesOf(v.db, 'taak', task.id).map((e) => [e.action, e.fields])).toEqual([
      ['create', ['deadline', 'herinnering', 'titel']],
      ['update', ['deadline', 'titel']],
      ['update', ['herinnering']],
    ]);
    expect(loggedFieldSets()).not.toContain('Zorgverzekering');
  });

  it('refuses an empty title, a date that is not one, and an unknown task, changing nothing', async () => {
    const t = await newTraject(v);
    const task = await v.call('taken.create', { trajectId: t.trajectId, titel: 'Synthetische taak', deadline: inDays(3) });
    const before = snapshotCounts(v.db);
    expect((await v.fail('taken.update', { id: task.id, titel: '   ' })).issues?.[0]?.path).toBe('titel');
    expect((await v.fail('taken.update', { id: task.id, deadline: '2026-02-30' })).issues?.[0]?.path).toBe('deadline');
    expect((await v.fail('taken.update', { id: '00000000-0000-4000-8000-000000000000', titel: 'Iets' })).code).toBe('NOT_FOUND');
    expect(snapshotCounts(v.db)).toEqual(before);
  });
});

describe('a wrongly created cliënt removed', () => {
  /** Terms the full-text and the name index still hold (FTS5's own vocabulary, as an attacker with the key would read it). */
  function indexedTerms(): string[] {
    v.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kk_t_vocab USING fts5vocab(main, 'search_fts', 'row')");
    v.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kk_t_nvocab USING fts5vocab(main, 'name_fts', 'row')");
    return [...v.db.prepare('SELECT term FROM temp.kk_t_vocab').all(), ...v.db.prepare('SELECT term FROM temp.kk_t_nvocab').all()].map((r) => (r as { term: string }).term);
  }

  it('goes with its search rows and names; the change log keeps the action and the category, never a name', async () => {
    const keep = await v.call('clienten.create', { fields: { roepnaam: 'Testa', achternaam: 'Blijfmans', geboortedatum: '1999-04-01' } });
    const wrong = await v.call('clienten.create', { fields: { roepnaam: 'Testa', achternaam: 'Weghalersma', geboortedatum: '1999-04-01', bsn: '123456782', notities: 'Synthetische notitie kolibrie' } });
    expect((await v.call('quickSwitch.query', { q: 'Weghalersma' })).hits).toHaveLength(1);
    expect(indexedTerms()).toEqual(expect.arrayContaining(['weghalersma', 'kolibrie']));

    const removed = await v.call('clienten.remove', { id: wrong.id, version: wrong.version, reden: 'dubbel-aangemaakt' });
    expect(removed).toEqual({ id: wrong.id, pseudoniem: wrong.pseudoniem });
    expect((await v.fail('clienten.get', { id: wrong.id })).code).toBe('NOT_FOUND');
    expect((await v.call('clienten.list', {})).items.map((c) => c.id)).toEqual([keep.id]);
    expect((await v.call('search.query', { q: 'kolibrie' })).hits).toEqual([]);
    expect((await v.call('quickSwitch.query', { q: 'Weghalersma' })).hits).toEqual([]);
    expect((await v.call('quickSwitch.query', { q: wrong.pseudoniem })).hits).toEqual([]);
    expect(v.db.prepare('SELECT count(*) AS n FROM search_docs WHERE entity_id = ? OR client_id = ?').get(wrong.id, wrong.id)).toEqual({ n: 0 });
    // Securely removed: the terms are out of the index pages, not just hidden.
    expect(indexedTerms()).not.toEqual(expect.arrayContaining(['weghalersma']));
    expect(indexedTerms()).not.toEqual(expect.arrayContaining(['kolibrie']));
    // The other cliënt with the same first name is still found by it.
    expect((await v.call('quickSwitch.query', { q: 'Testa' })).hits.map((h) => h.clientId)).toEqual([keep.id]);
    // A BSN of the removed record no longer counts as a duplicate.
    expect((await v.call('clienten.checkDuplicate', { fields: { roepnaam: 'Iemand', bsn: '123456782' } })).matches).toEqual([]);

    expect(changesOf(v.db, 'client', wrong.id).map((e) => [e.action, e.fields])).toEqual([
      ['create', expect.any(Array)],
      ['remove', ['reden:dubbel-aangemaakt']],
    ]);
    expect(loggedFieldSets()).not.toMatch(/Weghalersma|Testa|123456782|kolibrie/);
    expect(v.db.prepare('SELECT client_id, reden, toelichting FROM client_verwijderingen').all()).toEqual([{ client_id: wrong.id, reden: 'dubbel-aangemaakt', toelichting: null }]);
    // Gone is gone: a second removal finds nothing.
    expect((await v.fail('clienten.remove', { id: wrong.id, version: wrong.version, reden: 'dubbel-aangemaakt' })).code).toBe('NOT_FOUND');
  });

  it('refuses a cliënt with a traject and says what to do; an old version; "anders" without explanation or with the name in it', async () => {
    const t = await newTraject(v, {}, { roepnaam: 'Testa', achternaam: 'Trajectmans' });
    const withTraject = await v.call('clienten.get', { id: t.clientId });
    const lonely = await v.call('clienten.create', { fields: { roepnaam: 'Testo', achternaam: 'Alleenstra' } });
    const before = snapshotCounts(v.db);

    const e = await v.fail('clienten.remove', { id: withTraject.id, version: withTraject.version, reden: 'verkeerde-persoon' });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([{ path: 'id', message: expect.stringMatching(/heeft een traject.*kunt u niet verwijderen.*Sluit het traject af/) }]);
    expect((await v.fail('clienten.remove', { id: lonely.id, version: lonely.version + 1, reden: 'test' })).code).toBe('CONFLICT');
    const noText = await v.fail('clienten.remove', { id: lonely.id, version: lonely.version, reden: 'anders' });
    expect(noText.issues?.[0]).toEqual({ path: 'toelichting', message: 'Licht de reden "anders" toe' });
    const named = await v.fail('clienten.remove', { id: lonely.id, version: lonely.version, reden: 'anders', toelichting: 'Per ongeluk voor ALLEENSTRA aangemaakt' });
    expect(named.issues?.[0]).toEqual({ path: 'toelichting', message: 'Schrijf geen naam van de cliënt in de toelichting.' });
    expect(snapshotCounts(v.db)).toEqual(before);
    expect(v.db.prepare('SELECT count(*) AS n FROM client_verwijderingen').get()).toEqual({ n: 0 });

    await v.call('clienten.remove', { id: lonely.id, version: lonely.version, reden: 'anders', toelichting: 'Aangemaakt tijdens een uitleg aan een collega' });
    expect(v.db.prepare('SELECT reden, toelichting FROM client_verwijderingen').all()).toEqual([{ reden: 'anders', toelichting: 'Aangemaakt tijdens een uitleg aan een collega' }]);
    expect(changesOf(v.db, 'client', lonely.id).at(-1)).toMatchObject({ action: 'remove', fields: ['reden:anders'] });
    expect(loggedFieldSets()).not.toContain('collega');
  });
});

describe('the duplicate check', () => {
  it('finds the same BSN exactly, and the same name with the same birth date whatever the case or accents; names only codes', async () => {
    const a = await v.call('clienten.create', { fields: { roepnaam: 'Ána-María', achternaam: 'López Testera', geboortedatum: '2001-07-15', bsn: '111222333' } });
    const b = await v.call('clienten.create', { fields: { roepnaam: 'Bram', achternaam: 'Testvink', geboortedatum: '1988-01-02' } });
    const check = (fields: Input<'clienten.checkDuplicate'>['fields'], exceptId?: string) => v.call('clienten.checkDuplicate', exceptId ? { fields, exceptId } : { fields });

    expect((await check({ roepnaam: 'Iemand', bsn: '111222333' })).matches).toEqual([{ id: a.id, pseudoniem: a.pseudoniem, op: ['bsn'] }]);
    expect((await check({ roepnaam: 'ana maria', achternaam: 'LOPEZ  testera', geboortedatum: '2001-07-15' })).matches).toEqual([{ id: a.id, pseudoniem: a.pseudoniem, op: ['naam-geboortedatum'] }]);
    // Both at once: one match with both reasons.
    expect((await check({ roepnaam: 'Ana-Maria', achternaam: 'Lopez Testera', geboortedatum: '2001-07-15', bsn: '111222333' })).matches).toEqual([{ id: a.id, pseudoniem: a.pseudoniem, op: ['bsn', 'naam-geboortedatum'] }]);
    expect((await check({ roepnaam: 'bram', achternaam: 'testvink', geboortedatum: '1988-01-02' })).matches.map((m) => m.pseudoniem)).toEqual([b.pseudoniem]);

    // Not a duplicate: another birth date, a name without a birth date, a BSN one digit off, or the cliënt itself.
    expect((await check({ roepnaam: 'Bram', achternaam: 'Testvink', geboortedatum: '1988-01-03' })).matches).toEqual([]);
    expect((await check({ roepnaam: 'Bram', achternaam: 'Testvink' })).matches).toEqual([]);
    expect((await check({ roepnaam: 'Iemand', bsn: '111222334' })).matches).toEqual([]);
    expect((await check({ roepnaam: 'Bram', achternaam: 'Testvink', geboortedatum: '1988-01-02' }, b.id)).matches).toEqual([]);
    // Only a first name that is the same is not the same name.
    expect((await check({ roepnaam: 'Bram', geboortedatum: '1988-01-02' })).matches).toEqual([]);

    // The answer names no one.
    const answer = JSON.stringify(await check({ roepnaam: 'Ana María', achternaam: 'López Testera', geboortedatum: '2001-07-15', bsn: '111222333' }));
    expect(answer).not.toMatch(/María|Maria|López|Lopez|111222333|2001-07-15/);
    // A BSN that is not one is refused with the schema's own message.
    expect((await v.fail('clienten.checkDuplicate', { fields: { roepnaam: 'Iemand', bsn: '12345' } })).issues?.[0]).toMatchObject({ path: 'fields.bsn', message: 'Een BSN heeft 9 cijfers' });
  });

  it('looks the BSN and the birth date up by index, not by reading every cliënt', () => {
    const plan = (sql: string) => JSON.stringify(v.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x'));
    expect(plan(duplicateLookups.bsn)).toContain('USING INDEX clienten_bsn');
    expect(plan(duplicateLookups.geboortedatum)).toContain('USING INDEX clienten_geboortedatum');
  });
});
