import { expect, it } from 'vitest';
import { useCheckedTestVault, type TestVault } from './helpers';
import { voerEssm2024In } from './essm2024';

/**
 * The published 2024 figures of the ESSM entered as records (see essm2024.ts): the dashboard must
 * give every published cell back.
 */

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

it('gives back every cell of the 2024 ESSM figures, counting cliënten (not trajecten) and keeping 2023 and 2025 out', { timeout: 120_000 }, async () => {
  await voerEssm2024In(v);

  const { monitor, jaren } = await v.call('dashboard.get', { jaar: 2024, vandaag: '2025-02-01' });
  expect(jaren).toEqual([2025, 2024, 2023, 2022]);
  expect(monitor.clienten.perCategorie).toEqual([
    { categorie: 'seksuele-uitbuiting', nieuw: 77, doorlopend: 38, totaal: 115 },
    { categorie: 'criminele-uitbuiting', nieuw: 11, doorlopend: 3, totaal: 14 },
    { categorie: 'overig', nieuw: 7, doorlopend: 6, totaal: 13 },
    { categorie: 'onbekend', nieuw: 0, doorlopend: 0, totaal: 0 },
    { categorie: 'preventief', nieuw: 19, doorlopend: 7, totaal: 26 },
  ]);
  // 167 published + the CU cliënt of the police contacts.
  expect(monitor.clienten.totaal).toEqual({ nieuw: 114, doorlopend: 54, totaal: 168 });
  expect(monitor.clienten.leeftijd).toEqual({ volwassen: 160, minderjarig: 1, onbekend: 7 });
  expect(monitor.clienten.afgesloten).toEqual({ totaal: 3, perReden: [{ reden: 'doelen-bereikt', aantal: 2 }, { reden: 'overgedragen', aantal: 1 }] });

  expect(monitor.meldingen.totaal).toBe(179);
  expect(monitor.meldingen.perGemeenteGroep).toEqual([
    { groep: 'centrumgemeente', aantal: 121 },
    { groep: 'regio', aantal: 44 },
    { groep: 'onbekend-in-regio', aantal: 10 },
    { groep: 'buiten-regio', aantal: 4 },
    { groep: 'onbekend', aantal: 0 },
  ]);
  expect(monitor.meldingen.perVorm).toEqual([
    { rij: 'seksuele-uitbuiting', volwassen: 57, minderjarig: 9, onbekend: 0 },
    { rij: 'criminele-uitbuiting', volwassen: 10, minderjarig: 5, onbekend: 0 },
    { rij: 'overige-uitbuiting', volwassen: 8, minderjarig: 0, onbekend: 0 },
  ]);
  expect(monitor.meldingen.preventieveGesprekken).toEqual({ volwassen: 18, minderjarig: 20, onbekend: 0 });
  expect(monitor.meldingen.informatieverzoeken).toEqual({ sekswerkers: 52, overig: 0 });
  expect(monitor.politie).toEqual({ perVorm: [{ vorm: 'criminele-uitbuiting', informatieveGesprekken: 8, aangiftes: 2 }], totaal: { informatieveGesprekken: 8, aangiftes: 2 } });

  // Another year never includes these records: 2023 has its 130 meldingen, with unknown as its own row.
  const vorig = (await v.call('dashboard.get', { jaar: 2023, vandaag: '2025-02-01' })).monitor;
  expect(vorig.meldingen.totaal).toBe(130);
  expect(vorig.meldingen.perGemeenteGroep.find((g) => g.groep === 'onbekend')?.aantal).toBe(130);
  expect(vorig.meldingen.perVorm).toEqual([{ rij: 'onbekend', volwassen: 0, minderjarig: 0, onbekend: 130 }]);
  expect(vorig.politie.totaal).toEqual({ informatieveGesprekken: 1, aangiftes: 0 });
  // 2023: 38 + 5 (closed 31-12) SU, 2 + 1 CU, 6 overig, 7 + 1 preventive.
  expect(vorig.clienten.totaal.totaal).toBe(38 + 5 + 3 + 6 + 8);
});
