import { describe, expect, it } from 'vitest';
import { inDays, useCheckedTestVault, snapshotCounts, today, type TestVault } from './helpers';
import type { Input } from '../../../shared/ipc/contract';
import { saveProfile } from '../../../electron/core/profile/profile.repo';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

const melding = (extra: Partial<Input<'meldingen.create'>['fields']> = {}): Input<'meldingen.create'>['fields'] => ({
  datum: today,
  kanaal: 'telefoon',
  anoniem: true,
  melderType: 'burger',
  gemeente: 'Schiedam',
  vorm: 'seksuele-uitbuiting',
  ...extra,
});

describe('meldingen', () => {
  const words = (advies: Array<{ actie: string; partners: string[] }>) => advies.map((s) => [s.actie, s.partners.join('+')].filter(Boolean).join(':'));
  it.each([
    ['seksuele-uitbuiting', 'wel', false, ['melden:AVIM', 'hulp-aanbieden:client', 'terugkoppelen:melder']],
    ['arbeidsuitbuiting', 'wel', false, ['melden:NLA', 'hulp-aanbieden:client', 'terugkoppelen:melder']],
    ['arbeidsuitbuiting', 'wel', true, ['bel-direct:AVIM', 'melden:NLA', 'hulp-aanbieden:client', 'terugkoppelen:melder']],
    ['criminele-uitbuiting', 'verder-onderzoek', true, ['acuut-alleen-bij-wel:AVIM', 'signaal-doorspreken:melder', 'advies-vragen:AVIM+NLA+riec+ketenpartners', 'terugkoppelen:melder']],
  ] as const)('a %s melding (%s, acuut %s) comes back with the routing advice of Rotterdam while the vault has no profile: %j', async (vorm, conclusie, acuut, advies) => {
    const m = await v.call('meldingen.create', { fields: melding({ vorm, acuut, conclusie, minderjarig: false }) });
    expect(words(m.advies)).toEqual(advies);
    expect((await v.call('meldingen.get', { id: m.id })).advies).toEqual(m.advies);
  });
  it("advises with the meldroute of the vault profile's region", async () => {
    const m = await v.call('meldingen.create', { fields: melding({ vorm: 'onbekend', conclusie: 'verder-onderzoek', minderjarig: false }) });
    expect(words(m.advies)[0]).toBe('signaal-doorspreken:melder');
    // (This harness answers casework methods only: the profile is written through its repository.)
    inTransaction(v.db, () => saveProfile(v.db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'zorgcoordinator', organisatie: 'shop', regio: 'den-haag' } }));
    const shop = await v.call('meldingen.get', { id: m.id });
    expect(words(shop.advies)).toEqual(['advies-vragen:AVIM+NLA+riec+ketenpartners', 'terugkoppelen:melder']);
    const updated = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { conclusie: 'wel', vorm: 'seksuele-uitbuiting' } });
    expect(words(updated.advies)).toEqual(['melden:AVIM', 'hulp-aanbieden:client', 'terugkoppelen:melder']);
  });
  it('refuses contact details on an anonymous melding and an unknown gemeente, saving nothing', async () => {
    const before = snapshotCounts(v.db);
    const e1 = await v.fail('meldingen.create', { fields: melding({ melderContact: { naam: 'Testmelder' } }) });
    expect(e1.issues?.[0]?.path).toBe('fields.melderContact');
    const e2 = await v.fail('meldingen.create', { fields: melding({ gemeente: 'Atlantis' }) });
    expect(e2.issues?.[0]?.path).toBe('fields.gemeente');
    expect(JSON.stringify(e2)).not.toContain('Atlantis');
    expect(snapshotCounts(v.db)).toEqual(before);
  });
  it('an update records the conclusion and feedback without resetting other fields', async () => {
    const m = await v.call('meldingen.create', { fields: melding({ minderjarig: true, preventiefGesprek: true }) });
    const u = await v.call('meldingen.update', { id: m.id, version: m.version, fields: { conclusie: 'wel', terugkoppeling: { datum: today, wijze: 'niet-mogelijk' } } });
    expect(u).toMatchObject({ conclusie: 'wel', minderjarig: true, preventiefGesprek: true, version: m.version + 1 });
    const open = await v.call('meldingen.list', { filter: { zonderTerugkoppeling: true } });
    expect(open.total).toBe(0);
  });
  it('becomes a traject for a new cliënt in one step, linked both ways, only once', async () => {
    const m = await v.call('meldingen.create', { fields: melding({ vorm: 'criminele-uitbuiting', minderjarig: true, gemeente: 'Vlaardingen' }) });
    const r = await v.call('meldingen.convertToTraject', { meldingId: m.id, client: { nieuw: { roepnaam: 'Tobi' } } });
    const d = await v.call('trajecten.get', { id: r.trajectId });
    expect(d.traject).toMatchObject({ meldingId: m.id, vormen: ['criminele-uitbuiting'], minderjarigBijStart: true, gemeente: 'Vlaardingen', verwijzer: 'meldpunt', fase: 'aanmelding', clientId: r.clientId });
    expect((await v.call('meldingen.get', { id: m.id })).trajectId).toBe(r.trajectId);
    const list = await v.call('meldingen.list', {});
    expect(list.items[0]?.trajectPseudoniem).toBe(d.traject.pseudoniem);
    expect((await v.fail('meldingen.convertToTraject', { meldingId: m.id, client: { clientId: r.clientId } })).code).toBe('CONFLICT');
  });
  it('a conversion that fails half-way leaves no cliënt, traject or link behind', async () => {
    const m = await v.call('meldingen.create', { fields: melding() });
    const before = snapshotCounts(v.db);
    // The new cliënt is valid, the traject is not (date): the cliënt must not be saved either.
    const error = await v.fail('meldingen.convertToTraject', { meldingId: m.id, client: { nieuw: { roepnaam: 'Tobi' } }, fields: { aanmelddatum: '2024-02-30' } });
    expect(error.code).toBe('INVALID_INPUT');
    expect(snapshotCounts(v.db)).toEqual(before);
    expect((await v.call('meldingen.get', { id: m.id })).trajectId).toBeNull();
  });
  it('lists by filter and pages through them', async () => {
    for (let i = 0; i < 7; i++) await v.call('meldingen.create', { fields: melding({ datum: inDays(-i), conclusie: i % 2 === 0 ? null : 'geen' }) });
    const page = await v.call('meldingen.list', { filter: { conclusie: 'open' }, page: { offset: 1, limit: 2 } });
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.datum)).toEqual([inDays(-2), inDays(-4)]);
  });
});
