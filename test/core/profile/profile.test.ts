// The vault profile on a real encrypted vault through the real core: who a change event names,
// the organisation's signing key (private half only inside the vault), one profile per vault,
// its history, and "Later" asked once.
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesOf } from '../../../electron/core/casework/changeKinds';
import { changesOf as profileChanges } from '../../../electron/core/profile/changeKinds';
import { profielRegio, readProfile } from '../../../electron/core/profile/profile.repo';
import { messageFor } from '../../../shared/errors';
import { actorTexts, openProfileVault, profileFields, type ProfileVault } from './helpers';

let v: ProfileVault;
beforeEach(async () => (v = await openProfileVault()));
afterEach(() => v.close());
const db = () => v.core.session.db();

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the vault profile', () => {
  it('a new vault has none, is not postponed, and its region is unknown', async () => {
    expect(await v.call('profile.get', {})).toEqual({ profiel: null, uitgesteld: false });
    expect(readProfile(db())).toBeNull();
    expect(profielRegio(db())).toBeNull();
  });

  it('is created with the fields given, a fresh Ed25519 key pair and its grouped SHA-256 fingerprint; the private key is never returned', async () => {
    const p = await v.call('profile.save', { fields: profileFields() });
    expect(p).toMatchObject({ ...profileFields(), version: 1 });
    expect(p.vingerafdruk).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    expect(Object.keys(p).sort()).toEqual(['aangemaakt', 'bijgewerkt', 'functie', 'id', 'naam', 'organisatie', 'regio', 'version', 'vingerafdruk']);
    expect(await v.call('profile.get', {})).toEqual({ profiel: p, uitgesteld: false });
    expect(profielRegio(db())).toBe('rotterdam');

    const row = db().prepare('SELECT sleutel_publiek AS pub, sleutel_prive AS priv FROM profiel').get() as { pub: Buffer; priv: Buffer };
    const publicKey = createPublicKey({ key: row.pub, format: 'der', type: 'spki' });
    const privateKey = createPrivateKey({ key: row.priv, format: 'der', type: 'pkcs8' });
    expect(publicKey.asymmetricKeyType).toBe('ed25519');
    // The pair belongs together: what the private key signs, the public key verifies.
    const message = Buffer.from('synthetisch overzicht voor de Regionale Tafel');
    expect(verify(null, message, publicKey, sign(null, message, privateKey))).toBe(true);
    // The fingerprint is SHA-256 over the public key as SubjectPublicKeyInfo, so anyone can recompute it.
    const digest = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').toUpperCase();
    expect(p.vingerafdruk.replaceAll(' ', '')).toBe(digest);
    // Nothing the window receives carries the private key.
    const raw = privateKey.export({ format: 'jwk' }).d!;
    expect(JSON.stringify(await v.call('profile.get', {}))).not.toContain(raw);
  });

  it('every vault gets its own key', async () => {
    const other = await openProfileVault();
    try {
      const a = await v.call('profile.save', { fields: profileFields() });
      const b = await other.call('profile.save', { fields: profileFields() });
      expect(a.vingerafdruk).not.toBe(b.vingerafdruk);
    } finally {
      other.close();
    }
  });

  it('the private key is in no file of the vault folder in readable form (database, WAL, key file), also after a lock', async () => {
    await v.call('profile.save', { fields: profileFields() });
    const row = db().prepare('SELECT sleutel_prive AS priv FROM profiel').get() as { priv: Buffer };
    const seed = Buffer.from(createPrivateKey({ key: row.priv, format: 'der', type: 'pkcs8' }).export({ format: 'jwk' }).d!, 'base64url');
    expect(seed).toHaveLength(32);
    const check = () => {
      for (const file of filesUnder(v.dir)) {
        const bytes = readFileSync(file);
        expect(bytes.includes(seed), `the key's seed in ${file}`).toBe(false);
        expect(bytes.includes(row.priv), `the PKCS#8 key in ${file}`).toBe(false);
        expect(bytes.includes(Buffer.from('Testa Kluisgebruiker')), `the profile name in ${file}`).toBe(false);
      }
    };
    check();
    await v.call('vault.lock', {});
    check();
  });

  it('after it exists, every write is recorded as profiel:<id>/hand; before it, as the owner', async () => {
    const before = await v.call('clienten.create', { fields: { roepnaam: 'Testa', achternaam: 'Voor' } });
    const p = await v.call('profile.save', { fields: profileFields() });
    const after = await v.call('clienten.create', { fields: { roepnaam: 'Testa', achternaam: 'Na' } });
    expect(changesOf(db(), 'client', before.id).map((e) => e.actor)).toEqual([{ kind: 'eigenaar' }]);
    expect(changesOf(db(), 'client', after.id).map((e) => [e.actor, e.via])).toEqual([[{ kind: 'profiel', id: p.id }, 'hand']]);
    // The profile's own creation names the profile.
    expect(profileChanges(db(), 'profiel', p.id)).toEqual([expect.objectContaining({ actor: { kind: 'profiel', id: p.id }, action: 'create', fields: ['functie', 'naam', 'organisatie', 'regio', 'sleutel'] })]);
    expect(actorTexts(v.core)).toEqual(['eigenaar/hand', `profiel:${p.id}/hand`, `profiel:${p.id}/hand`]);

    // The same after locking and unlocking: the profile lives in the vault, not in memory.
    await v.call('vault.lock', {});
    await v.call('vault.unlock', { passphrase: v.passphrase });
    const later = await v.call('clienten.create', { fields: { roepnaam: 'Testa', achternaam: 'Later' } });
    expect(changesOf(db(), 'client', later.id)[0]?.actor).toEqual({ kind: 'profiel', id: p.id });
  });

  it('a change keeps the id and key, is recorded by field name only, and every version stays readable in the history', async () => {
    const p = await v.call('profile.save', { fields: profileFields() });
    const changed = await v.call('profile.save', { version: p.version, fields: profileFields({ naam: 'Testa Nieuwenaam', organisatie: 'shop', regio: 'den-haag' }) });
    expect(changed).toMatchObject({ id: p.id, version: 2, naam: 'Testa Nieuwenaam', organisatie: 'shop', regio: 'den-haag', vingerafdruk: p.vingerafdruk });
    expect(profielRegio(db())).toBe('den-haag');
    const update = profileChanges(db(), 'profiel', p.id)[1]!;
    expect(update).toMatchObject({ action: 'update', fields: ['naam', 'organisatie', 'regio'] });
    expect(JSON.stringify(db().prepare('SELECT * FROM change_events').all())).not.toContain('Nieuwenaam');
    expect(db().prepare('SELECT version, naam, organisatie, regio FROM profiel_historie ORDER BY version').all()).toEqual([
      { version: 1, naam: 'Testa Kluisgebruiker', organisatie: 'essm', regio: 'rotterdam' },
      { version: 2, naam: 'Testa Nieuwenaam', organisatie: 'shop', regio: 'den-haag' },
    ]);
    // History is append-only.
    expect(() => db().exec("UPDATE profiel_historie SET naam = 'x'")).toThrow(/append-only/);
    expect(() => db().exec('DELETE FROM profiel_historie')).toThrow(/append-only/);
    // Saving the same fields again changes nothing.
    expect(await v.call('profile.save', { version: 2, fields: profileFields({ naam: 'Testa Nieuwenaam', organisatie: 'shop', regio: 'den-haag' }) })).toEqual(changed);
    expect(profileChanges(db(), 'profiel', p.id)).toHaveLength(2);
  });

  it('one profile per vault: a second create and a stale version are CONFLICT, and nothing changes', async () => {
    const p = await v.call('profile.save', { fields: profileFields() });
    expect((await v.fail('profile.save', { fields: profileFields({ naam: 'Iemand Anders' }) })).code).toBe('CONFLICT');
    await v.call('profile.save', { version: 1, fields: profileFields({ functie: 'privacy-officer' }) });
    expect((await v.fail('profile.save', { version: 1, fields: profileFields({ naam: 'Oud Formulier' }) })).code).toBe('CONFLICT');
    expect(readProfile(db())).toMatchObject({ id: p.id, naam: 'Testa Kluisgebruiker', functie: 'privacy-officer', version: 2 });
    expect(db().prepare('SELECT count(*) AS n FROM profiel').get()).toEqual({ n: 1 });
  });

  it('the organisation must be an active partner of the register: an unknown or retired one is refused at that field, in Dutch', async () => {
    const unknown = await v.fail('profile.save', { fields: profileFields({ organisatie: 'bestaat-niet' }) });
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'fields.organisatie', message: 'Kies een organisatie uit het partnerregister' }] });
    const shop = (await v.call('partners.list', {})).partners.find((x) => x.id === 'shop')!;
    await v.call('partners.retire', { id: 'shop', version: shop.version, datum: '2026-01-31' });
    const retired = await v.fail('profile.save', { fields: profileFields({ organisatie: 'shop' }) });
    expect(retired).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'fields.organisatie', message: 'Deze organisatie is buiten gebruik. Kies een andere' }] });
    expect(readProfile(db())).toBeNull();
    expect(db().prepare("SELECT count(*) AS n FROM change_events WHERE entity = 'profiel'").get()).toEqual({ n: 0 });
    expect(messageFor('INVALID_INPUT')).toMatch(/gemarkeerde velden/);
  });

  it('a profile whose organisation was retired later can still change its other fields', async () => {
    const p = await v.call('profile.save', { fields: profileFields() });
    const essm = (await v.call('partners.list', {})).partners.find((x) => x.id === 'essm')!;
    await v.call('partners.retire', { id: 'essm', version: essm.version });
    expect(await v.call('profile.save', { version: p.version, fields: profileFields({ naam: 'Testa Gewijzigd' }) })).toMatchObject({ organisatie: 'essm', naam: 'Testa Gewijzigd' });
  });

  it('"Later" is remembered in the vault (asked once), also after a lock; it is no change event', async () => {
    const events = () => db().prepare('SELECT count(*) AS n FROM change_events').get();
    const before = events();
    expect(await v.call('profile.postpone', {})).toEqual({});
    expect(await v.call('profile.postpone', {})).toEqual({});
    await v.call('vault.lock', {});
    await v.call('vault.unlock', { passphrase: v.passphrase });
    expect(await v.call('profile.get', {})).toEqual({ profiel: null, uitgesteld: true });
    expect(events()).toEqual(before);
  });

  it('needs the vault unlocked', async () => {
    await v.call('vault.lock', {});
    expect((await v.fail('profile.get', {})).code).toBe('VAULT_LOCKED');
    expect((await v.fail('partners.list', {})).code).toBe('VAULT_LOCKED');
  });
});
