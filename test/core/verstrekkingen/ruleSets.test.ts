// Rule-set versions in the vault: each stored whole with its SHA-256, never changed; importing a
// new version (validated, recorded as an event) makes it current for new drafts only; a decision
// is always judged under the version it was made with. Property: a used version never changes.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stappenplanV1 } from '../../../shared/stappenplan/ruleSet';
import { changesOf, ruleSetRecordId } from '../../../electron/core/verstrekkingen/changeKinds';
import { laadRuleSet } from '../../../electron/core/verstrekkingen/ruleSets.repo';
import { COMENSHA_ANTWOORDEN, beantwoord, comenshaBesluit, nieuwTraject, openVVault, type VVault } from './helpers';

let v: VVault;
beforeEach(async () => (v = await openVVault()));
afterEach(() => v.close());

/** A copy of version 1 under another number, changed by `edit`. */
function versie(nummer: string, edit: (f: typeof stappenplanV1) => void = () => undefined): typeof stappenplanV1 {
  const f = structuredClone(stappenplanV1);
  f.versie = nummer;
  edit(f);
  return f;
}

let files = 0;
function bestand(inhoud: unknown): string {
  const path = join(v.dir, `regels-${++files}.json`);
  writeFileSync(path, typeof inhoud === 'string' ? inhoud : JSON.stringify(inhoud));
  return path;
}

/** Version 2: CoMensha registration without background data (a stricter choice of a privacy officer). */
const zonderAchtergrond = (f: typeof stappenplanV1) => {
  const d = f.inhoud.doelen.find((x) => x.id === 'registratie-comensha')!;
  d.gegevens = d.gegevens.filter((c) => c !== 'achtergrond');
};

describe('rule-set versions', () => {
  it('version 1 is in every vault, whole, with its SHA-256, and is current', async () => {
    const { versies } = await v.call('stappenplan.versions', {});
    const inhoud = JSON.stringify(stappenplanV1);
    expect(versies).toEqual([{ versie: '1', geldigVanaf: stappenplanV1.geldigVanaf, sha256: createHash('sha256').update(inhoud).digest('hex'), herkomst: 'ingebouwd', opgenomenOp: expect.any(String), actueel: true, besluiten: 0 }]);
    expect(await v.call('stappenplan.get', {})).toEqual(stappenplanV1);
    expect(await v.call('stappenplan.get', { versie: '1' })).toEqual(stappenplanV1);
    expect((await v.fail('stappenplan.get', { versie: '9' })).code).toBe('NOT_FOUND');
  });

  it('an imported version is validated, recorded as an event, and current for new drafts; old drafts and decisions keep theirs', async () => {
    const oud = await comenshaBesluit(v);
    const t = await nieuwTraject(v);
    const open = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend', 'achtergrond'] });
    expect(await v.call('stappenplan.importFile', { path: bestand(versie('2', zonderAchtergrond)) })).toEqual({ versie: '2' });
    const { versies } = await v.call('stappenplan.versions', {});
    expect(versies.map((x) => [x.versie, x.herkomst, x.actueel, x.besluiten])).toEqual([
      ['2', 'geimporteerd', true, 0],
      ['1', 'ingebouwd', false, 1],
    ]);
    const profiel = (await v.call('profile.get', {})).profiel!;
    expect(changesOf(v.db, 'stappenplan', ruleSetRecordId('2')).map((e) => [e.action, e.actor, e.fields])).toEqual([['import', { kind: 'profiel', id: profiel.id }, ['inhoud', 'versie']]]);

    // A new draft uses version 2, the draft started before keeps version 1.
    const nieuw = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend', 'achtergrond'] });
    expect(nieuw.concept.ruleSetVersie).toBe('2');
    expect((await v.call('verstrekkingen.step', { id: open.concept.id })).concept.ruleSetVersie).toBe('1');
    // The old decision is still judged under version 1: still usable, with the background data version 2 would leave out.
    expect(await v.call('verstrekkingen.get', { id: oud.besluit.id })).toMatchObject({ ruleSetVersie: '1', staat: 'bruikbaar', velden: ['identificerend', 'achtergrond', 'traject', 'uitbuiting'] });
    await v.call('verstrekkingen.writePackage', { besluitId: oud.besluit.id, trajectId: oud.trajectId, partnerId: 'comensha', categorieen: oud.besluit.velden, path: join(v.dir, 'oud.pdf') });
  });

  it('refuses a broken file with the path in it, a file that is no JSON, and a version number the vault has', async () => {
    const aantal = () => (v.db.prepare('SELECT count(*) AS n FROM stappenplan_versies').get() as { n: number }).n;
    const kapot = await v.fail('stappenplan.importFile', { path: bestand(versie('3', (f) => (f.inhoud.regels[0]!.bronnen = ['bestaat-niet']))) });
    expect(kapot.code).toBe('POLICY_INVALID');
    expect(kapot.issues).toContainEqual({ path: 'het gekozen bestand: inhoud.regels.0.bronnen.0', message: 'De bron "bestaat-niet" staat niet in de lijst bronnen' });
    expect((await v.fail('stappenplan.importFile', { path: bestand('{ geen json') })).issues).toEqual([{ path: '(bestand)', message: 'Het bestand is geen geldige JSON' }]);
    expect((await v.fail('stappenplan.importFile', { path: join(v.dir, 'bestaat-niet.json') })).code).toBe('NOT_FOUND');
    expect((await v.fail('stappenplan.importFile', { path: bestand(stappenplanV1) })).code).toBe('CONFLICT');
    const anders = await v.fail('stappenplan.importFile', { path: bestand(versie('1', (f) => (f.toelichting += ' Gewijzigd.'))) });
    expect(anders.issues).toEqual([{ path: 'versie', message: 'Versie 1 staat al in de kluis, met andere regels. Een versie verandert nooit: geef de gewijzigde regels een nieuw versienummer.' }]);
    expect(aantal()).toBe(1);
  });

  it('a stored version that was changed behind the code’s back is refused, not used', async () => {
    await comenshaBesluit(v);
    // Only by removing the guard first (what no code in Ketenkluis does) can a row change at all.
    v.db.exec('DROP TRIGGER stappenplan_versies_no_update');
    v.db.prepare("UPDATE stappenplan_versies SET inhoud = replace(inhoud, 'Kunt u het doel', 'Kan het doel') WHERE versie = '1'").run();
    expect(() => laadRuleSet(v.db, '1')).toThrow(/does not match its SHA-256/);
  });
});

describe('property: a used rule-set version never changes', () => {
  it('whatever is imported later under the same or another number, a decision reads its own version, byte for byte, and is judged the same', async () => {
    const b = await comenshaBesluit(v);
    const inhoud = () => v.db.prepare("SELECT inhoud, sha256 FROM stappenplan_versies WHERE versie = '1'").get() as { inhoud: string; sha256: string };
    const voor = inhoud();
    const verandering = fc.constantFrom<Array<(f: typeof stappenplanV1) => void>>(
      (f) => (f.toelichting = `${f.toelichting} Herzien.`),
      (f) => (f.inhoud.regels[3]!.tekst = 'Een andere tekst.'),
      zonderAchtergrond,
      (f) => (f.inhoud.vragen[0]!.uitleg = 'Andere uitleg.'),
      (f) => f.inhoud.doelen.find((d) => d.id === 'registratie-comensha')!.toestemming.doelen.splice(0),
    );
    let nieuwe = 0;
    await fc.assert(
      fc.asyncProperty(verandering, fc.boolean(), fc.stringMatching(/^[2-9][0-9]?\.[0-9]$/), async (edit, zelfdeNummer, nummer) => {
        const r = await v.call('stappenplan.importFile', { path: bestand(versie(zelfdeNummer ? '1' : nummer, edit)) }).catch((e: Error) => e);
        if (zelfdeNummer) expect(r instanceof Error && /INVALID_INPUT|CONFLICT/.test(r.message)).toBe(true);
        else if (!(r instanceof Error)) nieuwe++;
        for (const sql of ["UPDATE stappenplan_versies SET inhoud = '{}' WHERE versie = '1'", "DELETE FROM stappenplan_versies WHERE versie = '1'"]) expect(() => v.db.prepare(sql).run()).toThrow(/append-only/);
        expect(inhoud()).toEqual(voor);
        expect(JSON.stringify(laadRuleSet(v.db, '1'))).toBe(voor.inhoud);
        const nu = await v.call('verstrekkingen.get', { id: b.besluit.id });
        expect(nu).toMatchObject({ ruleSetVersie: '1', staat: 'bruikbaar', velden: b.besluit.velden, redenering: b.besluit.redenering });
        // A fresh draft with the same answers under version 1 (by its number) still comes to the same outcome.
        expect(laadRuleSet(v.db, nu.ruleSetVersie).versie).toBe('1');
      }),
      { numRuns: 25 },
    );
    expect(nieuwe).toBeGreaterThan(0);
    // And new drafts go by the newest version, as imported.
    const t = await nieuwTraject(v);
    const s = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] }), COMENSHA_ANTWOORDEN);
    expect(s.concept.ruleSetVersie).toBe((await v.call('stappenplan.versions', {})).versies[0]!.versie);
  });
});
