import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KkError } from '../../../shared/errors';
import { controleer } from '../../../shared/tafel/audit';
import { methodeTekst } from '../../../shared/tafel/methode';
import { onderdruk, type TafelOverzicht } from '../../../shared/tafel/suppression';
import { gemeenteCel, OVERIGE_GEMEENTEN } from '../../../shared/tafel/tables';
import { K_STANDAARD, type InstellingenInvoer, type TafelPeriode, type Vrijgave } from '../../../shared/tafel/tafel.schema';
import { differentieAanval, vrijgaveUitBestand, type Bestand } from './aanvaller';
import { ANDERE_GEMEENTEN, jaarVan, monitor2024, tabellenVan, type Wereld } from './fixtures';

function maak(periode: TafelPeriode, w: Wereld, ledger: Vrijgave[] = [], id = `r-${ledger.length}`, instellingen?: InstellingenInvoer) {
  const tabellen = tabellenVan(periode, w, instellingen?.k ?? K_STANDAARD);
  const r = onderdruk({ tabellen, ledger, id, ...(instellingen ? { instellingen } : {}) });
  return { r, bestand: { id, periode, tabellen, publicatie: r.publicatie } satisfies Bestand };
}
const getoond = (r: TafelOverzicht, cel: string) => r.publicatie.cellen[cel];
const verborgenAls = (r: TafelOverzicht, reden: string) => r.verborgen.filter((v) => v.reden.soort === reden).map((v) => v.cel);

function fout(f: () => unknown): KkError {
  try {
    f();
  } catch (e) {
    if (e instanceof KkError) return e;
    throw e;
  }
  throw new Error('no error');
}

/** A small world: 40 trajecten closed, one of them because the cliënt died. */
const klein: Wereld = {
  clienten: [
    { categorie: 'seksuele-uitbuiting', nieuw: true, leeftijd: 'volwassen', aantal: 30 },
    { categorie: 'seksuele-uitbuiting', nieuw: false, leeftijd: 'volwassen', aantal: 20 },
    { categorie: 'criminele-uitbuiting', nieuw: true, leeftijd: 'volwassen', aantal: 12 },
    { categorie: 'criminele-uitbuiting', nieuw: false, leeftijd: 'volwassen', aantal: 9 },
    { categorie: 'preventief', nieuw: true, leeftijd: 'minderjarig', aantal: 8 },
    { categorie: 'preventief', nieuw: false, leeftijd: 'minderjarig', aantal: 6 },
  ],
  meldingen: [
    { herkomst: 'Rotterdam', soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' }, aantal: 40 },
    { herkomst: 'Rotterdam', soort: { info: 'sekswerkers' }, aantal: 20 },
    { herkomst: 'Schiedam', soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' }, aantal: 9 },
    { herkomst: 'Dordrecht', soort: { rij: 'criminele-uitbuiting', leeftijd: 'volwassen' }, aantal: 7 },
    { herkomst: 'onbekend-in-regio', soort: { rij: 'criminele-uitbuiting', leeftijd: 'volwassen' }, aantal: 6 },
  ],
  politie: [
    { vorm: 'seksuele-uitbuiting', soort: 'gesprek', aantal: 20 },
    { vorm: 'criminele-uitbuiting', soort: 'gesprek', aantal: 8 },
    { vorm: 'arbeidsuitbuiting', soort: 'gesprek', aantal: 6 },
  ],
  afgesloten: { 'doelen-bereikt': 30, 'geen-contact-meer': 9, overleden: 1 },
  crisis: 12,
};

describe('one summary: primary and complementary suppression', () => {
  it('a single small count in a column with its total: "<5", and one other cell of that column hidden — the smallest ordinary one', () => {
    const { r } = maak({ jaar: 2024 }, klein);
    expect(r.veilig).toBe(true);
    expect(getoond(r, 'clienten.afgesloten.overleden')).toBe('klein');
    const afgesloten = r.verborgen.filter((v) => v.cel.startsWith('clienten.afgesloten.') && v.reden.soort === 'aanvullend');
    // A 0 next to it would do as well as a larger count: the cheapest is a 0 shown as "<5".
    expect(afgesloten).toHaveLength(1);
    expect(afgesloten[0]!.waarde).toBe(0);
    expect(afgesloten[0]!.getoond).toBe('<5');
    expect(afgesloten[0]!.reden).toEqual({ soort: 'aanvullend', beschermt: [{ vrijgave: 'r-0', cel: 'clienten.afgesloten.overleden' }] });
    expect(afgesloten[0]!.uitleg).toMatch(/Afgesloten: overleden/);
    // The preview shows how much doubt is left: overleden + the hidden 0 = 1, so each is 0 or 1.
    expect(r.verborgen.find((v) => v.cel === 'clienten.afgesloten.overleden')!.interval).toEqual({ min: 0, max: 1 });
    // The total and the large reasons stay as they are.
    expect(getoond(r, 'clienten.afgesloten.totaal')).toBe(40);
    expect(getoond(r, 'clienten.afgesloten.doelen-bereikt')).toBe(30);
    // Nothing else in the summary needed hiding.
    expect(r.verborgen.filter((v) => v.reden.soort === 'aanvullend')).toHaveLength(1);
  });

  it('without a 0 to hide, the smallest count of k or more becomes "x" (never a total first)', () => {
    const w: Wereld = { ...klein, afgesloten: { 'doelen-bereikt': 30, 'geen-contact-meer': 9, overgedragen: 7, 'client-ziet-af': 6, 'vertrokken-uit-regio': 5, 'teruggekeerd-naar-herkomstland': 5, 'geen-mensenhandel': 8, anders: 5, overleden: 1 } };
    const { r } = maak({ jaar: 2024 }, w);
    const extra = r.verborgen.filter((v) => v.cel.startsWith('clienten.afgesloten.') && v.reden.soort === 'aanvullend');
    expect(extra.map((v) => [v.cel, v.getoond])).toEqual([['clienten.afgesloten.vertrokken-uit-regio', 'x']]);
    expect(getoond(r, 'clienten.afgesloten.totaal')).toBe(76);
    // overleden + vertrokken = 6 with vertrokken ≥ 5: "overleden" is 0 or 1 — two values, what the rule asks.
    const u = r.controle.cellen.find((c) => c.cel === 'clienten.afgesloten.overleden')!;
    expect([u.min, u.max]).toEqual([0, 1]);
    expect(u.bewezen).toEqual([0, 1]);
  });

  it('two tables sharing a total: a small age group is protected inside its table, the shared total stays shown, and no equation of either table recovers it', () => {
    const w: Wereld = { ...klein, clienten: [...klein.clienten, { categorie: 'overig', nieuw: true, leeftijd: 'onbekend', aantal: 2 }] };
    const { r, bestand } = maak({ jaar: 2024 }, w);
    expect(r.veilig).toBe(true);
    expect(getoond(r, 'clienten.leeftijd.onbekend')).toBe('klein');
    // The cliënten total is one cell in both tables; it stays shown.
    expect(getoond(r, 'clienten.totaal.totaal')).toBe(87);
    // The same 2 cliënten are also the whole "overig" row of the category table: hidden there too.
    expect(getoond(r, 'clienten.categorie.overig.nieuw')).toBe('klein');
    expect(getoond(r, 'clienten.categorie.overig.totaal')).toBe('klein');
    expect(differentieAanval([bestand]).filter((g) => g.klein)).toEqual([]);
  });

  it('a gemeente below k is never named; "overige gemeenten" that would give away its gemeenten is hidden', () => {
    // Every other gemeente of the region is named (5 meldingen each); Maassluis and Ridderkerk have 4 each,
    // so "overige gemeenten" = 8 would tell that both had 4.
    const overal = ANDERE_GEMEENTEN.filter((g) => g !== 'Maassluis' && g !== 'Ridderkerk').map((herkomst) => ({ herkomst, soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' } as const, aantal: 5 }));
    const w: Wereld = {
      ...klein,
      meldingen: [
        ...klein.meldingen,
        ...overal,
        { herkomst: 'Maassluis', soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' }, aantal: 4 },
        { herkomst: 'Ridderkerk', soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' }, aantal: 4 },
      ],
    };
    const { r, bestand } = maak({ jaar: 2024 }, w);
    expect(r.veilig).toBe(true);
    expect(r.publicatie.cellen[gemeenteCel('Maassluis')]).toBeUndefined();
    expect(JSON.stringify(r.publicatie)).not.toMatch(/Maassluis|Ridderkerk|maassluis|ridderkerk/);
    expect(getoond(r, OVERIGE_GEMEENTEN)).toBe('verborgen');
    expect(verborgenAls(r, 'kleine-gemeente').sort()).toEqual([gemeenteCel('Maassluis'), gemeenteCel('Ridderkerk')].sort());
    const u = controleer([vrijgaveUitBestand(bestand)]);
    expect(u.cellen.find((c) => c.cel === gemeenteCel('Maassluis'))!.bewezen.length).toBeGreaterThanOrEqual(2);
    // With a third small gemeente of 0 the 8 could be split in more ways: nothing extra is hidden then.
  });

  it('the 2024 monitor figures: the large counts exact, the small ones hidden, and no more hidden than needed', () => {
    const { r, bestand } = maak({ jaar: 2024 }, monitor2024());
    expect(r.veilig).toBe(true);
    for (const [cel, n] of [
      ['clienten.totaal.totaal', 167],
      ['clienten.categorie.seksuele-uitbuiting.totaal', 115],
      ['clienten.categorie.seksuele-uitbuiting.doorlopend', 38],
      ['clienten.categorie.seksuele-uitbuiting.nieuw', 77],
      ['clienten.categorie.preventief.nieuw', 19],
      ['meldingen.totaal', 179],
      ['meldingen.herkomst.centrumgemeente', 121],
      ['meldingen.herkomst.regio', 44],
      ['meldingen.vorm.seksuele-uitbuiting.volwassen', 57],
      ['meldingen.informatieverzoek.sekswerkers', 52],
      ['meldingen.preventief-gesprek.minderjarig', 20],
    ] as const) {
      expect(getoond(r, cel), cel).toBe(n);
    }
    for (const cel of ['clienten.categorie.criminele-uitbuiting.doorlopend', 'meldingen.herkomst.buiten-regio', 'politie.criminele-uitbuiting.aangiftes', 'clienten.afgesloten.overleden']) {
      expect(getoond(r, cel), cel).toBe('klein');
    }
    expect(r.verborgen.filter((v) => v.reden.soort === 'aanvullend').length).toBeLessThanOrEqual(10);
    expect(differentieAanval([bestand]).filter((g) => g.klein)).toEqual([]);
  });

  it('the file holds no true count of a hidden cell, no reason and no unnamed gemeente; the preview holds the reasons', () => {
    const { r } = maak({ jaar: 2024 }, monitor2024());
    const json = JSON.stringify(r.publicatie);
    expect(json).not.toMatch(/"(reden|waarden|beschermt|uitleg|waarde)":/);
    for (const v of r.verborgen) {
      if (v.reden.soort === 'kleine-gemeente') expect(r.publicatie.cellen[v.cel]).toBeUndefined();
      else expect(['klein', 'verborgen']).toContain(r.publicatie.cellen[v.cel]);
    }
    const tabelCel = r.publicatie.tabellen.flatMap((t) => t.rijen.flatMap((x) => x.cellen)).find((c) => c?.cel === 'clienten.categorie.criminele-uitbuiting.doorlopend');
    expect(tabelCel?.toon).toBe('<5');
    expect(r.verborgen.every((v) => v.uitleg.length > 10)).toBe(true);
    // The ledger entry keeps the true counts (vault only).
    expect(r.vrijgave.waarden['clienten.categorie.criminele-uitbuiting.doorlopend']).toBe(2);
  });

  it('gives the same result for the same input (also with the ledger in another order)', () => {
    const qs = [monitor2024(), klein];
    const a = maak({ jaar: 2024, kwartaal: 1 }, qs[0]!, [], 'q1').r.vrijgave;
    const b = maak({ jaar: 2024, kwartaal: 2 }, qs[1]!, [a], 'q2').r.vrijgave;
    const een = maak({ jaar: 2024, kwartaal: 3 }, klein, [a, b], 'q3').r;
    const twee = maak({ jaar: 2024, kwartaal: 3 }, klein, [b, a], 'q3').r;
    expect(twee.publicatie).toEqual(een.publicatie);
    expect(twee.verborgen).toEqual(een.verborgen);
  });
});

describe('settings', () => {
  it('refuses k below 3 with a Dutch message, and a k that is not a whole number', () => {
    const tabellen = tabellenVan({ jaar: 2024 }, klein, 5);
    const e = fout(() => onderdruk({ tabellen, id: 'x', instellingen: { k: 2 } }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('De drempel k moet minstens 3 zijn. Bij een lagere drempel zijn aantallen van 1 of 2 personen te zien.');
    expect(fout(() => onderdruk({ tabellen, id: 'x', instellingen: { k: 4.5 } })).message).toMatch(/geheel getal/);
    expect(fout(() => onderdruk({ tabellen, id: 'x', instellingen: { k: 5, ruis: { sleutel: 'kort' } } })).message).toMatch(/16 tekens/);
    // k = 3 is allowed; the default is 5.
    expect(onderdruk({ tabellen: tabellenVan({ jaar: 2024 }, klein, 3), id: 'x', instellingen: { k: 3 } }).publicatie.k).toBe(3);
    expect(onderdruk({ tabellen, id: 'x' }).publicatie.k).toBe(5);
  });

  it('rounds after suppression: the same cells hidden, every shown count a multiple of the base, small counts still "<k"', () => {
    const zonder = maak({ jaar: 2024 }, monitor2024()).r;
    const met = maak({ jaar: 2024 }, monitor2024(), [], 'r-0', { afronding: 5 }).r;
    expect(met.verborgen.map((v) => v.cel)).toEqual(zonder.verborgen.map((v) => v.cel));
    for (const [cel, p] of Object.entries(met.publicatie.cellen)) {
      if (typeof p === 'number') expect(p % 5, cel).toBe(0);
      else expect(p).toBe(zonder.publicatie.cellen[cel]);
    }
    expect(met.publicatie.cellen['meldingen.totaal']).toBe(180);
    expect(met.publicatie.cellen['clienten.afgesloten.overleden']).toBe('klein');
    expect(met.veilig).toBe(true);
    expect(met.publicatie.methode).toMatch(/afgerond op een veelvoud van 5/);
  });

  it('noise is deterministic per cell key: the same in every release of that cell and count, within ±max, never below k, never on a 0', () => {
    const ruis = { sleutel: 'sleutel-uit-de-kluis-0123456789', max: 2 };
    const a = maak({ jaar: 2024 }, monitor2024(), [], 'a', { ruis }).r;
    const b = maak({ jaar: 2024 }, monitor2024(), [], 'a', { ruis }).r;
    expect(b.publicatie).toEqual(a.publicatie);
    const zonder = maak({ jaar: 2024 }, monitor2024()).r;
    expect(a.verborgen.map((v) => v.cel)).toEqual(zonder.verborgen.map((v) => v.cel));
    let verschoven = 0;
    for (const [cel, p] of Object.entries(a.publicatie.cellen)) {
      const echt = zonder.publicatie.cellen[cel];
      if (typeof p !== 'number' || typeof echt !== 'number') continue;
      if (echt === 0) expect(p).toBe(0);
      else {
        expect(Math.abs(p - echt)).toBeLessThanOrEqual(2);
        expect(p).toBeGreaterThanOrEqual(5);
        if (p !== echt) verschoven++;
      }
    }
    expect(verschoven).toBeGreaterThan(5);
    // A corrected release of the same period: cells with the same count show the same noisy number.
    const gecorrigeerd = { ...monitor2024(), crisis: 15 };
    const c = maak({ jaar: 2024 }, gecorrigeerd, [a.vrijgave], 'c', { ruis }).r;
    for (const [cel, p] of Object.entries(c.publicatie.cellen)) {
      if (typeof p === 'number' && a.vrijgave.waarden[cel] === c.vrijgave.waarden[cel]) expect(p, cel).toBe(a.publicatie.cellen[cel]);
    }
    // The secret never leaves, not even into the ledger entry.
    expect(JSON.stringify(a)).not.toContain(ruis.sleutel);
    expect(a.publicatie.methode).toMatch(/hoogstens 2/);
    expect(a.veilig).toBe(true);
  });
});

describe('across releases', () => {
  /** Quarters where the criminal exploitation conversations of Q1 are a small count and the other quarters large. */
  const kwartaal = (n: number, cu: number): Wereld => ({
    ...klein,
    politie: [
      { vorm: 'seksuele-uitbuiting', soort: 'gesprek', aantal: 20 + n },
      { vorm: 'criminele-uitbuiting', soort: 'gesprek', aantal: cu },
      { vorm: 'arbeidsuitbuiting', soort: 'gesprek', aantal: 6 + n },
    ],
  });

  it('a quarter released, then the year: year minus the other quarters does not recover the quarter\'s hidden count', () => {
    const qs = [kwartaal(1, 2), kwartaal(2, 10), kwartaal(3, 9), kwartaal(4, 8)];
    const ledger: Vrijgave[] = [];
    const bestanden: Bestand[] = [];
    qs.forEach((w, i) => {
      const { r, bestand } = maak({ jaar: 2024, kwartaal: (i + 1) as 1 | 2 | 3 | 4 }, w, ledger, `q${i + 1}`);
      expect(r.veilig).toBe(true);
      ledger.push(r.vrijgave);
      bestanden.push(bestand);
    });
    expect(getoond(maak({ jaar: 2024, kwartaal: 1 }, qs[0]!).r, 'politie.criminele-uitbuiting.informatieve-gesprekken')).toBe('klein');
    const { r: jaar, bestand } = maak({ jaar: 2024 }, jaarVan(qs), ledger, 'y');
    expect(jaar.veilig).toBe(true);
    bestanden.push(bestand);
    // The naive difference: the year's 29 minus 10 + 9 + 8 would give Q1's 2. The year does not show it as is.
    expect(getoond(jaar, 'politie.criminele-uitbuiting.informatieve-gesprekken')).not.toBe(29);
    expect(differentieAanval(bestanden).filter((g) => g.klein)).toEqual([]);
    const u = controleer(bestanden.map(vrijgaveUitBestand));
    expect(u.veilig).toBe(true);
    const q1 = u.cellen.find((c) => c.vrijgave === 'q1' && c.cel === 'politie.criminele-uitbuiting.informatieve-gesprekken')!;
    expect(q1.bewezen.length).toBeGreaterThanOrEqual(2);
  });

  it('the year first, then a quarter of it: refused, with the reason; a year after only some quarters: refused', () => {
    const jaar = maak({ jaar: 2024 }, klein).r.vrijgave;
    const e = fout(() => maak({ jaar: 2024, kwartaal: 2 }, klein, [jaar]));
    expect(e.message).toMatch(/kan niet meer: het jaaroverzicht 2024 is al gestuurd/);
    const q1 = maak({ jaar: 2025, kwartaal: 1 }, klein, [], 'q1').r.vrijgave;
    const q2 = maak({ jaar: 2025, kwartaal: 2 }, klein, [q1], 'q2').r.vrijgave;
    expect(fout(() => maak({ jaar: 2025 }, klein, [q1, q2])).message).toMatch(/Stuur eerst ook kwartaal 3 en kwartaal 4/);
    // Another year, or a correction of a quarter already sent after its year, is fine.
    expect(maak({ jaar: 2023 }, klein, [q1, q2]).r.veilig).toBe(true);
  });

  it('a corrected release keeps hidden what the first one hid, and comparing the two recovers nothing', () => {
    const w = monitor2024();
    const { r: eerste, bestand: b1 } = maak({ jaar: 2024 }, w, [], 'v1');
    // The correction: two late meldingen from Rotterdam and one closed traject more.
    const gecorrigeerd: Wereld = {
      ...w,
      meldingen: [...w.meldingen, { herkomst: 'Rotterdam', soort: { rij: 'seksuele-uitbuiting', leeftijd: 'volwassen' }, aantal: 2 }],
      afgesloten: { ...w.afgesloten, 'doelen-bereikt': 32 },
    };
    const { r: tweede, bestand: b2 } = maak({ jaar: 2024 }, gecorrigeerd, [eerste.vrijgave], 'v2');
    expect(tweede.veilig).toBe(true);
    for (const v of eerste.verborgen) {
      if (v.reden.soort === 'kleine-gemeente') continue;
      expect(typeof tweede.publicatie.cellen[v.cel], v.cel).not.toBe('number');
    }
    expect(tweede.verborgen.some((v) => v.reden.soort === 'eerdere-versie')).toBe(true);
    expect(differentieAanval([b1, b2]).filter((g) => g.klein)).toEqual([]);
    expect(controleer([b1, b2].map(vrijgaveUitBestand)).veilig).toBe(true);
  });

  it('a corrected quarter after the year does not give away what the year or the quarter hid', () => {
    // Draagmoederschap: one conversation in Q1 only, so the year's count is that same small count.
    const metDm = (w: Wereld, n: number): Wereld => ({ ...w, politie: [...w.politie, { vorm: 'draagmoederschap', soort: 'gesprek', aantal: n }] });
    const qs = [metDm(kwartaal(1, 2), 1), kwartaal(2, 10), kwartaal(3, 9), kwartaal(4, 8)];
    const ledger: Vrijgave[] = [];
    const bestanden: Bestand[] = [];
    const stuur = (periode: TafelPeriode, w: Wereld, id: string) => {
      const { r, bestand } = maak(periode, w, ledger, id);
      expect(r.veilig, id).toBe(true);
      ledger.push(r.vrijgave);
      bestanden.push(bestand);
      return r;
    };
    qs.forEach((w, i) => stuur({ jaar: 2024, kwartaal: (i + 1) as 1 | 2 | 3 | 4 }, w, `q${i + 1}`));
    const jaar = stuur({ jaar: 2024 }, jaarVan(qs), 'y');
    expect(getoond(jaar, 'politie.draagmoederschap.informatieve-gesprekken')).toBe('klein');
    // Q1 corrected: one more crisisopvang placement, everything else as it was.
    const q1b = stuur({ jaar: 2024, kwartaal: 1 }, { ...qs[0]!, crisis: qs[0]!.crisis + 1 }, 'q1b');
    const q1 = maak({ jaar: 2024, kwartaal: 1 }, qs[0]!).r;
    for (const v of q1.verborgen) if (v.reden.soort !== 'kleine-gemeente') expect(typeof getoond(q1b, v.cel), v.cel).not.toBe('number');
    expect(differentieAanval(bestanden).filter((g) => g.klein)).toEqual([]);
    const u = controleer(bestanden.map(vrijgaveUitBestand));
    expect(u.veilig).toBe(true);
    expect(u.cellen.find((c) => c.vrijgave === 'y' && c.cel === 'politie.draagmoederschap.informatieve-gesprekken')!.bewezen.length).toBeGreaterThanOrEqual(2);
  });

  it('a ledger entry survives being stored as JSON; a tampered one is refused with a Dutch message', () => {
    const eerste = maak({ jaar: 2024, kwartaal: 1 }, klein, [], 'q1').r.vrijgave;
    const opgeslagen = JSON.parse(JSON.stringify(eerste)) as Vrijgave;
    expect(maak({ jaar: 2024, kwartaal: 2 }, klein, [opgeslagen], 'q2').r.veilig).toBe(true);
    const vervalst: Vrijgave = { ...opgeslagen, waarden: { ...opgeslagen.waarden, 'clienten.afgesloten.overleden': 7 } };
    const e = fout(() => maak({ jaar: 2024, kwartaal: 2 }, klein, [vervalst], 'q2'));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^Het logboek van overzichten klopt niet: /);
    expect(fout(() => maak({ jaar: 2024, kwartaal: 2 }, klein, [{ ...opgeslagen, k: 2 }], 'q2')).message).toMatch(/logboek .* beschadigd/);
  });

  it('a count that earlier releases already give away is reported: the new summary is not safe, and says why in Dutch', () => {
    const qs = [kwartaal(1, 2), kwartaal(2, 10), kwartaal(3, 9), kwartaal(4, 8)];
    const ledger: Vrijgave[] = [];
    qs.forEach((w, i) => ledger.push(maak({ jaar: 2024, kwartaal: (i + 1) as 1 | 2 | 3 | 4 }, w, ledger, `q${i + 1}`).r.vrijgave));
    const jaar = maak({ jaar: 2024 }, jaarVan(qs), ledger, 'y').r.vrijgave;
    // A year release from elsewhere (an older tool) that showed the year's count as is.
    const cu = 'politie.criminele-uitbuiting.informatieve-gesprekken';
    const open: Vrijgave = { ...jaar, gepubliceerd: { ...jaar.gepubliceerd, [cu]: 29 } };
    const u = controleer([...ledger, open]);
    expect(u.veilig).toBe(false);
    expect(u.onveilig.map((o) => `${o.vrijgave} ${o.cel}`)).toContain(`q1 ${cu}`);
    // A corrected year now cannot repair that: not safe, with a reason the user can act on.
    const { r } = maak({ jaar: 2024 }, jaarVan(qs), [...ledger, open], 'y2');
    expect(r.veilig).toBe(false);
    expect(r.problemen.join(' ')).toMatch(/"AVIM, criminele uitbuiting: informatieve gesprekken" in het eerder overzicht over kwartaal 1 van 2024 is terug te rekenen/);
  });
});

describe('the method statement', () => {
  it('is part of the file, written from the settings; the README quotes it for the default settings', () => {
    const { r } = maak({ jaar: 2024 }, klein);
    expect(r.publicatie.methode).toBe(methodeTekst({ k: 5 }));
    expect(r.publicatie.methode).toMatch(/"<5" betekent: 0 tot en met 4/);
    const readme = readFileSync(join(import.meta.dirname, '../../../shared/tafel/README.md'), 'utf8');
    expect(readme).toContain(methodeTekst({ k: 5 }));
  });
});
