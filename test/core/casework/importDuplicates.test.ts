import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { snapshotCounts, useCheckedTestVault, type TestVault } from './helpers';

/**
 * Issue 13: an imported cliënt with the same BSN, or the same name and birth date, as a cliënt in
 * the vault or one earlier in the same file is never written silently: the report (of the check
 * and of the import) names it by its place in the file and the other by pseudonym code, and
 * carries no value of either. Synthetic names and a synthetic BSN (11-proef) only.
 */

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

let n = 0;
const fileOf = (trajecten: unknown[]) => {
  const path = join(v.dir, `dubbel-${++n}.json`);
  writeFileSync(path, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten }));
  return path;
};
const traject = (client: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) => ({
  ...(client ? { client } : {}),
  vormen: ['arbeidsuitbuiting'],
  minderjarigBijStart: false,
  gemeente: 'Rotterdam',
  verwijzer: 'meldpunt',
  aanmelddatum: '2024-02-01',
  ...extra,
});
const BSN = '123456782';

/** No value of any cliënt in the report: only places, codes and what matched. */
function expectNoValues(report: unknown): void {
  const text = JSON.stringify(report);
  for (const value of [BSN, 'Zwaluw', 'zwaluw', 'Kievitsma', 'kievitsma', '1990-07-14', 'Anders']) expect(text).not.toContain(value);
}

it('names a cliënt in the vault with the same BSN, or the same name and birth date, in the check and in the import', async () => {
  const existing = await v.call('clienten.create', { fields: { roepnaam: 'Zwaluw', achternaam: 'Kievitsma', geboortedatum: '1990-07-14', bsn: BSN } });
  const path = fileOf([
    // The same BSN under another name.
    traject({ roepnaam: 'Anders', bsn: BSN }),
    // The same name written otherwise (case, accent, hyphen) and the same birth date.
    traject({ roepnaam: 'ZWALUW', achternaam: 'Kievitsmá', geboortedatum: '1990-07-14' }),
    // Someone else: same birth date, other name.
    traject({ roepnaam: 'Merel', achternaam: 'Kievitsma', geboortedatum: '1990-07-14' }),
  ]);

  const checked = await v.call('import.file', { path, dryRun: true });
  expect(checked.dubbel).toEqual({
    totaal: 2,
    eerste: [
      { pad: 'trajecten.0.client', lijktOp: 'in-kluis', pseudoniem: existing.pseudoniem, op: ['bsn'] },
      { pad: 'trajecten.1.client', lijktOp: 'in-kluis', pseudoniem: existing.pseudoniem, op: ['naam-geboortedatum'] },
    ],
  });
  expectNoValues(checked.dubbel);

  const imported = await v.call('import.file', { path });
  expect(imported).toMatchObject({ clienten: 3, trajecten: 3 });
  expect(imported.dubbel).toEqual(checked.dubbel);
  expectNoValues(imported.dubbel);
});

it('names a look-alike earlier in the same file: by its place in a check, and with the code it got in the import', async () => {
  const path = fileOf([
    traject({ roepnaam: 'Zwaluw', achternaam: 'Kievitsma', geboortedatum: '1990-07-14', bsn: BSN }),
    traject({ roepnaam: 'Andere' }),
    traject({ roepnaam: 'zwaluw', achternaam: 'kievitsma', geboortedatum: '1990-07-14', bsn: BSN }),
  ]);
  const checked = await v.call('import.file', { path, dryRun: true });
  expect(checked.dubbel).toEqual({ totaal: 1, eerste: [{ pad: 'trajecten.2.client', lijktOp: 'in-bestand', eerderPad: 'trajecten.0.client', op: ['bsn', 'naam-geboortedatum'] }] });

  const imported = await v.call('import.file', { path });
  const first = v.db.prepare("SELECT pseudoniem FROM clienten WHERE roepnaam = 'Zwaluw'").get() as { pseudoniem: string };
  expect(imported.dubbel).toEqual({ totaal: 1, eerste: [{ pad: 'trajecten.2.client', lijktOp: 'in-bestand', eerderPad: 'trajecten.0.client', pseudoniem: first.pseudoniem, op: ['bsn', 'naam-geboortedatum'] }] });
  expectNoValues(imported.dubbel);
  // Written, as the person chose to import the file, and said: not a silent second cliënt.
  expect(snapshotCounts(v.db).clienten).toBe(3);
});

it('says nothing for the trajecten of one cliënt joined by clientRef, nor for cliënten without BSN or birth date', async () => {
  const zwaluw = { roepnaam: 'Zwaluw', achternaam: 'Kievitsma', geboortedatum: '1990-07-14' };
  const r = await v.call('import.file', {
    path: fileOf([
      traject(zwaluw, { clientRef: 'c1' }),
      traject(undefined, { clientRef: 'c1', aanmelddatum: '2024-03-01' }),
      traject(zwaluw, { clientRef: 'c1', aanmelddatum: '2024-04-01' }),
      traject({ roepnaam: 'Zwaluw' }),
      traject({ roepnaam: 'Zwaluw' }),
    ]),
  });
  expect(r).toMatchObject({ clienten: 3, trajecten: 5 });
  expect(r.dubbel).toBeUndefined();
});

it('names the first 200 look-alikes and counts them all', async () => {
  const file = fileOf(Array.from({ length: 205 }, () => traject({ roepnaam: 'Zwaluw', geboortedatum: '1990-07-14' })));
  const r = await v.call('import.file', { path: file, dryRun: true });
  expect(r.dubbel?.totaal).toBe(204);
  expect(r.dubbel?.eerste).toHaveLength(200);
  expect(r.dubbel?.eerste.every((d) => d.eerderPad === 'trajecten.0.client')).toBe(true);
});
