import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KkError } from '../../../shared/errors';
import { toestemmingStatus } from '../../../shared/casework/consent';
import { ageOn, addDays } from '../../../shared/casework/dates';
import { ToestemmingDoel } from '../../../shared/casework/traject.schema';
import { clientFieldSensitivity } from '../../../shared/casework/client.schema';
import { trajectFieldSensitivity } from '../../../shared/casework/traject.schema';
import { meldingFieldSensitivity } from '../../../shared/casework/melding.schema';
import { PartnerCategorie } from '../../../shared/partners/partner.schema';
import { bijzondereKlasse, DataCategorie, dataCategorieKlasse, dataCategorieNaam, dataCategorieVelden } from '../../../shared/stappenplan/dataCategories';
import { toestemmingStatusOp, volgendeStap } from '../../../shared/stappenplan/engine';
import { leesStappenplan, stappenplanV1 } from '../../../shared/stappenplan/ruleSet';
import { Doel, GeheimhoudingBasis, Grondslag, type StappenplanFile } from '../../../shared/stappenplan/ruleSet.schema';
import { leesScenarios, verschillen } from '../../../shared/stappenplan/scenario';
import { Situatie, type SituatieInput, type StappenplanStap, type ToestemmingFeit } from '../../../shared/stappenplan/situatie.schema';

const TABLE_FILE = join(import.meta.dirname, 'scenarios.json');
const rawTable = JSON.parse(readFileSync(TABLE_FILE, 'utf8')) as unknown;
const read = leesScenarios(rawTable, stappenplanV1);
if (!read.ok) throw new Error(`scenarios.json is invalid: ${JSON.stringify(read.problemen)}`);
const table = read.scenarios;
const results = table.map((s) => ({ scenario: s, stap: volgendeStap(stappenplanV1, s.situatie) }));
const outcomes = results.flatMap((r) => (r.stap.soort === 'uitkomst' ? [{ ...r, stap: r.stap }] : []));

describe('the decision table (test/shared/stappenplan/scenarios.json, the format of kk stappenplan check)', () => {
  it('holds at least 40 scenarios, each with an expected outcome and a short reason', () => {
    expect(table.length).toBeGreaterThanOrEqual(40);
    for (const s of table) {
      expect(s.verwacht, s.naam).toBeDefined();
      expect(s.waarom, s.naam).toBeTruthy();
    }
    expect(new Set(table.map((s) => s.naam)).size).toBe(table.length);
  });

  it.each(results.map((r) => [r.scenario.naam, r] as const))('%s', (_naam, { scenario, stap }) => {
    expect(verschillen(scenario.verwacht!, stap)).toEqual([]);
    if (stap.soort === 'uitkomst' && scenario.verwacht!.velden) expect(stap.velden).toEqual(scenario.verwacht!.velden);
  });

  it('covers every partner category, every purpose, every ground, every secrecy basis and every outcome, refusals included', () => {
    expect(new Set(table.map((s) => s.situatie.ontvanger.categorie))).toEqual(new Set(PartnerCategorie.options));
    expect(new Set(table.map((s) => s.situatie.doel))).toEqual(new Set(Doel.options));
    expect(new Set(outcomes.filter((o) => o.stap.uitkomst === 'toegestaan').map((o) => o.stap.grondslag))).toEqual(new Set(Grondslag.options));
    expect(new Set(outcomes.filter((o) => o.stap.uitkomst === 'toegestaan').flatMap((o) => o.stap.geheimhouding ?? []))).toEqual(new Set(GeheimhoudingBasis.options));
    const count = (u: string) => outcomes.filter((o) => o.stap.uitkomst === u).length;
    expect(count('toegestaan')).toBeGreaterThanOrEqual(15);
    expect(count('niet-toegestaan')).toBeGreaterThanOrEqual(15);
    expect(count('alleen-zonder-persoonsgegevens')).toBeGreaterThanOrEqual(5);
  });

  it('exercises every rule of the rule set at least once', () => {
    const used = new Set(outcomes.flatMap((o) => o.stap.regels));
    const unused = stappenplanV1.inhoud.regels.map((r) => r.id).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('names the source of every rule it used, and every rule names at least one', () => {
    const bronnen = new Map(stappenplanV1.inhoud.bronnen.map((b) => [b.id, b]));
    for (const { scenario, stap } of outcomes) {
      const listed = new Set(stap.bronnen.map((b) => b.id));
      for (const id of stap.regels) {
        const regel = stappenplanV1.inhoud.regels.find((r) => r.id === id)!;
        for (const b of regel.bronnen) expect(listed.has(b), `${scenario.naam}: rule ${id} source ${b}`).toBe(true);
      }
      for (const b of stap.bronnen) expect(bronnen.get(b.id)?.titel, scenario.naam).toBe(b.titel);
      expect(stap.ruleSetVersie).toBe('1');
      expect(stap.redenering.length, scenario.naam).toBeGreaterThan(0);
    }
  });

  it('a CoMensha registration with written consent goes with exactly the minimal fields; the same without consent is refused in plain Dutch', () => {
    const yes = outcomes.find((o) => o.scenario.naam === 'CoMensha met schriftelijke toestemming van een cliënt van 17')!.stap;
    expect(yes).toMatchObject({ uitkomst: 'toegestaan', grondslag: 'toestemming', velden: ['identificerend', 'achtergrond', 'uitbuiting'], uitzonderingen: [{ klasse: 'strafrechtelijk', antwoord: 'uitdrukkelijke-toestemming' }] });
    const no = outcomes.find((o) => o.scenario.naam === 'CoMensha zonder toestemming')!.stap;
    expect(no.velden).toEqual([]);
    expect(no.redenering.join(' ')).toMatch(/alleen met schriftelijke toestemming: van de cliënt vanaf 16 jaar, of van een ouder of voogd/);
    expect(no.bronnen.map((b) => b.id)).toContain('comensha-toestemming');
  });

  it('a withdrawn consent is named with its date in the reasoning', () => {
    const stap = outcomes.find((o) => o.scenario.naam === 'CoMensha: toestemming ingetrokken')!.stap;
    expect(stap.redenering.join(' ')).toContain('ingetrokken op 15-11-2026');
  });

  it('an exception chosen earlier that no longer holds is asked again, with the reason and only the answers that can', () => {
    const r = results.find((x) => x.scenario.naam === 'Politie: gekozen uitzondering kan niet bij mondelinge toestemming')!.stap;
    expect(r.soort).toBe('vraag');
    if (r.soort !== 'vraag') return;
    expect(r.vraag.antwoorden.map((a) => a.waarde)).toEqual(['geen']);
    expect(r.vraag.fout).toMatch(/kan hier niet/);
  });
});

describe('the rule set resources/stappenplan/v1.json', () => {
  it('loads, with its kind and version, and every question is B1-short', () => {
    expect(`${stappenplanV1.soort}@${stappenplanV1.versie}`).toBe('stappenplan@1');
    for (const v of stappenplanV1.inhoud.vragen) {
      expect(v.stap).toBeGreaterThanOrEqual(0);
      expect(v.stap).toBeLessThanOrEqual(9);
      // B1: one short question sentence.
      expect(v.tekst.split(/\s+/).length, v.id).toBeLessThanOrEqual(20);
      expect(v.tekst.endsWith('?'), v.id).toBe(true);
    }
  });

  type RuleFile = { inhoud: Record<string, unknown[]> } & Record<string, unknown>;
  type R = Record<string, unknown> & { als: Record<string, unknown>; dan: Record<string, unknown>; id: string };
  const refused = (edit: (file: RuleFile) => void): KkError => {
    const copy = structuredClone(JSON.parse(readFileSync('resources/stappenplan/v1.json', 'utf8'))) as RuleFile;
    edit(copy);
    try {
      leesStappenplan(copy, 'resources/stappenplan/v9.json');
    } catch (e) {
      return e as KkError;
    }
    throw new Error('accepted');
  };
  const rules = (f: RuleFile): R[] => f.inhoud['regels'] as R[];
  const rule = (f: RuleFile, id: string): R => rules(f).find((r) => r.id === id)!;
  const idx = (id: string): number => stappenplanV1.inhoud.regels.findIndex((r) => r.id === id);
  const cases: Array<[string, (f: RuleFile) => void, string, string]> = [
    ['a rule naming a source that is not listed', (f) => void (rule(f, 'sparren').bronnen = ['bestaat-niet']), `inhoud.regels.${idx('sparren')}.bronnen.0`, 'De bron "bestaat-niet" staat niet in de lijst bronnen'],
    ['a rule without a source', (f) => void (rule(f, 'sparren').bronnen = []), `inhoud.regels.${idx('sparren')}.bronnen`, 'Noem minstens één bron voor deze regel'],
    ['a rule asking a question that does not exist', (f) => void (rule(f, 'vordering').als = { antwoord: { 'geen-vraag': ['ja'] } }), `inhoud.regels.${idx('vordering')}.als.antwoord.geen-vraag`, 'De vraag "geen-vraag" staat niet in de lijst vragen'],
    ['a consent ground without a valid consent', (f) => void (rule(f, 'toestemming').als = { toestemming: ['niet-geldig'] }), `inhoud.regels.${idx('toestemming')}.als.toestemming`, 'Een regel die op toestemming steunt, vraagt een geldige toestemming'],
    ['a purpose left out', (f) => void f.inhoud['doelen']!.splice(0, 1), 'inhoud.doelen', 'Het doel "sparren" ontbreekt'],
    ['no rule that closes the special class', (f) => void rules(f).splice(idx('bijzonder-zonder-uitzondering'), 1), 'inhoud.regels', 'Er ontbreekt een regel die de klasse "bijzonder" afsluit'],
    ['a text with an unknown word in braces', (f) => void (rule(f, 'sparren').tekst = 'Hallo {naam}'), `inhoud.regels.${idx('sparren')}.tekst`, 'Tussen accolades mag alleen staan'],
    ['rules out of step order', (f) => void (rule(f, 'sparren').stap = 9), `inhoud.regels.${idx('sparren') + 1}.stap`, 'De regels staan op volgorde van de stappen'],
    ['a step outside 0–9', (f) => void ((f.inhoud['vragen'] as Array<Record<string, unknown>>)[0]!.stap = 10), 'inhoud.vragen.0.stap', 'Een stap loopt van 0 tot en met 9'],
  ];
  it.each(cases)('refuses %s with POLICY_INVALID, the path and a Dutch message', (_name, edit, path, message) => {
    const e = refused(edit);
    expect(e).toBeInstanceOf(KkError);
    expect(e.code).toBe('POLICY_INVALID');
    const issue = e.issues?.find((i) => i.path === `resources/stappenplan/v9.json: ${path}`);
    expect(issue, JSON.stringify(e.issues)).toBeDefined();
    expect(issue!.message).toContain(message);
    expect(e.message).toMatch(/^Het beleidsbestand resources\/stappenplan\/v9\.json klopt niet\./);
  });
});

describe('data categories (shared/stappenplan/dataCategories.ts)', () => {
  it('place every classified field of cliënt, traject and melding in exactly one category', () => {
    const placed = (key: 'client' | 'traject' | 'melding') => DataCategorie.options.flatMap((c) => dataCategorieVelden[c][key] as string[]);
    for (const [key, map] of [['client', clientFieldSensitivity], ['traject', trajectFieldSensitivity], ['melding', meldingFieldSensitivity]] as const) {
      const list = placed(key);
      expect([...list].sort(), key).toEqual(Object.keys(map).sort());
      expect(new Set(list).size, key).toBe(list.length);
    }
  });
  it('take the strictest class of their fields, with BSN on its own and never art. 9 and art. 10 mixed', () => {
    expect(dataCategorieKlasse).toMatchObject({ identificerend: 'direct-identifier', bsn: 'direct-identifier', gezondheid: 'bijzonder', 'vrije-tekst': 'bijzonder', uitbuiting: 'strafrechtelijk', procedures: 'strafrechtelijk', strafzaken: 'strafrechtelijk', achtergrond: 'gewoon', traject: 'gewoon' });
    expect(dataCategorieVelden.bsn).toEqual({ client: ['bsn'], traject: [], melding: [] });
    for (const c of DataCategorie.options) {
      const v = dataCategorieVelden[c];
      const classes = new Set([...v.client.map((f) => clientFieldSensitivity[f]), ...v.traject.map((f) => trajectFieldSensitivity[f]), ...v.melding.map((f) => meldingFieldSensitivity[f])]);
      expect(classes.has('bijzonder') && classes.has('strafrechtelijk'), c).toBe(false);
      expect(dataCategorieNaam[c].length).toBeGreaterThan(0);
    }
  });
});

describe('the situation', () => {
  it('refuses a zorgverlener without the medisch beroepsgeheim answer, and a beroepsgeheim on a non-zorg partner, in Dutch', () => {
    const base = { vandaag: '2026-12-01', doel: 'afstemming-zorg', gevraagdeGegevens: ['identificerend'] };
    const a = Situatie.safeParse({ ...base, ontvanger: { categorie: 'zorg' } });
    expect(a.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['ontvanger.medischBeroepsgeheim', 'Geef aan of er een medisch beroepsgeheim geldt']]);
    const b = Situatie.safeParse({ ...base, ontvanger: { categorie: 'opsporing', medischBeroepsgeheim: false } });
    expect(b.error?.issues.map((i) => i.message)).toEqual(['Een medisch beroepsgeheim hoort alleen bij zorgverleners']);
  });
});

// ---- Property tests (fast-check) ----

const VANDAAG = '2026-12-01';
const ORGS = ['CoMensha', 'Veilig Thuis', 'Politie AVIM', 'GGZ Delfland', 'IND', 'Gemeente'];
const datum = fc.integer({ min: -400, max: 60 }).map((d) => addDays(VANDAAG, d));
/** Sometimes `value`, mostly `leeg` (most consents are neither ended nor withdrawn). */
const soms = <T, L>(value: fc.Arbitrary<T>, leeg: L) => fc.oneof({ weight: 3, arbitrary: fc.constant(leeg) }, { weight: 1, arbitrary: value });
const toestemmingArb: fc.Arbitrary<ToestemmingFeit> = fc
  .record({
    doel: fc.constantFrom(...ToestemmingDoel.options),
    ontvanger: fc.constantFrom(...ORGS),
    schriftelijk: fc.boolean(),
    gegevenDoor: fc.constantFrom('client' as const, 'ouder-voogd' as const),
    vanaf: datum,
    tot: soms(datum, undefined),
    ingetrokkenOp: soms(datum, null),
    clientZestienPlus: fc.boolean(),
  })
  .chain((t) => fc.nat(4).map((n) => ({ ...t, gegevenDoor: n > 0 ? (t.clientZestienPlus ? ('client' as const) : ('ouder-voogd' as const)) : t.gegevenDoor })))
  .map(({ tot, ...t }) => (tot === undefined ? t : { ...t, tot }));
/**
 * Situations that reach the interesting parts: the recipient mostly fits the purpose, and most
 * consents name the recipient and a consent purpose that counts for this purpose.
 */
const situatieArb = (toestemmingen: fc.Arbitrary<ToestemmingFeit[]> = fc.array(toestemmingArb, { maxLength: 3 })) =>
  fc.constantFrom(...Doel.options).chain((doel) => {
    const beschrijving = stappenplanV1.inhoud.doelen.find((d) => d.id === doel)!;
    return fc
      .record({
        categorie: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...beschrijving.ontvangers) }, { weight: 1, arbitrary: fc.constantFrom(...PartnerCategorie.options) }),
        medisch: fc.boolean(),
        organisatie: fc.option(fc.constantFrom(...ORGS), { nil: undefined, freq: 8 }),
        gevraagd: fc.subarray([...DataCategorie.options]),
        toestemmingen,
        passend: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      })
      .map(
        (r): SituatieInput => ({
          vandaag: VANDAAG,
          ontvanger: { categorie: r.categorie, ...(r.categorie === 'zorg' ? { medischBeroepsgeheim: r.medisch } : {}), ...(r.organisatie ? { organisatie: r.organisatie } : {}) },
          doel,
          gevraagdeGegevens: r.gevraagd,
          toestemmingen: r.toestemmingen.map((t, i) =>
            r.passend[i % 3] && r.organisatie && beschrijving.toestemming.doelen.length > 0
              ? { ...t, ontvanger: r.organisatie, doel: beschrijving.toestemming.doelen[i % beschrijving.toestemming.doelen.length]! }
              : t,
          ),
          antwoorden: {},
        }),
      );
  });

/** The answers that let a disclosure go on, which a driver picks most of the time (so runs reach the later steps). */
const DOORGAAN: Record<string, string> = { 'zonder-persoonsgegevens': 'nee', 'afzender-opsporing': 'nee', 'doel-verenigbaar': 'ja', proportioneel: 'ja', 'minder-ingrijpend': 'nee' };

/** Runs the wizard to the end, answering each question with an answer the engine allows (picked by `keuzes`, in turn). */
function doorloop(ruleSet: StappenplanFile, situatie: SituatieInput, keuzes: readonly number[]): { stappen: number; uitkomst: StappenplanStap; antwoorden: Record<string, string> } {
  const antwoorden: Record<string, string> = { ...situatie.antwoorden };
  for (let stappen = 1; stappen <= 50; stappen++) {
    const stap = volgendeStap(ruleSet, { ...situatie, antwoorden });
    if (stap.soort === 'uitkomst') return { stappen, uitkomst: stap, antwoorden };
    expect(antwoorden[stap.vraag.id], `asked ${stap.vraag.id} again`).toBeUndefined();
    const keuze = keuzes[stappen % keuzes.length] ?? 0;
    const toegestaan = stap.vraag.antwoorden.map((a) => a.waarde);
    const doorgaan = DOORGAAN[stap.vraag.id] ?? (stap.vraag.id.startsWith('uitzondering-') ? toegestaan.find((w) => w !== 'geen') : 'ja');
    antwoorden[stap.vraag.id] = keuze % 4 !== 0 && doorgaan !== undefined && toegestaan.includes(doorgaan) ? doorgaan : toegestaan[keuze % toegestaan.length]!;
  }
  throw new Error('no outcome after 50 steps');
}
const keuzes = fc.array(fc.nat(), { minLength: 30, maxLength: 30 });

describe('properties of the engine (fast-check)', () => {
  it('never loops: every run ends in an outcome within 20 steps, and never asks a question twice', () => {
    fc.assert(
      fc.property(situatieArb(), keuzes, (situatie, kies) => {
        expect(doorloop(stappenplanV1, situatie, kies).stappen).toBeLessThanOrEqual(20);
      }),
      { numRuns: 1500 },
    );
  });

  it('an outcome toegestaan lists only fields that were asked for and that the purpose allows, each once, in the fixed order', () => {
    const reached = { toegestaan: 0, opToestemming: 0, bijzonder: 0 };
    fc.assert(
      fc.property(situatieArb(), keuzes, (situatie, kies) => {
        const { uitkomst } = doorloop(stappenplanV1, situatie, kies);
        if (uitkomst.soort !== 'uitkomst') return;
        if (uitkomst.uitkomst === 'toegestaan') {
          reached.toegestaan++;
          if (uitkomst.grondslag === 'toestemming') reached.opToestemming++;
          if (uitkomst.velden.some((v) => bijzondereKlasse(v))) reached.bijzonder++;
        }
        if (uitkomst.uitkomst !== 'toegestaan') {
          expect(uitkomst.velden).toEqual([]);
          return;
        }
        const doel = stappenplanV1.inhoud.doelen.find((d) => d.id === situatie.doel)!;
        expect(uitkomst.velden.length).toBeGreaterThan(0);
        for (const v of uitkomst.velden) {
          expect(situatie.gevraagdeGegevens).toContain(v);
          expect(doel.gegevens).toContain(v);
        }
        expect(uitkomst.velden).toEqual(DataCategorie.options.filter((c) => uitkomst.velden.includes(c)));
        expect(uitkomst.grondslag).toBeDefined();
      }),
      { numRuns: 1500 },
    );
    // The generators must reach the cases the properties are about, or they prove nothing.
    expect(reached.toegestaan).toBeGreaterThan(150);
    expect(reached.opToestemming).toBeGreaterThan(20);
    expect(reached.bijzonder).toBeGreaterThan(50);
  });

  it('a withdrawn consent never yields toegestaan on a consent ground, consent secrecy basis or consent exception', () => {
    const ingetrokken = fc.array(toestemmingArb.chain((t) => fc.integer({ min: 0, max: 300 }).map((d) => ({ ...t, ingetrokkenOp: addDays(VANDAAG, -d) }))), { minLength: 1, maxLength: 3 });
    let toegestaan = 0;
    fc.assert(
      fc.property(situatieArb(ingetrokken), keuzes, (situatie, kies) => {
        const { uitkomst } = doorloop(stappenplanV1, situatie, kies);
        if (uitkomst.soort !== 'uitkomst' || uitkomst.uitkomst !== 'toegestaan') return;
        toegestaan++;
        expect(uitkomst.grondslag).not.toBe('toestemming');
        expect(uitkomst.geheimhouding).not.toBe('toestemming');
        expect(uitkomst.uitzonderingen.map((u) => u.antwoord)).not.toContain('uitdrukkelijke-toestemming');
      }),
      { numRuns: 1000 },
    );
    expect(toegestaan).toBeGreaterThan(50);
  });

  it('a consent withdrawn after a decision draft was answered turns a consent outcome into something else', () => {
    const geldig = fc.constant<ToestemmingFeit[]>([{ doel: 'registratie-comensha', ontvanger: 'CoMensha', schriftelijk: true, gegevenDoor: 'client', vanaf: '2026-01-01', clientZestienPlus: true }]);
    fc.assert(
      fc.property(situatieArb(geldig), keuzes, fc.integer({ min: 0, max: 100 }), (situatie, kies, dagen) => {
        const { uitkomst } = doorloop(stappenplanV1, situatie, kies);
        if (uitkomst.soort !== 'uitkomst' || uitkomst.uitkomst !== 'toegestaan') return;
        const usedConsent = uitkomst.grondslag === 'toestemming' || uitkomst.geheimhouding === 'toestemming' || uitkomst.uitzonderingen.some((u) => u.antwoord === 'uitdrukkelijke-toestemming');
        if (!usedConsent) return;
        // The same answers, the consent now withdrawn: never toegestaan on that consent again.
        const answers = doorloop(stappenplanV1, situatie, kies).antwoorden;
        const again = volgendeStap(stappenplanV1, { ...situatie, antwoorden: answers, toestemmingen: [{ ...situatie.toestemmingen![0]!, ingetrokkenOp: addDays(VANDAAG, -dagen) }] });
        if (again.soort === 'uitkomst' && again.uitkomst === 'toegestaan') {
          expect(again.grondslag).not.toBe('toestemming');
          expect(again.geheimhouding).not.toBe('toestemming');
          expect(again.uitzonderingen.map((u) => u.antwoord)).not.toContain('uitdrukkelijke-toestemming');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('special (art. 9) and criminal (art. 10) categories are never allowed without an exception answer', () => {
    fc.assert(
      fc.property(situatieArb(), keuzes, (situatie, kies) => {
        const { uitkomst, antwoorden: answers } = doorloop(stappenplanV1, situatie, kies);
        if (uitkomst.soort !== 'uitkomst' || uitkomst.uitkomst !== 'toegestaan') return;
        for (const v of uitkomst.velden) {
          const k = bijzondereKlasse(v);
          if (!k) continue;
          const answer = answers[`uitzondering-${k}`];
          expect(answer, `${v} without an exception answer`).toBeDefined();
          expect(answer).not.toBe('geen');
          expect(uitkomst.uitzonderingen).toContainEqual({ klasse: k, antwoord: answer });
        }
        // And with every exception answer taken away, no special or criminal category is ever in a toegestaan.
        const zonder = Object.fromEntries(Object.entries(answers).filter(([id]) => !id.startsWith('uitzondering-')));
        const stap = volgendeStap(stappenplanV1, { ...situatie, antwoorden: zonder });
        if (stap.soort === 'uitkomst' && stap.uitkomst === 'toegestaan') expect(stap.velden.filter((v) => bijzondereKlasse(v) !== undefined)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('any answers at all, valid or not: a toegestaan never holds a field not asked, and an answer outside the list is asked again', () => {
    const vraagIds = stappenplanV1.inhoud.vragen.map((v) => v.id);
    const antwoordArb = fc.dictionary(fc.constantFrom(...vraagIds), fc.constantFrom('ja', 'nee', 'geen', 'uitdrukkelijke-toestemming', 'vitaal-belang', 'meldrecht', 'wpg', 'onzin'));
    fc.assert(
      fc.property(situatieArb(), antwoordArb, (situatie, antwoorden) => {
        const stap = volgendeStap(stappenplanV1, { ...situatie, antwoorden });
        if (stap.soort === 'vraag') {
          const given = antwoorden[stap.vraag.id];
          if (given !== undefined) expect(stap.vraag.fout).toBeDefined();
          expect(stap.vraag.antwoorden.length).toBeGreaterThan(0);
          return;
        }
        for (const v of stap.velden) expect(situatie.gevraagdeGegevens).toContain(v);
      }),
      { numRuns: 1500 },
    );
  });

  it('is deterministic and pure: the same input gives the same output, and the input is not changed', () => {
    fc.assert(
      fc.property(situatieArb(), keuzes, (situatie, kies) => {
        const answers = doorloop(stappenplanV1, situatie, kies).antwoorden;
        const input = deepFreeze(structuredClone({ ...situatie, antwoorden: answers }));
        expect(volgendeStap(stappenplanV1, input)).toEqual(volgendeStap(stappenplanV1, structuredClone(input)));
      }),
      { numRuns: 300 },
    );
  });

  it('judges a consent exactly as shared/casework/consent.ts does (the one consent rule)', () => {
    fc.assert(
      fc.property(toestemmingArb, fc.integer({ min: 0, max: 30 * 365 }), (t, ageDays) => {
        const geboortedatum = addDays(t.vanaf, -ageDays);
        const mine = toestemmingStatusOp({ ...t, clientZestienPlus: ageOn(geboortedatum, t.vanaf) >= 16 }, VANDAAG, t.doel === 'registratie-comensha');
        expect(mine).toBe(toestemmingStatus(t, { geboortedatum }, VANDAAG));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the engine’s own guarantees, whatever the rule set', () => {
  it('without any ground rule a disclosure is never toegestaan', () => {
    const raw = structuredClone(JSON.parse(readFileSync('resources/stappenplan/v1.json', 'utf8'))) as { versie: string; inhoud: { regels: Array<{ stap: number; als: { antwoord?: Record<string, unknown> }; dan: { vraag?: string } }>; vragen: Array<{ id: string }> } };
    raw.versie = 'test-zonder-grondslag';
    raw.inhoud.regels = raw.inhoud.regels.filter((r) => r.stap !== 4);
    const asked = new Set(raw.inhoud.regels.flatMap((r) => [...Object.keys(r.als.antwoord ?? {}), ...(r.dan.vraag !== undefined ? [r.dan.vraag] : [])]));
    raw.inhoud.vragen = raw.inhoud.vragen.filter((v) => asked.has(v.id));
    const ruleSet = leesStappenplan(raw, 'test.json');
    fc.assert(
      fc.property(situatieArb(), keuzes, (situatie, kies) => {
        const { uitkomst } = doorloop(ruleSet, situatie, kies);
        expect(uitkomst.soort === 'uitkomst' && uitkomst.uitkomst).not.toBe('toegestaan');
      }),
      { numRuns: 300 },
    );
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

