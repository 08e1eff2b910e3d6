// The regional monitor in English on screen: the core gives its tables, charts and explanation in
// Dutch (the files and the PDF that leave are Dutch); the screen shows them in English by the
// tables' fixed ids. A monitor compiled from two synthetic organisations' signed 2024 summaries
// (the small one with many hidden cells, the other in a different region so every optional line
// is there): in English no title, column, row, bar or explanation is left in Dutch — except the
// names of gemeenten, which are proper names; in Dutch nothing changes.
import { describe, expect, it } from 'vitest';
import { monitorInTaal } from '../../../renderer/features/tafel/monitorTaal';
import type { TafelBestand } from '../../../shared/tafel/file.schema';
import { compileerMonitor } from '../../../shared/tafel/monitor';
import { monitor2024 } from '../../shared/tafel/fixtures';
import { geefUit, organisatie } from '../../core/tafel/monitorFixtures';

function tweeOrganisaties() {
  const groot = geefUit(organisatie('essm', 'ESSM (Humanitas)'), { jaar: 2024 }, monitor2024()).bestand;
  const w = monitor2024();
  const deel = (n: number) => Math.round(n / 12);
  const klein = geefUit(
    organisatie('riec-rotterdam', 'RIEC Rotterdam'),
    { jaar: 2024 },
    {
      ...w,
      clienten: w.clienten.map((c) => ({ ...c, aantal: deel(c.aantal) })),
      meldingen: w.meldingen.map((m) => ({ ...m, aantal: deel(m.aantal) })),
      politie: w.politie.map((p) => ({ ...p, aantal: deel(p.aantal) })),
      afgesloten: Object.fromEntries(Object.entries(w.afgesloten).map(([r, n]) => [r, deel(n)])) as typeof w.afgesloten,
      crisis: deel(w.crisis),
    },
  ).bestand;
  // Another region and rounding in the second file: the explanation then has its two optional lines.
  const anders: TafelBestand = { ...klein, regio: 'anders-dan-' + groot.regio, instellingen: { ...klein.instellingen, afronding: 5 } };
  return compileerMonitor({ jaar: 2024 }, [groot, anders]);
}

describe('the monitor in the chosen language', () => {
  const nl = tweeOrganisaties();
  const en = monitorInTaal(nl, 'en');

  it('in Dutch is the core’s monitor unchanged', () => {
    expect(monitorInTaal(nl, 'nl')).toBe(nl);
  });

  it('in English every title, column, row, bar and line of explanation is translated; gemeente names stay', () => {
    expect(nl.toelichting.length).toBeGreaterThanOrEqual(6);
    en.toelichting.forEach((regel, i) => expect(regel, nl.toelichting[i]).not.toBe(nl.toelichting[i]));
    const tabellen = (m: typeof nl) => [...m.gecombineerd, ...m.secties.flatMap((s) => s.tabellen)];
    const [tNl, tEn] = [tabellen(nl), tabellen(en)];
    expect(tNl.length).toBeGreaterThan(8);
    tNl.forEach((tabel, i) => {
      const e = tEn[i]!;
      expect(e.titel, tabel.titel).not.toBe(tabel.titel);
      tabel.kolommen.forEach((k, j) => expect(e.kolommen[j]!.label, `${tabel.id} ${k.id}`).not.toBe(k.label));
      tabel.rijen.forEach((r, j) => {
        const gemeente = tabel.id === 'meldingen-gemeenten' && r.id !== 'totaal' && r.id !== 'overige-gemeenten';
        if (gemeente) expect(e.rijen[j]!.label).toBe(r.label);
        else expect(e.rijen[j]!.label, `${tabel.id} ${r.id}`).not.toBe(r.label);
      });
      // The figures themselves are the core's, untouched.
      expect(e.rijen.map((r) => r.cellen)).toEqual(tabel.rijen.map((r) => r.cellen));
    });
    for (const g of ['meldingenPerVorm', 'clientenPerCategorie'] as const) {
      nl.grafieken[g].forEach((s, i) => {
        expect(en.grafieken[g][i]!.label, s.label).not.toBe(s.label);
        expect({ ...en.grafieken[g][i], label: s.label }).toEqual(s);
      });
    }
    const teksten = en.gecombineerd.flatMap((t) => [t.titel, ...t.kolommen.map((k) => k.label), ...t.rijen.map((r) => r.label)]).join(' | ');
    expect(teksten).not.toMatch(/uitbuiting|Totaal|Aantal|Cliënt|Meldingen|gemeente/);
  });
});
