// The contract of the profile and the partner register refuses bad input before any handler
// runs: INVALID_INPUT, each problem at its field with a plain Dutch message that never repeats
// the value, and nothing in the vault changed (main's check and the core's check are the same).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KkError } from '../../../shared/errors';
import { contract, methodNames } from '../../../shared/ipc/contract';
import { validateCall } from '../../../shared/ipc/validate';
import { openProfileVault, profileFields, type ProfileVault } from './helpers';

const MARKER = 'Geheimwaarde';
const partner = { naam: 'Gemeente Test', categorie: 'toezicht', rieconvenant: true, contact: 'Team veiligheid', kanaal: 'post' };

/** Bad inputs, each with the paths and messages a person should see. */
const cases: Array<[string, Parameters<typeof validateCall>[0], unknown, Array<{ path: string; message: string | RegExp }>]> = [
  ['an empty name', 'profile.save', { fields: profileFields({ naam: '   ' }) }, [{ path: 'fields.naam', message: 'Vul uw naam in' }]],
  ['a name of 121 characters', 'profile.save', { fields: profileFields({ naam: `${MARKER}${'x'.repeat(120)}` }) }, [{ path: 'fields.naam', message: 'Uw naam is hooguit 120 tekens' }]],
  ['an unknown function', 'profile.save', { fields: { ...profileFields(), functie: MARKER } }, [{ path: 'fields.functie', message: 'Kies uw functie' }]],
  ['an organisation that is no partner id', 'profile.save', { fields: { ...profileFields(), organisatie: `${MARKER} B.V.` } }, [{ path: 'fields.organisatie', message: 'Een partner-id bestaat uit kleine letters, cijfers en streepjes' }]],
  ['a region Ketenkluis does not know', 'profile.save', { fields: { ...profileFields(), regio: MARKER } }, [{ path: 'fields.regio', message: 'Kies uw regio' }]],
  ['a field that does not exist', 'profile.save', { fields: { ...profileFields(), sleutel: MARKER } }, [{ path: 'fields', message: /.+/ }]],
  ['a partner without a category or contact', 'partners.save', { fields: { naam: 'Test', rieconvenant: false, kanaal: 'post' } }, [
    { path: 'fields.categorie', message: 'Kies een van de vijf partnercategorieën' },
    { path: 'fields.contact', message: /.+/ },
  ]],
  ['an unknown channel', 'partners.save', { fields: { ...partner, kanaal: MARKER } }, [{ path: 'fields.kanaal', message: 'Kies hoe u deze partner bereikt' }]],
  ['a change without the version read', 'partners.save', { id: 'essm', fields: partner }, [{ path: 'version', message: 'Een wijziging noemt de partner en de versie die u las' }]],
  ['a zorgverlener without the beroepsgeheim answer', 'partners.save', { fields: { ...partner, categorie: 'zorg' } }, [{ path: 'fields.medischBeroepsgeheim', message: 'Geef aan of er een medisch beroepsgeheim geldt' }]],
  ['a retire date that is no date', 'partners.retire', { id: 'essm', version: 1, datum: '31-01-2026' }, [{ path: 'datum', message: /.+/ }]],
  ['a remove without version', 'partners.remove', { id: 'essm' }, [{ path: 'version', message: /.+/ }]],
  ['a postpone with input', 'profile.postpone', { later: true }, [{ path: '(root)', message: /.+/ }]],
];

describe('profile contract', () => {
  it('joins the contract: every method is a window method answered by the core, with a doc line', () => {
    const ours = methodNames.filter((m) => m.startsWith('profile.') || m.startsWith('partners.'));
    expect(ours).toEqual(['profile.get', 'profile.save', 'profile.postpone', 'partners.list', 'partners.save', 'partners.retire', 'partners.reactivate', 'partners.remove']);
    for (const m of ours) {
      expect(contract[m].answeredBy).toBe('core');
      expect(contract[m].doc.length).toBeGreaterThan(10);
    }
  });

  it.each(cases)('main refuses %s at the field, in Dutch, without repeating the value', (_what, method, input, expected) => {
    let error: unknown;
    try {
      validateCall(method, input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KkError);
    const e = error as KkError;
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual(expect.arrayContaining(expected.map(({ path, message }) => ({ path, message: typeof message === 'string' ? message : expect.stringMatching(message) }))));
    expect(JSON.stringify(e.toInfo())).not.toContain(MARKER);
  });

  describe('the core', () => {
    let v: ProfileVault;
    beforeAll(async () => {
      v = await openProfileVault();
      await v.call('profile.save', { fields: profileFields() });
    });
    afterAll(() => v.close());

    it('refuses the same inputs and loses nothing: profile, register and change log stay as they were', async () => {
      const db = v.core.session.db();
      const snapshot = () => ({
        profiel: db.prepare('SELECT * FROM profiel').all(),
        partners: db.prepare('SELECT * FROM partners ORDER BY id').all(),
        events: db.prepare('SELECT count(*) AS n FROM change_events').get(),
        later: db.prepare('SELECT * FROM profiel_later').all(),
      });
      const before = snapshot();
      for (const [what, method, input, expected] of cases) {
        const error = await v.fail(method as never, input);
        expect(error.code, what).toBe('INVALID_INPUT');
        expect(error.issues?.map((i) => i.path), what).toEqual(expect.arrayContaining(expected.map((x) => x.path)));
        expect(JSON.stringify(error), what).not.toContain(MARKER);
      }
      expect(snapshot()).toEqual(before);
    });
  });
});
