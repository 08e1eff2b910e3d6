// The 2024 ESSM figures (seeds/004; DOMAIN.md) entered as records, then released for the Regionale
// Tafel through the real path: period figures → linked tables → suppression → signed file.
import { expect, it } from 'vitest';
import { useCheckedTestVault, type TestVault } from '../casework/helpers';
import { voerEssm2024In } from '../casework/essm2024';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';
import { saveProfile } from '../../../electron/core/profile/profile.repo';
import { bereidVrijgaveVoor } from '../../../electron/core/tafel/release';

let v: TestVault;
useCheckedTestVault((opened) => (v = opened));

it('the 2024 ESSM figures as a release: large counts exact, every small count hidden, nothing else', { timeout: 180_000 }, async () => {
  await voerEssm2024In(v);
  inTransaction(v.db, () => saveProfile(v.db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam' } }));
  const r = bereidVrijgaveVoor(v.db, { ...ownerWriter('hand'), newId: () => '0190a000-0000-7000-8000-000000000001' }, { jaar: 2024 });
  const { waarden } = r.overzicht.vrijgave;
  const cellen = r.bestand.cellen;
  const k = r.bestand.instellingen.k;
  expect(k).toBe(5);
  expect(r.overzicht.veilig).toBe(true);

  // Every published cell tells the truth as a reader reads it; every count of 1..k−1 is hidden.
  for (const [cel, toon] of Object.entries(cellen)) {
    const echt = waarden[cel]!;
    if (typeof toon === 'number') expect(toon, cel).toBe(echt);
    else if (toon === 'klein') expect(echt, cel).toBeLessThan(k);
    else expect(echt, cel).toBeGreaterThanOrEqual(k);
  }
  for (const [cel, echt] of Object.entries(waarden)) {
    if (echt >= 1 && echt < k) expect(typeof cellen[cel], cel).not.toBe('number');
  }

  // The large published figures of the 2024 monitor come out exact.
  expect(cellen).toMatchObject({
    'clienten.categorie.seksuele-uitbuiting.nieuw': 77,
    'clienten.categorie.seksuele-uitbuiting.doorlopend': 38,
    'clienten.categorie.seksuele-uitbuiting.totaal': 115,
    'clienten.categorie.preventief.nieuw': 19,
    'clienten.categorie.preventief.doorlopend': 7,
    'clienten.categorie.preventief.totaal': 26,
    'clienten.totaal.totaal': 168,
    'meldingen.totaal': 179,
    'meldingen.herkomst.centrumgemeente': 121,
    'meldingen.herkomst.regio': 44,
    'meldingen.herkomst.onbekend-in-regio': 10,
    'meldingen.vorm.seksuele-uitbuiting.volwassen': 57,
    'meldingen.vorm.seksuele-uitbuiting.minderjarig': 9,
    'meldingen.preventief-gesprek.volwassen': 18,
    'meldingen.preventief-gesprek.minderjarig': 20,
    'meldingen.informatieverzoek.sekswerkers': 52,
    'politie.criminele-uitbuiting.informatieve-gesprekken': 8,
  });
  // The small ones hidden: the one minor cliënt, the 3 continuing CU cliënten, the 4 meldingen
  // from outside the region, the 2 aangiftes, the closures (3 in all).
  expect(cellen).toMatchObject({
    'clienten.leeftijd.minderjarig': 'klein',
    'clienten.categorie.criminele-uitbuiting.doorlopend': 'klein',
    'meldingen.herkomst.buiten-regio': 'klein',
    'politie.criminele-uitbuiting.aangiftes': 'klein',
    'clienten.afgesloten.totaal': 'klein',
  });
  // No gemeente of the region has k meldingen (each has 2): none is named, only "overige gemeenten".
  expect(Object.keys(cellen).filter((c) => c.startsWith('meldingen.gemeente.'))).toEqual(['meldingen.gemeente.overige-gemeenten']);

  // Nothing personal leaves: no name, pseudonym, record date or the profile's person.
  const pseudoniemen = (v.db.prepare('SELECT pseudoniem FROM clienten').all() as Array<{ pseudoniem: string }>).map((x) => x.pseudoniem);
  expect(pseudoniemen.length).toBeGreaterThan(150);
  for (const verboden of ['Voorbeeldig', 'Testa', ...pseudoniemen, '2024-03-02', '2024-06-15', '2007-02-01']) {
    expect(r.json.includes(verboden), verboden).toBe(false);
    expect(r.csv.includes(verboden), verboden).toBe(false);
  }
});
