import { describe, expect, it } from 'vitest';
import { inDays, newTraject, useCheckedTestVault, snapshotCounts, today, type TestVault } from './helpers';
import { changesOf } from '../../../electron/core/casework/changeKinds';

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

describe('cliënten', () => {
  it('get a random, unique pseudonym code and keep it when their name changes', async () => {
    const a = await v.call('clienten.create', { fields: { roepnaam: 'Mira' } });
    const b = await v.call('clienten.create', { fields: { roepnaam: 'Mira' } });
    expect(a.pseudoniem).toMatch(/^KK-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    expect(a.pseudoniem).not.toBe(b.pseudoniem);
    const changed = await v.call('clienten.update', { id: a.id, version: a.version, fields: { roepnaam: 'Mirela', achternaam: 'Testpersoon' } });
    expect(changed.pseudoniem).toBe(a.pseudoniem);
    expect(changed.version).toBe(a.version + 1);
  });
  it('an update of one field keeps the others (no defaults sneak back), and null clears an optional field', async () => {
    const a = await v.call('clienten.create', { fields: { roepnaam: 'Mira', achternaam: 'Test', taal: { talen: ['Roemeens'], tolkNodig: true } } });
    const b = await v.call('clienten.update', { id: a.id, version: a.version, fields: { achternaam: null } });
    expect(b.achternaam).toBeUndefined();
    expect(b.taal).toEqual({ talen: ['Roemeens'], tolkNodig: true });
  });
  it('refuses clearing a required field with a message on that field, and changes nothing', async () => {
    const a = await v.call('clienten.create', { fields: { roepnaam: 'Mira' } });
    const before = snapshotCounts(v.db);
    const error = await v.fail('clienten.update', { id: a.id, version: a.version, fields: { roepnaam: null } });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.[0]?.path).toBe('fields.roepnaam');
    expect(snapshotCounts(v.db)).toEqual(before);
    expect((await v.call('clienten.get', { id: a.id })).roepnaam).toBe('Mira');
  });
  it('an edit of an old version is refused with CONFLICT', async () => {
    const a = await v.call('clienten.create', { fields: { roepnaam: 'Mira' } });
    await v.call('clienten.update', { id: a.id, version: a.version, fields: { roepnaam: 'Mirela' } });
    expect((await v.fail('clienten.update', { id: a.id, version: a.version, fields: { roepnaam: 'Mara' } })).code).toBe('CONFLICT');
  });
  it('a bad BSN is refused with a message that does not repeat the value', async () => {
    const error = await v.fail('clienten.create', { fields: { roepnaam: 'Mira', bsn: '12345678' } });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.[0]).toEqual({ path: 'fields.bsn', message: 'Een BSN heeft 9 cijfers' });
    expect(JSON.stringify(error)).not.toContain('12345678');
  });
});

describe('trajecten: phases', () => {
  it('move forward, close only with a reason, reopen at intake, and keep the history', async () => {
    const t = await newTraject(v);
    let version = t.version;
    for (const naar of ['intake', 'actief', 'nazorg'] as const) {
      version = (await v.call('trajecten.transition', { id: t.trajectId, version, naar })).version;
    }
    const refused = await v.fail('trajecten.transition', { id: t.trajectId, version, naar: 'afgesloten' });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.issues?.map((i) => i.path)).toEqual(['reden']);
    version = (await v.call('trajecten.transition', { id: t.trajectId, version, naar: 'afgesloten', reden: 'doelen-bereikt' })).version;
    let detail = await v.call('trajecten.get', { id: t.trajectId });
    expect(detail.traject).toMatchObject({ fase: 'afgesloten', afsluitReden: 'doelen-bereikt', afgeslotenOp: today });
    version = (await v.call('trajecten.transition', { id: t.trajectId, version, naar: 'intake' })).version;
    detail = await v.call('trajecten.get', { id: t.trajectId });
    expect(detail.traject).toMatchObject({ fase: 'intake', afsluitReden: null, afgeslotenOp: null, version });
    expect(detail.fasen.map((f) => `${f.van ?? '-'}>${f.naar}`)).toEqual(['->aanmelding', 'aanmelding>intake', 'intake>actief', 'actief>nazorg', 'nazorg>afgesloten', 'afgesloten>intake']);
  });
  it('refuses a move the rules do not allow and leaves the traject as it was', async () => {
    const t = await newTraject(v);
    const before = snapshotCounts(v.db);
    const error = await v.fail('trajecten.transition', { id: t.trajectId, version: t.version, naar: 'nazorg' });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.[0]?.path).toBe('naar');
    expect(snapshotCounts(v.db)).toEqual(before);
    expect((await v.call('trajecten.get', { id: t.trajectId })).traject.fase).toBe('aanmelding');
  });
  it('a transition on an old version is refused with CONFLICT', async () => {
    const t = await newTraject(v);
    await v.call('trajecten.transition', { id: t.trajectId, version: t.version, naar: 'intake' });
    expect((await v.fail('trajecten.transition', { id: t.trajectId, version: t.version, naar: 'actief' })).code).toBe('CONFLICT');
  });
  it('an unknown traject is NOT_FOUND', async () => {
    expect((await v.fail('trajecten.get', { id: crypto.randomUUID() })).code).toBe('NOT_FOUND');
  });
});

describe('trajecten: deadlines, opvang and tasks', () => {
  it('flags crisisopvang over 3 months and marks procedure deadlines', async () => {
    const t = await newTraject(v, {
      opvang: [{ soort: 'crisisopvang', start: inDays(-100) }],
      procedures: [
        { soort: 'b8-bedenktijd', status: 'lopend', deadline: inDays(-1) },
        { soort: 'aangifte', status: 'afgerond', deadline: inDays(-10) },
        { soort: 'zorgverzekering', status: 'aangevraagd', deadline: inDays(5) },
      ],
    });
    const d = await v.call('trajecten.get', { id: t.trajectId });
    expect(d.signalen.crisisopvangTeLang).toBe(true);
    expect(d.traject.procedures.map((p) => p.state)).toEqual(['verlopen', 'afgerond', 'binnenkort']);
    expect(d.signalen.verlopenProcedures).toBe(1);
  });
  it('a crisisopvang of 2 months is not flagged; ending it in time keeps it unflagged', async () => {
    const t = await newTraject(v, { opvang: [{ soort: 'crisisopvang', start: inDays(-60) }] });
    let d = await v.call('trajecten.get', { id: t.trajectId });
    expect(d.signalen.crisisopvangTeLang).toBe(false);
    expect(d.signalen.crisisopvangGrens).not.toBeNull();
    await v.call('trajecten.update', { id: t.trajectId, version: t.version, fields: { opvang: [{ ...d.traject.opvang[0]!, eind: inDays(-1) }] } });
    d = await v.call('trajecten.get', { id: t.trajectId });
    expect(d.traject.opvang[0]?.eind).toBe(inDays(-1));
    expect(d.signalen.crisisopvangGrens).toBeNull();
  });
  it('an opvang that ends before it starts is refused', async () => {
    const c = await v.call('clienten.create', { fields: { roepnaam: 'Mira' } });
    const error = await v.fail('trajecten.create', {
      clientId: c.id,
      fields: { minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'zorg', aanmelddatum: today, opvang: [{ soort: 'coa', start: today, eind: inDays(-1) }] },
    });
    expect(error.issues?.[0]?.path).toBe('fields.opvang.0.eind');
  });
  it('lists overdue tasks until they are completed; reminders come on their day', async () => {
    const t = await newTraject(v);
    const late = await v.call('taken.create', { trajectId: t.trajectId, titel: 'Bel advocaat', deadline: inDays(-2) });
    await v.call('taken.create', { trajectId: t.trajectId, titel: 'Verzekering regelen', deadline: inDays(10), herinnering: today });
    await v.call('taken.create', { trajectId: t.trajectId, titel: 'Later', deadline: inDays(20) });
    expect(late.state).toBe('verlopen');
    let overdue = await v.call('taken.listOverdue', {});
    expect(overdue.items.map((i) => i.titel)).toEqual(['Bel advocaat']);
    expect(overdue.items[0]?.pseudoniem).toBe(t.pseudoniem);
    expect((await v.call('taken.listReminders', {})).items.map((i) => i.titel)).toEqual(['Bel advocaat', 'Verzekering regelen']);
    const done = await v.call('taken.complete', { id: late.id });
    expect(done.state).toBe('afgerond');
    overdue = await v.call('taken.listOverdue', {});
    expect(overdue.total).toBe(0);
    expect((await v.call('trajecten.get', { id: t.trajectId })).signalen.verlopenTaken).toBe(0);
  });
});

describe('toestemmingen', () => {
  it('count from the day given and stop counting from the day withdrawn', async () => {
    const t = await newTraject(v);
    const s = await v.call('toestemmingen.add', {
      trajectId: t.trajectId,
      fields: { doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: inDays(-5), schriftelijk: true, gegevenDoor: 'client' },
    });
    expect(s.status).toBe('geldig');
    expect((await v.call('trajecten.get', { id: t.trajectId })).signalen.geldigeToestemmingen).toBe(1);
    const w = await v.call('toestemmingen.withdraw', { id: s.id });
    expect(w).toMatchObject({ status: 'ingetrokken', ingetrokkenOp: today });
    expect((await v.call('trajecten.get', { id: t.trajectId })).signalen.geldigeToestemmingen).toBe(0);
    expect(changesOf(v.db, 'toestemming', s.id).map((e) => [e.action, e.fields])).toEqual([
      ['create', ['doel', 'gegevenDoor', 'ontvanger', 'schriftelijk', 'vanaf']],
      ['withdraw', ['ingetrokkenOp']],
    ]);
  });
  it('under 16 only a parent or guardian can consent; CoMensha needs writing', async () => {
    const t = await newTraject(v, { minderjarigBijStart: true }, { geboortedatum: inDays(-365 * 14) });
    const own = await v.call('toestemmingen.add', { trajectId: t.trajectId, fields: { doel: 'gegevensdeling', ontvanger: 'Jeugdzorg', vanaf: today, schriftelijk: true, gegevenDoor: 'client' } });
    const parent = await v.call('toestemmingen.add', { trajectId: t.trajectId, fields: { doel: 'gegevensdeling', ontvanger: 'Jeugdzorg', vanaf: today, schriftelijk: true, gegevenDoor: 'ouder-voogd' } });
    const oral = await v.call('toestemmingen.add', { trajectId: t.trajectId, fields: { doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: today, schriftelijk: false, gegevenDoor: 'ouder-voogd' } });
    expect([own.status, parent.status, oral.status]).toEqual(['ongeldig-leeftijd', 'geldig', 'niet-schriftelijk']);
  });
});

describe('change events', () => {
  it('name the fields that changed and never hold a value', async () => {
    const secretName = 'Zyxwoordnaam';
    const secretNote = 'geheimenotitie9876';
    const t = await newTraject(v, { notities: secretNote }, { roepnaam: secretName, bsn: '123456782' });
    await v.call('journaal.add', { trajectId: t.trajectId, tekst: `${secretNote} journaal` });
    const client = await v.call('clienten.get', { id: t.clientId });
    await v.call('clienten.update', { id: t.clientId, version: client.version, fields: { achternaam: 'Anders', roepnaam: secretName } });
    const events = changesOf(v.db, 'client', t.clientId);
    // Written in the app by its person (the vault owner until there is a profile), by hand.
    expect(events.map((e) => [e.action, e.fields, e.actor, e.via])).toEqual([
      ['create', ['achternaam', 'bsn', 'contactpersonen', 'geboortedatum', 'geslacht', 'roepnaam', 'taal'], { kind: 'eigenaar' }, 'hand'],
      ['update', ['achternaam'], { kind: 'eigenaar' }, 'hand'],
    ]);
    const all = JSON.stringify(v.db.prepare('SELECT * FROM change_events').all());
    for (const value of [secretName, secretNote, '123456782', 'Anders', 'Voorbeeldig']) expect(all).not.toContain(value);
  });
});
