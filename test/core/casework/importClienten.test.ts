import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { snapshotCounts, useCheckedTestVault, type TestVault } from './helpers';

/** Issue 11: an import can attach several trajecten to one cliënt, and refuses impossible records with their reason. */

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

let n = 0;
const fileOf = (trajecten: unknown[], meldingen: unknown[] = []) => {
  const path = join(v.dir, `clienten-${++n}.json`);
  writeFileSync(path, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten, meldingen }));
  return path;
};
const client = { roepnaam: 'Testa', achternaam: 'Voorbeeldig', geboortedatum: '2000-05-05' };
const traject = (extra: Record<string, unknown> = {}) => ({ vormen: ['seksuele-uitbuiting'], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'meldpunt', aanmelddatum: '2024-02-01', ...extra });

it('attaches trajecten with the same clientRef to one cliënt; the monitor counts that cliënt once', async () => {
  const r = await v.call('import.file', {
    path: fileOf([
      traject({ client, clientRef: 'c1', preventief: true, aanmelddatum: '2023-03-01', fase: 'afgesloten', afsluitReden: 'overgedragen', afgeslotenOp: '2024-01-31' }),
      traject({ clientRef: 'c1', aanmelddatum: '2024-02-01' }),
      traject({ client, clientRef: 'c1', vormen: ['criminele-uitbuiting'], aanmelddatum: '2024-05-01' }),
      traject({ client: { roepnaam: 'Anders' } }),
    ]),
  });
  expect(r).toMatchObject({ clienten: 2, trajecten: 4 });
  expect(snapshotCounts(v.db).clienten).toBe(2);
  const perClient = v.db.prepare('SELECT count(*) AS n FROM trajecten GROUP BY client_id ORDER BY n DESC').all();
  expect(perClient).toEqual([{ n: 3 }, { n: 1 }]);
  const { monitor } = await v.call('dashboard.get', { jaar: 2024, vandaag: '2024-12-31' });
  expect(monitor.clienten.totaal).toEqual({ nieuw: 2, doorlopend: 0, totaal: 2 });
  expect(monitor.clienten.perCategorie.find((c) => c.categorie === 'seksuele-uitbuiting')).toMatchObject({ nieuw: 2 });
});

it.each([
  ['a ref used first without the cliënt', [traject({ clientRef: 'x' })], 'trajecten.0.client', /eerste keer dat deze clientRef voorkomt/],
  ['a ref repeated with other cliënt fields', [traject({ client, clientRef: 'x' }), traject({ client: { ...client, roepnaam: 'Andere' }, clientRef: 'x' })], 'trajecten.1.client', /eerder in het bestand met andere gegevens/],
  ['no cliënt and no ref', [traject()], 'trajecten.0.client', /Vul de gegevens van de cliënt in/],
  ['a traject closed before it was registered', [traject({ client, fase: 'afgesloten', afsluitReden: 'doelen-bereikt', afgeslotenOp: '2024-01-01' })], 'trajecten.0.afgeslotenOp', /niet afgesloten zijn voordat het is aangemeld/],
  ['a minor at the start by the flag but 23 by the birth date', [traject({ client, minderjarigBijStart: true })], 'trajecten.0.minderjarigBijStart', /was de cliënt bij de aanmelding 23 jaar/],
  ['a later traject of a ref that contradicts the birth date', [traject({ client, clientRef: 'y' }), traject({ clientRef: 'y', minderjarigBijStart: true })], 'trajecten.1.minderjarigBijStart', /bij de aanmelding 23 jaar/],
  ['a melding "wel mensenhandel" without a form', [], 'meldingen.0.vorm', /Bij "wel mensenhandel" hoort een vorm/],
])('refuses %s with the reason at its place, and writes nothing', async (_name, trajecten, path, message) => {
  const meldingen = path.startsWith('meldingen') ? [{ datum: '2024-03-03', kanaal: 'telefoon', anoniem: true, melderType: 'onbekend', gemeente: 'onbekend-in-regio', vorm: 'onbekend', conclusie: 'wel' }] : [];
  const before = snapshotCounts(v.db);
  const error = await v.fail('import.file', { path: fileOf(trajecten, meldingen) });
  expect(error.code).toBe('INVALID_INPUT');
  expect(error.issues).toContainEqual({ path, message: expect.stringMatching(message) });
  expect(snapshotCounts(v.db)).toEqual(before);
});
