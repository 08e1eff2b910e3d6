import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GemeentenFile } from '../../../shared/casework/gemeenten.schema';
import { gemeenteGroep, gemeenten, isKnownGemeente, regioGemeenten } from '../../../shared/casework/gemeenten';
import { ClientFields, clientFieldSensitivity } from '../../../shared/casework/client.schema';
import { TrajectFields, trajectFieldSensitivity } from '../../../shared/casework/traject.schema';
import { MeldingFieldsBase, meldingFieldSensitivity } from '../../../shared/casework/melding.schema';
import { makePseudonym, normalisePseudonymPrefix, isPseudonym } from '../../../shared/casework/pseudonym';
import { monitorCategorie, monitorCijfers, liepInJaar, nieuwOfDoorlopend } from '../../../shared/casework/monitor';
import { ImportFile } from '../../../shared/casework/import.schema';
import { patchOf } from '../../../shared/casework/common.schema';

describe('gemeenten data file', () => {
  it('validates, and holds 23 gemeenten for regio Rotterdam and 27 for regio Den Haag', () => {
    const file = GemeentenFile.parse(JSON.parse(readFileSync('resources/gemeenten.json', 'utf8')));
    expect(file.regios.map((r) => [r.regio, r.gemeenten.length])).toEqual([
      ['rotterdam', 23],
      ['den-haag', 27],
    ]);
  });
  it('refuses a file whose centrumgemeente is not in its region, or with a name twice', () => {
    const bad = structuredClone(gemeenten);
    bad.regios[0]!.centrumgemeente = 'Amsterdam';
    expect(GemeentenFile.safeParse(bad).success).toBe(false);
    const twice = structuredClone(gemeenten);
    twice.regios[0]!.gemeenten.push('Rotterdam');
    expect(GemeentenFile.safeParse(twice).success).toBe(false);
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
    [{ preventief: false, vormen: [] }, 'overig'],
  ] as const)('%j counts as %s', (t, categorie) => {
    expect(monitorCategorie(t)).toBe(categorie);
  });
  it('a traject counts in a year when it ran in it; new when registered that year', () => {
    expect(liepInJaar({ aanmelddatum: '2023-05-01', afgeslotenOp: null }, 2024)).toBe(true);
    expect(liepInJaar({ aanmelddatum: '2023-05-01', afgeslotenOp: '2023-12-31' }, 2024)).toBe(false);
    expect(liepInJaar({ aanmelddatum: '2025-01-01', afgeslotenOp: null }, 2024)).toBe(false);
    expect(nieuwOfDoorlopend('2024-01-01', 2024)).toBe('nieuw');
    expect(nieuwOfDoorlopend('2023-12-31', 2024)).toBe('doorlopend');
  });
  it('reproduces the 2024 ESSM client table from grouped counts', () => {
    const t = (vorm: 'seksuele-uitbuiting' | 'criminele-uitbuiting' | 'arbeidsuitbuiting', nieuw: boolean, aantal: number, preventief = false) => ({ preventief, vormen: [vorm], nieuw, minderjarigBijStart: false, aantal });
    const figures = monitorCijfers(2024, regioGemeenten('rotterdam'), [
      t('seksuele-uitbuiting', false, 38), t('seksuele-uitbuiting', true, 77),
      t('criminele-uitbuiting', false, 2), t('criminele-uitbuiting', true, 11),
      t('arbeidsuitbuiting', false, 6), t('arbeidsuitbuiting', true, 7),
      t('seksuele-uitbuiting', false, 7, true), t('seksuele-uitbuiting', true, 19, true),
    ], []);
    expect(figures.clienten.perCategorie).toEqual([
      { categorie: 'seksuele-uitbuiting', nieuw: 77, doorlopend: 38, totaal: 115 },
      { categorie: 'criminele-uitbuiting', nieuw: 11, doorlopend: 2, totaal: 13 },
      { categorie: 'overig', nieuw: 7, doorlopend: 6, totaal: 13 },
      { categorie: 'preventief', nieuw: 19, doorlopend: 7, totaal: 26 },
    ]);
    expect(figures.clienten.totaal.totaal).toBe(167);
  });
  it('groups meldingen by gemeente like the monitor and keeps preventive talks and info requests apart', () => {
    const m = (gemeente: string, aantal: number, extra: Partial<{ preventiefGesprek: boolean; informatieverzoek: boolean; minderjarig: boolean | null }> = {}) => ({
      gemeente, vorm: 'seksuele-uitbuiting' as const, minderjarig: false, preventiefGesprek: false, informatieverzoek: false, conclusie: null, acuut: false, aantal, ...extra,
    });
    const figures = monitorCijfers(2024, regioGemeenten('rotterdam'), [], [
      m('Rotterdam', 100), m('Rotterdam', 21, { preventiefGesprek: true, minderjarig: true }), m('Schiedam', 44, { informatieverzoek: true }), m('onbekend', 10), m('buiten-regio', 3), m('Delft', 1),
    ]);
    expect(figures.meldingen.perGemeenteGroep).toEqual([
      { groep: 'centrumgemeente', aantal: 121 },
      { groep: 'regio', aantal: 44 },
      { groep: 'onbekend', aantal: 10 },
      { groep: 'buiten-regio', aantal: 4 },
    ]);
    expect(figures.meldingen.totaal).toBe(179);
    expect(figures.meldingen.preventieveGesprekken).toEqual({ volwassen: 0, minderjarig: 21 });
    expect(figures.meldingen.informatieverzoeken).toBe(44);
    expect(figures.meldingen.perVorm).toEqual([{ vorm: 'seksuele-uitbuiting', volwassen: 114, minderjarig: 0, onbekend: 0 }]);
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
