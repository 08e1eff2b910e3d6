import { describe, expect, it } from 'vitest';
import { countDrift, inDays, newTraject, useCheckedTestVault, today, type TestVault } from './helpers';
import { addMonths, yearOf } from '../../../shared/casework/dates';
import { saveProfile } from '../../../electron/core/profile/profile.repo';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

const jaar = yearOf(today);

describe('dashboard', () => {
  it('counts open trajecten by phase and form, and leaves closed ones out', async () => {
    const a = await newTraject(v, { vormen: ['seksuele-uitbuiting'] });
    await newTraject(v, { vormen: ['arbeidsuitbuiting', 'criminele-uitbuiting'] });
    await newTraject(v, { preventief: true, vormen: ['seksuele-uitbuiting'] });
    const closed = await newTraject(v, { vormen: ['seksuele-uitbuiting'] });
    await v.call('trajecten.transition', { id: a.trajectId, version: a.version, naar: 'intake' });
    await v.call('trajecten.transition', { id: closed.trajectId, version: closed.version, naar: 'afgesloten', reden: 'geen-contact-meer' });
    const d = await v.call('dashboard.get', {});
    expect(d.openPerFase).toEqual([
      { fase: 'aanmelding', aantal: 2 },
      { fase: 'intake', aantal: 1 },
      { fase: 'actief', aantal: 0 },
      { fase: 'nazorg', aantal: 0 },
    ]);
    expect(Object.fromEntries(d.openPerVorm.map((r) => [r.vorm, r.aantal]))).toEqual({ 'seksuele-uitbuiting': 1, arbeidsuitbuiting: 1, 'criminele-uitbuiting': 1, preventief: 1 });
    expect(d.openPerFaseEnVorm).toContainEqual({ fase: 'intake', vorm: 'seksuele-uitbuiting', aantal: 1 });
  });
  it('shows overdue and soon-due tasks, bedenktijd and opvang ending soon, and a crisisopvang past 3 months', async () => {
    const t = await newTraject(v, {
      aanmelddatum: inDays(-120),
      procedures: [
        { soort: 'b8-bedenktijd', status: 'lopend', deadline: inDays(5) },
        { soort: 'b8-bedenktijd', status: 'afgerond', deadline: inDays(3) },
      ],
      opvang: [{ soort: 'crisisopvang', start: inDays(-95) }],
    });
    const u = await newTraject(v, { opvang: [{ soort: 'categorale-opvang', start: inDays(-10), eind: inDays(7) }] });
    await v.call('taken.create', { trajectId: t.trajectId, titel: 'Te laat', deadline: inDays(-1) });
    await v.call('taken.create', { trajectId: u.trajectId, titel: 'Bijna', deadline: inDays(3) });
    await v.call('taken.create', { trajectId: u.trajectId, titel: 'Ver weg', deadline: inDays(60) });
    const d = await v.call('dashboard.get', {});
    expect(d.verlopenTaken).toMatchObject({ aantal: 1, eerste: [{ pseudoniem: t.pseudoniem, omschrijving: 'Te laat', dagen: -1 }] });
    expect(d.takenBinnenkort.eerste.map((i) => i.omschrijving)).toEqual(['Bijna']);
    // Rows that are not tasks carry a code the window words in its language (issue 13), never a Dutch sentence.
    expect(d.bedenktijdEindigt).toEqual([{ trajectId: t.trajectId, pseudoniem: t.pseudoniem, datum: inDays(5), dagen: 5, wat: 'bedenktijd-eindigt' }]);
    expect(d.opvangEindigt.map((o) => [o.pseudoniem, o.soort, o.teLang, o.wat])).toEqual([
      [t.pseudoniem, 'crisisopvang', true, 'crisisopvang-te-lang'],
      [u.pseudoniem, 'categorale-opvang', false, 'opvang-eindigt'],
    ]);
    expect([...d.bedenktijdEindigt, ...d.opvangEindigt].every((o) => !('omschrijving' in o))).toBe(true);
  });
  it('"Opvang loopt af" lists running stays that end soon or are past the crisisopvang limit (however long ago), never a stay that ended', async () => {
    const vrouw = { geslacht: 'vrouw' };
    // Ended 44 days ago after lasting more than 3 months: over, so not on the dashboard.
    const ended = await newTraject(v, { aanmelddatum: inDays(-200), opvang: [{ soort: 'crisisopvang', start: inDays(-150), eind: inDays(-44) }] }, vrouw);
    // Ended yesterday, a planned end that came: not listed either.
    await newTraject(v, { opvang: [{ soort: 'categorale-opvang', start: inDays(-20), eind: inDays(-1) }] });
    // Running for two years without an end: past the limit for more than a year, still listed.
    const long = await newTraject(v, { aanmelddatum: inDays(-800), opvang: [{ soort: 'crisisopvang', start: inDays(-750) }] }, vrouw);
    // Ends in 5 days: listed. Starts next week: not yet.
    const soon = await newTraject(v, { opvang: [{ soort: 'categorale-opvang', start: inDays(-10), eind: inDays(5) }] });
    await newTraject(v, { opvang: [{ soort: 'categorale-opvang', start: inDays(7), eind: inDays(9) }] });
    const d = await v.call('dashboard.get', {});
    expect(d.opvangEindigt.map((o) => [o.pseudoniem, o.teLang, o.datum])).toEqual([
      [long.pseudoniem, true, addMonths(inDays(-750), 3)],
      [soon.pseudoniem, false, inDays(5)],
    ]);
    expect(d.opvangEindigt.some((o) => o.pseudoniem === ended.pseudoniem)).toBe(false);
  });
  it("gives this year's figures in monitor shape: new vs continuing, minors, meldingen by gemeente group", async () => {
    await newTraject(v, { aanmelddatum: `${jaar}-01-02`, minderjarigBijStart: true });
    await newTraject(v, { aanmelddatum: `${jaar - 1}-06-01`, vormen: ['criminele-uitbuiting'] });
    const old = await newTraject(v, { aanmelddatum: `${jaar - 2}-06-01` });
    await v.call('trajecten.transition', { id: old.trajectId, version: old.version, naar: 'afgesloten', reden: 'doelen-bereikt', datum: `${jaar - 1}-12-31` });
    const m = (gemeente: string, extra = {}) => v.call('meldingen.create', { fields: { datum: `${jaar}-01-03`, kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente, vorm: 'seksuele-uitbuiting', minderjarig: false, ...extra } });
    await m('Rotterdam');
    await m('Rotterdam', { minderjarig: true });
    await m('Ridderkerk');
    await m('onbekend', { informatieverzoek: true, vorm: 'geen' });
    await m('Leiden');
    await v.call('meldingen.create', { fields: { datum: `${jaar - 1}-12-31`, kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente: 'Rotterdam', vorm: 'onbekend' } });
    const { monitor } = await v.call('dashboard.get', { jaar, vandaag: `${jaar}-01-05` });
    expect(monitor.clienten.perCategorie).toEqual([
      { categorie: 'seksuele-uitbuiting', nieuw: 1, doorlopend: 0, totaal: 1 },
      { categorie: 'criminele-uitbuiting', nieuw: 0, doorlopend: 1, totaal: 1 },
      { categorie: 'overig', nieuw: 0, doorlopend: 0, totaal: 0 },
      { categorie: 'onbekend', nieuw: 0, doorlopend: 0, totaal: 0 },
      { categorie: 'preventief', nieuw: 0, doorlopend: 0, totaal: 0 },
    ]);
    expect(monitor.clienten.leeftijd).toEqual({ volwassen: 1, minderjarig: 1, onbekend: 0 });
    expect(monitor.clienten.afgesloten).toEqual({ totaal: 0, perReden: [] });
    expect(monitor.meldingen.totaal).toBe(5);
    expect(monitor.meldingen.perGemeenteGroep).toEqual([
      { groep: 'centrumgemeente', aantal: 2 },
      { groep: 'regio', aantal: 1 },
      { groep: 'onbekend-in-regio', aantal: 0 },
      { groep: 'buiten-regio', aantal: 1 },
      { groep: 'onbekend', aantal: 1 },
    ]);
    expect(monitor.meldingen.perVorm).toEqual([{ rij: 'seksuele-uitbuiting', volwassen: 3, minderjarig: 1, onbekend: 0 }]);
    expect(monitor.meldingen.informatieverzoeken).toEqual({ sekswerkers: 0, overig: 1 });
    const denHaag = await v.call('dashboard.get', { jaar, regio: 'den-haag' });
    expect(denHaag.monitor.meldingen.perGemeenteGroep.find((g) => g.groep === 'regio')?.aantal).toBe(1);
  });
});

describe('monitor counts follow every change to a melding', () => {
  it('moves a melding between groups when its gemeente, conclusion or year changes, and never goes negative', async () => {
    const fields = { datum: `${jaar}-02-01`, kanaal: 'telefoon' as const, anoniem: true, melderType: 'burger' as const, gemeente: 'Rotterdam', vorm: 'seksuele-uitbuiting' as const, minderjarig: false };
    const m = await v.call('meldingen.create', { fields });
    await v.call('meldingen.create', { fields });
    let monitor = (await v.call('dashboard.get', { jaar })).monitor.meldingen;
    expect(monitor.perGemeenteGroep[0]).toEqual({ groep: 'centrumgemeente', aantal: 2 });
    expect(monitor.perConclusie).toEqual({ geen: 0, verderOnderzoek: 0, wel: 0, open: 2 });
    const u = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { gemeente: 'Schiedam', conclusie: 'wel', acuut: true } });
    monitor = (await v.call('dashboard.get', { jaar })).monitor.meldingen;
    expect(monitor.perGemeenteGroep.slice(0, 2)).toEqual([
      { groep: 'centrumgemeente', aantal: 1 },
      { groep: 'regio', aantal: 1 },
    ]);
    expect(monitor.perConclusie).toEqual({ geen: 0, verderOnderzoek: 0, wel: 1, open: 1 });
    expect(monitor.acuut).toBe(1);
    await v.call('meldingen.update', { id: m.id, version: u.version, fields: { datum: `${jaar - 1}-12-31` } });
    monitor = (await v.call('dashboard.get', { jaar })).monitor.meldingen;
    expect(monitor.totaal).toBe(1);
    expect((await v.call('dashboard.get', { jaar: jaar - 1 })).monitor.meldingen.totaal).toBe(1);
    const negative = v.db.prepare('SELECT count(*) AS n FROM melding_tellingen WHERE n < 0').get() as { n: number };
    expect(negative.n).toBe(0);
    // The kept counts equal a recount from the meldingen themselves.
    const recount = v.db.prepare(`SELECT count(*) AS n FROM meldingen WHERE substr(datum, 1, 4) = ?`).get(String(jaar)) as { n: number };
    expect(monitor.totaal).toBe(recount.n);
  });
});

describe('kept counts', () => {
  it('survive phase moves, reopening and edits, and a hand-made error is noticed', async () => {
    const t = await newTraject(v, { aanmelddatum: `${jaar - 1}-03-01`, minderjarigBijStart: null }, { geboortedatum: `${jaar - 16}-01-01` });
    let version = (await v.call('trajecten.transition', { id: t.trajectId, version: t.version, naar: 'afgesloten', reden: 'overgedragen' })).version;
    version = (await v.call('trajecten.transition', { id: t.trajectId, version, naar: 'actief' })).version;
    await v.call('trajecten.update', { id: t.trajectId, version, fields: { vormen: ['arbeidsuitbuiting'], minderjarigBijStart: true } });
    // A contradiction is refused with its reason: at 15 the cliënt was not an adult.
    await expect(v.call('trajecten.update', { id: t.trajectId, version: version + 1, fields: { minderjarigBijStart: false } })).rejects.toThrow(/bij de aanmelding 15 jaar: kies bij .{1,2}minderjarig bij de start.{1,2} ja/);
    expect(countDrift(v.db)).toEqual([]);
    v.db.exec('UPDATE traject_tellingen SET n = n + 10 WHERE n > 0');
    expect(countDrift(v.db)).not.toEqual([]);
    v.db.exec('UPDATE traject_tellingen SET n = n - 10 WHERE n > 10');
  });
});

describe('lists and saved views', () => {
  it('sorts trajecten by pseudonym and pages deep without losing or repeating a row', async () => {
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push((await newTraject(v)).pseudoniem);
    const seen: string[] = [];
    for (let offset = 0; offset < 12; offset += 5) {
      const page = await v.call('trajecten.list', { filter: { sort: 'pseudoniem', richting: 'asc' }, page: { offset, limit: 5 } });
      seen.push(...page.items.map((i) => i.pseudoniem));
    }
    expect(seen).toEqual([...made].sort());
  });
  it('pages trajecten under a filter with a stable total, never carrying names', async () => {
    for (let i = 0; i < 5; i++) await newTraject(v, { vormen: [i % 2 ? 'arbeidsuitbuiting' : 'seksuele-uitbuiting'], aanmelddatum: inDays(-i) });
    const page = await v.call('trajecten.list', { filter: { vorm: 'seksuele-uitbuiting', sort: 'aanmelddatum', richting: 'asc' }, page: { offset: 1, limit: 1 } });
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.aanmelddatum)).toEqual([inDays(-2)]);
    expect(JSON.stringify(page)).not.toContain('Testa');
    const clients = await v.call('clienten.list', { page: { offset: 0, limit: 2 } });
    expect(clients.total).toBe(5);
    expect(clients.items[0]?.openTrajecten).toBe(1);
  });
  it('saves, replaces, lists and deletes a view; a bad filter is refused', async () => {
    const view = await v.call('views.save', { naam: 'Open SU', definitie: { lijst: 'trajecten', filter: { open: true, vorm: 'seksuele-uitbuiting' } } });
    await v.call('views.save', { id: view.id, naam: 'Open SU minderjarig', definitie: { lijst: 'trajecten', filter: { open: true, minderjarigBijStart: true } } });
    await v.call('views.save', { naam: 'Acute meldingen', definitie: { lijst: 'meldingen', filter: { acuut: true } } });
    const { views } = await v.call('views.list', {});
    expect(views.map((x) => x.naam)).toEqual(['Acute meldingen', 'Open SU minderjarig']);
    expect((await v.fail('views.save', { naam: 'Fout', definitie: { lijst: 'trajecten', filter: { fase: 'x' } } as never })).code).toBe('INVALID_INPUT');
    await v.call('views.delete', { id: view.id });
    expect((await v.call('views.list', {})).views).toHaveLength(1);
  });
});

describe('the region of the figures', () => {
  it("is the vault profile's: SHOP in Den Haag sees its own gemeenten as de regio; without a profile Rotterdam, marked as the default", async () => {
    await v.call('meldingen.create', { fields: { datum: `${jaar}-01-03`, kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente: 'Delft', vorm: 'seksuele-uitbuiting' } });
    const zonder = await v.call('dashboard.get', { jaar });
    expect([zonder.regioBron, zonder.monitor.regio]).toEqual(['standaard', 'Regio Rotterdam']);
    expect(zonder.monitor.meldingen.perGemeenteGroep.find((g) => g.groep === 'buiten-regio')?.aantal).toBe(1);
    // (This harness answers casework methods only: the profile is written through its repository.)
    inTransaction(v.db, () => saveProfile(v.db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'zorgcoordinator', organisatie: 'shop', regio: 'den-haag' } }));
    const shop = await v.call('dashboard.get', { jaar });
    expect(shop.regioBron).toBe('profiel');
    expect(shop.monitor.regio).toMatch(/Den Haag/);
    expect(shop.monitor.meldingen.perGemeenteGroep.find((g) => g.groep === 'regio')?.aantal).toBe(1);
  });
});
