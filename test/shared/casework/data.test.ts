import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GemeentenFile } from '../../../shared/casework/gemeenten.schema';
import { gemeenteGroep, gemeenten, gemeentenPolicy, isKnownGemeente, regioGemeenten } from '../../../shared/casework/gemeenten';
import { loadPolicy } from '../../../shared/policy/loadPolicy';
import type { KkError } from '../../../shared/errors';
import { ClientFields, clientFieldSensitivity } from '../../../shared/casework/client.schema';
import { TrajectFields, trajectFieldSensitivity } from '../../../shared/casework/traject.schema';
import { MeldingFieldsBase, meldingFieldSensitivity } from '../../../shared/casework/melding.schema';
import { makePseudonym, normalisePseudonymPrefix, isPseudonym } from '../../../shared/casework/pseudonym';
import { MonitorFile, bronVanTrajecten, clientInJaar, monitorCategorie, monitorCijfers, monitorPolicy, liepInJaar, type MeldingTelling, type TrajectFeit } from '../../../shared/casework/monitor';
import { ImportFile } from '../../../shared/casework/import.schema';
import { patchOf } from '../../../shared/casework/common.schema';

describe('gemeenten policy file', () => {
  const FILE = 'resources/gemeenten.json';
  const onDisk = () => JSON.parse(readFileSync(FILE, 'utf8')) as { inhoud: { regios: Array<{ centrumgemeente: string; gemeenten: string[]; regio: string }> } } & Record<string, unknown>;
  const refusal = (file: unknown) => {
    try {
      loadPolicy(GemeentenFile, file, FILE);
    } catch (e) {
      expect((e as KkError).code).toBe('POLICY_INVALID');
      return (e as KkError).message;
    }
    throw new Error('the malformed file was accepted');
  };
  it('is the file the app loads: versioned, with sources, 23 gemeenten for regio Rotterdam and 27 for regio Den Haag', () => {
    expect(gemeentenPolicy).toEqual(loadPolicy(GemeentenFile, onDisk(), FILE));
    expect(gemeentenPolicy.bron.length).toBeGreaterThan(0);
    expect(gemeenten.regios.map((r) => [r.regio, r.gemeenten.length])).toEqual([
      ['rotterdam', 23],
      ['den-haag', 27],
      ['west-brabant', 16],
    ]);
  });
  it.each([
    ['a centrumgemeente outside its region', (f: ReturnType<typeof onDisk>) => (f.inhoud.regios[0]!.centrumgemeente = 'Amsterdam'), /inhoud\.regios\.0\.centrumgemeente: De centrumgemeente hoort bij de regio/],
    ['a gemeente twice', (f: ReturnType<typeof onDisk>) => f.inhoud.regios[0]!.gemeenten.push('Rotterdam'), /inhoud\.regios\.0\.gemeenten: Elke gemeente maar één keer/],
    ['a region twice', (f: ReturnType<typeof onDisk>) => f.inhoud.regios.push(structuredClone(f.inhoud.regios[0]!)), /inhoud\.regios: Elke regio maar één keer/],
    ['an unknown region', (f: ReturnType<typeof onDisk>) => (f.inhoud.regios[1]!.regio = 'utrecht'), /inhoud\.regios\.1\.regio: Kies een van deze waarden: "rotterdam", "den-haag"/],
    ['a wrong type', (f: ReturnType<typeof onDisk>) => (f.inhoud.regios[0]!.gemeenten = 'Rotterdam' as never), /inhoud\.regios\.0\.gemeenten: Hier hoort een lijst/],
    ['a missing source', (f: ReturnType<typeof onDisk>) => delete f.bron, /bron: Dit veld ontbreekt/],
    ['the old shape without envelope', (f: ReturnType<typeof onDisk>) => Object.assign(f, { regios: f.inhoud.regios }), /klopt niet\. regios: Dit veld kennen we niet/],
  ])('refuses %s, naming the file and the path', (_name, mutate, dutch) => {
    const file = onDisk();
    mutate(file);
    const message = refusal(file);
    expect(message).toMatch(/^Het beleidsbestand resources\/gemeenten\.json klopt niet\./);
    expect(message).toMatch(dutch);
    expect(message).toMatch(/\(Policy file resources\/gemeenten\.json is invalid: /);
  });
  it.each([
    ['Rotterdam', 'rotterdam', 'centrumgemeente'],
    ['Schiedam', 'rotterdam', 'regio'],
    ['onbekend', 'rotterdam', 'onbekend'],
    ['Delft', 'rotterdam', 'buiten-regio'],
    ["'s-Gravenhage", 'den-haag', 'centrumgemeente'],
    ['Rotterdam', 'den-haag', 'buiten-regio'],
  ] as const)('%s in regio %s is %s', (g, regio, groep) => {
    expect(gemeenteGroep(g, regioGemeenten(regio))).toBe(groep);
  });
  it('a traject refuses an unknown gemeente name but accepts the catch-alls', () => {
    expect(isKnownGemeente('Rotterdam')).toBe(true);
    expect(isKnownGemeente('rotterdam')).toBe(false);
    const fields = { minderjarigBijStart: false, verwijzer: 'politie', aanmelddatum: '2024-01-01' };
    expect(TrajectFields.safeParse({ ...fields, gemeente: 'Rotterdm' }).success).toBe(false);
    expect(TrajectFields.safeParse({ ...fields, gemeente: 'buiten-regio' }).success).toBe(true);
  });
});

describe('field sensitivity maps', () => {
  it.each([
    ['cliënt', ClientFields.shape, clientFieldSensitivity],
    ['traject', TrajectFields.shape, trajectFieldSensitivity],
    ['melding', MeldingFieldsBase.shape, meldingFieldSensitivity],
  ] as const)('every %s field has a sensitivity class', (_name, shape, map) => {
    expect(Object.keys(map).sort()).toEqual(Object.keys(shape).sort());
  });
  it('names, BSN and contact data are direct identifiers; health is bijzonder; criminal data strafrechtelijk', () => {
    expect(clientFieldSensitivity.bsn).toBe('direct-identifier');
    expect(clientFieldSensitivity.roepnaam).toBe('direct-identifier');
    expect(clientFieldSensitivity.gezondheid).toBe('bijzonder');
    expect(clientFieldSensitivity.strafrechtelijk).toBe('strafrechtelijk');
  });
});

describe('pseudonym codes', () => {
  it('have the KK-XXXX-XX shape without confusable characters', () => {
    for (let i = 0; i < 200; i++) {
      const code = makePseudonym((n) => crypto.getRandomValues(new Uint8Array(n)));
      expect(isPseudonym(code)).toBe(true);
      expect(code).not.toMatch(/[01OILU]/);
    }
  });
  it('are evenly spread (no character is favoured by the byte mapping)', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      for (const ch of makePseudonym((n) => crypto.getRandomValues(new Uint8Array(n))).replace(/KK|-/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(30);
    const values = [...counts.values()];
    expect(Math.max(...values) / Math.min(...values)).toBeLessThan(1.5);
  });
  it.each([
    ['kk7f', 'KK-7F'],
    ['KK-7F3Q-9', 'KK-7F3Q-9'],
    ['kk 7f3q 9m', 'KK-7F3Q-9M'],
  ])('normalises typed prefix %s to %s', (typed, expected) => {
    expect(normalisePseudonymPrefix(typed)).toBe(expected);
  });
});

describe('monitor figures', () => {
  it.each([
    [{ preventief: true, vormen: ['seksuele-uitbuiting'] }, 'preventief'],
    [{ preventief: false, vormen: ['criminele-uitbuiting', 'seksuele-uitbuiting'] }, 'seksuele-uitbuiting'],
    [{ preventief: false, vormen: ['criminele-uitbuiting'] }, 'criminele-uitbuiting'],
    [{ preventief: false, vormen: ['arbeidsuitbuiting'] }, 'overig'],
    [{ preventief: false, vormen: ['draagmoederschap'] }, 'overig'],
    [{ preventief: false, vormen: ['arbeidsuitbuiting', 'criminele-uitbuiting'] }, 'criminele-uitbuiting'],
    // No known form is its own row, never "overig".
    [{ preventief: false, vormen: [] }, 'onbekend'],
  ] as const)('%j counts as %s', (t, categorie) => {
    expect(monitorCategorie(t)).toBe(categorie);
  });
  it('a traject counts in a year when it ran in it (by dates, both ends included)', () => {
    expect(liepInJaar({ aanmelddatum: '2023-05-01', afgeslotenOp: null }, 2024)).toBe(true);
    expect(liepInJaar({ aanmelddatum: '2023-05-01', afgeslotenOp: '2023-12-31' }, 2024)).toBe(false);
    expect(liepInJaar({ aanmelddatum: '2022-05-01', afgeslotenOp: '2024-01-01' }, 2024)).toBe(true);
    expect(liepInJaar({ aanmelddatum: '2024-12-31', afgeslotenOp: null }, 2024)).toBe(true);
    expect(liepInJaar({ aanmelddatum: '2025-01-01', afgeslotenOp: null }, 2024)).toBe(false);
  });

  const feit = (clientId: string, aanmelddatum: string, extra: Partial<TrajectFeit> = {}): TrajectFeit => ({
    clientId, preventief: false, vormen: ['seksuele-uitbuiting'], aanmelddatum, afgeslotenOp: null, minderjarigBijStart: false, ...extra,
  });
  describe('a cliënt counts once a year, by the rule written in resources/monitor.json', () => {
    it('a preventive traject and later one for uitbuiting: one cliënt, in the category of the uitbuiting, new when that one started this year', () => {
      const c = clientInJaar([feit('a', '2023-03-01', { preventief: true, afgeslotenOp: '2024-02-01' }), feit('a', '2024-02-02', { vormen: ['criminele-uitbuiting'] })], 2024);
      expect(c).toEqual({ categorie: 'criminele-uitbuiting', nieuw: true, minderjarig: false, vormen: ['criminele-uitbuiting'] });
    });
    it('only preventive trajecten: preventief, continuing when the first began earlier', () => {
      expect(clientInJaar([feit('a', '2023-03-01', { preventief: true }), feit('a', '2024-06-01', { preventief: true })], 2024)).toMatchObject({ categorie: 'preventief', nieuw: false });
    });
    it('two trajecten of victims: their forms together decide (SU before CU), the first decides new and age', () => {
      const c = clientInJaar([feit('a', '2024-04-01', { vormen: ['criminele-uitbuiting'], minderjarigBijStart: true }), feit('a', '2022-01-01', { vormen: ['arbeidsuitbuiting'], minderjarigBijStart: null })], 2024);
      expect(c).toEqual({ categorie: 'criminele-uitbuiting', nieuw: false, minderjarig: null, vormen: ['criminele-uitbuiting', 'arbeidsuitbuiting'] });
    });
    it('a traject of another year does not count', () => {
      expect(clientInJaar([feit('a', '2025-01-05')], 2024)).toBeNull();
      expect(clientInJaar([feit('a', '2020-01-05', { afgeslotenOp: '2023-12-31' })], 2024)).toBeNull();
    });
  });

  const bron = (trajecten: TrajectFeit[], meldingen: MeldingTelling[] = []) => ({ ...bronVanTrajecten(trajecten), meldingen, politie: [], afgesloten: [], crisisopvangPlaatsingen: 0 });
  it('reproduces the 2024 ESSM client table from trajecten of every year (the rules, not the query, pick 2024)', () => {
    const trajecten: TrajectFeit[] = [];
    let n = 0;
    const add = (aantal: number, aanmelddatum: string, extra: Partial<TrajectFeit> = {}) => {
      for (let i = 0; i < aantal; i++) trajecten.push(feit(`c${n++}`, aanmelddatum, extra));
    };
    add(38, '2023-06-01'); add(77, '2024-06-01');
    add(2, '2022-06-01', { vormen: ['criminele-uitbuiting'], afgeslotenOp: '2024-03-01' }); add(11, '2024-02-01', { vormen: ['criminele-uitbuiting'] });
    add(6, '2021-06-01', { vormen: ['arbeidsuitbuiting'] }); add(7, '2024-02-01', { vormen: ['arbeidsuitbuiting'], afgeslotenOp: '2024-11-01' });
    add(7, '2023-06-01', { preventief: true }); add(19, '2024-06-01', { preventief: true });
    // Not in 2024: closed in 2023, or registered in 2025.
    add(50, '2022-06-01', { afgeslotenOp: '2023-12-31' }); add(90, '2025-01-01', { vormen: ['criminele-uitbuiting'] });
    // A cliënt with a second traject in 2024 still counts once.
    trajecten.push(feit('c0', '2024-09-01', { vormen: ['seksuele-uitbuiting'] }));
    const figures = monitorCijfers(2024, regioGemeenten('rotterdam'), bron(trajecten));
    expect(figures.clienten.perCategorie).toEqual([
      { categorie: 'seksuele-uitbuiting', nieuw: 77, doorlopend: 38, totaal: 115 },
      { categorie: 'criminele-uitbuiting', nieuw: 11, doorlopend: 2, totaal: 13 },
      { categorie: 'overig', nieuw: 7, doorlopend: 6, totaal: 13 },
      { categorie: 'onbekend', nieuw: 0, doorlopend: 0, totaal: 0 },
      { categorie: 'preventief', nieuw: 19, doorlopend: 7, totaal: 26 },
    ]);
    expect(figures.clienten.totaal).toEqual({ nieuw: 114, doorlopend: 53, totaal: 167 });
    expect(figures.clienten.leeftijd).toEqual({ volwassen: 167, minderjarig: 0, onbekend: 0 });
  });
  it('counts unknown age as its own column, never as adult', () => {
    const figures = monitorCijfers(2024, regioGemeenten('rotterdam'), bron([feit('a', '2024-01-01', { minderjarigBijStart: null }), feit('b', '2024-01-01', { minderjarigBijStart: true }), feit('c', '2024-01-01')]));
    expect(figures.clienten.leeftijd).toEqual({ volwassen: 1, minderjarig: 1, onbekend: 1 });
  });
  it('counts each form of a cliënt apart in "per vorm"', () => {
    const figures = monitorCijfers(2024, regioGemeenten('rotterdam'), bron([feit('a', '2024-01-01', { vormen: ['seksuele-uitbuiting', 'arbeidsuitbuiting'] }), feit('b', '2024-01-01')]));
    expect(figures.clienten.perVorm).toEqual([{ vorm: 'seksuele-uitbuiting', aantal: 2 }, { vorm: 'arbeidsuitbuiting', aantal: 1 }]);
  });
  it('groups meldingen by origin like the monitor and keeps preventive talks and info requests apart', () => {
    const m = (gemeente: string, aantal: number, extra: Partial<MeldingTelling> = {}): MeldingTelling => ({
      gemeente, vorm: 'seksuele-uitbuiting', minderjarig: false, preventiefGesprek: false, informatieverzoek: false, sekswerker: false, conclusie: null, acuut: false, aantal, ...extra,
    });
    const figures = monitorCijfers(2024, regioGemeenten('rotterdam'), bron([], [
      m('Rotterdam', 100), m('Rotterdam', 21, { preventiefGesprek: true, minderjarig: true }), m('Schiedam', 40, { informatieverzoek: true, sekswerker: true, vorm: 'geen' }),
      m('Schiedam', 4, { informatieverzoek: true, vorm: 'geen' }), m('onbekend-in-regio', 10, { vorm: 'arbeidsuitbuiting', minderjarig: null }), m('buiten-regio', 3), m('Delft', 1), m('onbekend', 2, { vorm: 'onbekend' }),
    ]));
    expect(figures.meldingen.perGemeenteGroep).toEqual([
      { groep: 'centrumgemeente', aantal: 121 },
      { groep: 'regio', aantal: 44 },
      { groep: 'onbekend-in-regio', aantal: 10 },
      { groep: 'buiten-regio', aantal: 4 },
      { groep: 'onbekend', aantal: 2 },
    ]);
    expect(figures.meldingen.totaal).toBe(181);
    expect(figures.meldingen.preventieveGesprekken).toEqual({ volwassen: 0, minderjarig: 21, onbekend: 0 });
    expect(figures.meldingen.informatieverzoeken).toEqual({ sekswerkers: 40, overig: 4 });
    expect(figures.meldingen.perVorm).toEqual([
      { rij: 'seksuele-uitbuiting', volwassen: 104, minderjarig: 0, onbekend: 0 },
      { rij: 'overige-uitbuiting', volwassen: 0, minderjarig: 0, onbekend: 10 },
      { rij: 'onbekend', volwassen: 2, minderjarig: 0, onbekend: 0 },
    ]);
  });
});

describe('monitor policy file', () => {
  const FILE = 'resources/monitor.json';
  type Raw = { inhoud: { categorieen: string[]; indeling: Array<{ categorie: string; als: Record<string, unknown> }>; gemeenteGroepen: string[] } } & Record<string, unknown>;
  const onDisk = () => JSON.parse(readFileSync(FILE, 'utf8')) as Raw;
  it('is the file the app loads, with its version and the monitor as source', () => {
    expect(monitorPolicy).toEqual(loadPolicy(MonitorFile, onDisk(), FILE));
    expect(monitorPolicy.bron.map((b) => b.document)).toContain('004_ca9027ec33fd9117.txt');
  });
  it('decides the category: a changed rule in the file changes the figures', () => {
    const cuFirst = structuredClone(monitorPolicy.inhoud);
    cuFirst.indeling = [cuFirst.indeling[0]!, cuFirst.indeling[2]!, cuFirst.indeling[1]!, cuFirst.indeling[3]!, cuFirst.indeling[4]!];
    const both = { preventief: false, vormen: ['seksuele-uitbuiting', 'criminele-uitbuiting'] as const };
    expect(monitorCategorie(both)).toBe('seksuele-uitbuiting');
    expect(monitorCategorie(both, cuFirst)).toBe('criminele-uitbuiting');
    const trajecten = ['a', 'b', 'c'].map((clientId) => ({ ...both, clientId, aanmelddatum: '2024-03-01', afgeslotenOp: null, minderjarigBijStart: false }));
    const figures = monitorCijfers(2024, regioGemeenten('rotterdam'), { ...bronVanTrajecten(trajecten), meldingen: [], politie: [], afgesloten: [], crisisopvangPlaatsingen: 0 }, cuFirst);
    expect(figures.clienten.perCategorie.find((r) => r.categorie === 'criminele-uitbuiting')?.totaal).toBe(3);
  });
  it.each([
    ['a wrong type', (f: Raw) => (f.inhoud.categorieen = 'overig' as never), /inhoud\.categorieen: Hier hoort een lijst/],
    ['a missing source', (f: Raw) => (f.bron = []), /bron: Noem minstens één bron/],
    ['an unknown form in a rule', (f: Raw) => (f.inhoud.indeling[1]!.als = { vorm: 'loverboy' }), /inhoud\.indeling\.1\.als: Deze waarde past bij geen van de toegestane vormen/],
    ['an unknown category', (f: Raw) => (f.inhoud.indeling[1]!.categorie = 'mensensmokkel'), /inhoud\.indeling\.1\.categorie: Kies een van deze waarden/],
    ['a category twice', (f: Raw) => f.inhoud.categorieen.push('overig'), /inhoud\.categorieen: De categorie "overig" staat er meer dan één keer in/],
    ['a category missing', (f: Raw) => f.inhoud.categorieen.pop(), /inhoud\.categorieen: De categorie "preventief" ontbreekt/],
    ['a rule twice', (f: Raw) => f.inhoud.indeling.splice(1, 0, structuredClone(f.inhoud.indeling[1]!)), /inhoud\.indeling: De voorwaarde .* staat er meer dan één keer in/],
    ['no catch-all at the end', (f: Raw) => f.inhoud.indeling.pop(), /inhoud\.indeling\.3\.als: De laatste regel moet "anders" zijn/],
    ['a gemeente group missing', (f: Raw) => f.inhoud.gemeenteGroepen.splice(2, 1), /inhoud\.gemeenteGroepen: De groep "onbekend-in-regio" ontbreekt/],
    ['a form of a melding in no row', (f: Raw) => (f.inhoud as unknown as { meldingRijen: Array<{ vormen: string[] }> }).meldingRijen[2]!.vormen.pop(), /inhoud\.meldingRijen: De vorm "draagmoederschap" ontbreekt/],
  ])('refuses %s, naming the file and the path', (_name, mutate, dutch) => {
    const file = onDisk();
    mutate(file);
    let message = '';
    try {
      loadPolicy(MonitorFile, file, FILE);
    } catch (e) {
      expect((e as KkError).code).toBe('POLICY_INVALID');
      message = (e as KkError).message;
    }
    expect(message).toMatch(/^Het beleidsbestand resources\/monitor\.json klopt niet\./);
    expect(message).toMatch(dutch);
    expect(message).toMatch(/\(Policy file resources\/monitor\.json is invalid: /);
  });
});

describe('schemas', () => {
  it('a patch never fills in defaults, and null clears a field', () => {
    const patch = patchOf(ClientFields).parse({ achternaam: null });
    expect(patch).toEqual({ achternaam: null });
  });
  it('an import record that is closed needs a reason; "anders" needs a toelichting', () => {
    const client = { roepnaam: 'Testa' };
    const traject = { client, minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: '2024-01-01' };
    const file = (t: object) => ({ format: 'ketenkluis.casework', versie: 1, trajecten: [t] });
    expect(ImportFile.safeParse(file(traject)).success).toBe(true);
    expect(ImportFile.safeParse(file({ ...traject, fase: 'afgesloten' })).success).toBe(false);
    expect(ImportFile.safeParse(file({ ...traject, fase: 'afgesloten', afsluitReden: 'anders' })).success).toBe(false);
    expect(ImportFile.safeParse(file({ ...traject, fase: 'afgesloten', afsluitReden: 'doelen-bereikt' })).success).toBe(true);
  });
});
