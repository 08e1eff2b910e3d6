// The gate, in the core, on a real encrypted vault: crafted calls that skip the wizard, reuse a
// decision for another partner or traject, add a category, or rely on a consent withdrawn since
// are refused with a Dutch reason AND recorded in the register; allowed ones are recorded too.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../shared/errors';
import { poortBezwaren } from '../../../electron/core/verstrekkingen/gate';
import { COMENSHA_ANTWOORDEN, beantwoord, besluitInvoer, comenshaBesluit, inDays, nieuwTraject, openVVault, registerTelling, type VVault } from './helpers';

let v: VVault;
beforeEach(async () => (v = await openVVault()));
afterEach(() => v.close());

const ALLES = ['identificerend', 'achtergrond', 'traject', 'uitbuiting'] as const;
let n = 0;
const pad = () => join(v.dir, `pakket-${++n}.pdf`);

/** A refused attempt: DISCLOSURE_REFUSED, with its reasons, and one more 'geweigerd' entry in the register. */
async function geweigerd(method: 'verstrekkingen.writePackage' | 'verstrekkingen.gate' | 'verstrekkingen.printDocument' | 'verstrekkingen.copyValue', input: Record<string, unknown>): Promise<ErrorInfo> {
  const voor = registerTelling(v.db).geweigerd ?? 0;
  const e = await v.fail(method, input);
  expect(e.code).toBe('DISCLOSURE_REFUSED');
  expect(registerTelling(v.db).geweigerd).toBe(voor + 1);
  if (typeof input.path === 'string') expect(existsSync(input.path)).toBe(false);
  // Nothing half-written in the folder either.
  expect(readdirSync(v.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  return e;
}

/** The newest register entry. */
async function laatste() {
  return (await v.call('verstrekkingen.register', { page: { offset: 0, limit: 1 } })).items[0]!;
}

describe('an allowed disclosure', () => {
  it('passes with exactly the decision’s categories, traject and recipient, and is recorded', async () => {
    const b = await comenshaBesluit(v);
    const verzoek = { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha', categorieen: [...ALLES] };
    expect(await v.call('verstrekkingen.gate', { ...verzoek, wat: 'pakket' })).toEqual({ bestandsnaam: `verstrekking-${b.besluit.referentie}.pdf` });
    const path = pad();
    const r = await v.call('verstrekkingen.writePackage', { ...verzoek, path });
    expect(existsSync(path)).toBe(true);
    expect(r).toMatchObject({ bestandsnaam: `pakket-${n}.pdf`, wachtwoord: expect.stringMatching(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){4}$/) });
    expect(await laatste()).toMatchObject({ id: r.registerId, soort: 'pakket', besluitId: b.besluit.id, pseudoniem: b.pseudoniem, partnerId: 'comensha', grondslag: 'toestemming', velden: [...ALLES], referentie: b.besluit.referentie });
    const print = await v.call('verstrekkingen.printDocument', verzoek);
    expect(print.html).toContain('Voorbeeldig');
    expect(await laatste()).toMatchObject({ id: print.registerId, soort: 'afdruk' });
    const kopie = await v.call('verstrekkingen.copyValue', { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha', veld: 'achternaam' });
    expect(kopie.waarde).toBe('Voorbeeldig');
    expect(await laatste()).toMatchObject({ soort: 'kopie', veld: 'achternaam', velden: ['identificerend'] });
    expect(registerTelling(v.db)).toEqual({ besluit: 1, pakket: 1, afdruk: 1, kopie: 1 });
  });
});

describe('crafted calls are refused and recorded', () => {
  it('a package for a draft (the wizard skipped) or for a decision the vault does not have', async () => {
    const t = await nieuwTraject(v);
    const concept = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] });
    const e = await geweigerd('verstrekkingen.writePackage', { besluitId: concept.concept.id, trajectId: t.trajectId, partnerId: 'comensha', categorieen: ['identificerend'], path: pad() });
    expect(e.issues).toEqual([{ path: 'besluitId', message: 'Dit is een concept, geen besluit. Doorloop eerst het hele stappenplan en leg het besluit vast.' }]);
    expect(await laatste()).toMatchObject({ soort: 'geweigerd', wat: 'pakket', pseudoniem: t.pseudoniem, trajectId: t.trajectId, partnerId: 'comensha', velden: ['identificerend'] });
    const onbekend = await geweigerd('verstrekkingen.copyValue', { besluitId: '01900000-0000-7000-8000-000000000001', trajectId: t.trajectId, partnerId: 'comensha', veld: 'bsn' });
    expect(onbekend.issues?.[0]?.message).toMatch(/^Er is geen besluit met deze verwijzing/);
    expect(await laatste()).toMatchObject({ soort: 'geweigerd', wat: 'kopie', veld: 'bsn', velden: ['bsn'] });
  });

  it('a decision reused for another partner or another traject', async () => {
    const b = await comenshaBesluit(v);
    const anderePartner = await geweigerd('verstrekkingen.writePackage', { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'politie-avim-rotterdam', categorieen: [...ALLES], path: pad() });
    expect(anderePartner.issues).toEqual([{ path: 'partnerId', message: 'Dit besluit geldt voor een andere ontvanger (CoMensha). Neem voor deze ontvanger een eigen besluit.' }]);
    expect(await laatste()).toMatchObject({ soort: 'geweigerd', besluitId: b.besluit.id, partnerId: 'politie-avim-rotterdam', reden: expect.stringMatching(/andere ontvanger/) });
    const ander = await nieuwTraject(v);
    const anderTraject = await geweigerd('verstrekkingen.printDocument', { besluitId: b.besluit.id, trajectId: ander.trajectId, partnerId: 'comensha', categorieen: [...ALLES] });
    expect(anderTraject.issues?.map((i) => i.path)).toEqual(['trajectId']);
    // The refusal is found under the cliënt it named, for an inzageverzoek.
    expect((await v.call('verstrekkingen.register', { filter: { pseudoniem: ander.pseudoniem } })).items.map((r) => [r.soort, r.wat])).toEqual([['geweigerd', 'afdruk']]);
  });

  it('a category added to the decision’s, or one left out, and a copy of a field outside the decision', async () => {
    const b = await comenshaBesluit(v);
    const base = { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha' };
    const extra = await geweigerd('verstrekkingen.writePackage', { ...base, categorieen: [...ALLES, 'bsn', 'gezondheid'], path: pad() });
    expect(extra.issues).toEqual([{ path: 'categorieen', message: 'Deze gegevens staan niet in het besluit: BSN; gezondheid. Die mogen niet naar buiten.' }]);
    const minder = await geweigerd('verstrekkingen.gate', { ...base, categorieen: ['identificerend'], wat: 'afdruk' });
    expect(minder.issues?.[0]?.message).toMatch(/^Een afdruk bevat precies de gegevens van het besluit\. Het besluit noemt ook:/);
    const bsn = await geweigerd('verstrekkingen.copyValue', { ...base, veld: 'bsn' });
    expect(bsn.issues).toEqual([{ path: 'veld', message: 'BSN (BSN) staat niet in het besluit. Dat gegeven mag niet naar buiten.' }]);
    expect(registerTelling(v.db)).toEqual({ besluit: 1, geweigerd: 3 });
  });

  it('a consent withdrawn since blocks every disclosure that relied on it (package, print and copy)', async () => {
    const b = await comenshaBesluit(v);
    const base = { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha' };
    await v.call('verstrekkingen.writePackage', { ...base, categorieen: [...ALLES], path: pad() });
    await v.call('toestemmingen.withdraw', { id: b.toestemmingId, datum: inDays(0) });
    const e = await geweigerd('verstrekkingen.writePackage', { ...base, categorieen: [...ALLES], path: pad() });
    expect(e.issues?.[0]).toEqual({ path: 'besluitId', message: expect.stringMatching(/^De toestemming voor CoMensha waarop dit besluit steunt, is ingetrokken op \d\d-\d\d-\d{4}\. Zonder die toestemming mag deze verstrekking niet meer\./) });
    await geweigerd('verstrekkingen.printDocument', { ...base, categorieen: [...ALLES] });
    await geweigerd('verstrekkingen.copyValue', { ...base, veld: 'roepnaam' });
    expect(await v.call('verstrekkingen.get', { id: b.besluit.id })).toMatchObject({ staat: 'grond-vervallen' });
    // The decision itself is unchanged; the earlier package stays in the register.
    expect(registerTelling(v.db)).toEqual({ besluit: 1, pakket: 1, geweigerd: 3 });
  });

  it('a decision waiting for four eyes, revoked, replaced, past its review date, or for a retired partner', async () => {
    const vier = await comenshaBesluit(v, { vierOgen: true });
    const verzoek = (b: typeof vier) => ({ besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha', categorieen: [...ALLES] });
    expect((await geweigerd('verstrekkingen.printDocument', verzoek(vier))).issues?.[0]?.message).toMatch(/vier-ogencontrole/);
    await v.call('verstrekkingen.approve', { besluitId: vier.besluit.id, naam: 'Tweede Testpersoon', functie: 'privacy-officer' });
    await v.call('verstrekkingen.printDocument', verzoek(vier));

    await v.call('verstrekkingen.revoke', { besluitId: vier.besluit.id, reden: 'Niet meer nodig.' });
    expect((await geweigerd('verstrekkingen.printDocument', verzoek(vier))).issues?.[0]?.message).toMatch(/^Dit besluit is ingetrokken op/);

    const oud = await comenshaBesluit(v);
    const corr = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId: oud.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: [...ALLES], vervangt: oud.besluit.id }), COMENSHA_ANTWOORDEN);
    await v.call('verstrekkingen.complete', { id: corr.concept.id, version: corr.concept.version, besluit: besluitInvoer() });
    expect((await geweigerd('verstrekkingen.printDocument', verzoek(oud))).issues?.[0]?.message).toMatch(/vervangen door een nieuwer besluit/);

    // Past the review date: the gate judges on the day it runs.
    const kort = await comenshaBesluit(v);
    const poging = { wat: 'pakket' as const, verzoek: verzoek(kort) };
    expect(poortBezwaren(v.db, poging, inDays(90)).bezwaren).toEqual([]);
    expect(poortBezwaren(v.db, poging, inDays(91)).bezwaren.map((b) => b.message)).toEqual([expect.stringMatching(/^De datum voor herbeoordeling \(\d\d-\d\d-\d{4}\) is voorbij/)]);

    const comensha = (await v.call('partners.list', {})).partners.find((p) => p.id === 'comensha')!;
    await v.call('partners.retire', { id: 'comensha', version: comensha.version });
    expect((await geweigerd('verstrekkingen.gate', { ...verzoek(kort), wat: 'pakket' })).issues?.map((i) => i.message)).toContain('CoMensha staat in het partnerregister buiten gebruik.');
  });

  it('a decision whose outcome was a refusal never lets anything out', async () => {
    const t = await nieuwTraject(v);
    const eind = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] }), COMENSHA_ANTWOORDEN);
    const b = await v.call('verstrekkingen.complete', { id: eind.concept.id, version: eind.concept.version, besluit: { bewaartermijn: 'n.v.t.', herbeoordelingOp: inDays(10), vierOgen: false } });
    const e = await geweigerd('verstrekkingen.copyValue', { besluitId: b.id, trajectId: t.trajectId, partnerId: 'comensha', veld: 'roepnaam' });
    expect(e.issues?.map((i) => i.message)).toEqual(['Roepnaam (naam en geboortedatum) staat niet in het besluit. Dat gegeven mag niet naar buiten.', 'Volgens dit besluit mag u deze gegevens niet verstrekken.']);
  });

  it('copying an empty field copies nothing and records nothing', async () => {
    const b = await comenshaBesluit(v, { client: { achternaam: undefined } });
    const voor = registerTelling(v.db);
    const e = await v.fail('verstrekkingen.copyValue', { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha', veld: 'achternaam' });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'veld', message: 'Dit gegeven is niet ingevuld. Er is niets gekopieerd' }] });
    expect(registerTelling(v.db)).toEqual(voor);
  });
});
