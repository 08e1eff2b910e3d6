// Property tests of the gate (fast-check) on one real encrypted vault: random decisions reached by
// random answers for random recipients, purposes, data and consents, then random requests.
// 1. No package ever holds a field its decision did not allow (read back from the PDF itself).
// 2. A withdrawn consent blocks every later disclosure that relied on it, and only those.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataCategorie, inVasteVolgorde } from '../../../shared/stappenplan/dataCategories';
import type { Besluit, ConceptStap } from '../../../shared/verstrekkingen/besluit.schema';
import { toegestaneVelden } from '../../../electron/core/verstrekkingen/inhoud';
import { besluitInvoer, comenshaBesluit, inDays, nieuwTraject, openVVault, registerTelling, type VVault } from './helpers';

let v: VVault;
beforeAll(async () => (v = await openVVault()));
afterAll(() => v.close());

/** Recipients and purposes a zorgcoördinator meets, with the partner's name as consents name it. */
const ONTVANGERS = [
  { partnerId: 'comensha', naam: 'CoMensha', doel: 'registratie-comensha' },
  { partnerId: 'veilig-thuis-rotterdam-rijnmond', naam: 'Veilig Thuis Rotterdam Rijnmond', doel: 'melding-veilig-thuis' },
  { partnerId: 'politie-avim-rotterdam', naam: 'Politie eenheid Rotterdam, AVIM', doel: 'opsporing' },
  { partnerId: 'politie-avim-rotterdam', naam: 'Politie eenheid Rotterdam, AVIM', doel: 'bescherming' },
  { partnerId: 'om', naam: 'Openbaar Ministerie', doel: 'opsporing' },
  { partnerId: 'huisarts', naam: 'Huisarts', doel: 'afstemming-zorg' },
  { partnerId: 'wijkteam', naam: 'Wijkteam (sociaal domein)', doel: 'afstemming-zorg' },
  { partnerId: 'ind', naam: 'Immigratie- en Naturalisatiedienst (IND)', doel: 'verblijfsprocedure' },
  { partnerId: 'nla-toezicht', naam: 'Nederlandse Arbeidsinspectie, toezicht', doel: 'toezicht' },
  { partnerId: 'shop', naam: 'SHOP (Stichting Hulp en Opvang Prostitutie en Mensenhandel)', doel: 'overdracht-coordinatie' },
] as const;

const OPTIONELE_CLIENTVELDEN = {
  bsn: '123456782',
  vNummer: '1234567890',
  telefoon: '0612345678',
  email: 'testa@example.invalid',
  verblijfadres: 'Synthetische straat 1, Rotterdam',
  gezondheid: 'Synthetische gezondheid',
  strafrechtelijk: 'Synthetische strafzaak',
  notities: 'Synthetische notitie',
  contactpersonen: [{ naam: 'Synthetische Moeder', relatie: 'ouder' }],
};

const scenario = fc.record({
  ontvanger: fc.constantFrom(...ONTVANGERS),
  gevraagd: fc.subarray([...DataCategorie.options]),
  clientVelden: fc.subarray(Object.keys(OPTIONELE_CLIENTVELDEN) as Array<keyof typeof OPTIONELE_CLIENTVELDEN>),
  toestemmingen: fc.array(fc.record({ doel: fc.constantFrom('registratie-comensha', 'gegevensdeling', 'doorverwijzing'), schriftelijk: fc.boolean() }), { maxLength: 2 }),
  // -1: the answer that lets the plan go on (so outcomes that allow are reached too), else any answer.
  keuzes: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(-1) }, { weight: 2, arbitrary: fc.nat({ max: 11 }) }), { minLength: 30, maxLength: 30 }),
  verzoek: fc.oneof({ weight: 3, arbitrary: fc.constant<'precies'>('precies') }, { weight: 2, arbitrary: fc.subarray([...DataCategorie.options], { minLength: 1 }) }),
  journaal: fc.nat({ max: 2 }),
});

/** The answer to each question that lets the plan go on towards sharing. */
const VERDER: Record<string, string> = { 'zonder-persoonsgegevens': 'nee', 'afzender-opsporing': 'nee', 'eigen-beroepsgeheim': 'nee', 'minder-ingrijpend': 'nee' };

/** Walks the stappenplan, answering each question with the answer the next choice points at. */
async function loop(start: ConceptStap, keuzes: number[]): Promise<ConceptStap> {
  let s = start;
  for (let i = 0; s.stap.soort === 'vraag' && i < keuzes.length; i++) {
    const antwoorden = s.stap.vraag.antwoorden;
    const keuze = keuzes[i]!;
    const verder = VERDER[s.stap.vraag.id] ?? antwoorden.find((a) => a.waarde !== 'geen' && a.waarde !== 'nee' && a.waarde !== 'nee-met-reden')?.waarde ?? antwoorden[0]!.waarde;
    const waarde = keuze < 0 ? verder : antwoorden[keuze % antwoorden.length]!.waarde;
    s = await v.call('verstrekkingen.step', { id: s.concept.id, version: s.concept.version, antwoord: { vraag: s.stap.vraag.id, waarde } });
  }
  return s;
}

function attachment(path: string, wachtwoord: string): { categorieen: string[]; gegevens: Record<string, unknown> } {
  const r = spawnSync('qpdf', [`--password=${wachtwoord}`, '--show-attachment=verstrekking.json', path], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { categorieen: string[]; gegevens: Record<string, unknown> };
}

describe('properties of the gate', () => {
  // A few seconds on its own; generous for a machine shared with other work.
  it('no package ever holds a field its decision did not allow', { timeout: 300_000 }, async () => {
    const telling = { pakket: 0, geweigerd: 0, toegestaan: 0 };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (sc) => {
        const client = Object.fromEntries(sc.clientVelden.map((k) => [k, OPTIONELE_CLIENTVELDEN[k]]));
        const t = await nieuwTraject(v, client, { procedures: [{ soort: 'aangifte', status: 'lopend' }] });
        for (const e of Array.from({ length: sc.journaal }, (_, i) => i)) await v.call('journaal.add', { trajectId: t.trajectId, soort: 'notitie', tekst: `Synthetische journaalregel ${e}` });
        for (const c of sc.toestemmingen) {
          await v.call('toestemmingen.add', { trajectId: t.trajectId, fields: { doel: c.doel, ontvanger: sc.ontvanger.naam, vanaf: inDays(-10), schriftelijk: c.schriftelijk, gegevenDoor: 'client' } });
        }
        const start = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: sc.ontvanger.partnerId, doel: sc.ontvanger.doel, gevraagdeGegevens: sc.gevraagd });
        const eind = await loop(start, sc.keuzes);
        if (eind.stap.soort !== 'uitkomst') return; // the walk ran out of choices: nothing decided
        const besluit: Besluit = await v.call('verstrekkingen.complete', {
          id: eind.concept.id,
          version: eind.concept.version,
          besluit: besluitInvoer({ informerenReden: 'Synthetische reden', geheimhoudingToelichting: 'Synthetische afweging van de vier voorwaarden' }),
        });
        if (besluit.uitkomst === 'toegestaan') telling.toegestaan++;
        const categorieen = sc.verzoek === 'precies' ? (besluit.velden.length > 0 ? besluit.velden : ['identificerend' as const]) : sc.verzoek;
        const path = join(v.dir, `p-${++n}.pdf`);
        const voor = registerTelling(v.db).geweigerd ?? 0;
        const r = await v.call('verstrekkingen.writePackage', { besluitId: besluit.id, trajectId: t.trajectId, partnerId: sc.ontvanger.partnerId, categorieen, path }).catch((e: Error) => e);
        const mag = besluit.uitkomst === 'toegestaan' && besluit.staat === 'bruikbaar' && JSON.stringify(inVasteVolgorde(categorieen)) === JSON.stringify(besluit.velden);
        if (r instanceof Error) {
          expect(r.message).toContain('DISCLOSURE_REFUSED');
          expect(mag).toBe(false);
          expect(existsSync(path)).toBe(false);
          expect(registerTelling(v.db).geweigerd).toBe(voor + 1);
          telling.geweigerd++;
          return;
        }
        telling.pakket++;
        expect(mag).toBe(true);
        const json = attachment(path, r.wachtwoord);
        expect(json.categorieen).toEqual(besluit.velden);
        const toegestaan = toegestaneVelden(besluit.velden);
        const g = json.gegevens as { client?: object; traject?: object; melding?: object; journaal?: unknown[] };
        for (const k of Object.keys(g.client ?? {})) expect(toegestaan.client, `client.${k}`).toContain(k);
        for (const k of Object.keys(g.traject ?? {})) expect(toegestaan.traject, `traject.${k}`).toContain(k);
        for (const k of Object.keys(g.melding ?? {})) expect(toegestaan.melding, `melding.${k}`).toContain(k);
        if (g.journaal) expect(besluit.velden).toContain('vrije-tekst');
        // And what the vault holds outside the decision is nowhere in the JSON.
        const tekst = JSON.stringify(json);
        for (const [k, waarde] of Object.entries(client)) if (!toegestaan.client.includes(k)) expect(tekst, k).not.toContain(typeof waarde === 'string' ? waarde : JSON.stringify(waarde).slice(2, 20));
      }),
      { numRuns: 120 },
    );
    // The generators reach both sides: packages made and refused, decisions that allow.
    expect(telling.pakket).toBeGreaterThan(3);
    expect(telling.geweigerd).toBeGreaterThan(10);
    expect(telling.toegestaan).toBeGreaterThan(3);
  });

  it('a withdrawn consent blocks every later disclosure that relied on it, and none that did not', { timeout: 300_000 }, async () => {
    const telling = { geblokkeerd: 0, doorgelaten: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -3, max: 3 }), fc.constantFrom('pakket', 'afdruk', 'kopie'), fc.boolean(), async (dag, wijze, opToestemming) => {
        let b: { besluit: Besluit; trajectId: string; toestemmingId: string; partnerId: string };
        if (opToestemming) {
          const c = await comenshaBesluit(v);
          b = { ...c, partnerId: 'comensha' };
        } else {
          // Veilig Thuis under meldrecht; the traject also has a consent (for CoMensha) that this decision does not use.
          const t = await nieuwTraject(v);
          const toestemming = await v.call('toestemmingen.add', { trajectId: t.trajectId, fields: { doel: 'registratie-comensha', ontvanger: 'CoMensha', vanaf: inDays(-5), schriftelijk: true, gegevenDoor: 'client' } });
          const start = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'veilig-thuis-rotterdam-rijnmond', doel: 'melding-veilig-thuis', gevraagdeGegevens: ['identificerend', 'uitbuiting'] });
          let s = start;
          const antwoorden: Record<string, string> = { 'zonder-persoonsgegevens': 'nee', 'afzender-opsporing': 'nee', 'doel-verenigbaar': 'ja', 'meldcode-vermoeden': 'ja', 'uitzondering-strafrechtelijk': 'meldrecht', 'eigen-beroepsgeheim': 'nee', proportioneel: 'ja', 'minder-ingrijpend': 'nee', informeren: 'ja' };
          while (s.stap.soort === 'vraag') s = await v.call('verstrekkingen.step', { id: s.concept.id, version: s.concept.version, antwoord: { vraag: s.stap.vraag.id, waarde: antwoorden[s.stap.vraag.id]! } });
          const besluit = await v.call('verstrekkingen.complete', { id: s.concept.id, version: s.concept.version, besluit: besluitInvoer() });
          b = { besluit, trajectId: t.trajectId, toestemmingId: toestemming.id, partnerId: 'veilig-thuis-rotterdam-rijnmond' };
        }
        const steunt = b.besluit.toestemmingIds.includes(b.toestemmingId);
        expect(steunt).toBe(opToestemming);
        await v.call('toestemmingen.withdraw', { id: b.toestemmingId, datum: inDays(dag) });
        const base = { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: b.partnerId };
        const poging =
          wijze === 'pakket'
            ? v.call('verstrekkingen.writePackage', { ...base, categorieen: b.besluit.velden, path: join(v.dir, `w-${b.besluit.id}.pdf`) })
            : wijze === 'afdruk'
              ? v.call('verstrekkingen.printDocument', { ...base, categorieen: b.besluit.velden })
              : v.call('verstrekkingen.copyValue', { ...base, veld: 'roepnaam' });
        const r = await poging.then(
          () => 'doorgelaten' as const,
          (e: Error) => (expect(e.message).toContain('DISCLOSURE_REFUSED'), expect(e.message).toContain('ingetrokken op'), 'geblokkeerd' as const),
        );
        expect(r).toBe(steunt && dag <= 0 ? 'geblokkeerd' : 'doorgelaten');
        telling[r]++;
      }),
      { numRuns: 30 },
    );
    expect(telling.geblokkeerd).toBeGreaterThan(3);
    expect(telling.doorgelaten).toBeGreaterThan(3);
  });
});
