// The partner register on a real encrypted vault through the real core: the seeded partners,
// adding, editing, retiring and removing, each change a change event (field names only), and a
// used partner never removed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesOf } from '../../../electron/core/profile/changeKinds';
import { partnerRecordId } from '../../../electron/core/profile/partnerIds';
import { partnerInGebruik } from '../../../electron/core/profile/partners.repo';
import { messageFor } from '../../../shared/errors';
import { partnersPolicy } from '../../../shared/partners/partners';
import type { PartnerFields } from '../../../shared/partners/partner.schema';
import { openProfileVault, profileFields, type ProfileVault } from './helpers';

let v: ProfileVault;
beforeEach(async () => (v = await openProfileVault()));
afterEach(() => v.close());
const db = () => v.core.session.db();
const list = async () => (await v.call('partners.list', {})).partners;
const byId = async (id: string) => (await list()).find((p) => p.id === id);

const schiedam: PartnerFields = { naam: 'Gemeente Schiedam', categorie: 'toezicht', rieconvenant: true, contact: 'Team veiligheid', kanaal: 'beveiligde-mail', regio: 'rotterdam' };

describe('the partner register', () => {
  it('starts with every partner of resources/partners.json, active, from the register, none in use, without change events', async () => {
    const partners = await list();
    expect(partners.map((p) => p.id).sort()).toEqual(partnersPolicy.inhoud.partners.map((p) => p.id).sort());
    for (const seed of partnersPolicy.inhoud.partners) {
      expect(partners.find((p) => p.id === seed.id)).toEqual({ ...seed, actief: true, herkomst: 'register', inGebruik: false, version: 1 });
    }
    expect(new Set(partners.map((p) => p.categorie))).toEqual(new Set(['opsporing', 'toezicht', 'zorg', 'meldpunt-coordinatie', 'vreemdelingenketen']));
    // Zorgverleners with and without a medisch beroepsgeheim are both there.
    expect(partners.filter((p) => p.categorie === 'zorg').map((p) => [p.id, p.medischBeroepsgeheim])).toEqual(
      expect.arrayContaining([
        ['huisarts', true],
        ['ggz', true],
        ['wijkteam', false],
      ]),
    );
    expect(db().prepare("SELECT count(*) AS n FROM change_events WHERE entity = 'partner'").get()).toEqual({ n: 0 });
    expect(db().prepare('SELECT DISTINCT herkomst FROM partners').all()).toEqual([{ herkomst: `register@${partnersPolicy.versie}` }]);
  });

  it('adds a partner with an id made from its name (unique, never reused), recorded by field names only', async () => {
    const added = await v.call('partners.save', { fields: schiedam });
    expect(added).toEqual({ ...schiedam, id: 'gemeente-schiedam', actief: true, herkomst: 'eigen', inGebruik: false, version: 1 });
    const twin = await v.call('partners.save', { fields: { ...schiedam, naam: 'Gemeente  Schiedam!' } });
    expect(twin.id).toBe('gemeente-schiedam-2');
    const accents = await v.call('partners.save', { fields: { ...schiedam, naam: 'Stichting Één & Ôns' } });
    expect(accents.id).toBe('stichting-een-ons');
    expect(changesOf(db(), 'partner', partnerRecordId('gemeente-schiedam'))).toEqual([
      expect.objectContaining({ action: 'create', actor: { kind: 'eigenaar' }, via: 'hand', fields: ['categorie', 'contact', 'kanaal', 'naam', 'regio', 'rieconvenant'] }),
    ]);
    expect(JSON.stringify(db().prepare('SELECT * FROM change_events').all())).not.toContain('Team veiligheid');
  });

  it('changes a partner under its old id; a stale version is CONFLICT and changes nothing', async () => {
    const avim = (await byId('politie-avim-rotterdam'))!;
    const { id, version, actief: _a, herkomst: _h, inGebruik: _g, buitenGebruikSinds: _b, ...fields } = avim;
    const changed = await v.call('partners.save', { id, version, fields: { ...fields, naam: 'Politie Rotterdam, AVIM', kanaal: 'telefoon' } });
    expect(changed).toMatchObject({ id, version: 2, naam: 'Politie Rotterdam, AVIM', kanaal: 'telefoon', herkomst: 'register' });
    expect(changesOf(db(), 'partner', partnerRecordId(id)).map((e) => [e.action, e.fields])).toEqual([['update', ['kanaal', 'naam']]]);

    const stale = await v.fail('partners.save', { id, version, fields: { ...fields, naam: 'Oud formulier' } });
    expect(stale.code).toBe('CONFLICT');
    expect(await byId(id)).toEqual(changed);
  });

  it('keeps the rule of the handreiking: a zorgverlener says whether a medisch beroepsgeheim applies, no one else does', async () => {
    const zorg = await v.fail('partners.save', { fields: { ...schiedam, categorie: 'zorg' } });
    expect(zorg).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'fields.medischBeroepsgeheim', message: 'Geef aan of er een medisch beroepsgeheim geldt' }] });
    const notZorg = await v.fail('partners.save', { fields: { ...schiedam, medischBeroepsgeheim: true } });
    expect(notZorg).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'fields.medischBeroepsgeheim', message: 'Een medisch beroepsgeheim hoort alleen bij zorgverleners' }] });
    expect(await v.call('partners.save', { fields: { ...schiedam, naam: 'Praktijk Test', categorie: 'zorg', medischBeroepsgeheim: false } })).toMatchObject({ medischBeroepsgeheim: false });
  });

  it('retires a partner from a day on and takes it back, each a change event; retired ones list last', async () => {
    const coa = (await byId('coa'))!;
    const retired = await v.call('partners.retire', { id: 'coa', version: coa.version, datum: '2026-02-01' });
    expect(retired).toMatchObject({ actief: false, buitenGebruikSinds: '2026-02-01', version: 2 });
    expect((await list()).at(-1)?.id).toBe('coa');
    const back = await v.call('partners.reactivate', { id: 'coa', version: 2 });
    expect(back).toMatchObject({ actief: true, version: 3 });
    expect(back.buitenGebruikSinds).toBeUndefined();
    expect(changesOf(db(), 'partner', partnerRecordId('coa')).map((e) => [e.action, e.fields])).toEqual([
      ['retire', ['actief', 'buitenGebruikSinds']],
      ['reactivate', ['actief', 'buitenGebruikSinds']],
    ]);
  });

  it('removes a partner nothing refers to, as a change event', async () => {
    const added = await v.call('partners.save', { fields: schiedam });
    expect(await v.call('partners.remove', { id: added.id, version: added.version })).toEqual({});
    expect(await byId(added.id)).toBeUndefined();
    expect(changesOf(db(), 'partner', partnerRecordId(added.id)).map((e) => e.action)).toEqual(['create', 'remove']);
    // Its id stays with its history: a new partner of the same name gets another.
    expect((await v.call('partners.save', { fields: schiedam })).id).toBe('gemeente-schiedam-2');
  });

  it('never removes a used partner (the profile’s organisation, now or before): PARTNER_IN_USE in plain Dutch, nothing changed; retiring it is allowed', async () => {
    const p = await v.call('profile.save', { fields: profileFields({ organisatie: 'essm' }) });
    await v.call('profile.save', { version: p.version, fields: profileFields({ organisatie: 'riec-rotterdam' }) });
    for (const id of ['essm', 'riec-rotterdam']) {
      expect(partnerInGebruik(db(), id)).toBe(true);
      const partner = (await byId(id))!;
      expect(partner.inGebruik).toBe(true);
      const refused = await v.fail('partners.remove', { id, version: partner.version });
      expect(refused.code).toBe('PARTNER_IN_USE');
      expect(await byId(id)).toEqual(partner);
      expect(changesOf(db(), 'partner', partnerRecordId(id))).toEqual([]);
    }
    expect(messageFor('PARTNER_IN_USE')).toBe('Deze partner is al gebruikt. Daarom kunt u de partner niet verwijderen. U kunt de partner wel buiten gebruik stellen. Er is niets veranderd.');
    // The database refuses it too (foreign key), whatever code would try.
    expect(() => db().prepare("DELETE FROM partners WHERE id = 'essm'").run()).toThrow(/FOREIGN KEY/);
    const essm = (await byId('essm'))!;
    expect(await v.call('partners.retire', { id: 'essm', version: essm.version })).toMatchObject({ actief: false, inGebruik: true });
    expect((await byId('shop'))!.inGebruik).toBe(false);
  });

  it('an unknown partner is NOT_FOUND', async () => {
    expect((await v.fail('partners.retire', { id: 'bestaat-niet', version: 1 })).code).toBe('NOT_FOUND');
    expect((await v.fail('partners.remove', { id: 'bestaat-niet', version: 1 })).code).toBe('NOT_FOUND');
  });
});
