// Decisions of the stappenplan on a real encrypted vault through the real dispatcher: drafts that
// keep the answers, facts the core takes from the vault (never from the window), the decision
// record with every field of DOMAIN.md, four eyes, revocation, correction, append-only storage.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageFor } from '../../../shared/errors';
import { changesOf } from '../../../electron/core/verstrekkingen/changeKinds';
import { COMENSHA_ANTWOORDEN, beantwoord, besluitInvoer, comenshaBesluit, comenshaToestemming, inDays, nieuwTraject, openVVault, registerTelling, today, type VVault } from './helpers';

let v: VVault;
beforeEach(async () => (v = await openVVault()));
afterEach(() => v.close());

const VEILIG_THUIS = { 'zonder-persoonsgegevens': 'nee', 'afzender-opsporing': 'nee', 'doel-verenigbaar': 'ja', 'meldcode-vermoeden': 'ja', 'uitzondering-bijzonder': 'meldrecht', 'uitzondering-strafrechtelijk': 'meldrecht', 'eigen-beroepsgeheim': 'nee', proportioneel: 'ja', 'minder-ingrijpend': 'nee', informeren: 'ja' };

describe('who decides', () => {
  it('a vault without a profile cannot decide: a clear Dutch message, nothing written', async () => {
    const zonder = await openVVault({ profiel: false });
    try {
      const t = await nieuwTraject(zonder);
      const e = await zonder.fail('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] });
      expect(e.code).toBe('PROFILE_MISSING');
      expect(messageFor('PROFILE_MISSING')).toMatch(/geen profiel.*Vul eerst uw profiel in/);
      expect(zonder.db.prepare('SELECT count(*) AS n FROM verstrekking_concepten').get()).toEqual({ n: 0 });
    } finally {
      zonder.close();
    }
  });
});

describe('drafts', () => {
  it('keep the answers so far, so a person can stop and resume; an answer can be taken back', async () => {
    const t = await nieuwTraject(v);
    const start = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] });
    expect(start.stap).toMatchObject({ soort: 'vraag', vraag: { id: 'zonder-persoonsgegevens', stap: 1 } });
    expect(start.concept).toMatchObject({ pseudoniem: t.pseudoniem, ruleSetVersie: '1', antwoorden: {} });
    const een = await v.call('verstrekkingen.step', { id: start.concept.id, version: start.concept.version, antwoord: { vraag: 'zonder-persoonsgegevens', waarde: 'nee' } });
    expect(een.concept.antwoorden).toEqual({ 'zonder-persoonsgegevens': 'nee' });
    expect(een.stap).toMatchObject({ soort: 'vraag', vraag: { id: 'afzender-opsporing' } });
    // Resumed later: the list of drafts and a read-only step give the same place.
    expect((await v.call('verstrekkingen.listDrafts', { trajectId: t.trajectId })).concepten.map((c) => c.id)).toEqual([start.concept.id]);
    expect((await v.call('verstrekkingen.step', { id: start.concept.id })).stap).toEqual(een.stap);
    const terug = await v.call('verstrekkingen.step', { id: start.concept.id, version: een.concept.version, antwoord: { vraag: 'zonder-persoonsgegevens', waarde: null } });
    expect(terug.concept.antwoorden).toEqual({});
    expect(terug.stap).toMatchObject({ soort: 'vraag', vraag: { id: 'zonder-persoonsgegevens' } });
  });

  it('refuses an answer the rule set does not have, an old version, and a change without a version', async () => {
    const t = await nieuwTraject(v);
    const start = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] });
    const ref = { id: start.concept.id, version: start.concept.version };
    expect((await v.fail('verstrekkingen.step', { ...ref, antwoord: { vraag: 'bestaat-niet', waarde: 'ja' } })).issues).toEqual([{ path: 'antwoord.vraag', message: 'Deze vraag staat niet in het stappenplan' }]);
    expect((await v.fail('verstrekkingen.step', { ...ref, antwoord: { vraag: 'zonder-persoonsgegevens', waarde: 'misschien' } })).issues?.[0]?.path).toBe('antwoord.waarde');
    await v.call('verstrekkingen.step', { ...ref, antwoord: { vraag: 'zonder-persoonsgegevens', waarde: 'nee' } });
    expect((await v.fail('verstrekkingen.step', { ...ref, antwoord: { vraag: 'afzender-opsporing', waarde: 'nee' } })).code).toBe('CONFLICT');
    expect((await v.fail('verstrekkingen.step', { id: ref.id, antwoord: { vraag: 'afzender-opsporing', waarde: 'nee' } })).issues?.[0]?.path).toBe('version');
  });

  it('refuses an unknown traject, an unknown or retired partner, and facts sent by the window', async () => {
    const t = await nieuwTraject(v);
    expect((await v.fail('verstrekkingen.createDraft', { trajectId: '01900000-0000-7000-8000-000000000000', partnerId: 'comensha', doel: 'sparren' })).issues?.[0]?.path).toBe('trajectId');
    expect((await v.fail('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'bestaat-niet', doel: 'sparren' })).issues?.[0]).toEqual({ path: 'partnerId', message: 'Kies een organisatie uit het partnerregister' });
    // The window cannot say what category the recipient is, or which consents there are: the contract has no such fields.
    const crafted = await v.fail('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', ontvanger: { categorie: 'opsporing' }, toestemmingen: [] });
    expect(crafted.code).toBe('INVALID_INPUT');
    const ind = (await v.call('partners.list', {})).partners.find((p) => p.id === 'ind')!;
    await v.call('partners.retire', { id: 'ind', version: ind.version });
    expect((await v.fail('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'ind', doel: 'verblijfsprocedure' })).issues?.[0]?.message).toMatch(/buiten gebruik/);
  });
});

describe('the facts come from the vault', () => {
  it('the recipient’s category and medisch beroepsgeheim are the partner register’s', async () => {
    const t = await nieuwTraject(v);
    const huisarts = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'huisarts', doel: 'afstemming-zorg', gevraagdeGegevens: ['identificerend'] });
    expect(huisarts.ontvanger).toMatchObject({ partnerId: 'huisarts', categorie: 'zorg', medischBeroepsgeheim: true });
    const wijkteam = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'wijkteam', doel: 'afstemming-zorg', gevraagdeGegevens: ['identificerend'] });
    expect(wijkteam.ontvanger).toMatchObject({ categorie: 'zorg', medischBeroepsgeheim: false });
    // The register changes (the partner becomes a toezichthouder): the next step follows the register.
    const p = (await v.call('partners.list', {})).partners.find((x) => x.id === 'wijkteam')!;
    const { id: _id, actief: _a, herkomst: _h, inGebruik: _g, version, buitenGebruikSinds: _b, ...fields } = p;
    await v.call('partners.save', { id: 'wijkteam', version, fields: { ...fields, categorie: 'toezicht', medischBeroepsgeheim: undefined } });
    const daarna = await v.call('verstrekkingen.step', { id: wijkteam.concept.id });
    expect(daarna.ontvanger.categorie).toBe('toezicht');
    expect(daarna.stap).toMatchObject({ soort: 'uitkomst', uitkomst: 'niet-toegestaan' });
  });

  it('consents count with the cliënt’s age on the day they were given: 16+ the cliënt, younger a parent or guardian', async () => {
    const geboren = `${Number(today.slice(0, 4)) - 15}-01-01`; // 15 on every day of the last months
    const jong = await nieuwTraject(v, { geboortedatum: geboren }, { minderjarigBijStart: true });
    await comenshaToestemming(v, jong.trajectId, { gegevenDoor: 'client' });
    const zelf = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId: jong.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] }), COMENSHA_ANTWOORDEN);
    expect(zelf.stap).toMatchObject({ soort: 'uitkomst', uitkomst: 'niet-toegestaan' });
    expect(zelf.stap.redenering.join(' ')).toMatch(/jonger dan 16 jaar: dan geeft een ouder of voogd toestemming/);
    expect(zelf.toestemmingen[0]).toMatchObject({ status: 'ongeldig-leeftijd', gegevenDoor: 'client' });

    const ander = await nieuwTraject(v, { geboortedatum: geboren }, { minderjarigBijStart: true });
    await comenshaToestemming(v, ander.trajectId, { gegevenDoor: 'ouder-voogd' });
    const ouder = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId: ander.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] }), COMENSHA_ANTWOORDEN);
    expect(ouder.stap).toMatchObject({ soort: 'uitkomst', uitkomst: 'toegestaan', grondslag: 'toestemming', velden: ['identificerend'] });
  });

  it('a consent whose age rule cannot be checked (no birth date) does not count, and the step says why', async () => {
    const t = await nieuwTraject(v, { geboortedatum: undefined });
    await comenshaToestemming(v, t.trajectId);
    const s = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] }), COMENSHA_ANTWOORDEN);
    expect(s.stap).toMatchObject({ soort: 'uitkomst', uitkomst: 'niet-toegestaan' });
    expect(s.notities).toEqual([expect.stringMatching(/telt niet mee: de geboortedatum van de cliënt is niet bekend/)]);
    expect(s.toestemmingen[0]?.status).toBe('leeftijd-onbekend');
  });
});

describe('completing a draft stores the decision record', () => {
  it('with every field of the decision record, its register entry, and the draft gone', async () => {
    const { besluit, toestemmingId, trajectId, pseudoniem } = await comenshaBesluit(v);
    const profiel = (await v.call('profile.get', {})).profiel!;
    expect(besluit).toMatchObject({
      referentie: expect.stringMatching(/^VK-[0-9A-F]{12}$/),
      afzender: { profielId: profiel.id, naam: 'Testa Zorgcoördinator', functie: 'zorgcoordinator', organisatieId: 'essm', organisatie: 'ESSM (Humanitas)' },
      ontvanger: { partnerId: 'comensha', naam: 'CoMensha', categorie: 'meldpunt-coordinatie' },
      trajectId,
      pseudoniem,
      regime: 'avg',
      doel: 'registratie-comensha',
      doelVerenigbaar: true,
      uitkomst: 'toegestaan',
      grondslag: 'toestemming',
      bepaling: expect.stringMatching(/art(ikel)?\.? 6/i),
      uitzonderingen: [{ klasse: 'strafrechtelijk', antwoord: 'uitdrukkelijke-toestemming', tekst: expect.any(String) }],
      toestemmingIds: [toestemmingId],
      noodzaak: expect.stringMatching(/minimale gegevens/),
      alternatieven: expect.stringMatching(/Anoniem/),
      velden: ['identificerend', 'achtergrond', 'traject', 'uitbuiting'],
      bsn: false,
      betrokkeneGeinformeerd: { geinformeerd: true },
      kanaal: 'beveiligd-portaal',
      bewaartermijn: expect.stringMatching(/5 jaar/),
      vierOgen: false,
      ruleSetVersie: '1',
      herbeoordelingOp: inDays(90),
      staat: 'bruikbaar',
      redenen: [],
    });
    expect(besluit.redenering.at(-1)).toMatch(/^Uitkomst: u mag alleen deze gegevens verstrekken/);
    expect(besluit.bronnen.length).toBeGreaterThan(3);
    expect(besluit.situatie).toMatchObject({ vandaag: today, antwoorden: expect.objectContaining({ informeren: 'ja' }), toestemmingen: [expect.objectContaining({ ontvanger: 'CoMensha', clientZestienPlus: true })] });
    expect(await v.call('verstrekkingen.get', { id: besluit.id })).toEqual(besluit);
    expect((await v.call('verstrekkingen.list', { trajectId })).besluiten.map((b) => b.id)).toEqual([besluit.id]);
    expect((await v.call('verstrekkingen.listDrafts', {})).concepten).toEqual([]);
    expect(registerTelling(v.db)).toEqual({ besluit: 1 });
    // Who decided, in the change log: the profile, by hand.
    expect(changesOf(v.db, 'besluit', besluit.id).map((e) => [e.action, e.actor])).toEqual([['create', { kind: 'profiel', id: profiel.id }]]);
  });

  it('asks for necessity and alternatives when data may leave, the reason when the cliënt is not informed, and a review date after today', async () => {
    const t = await nieuwTraject(v);
    await comenshaToestemming(v, t.trajectId);
    const eind = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] }), { ...COMENSHA_ANTWOORDEN, informeren: 'nee-met-reden' });
    const e = await v.fail('verstrekkingen.complete', { id: eind.concept.id, version: eind.concept.version, besluit: { bewaartermijn: '1 jaar', herbeoordelingOp: today, vierOgen: false } });
    expect(e.issues?.map((i) => i.path)).toEqual(['besluit.noodzaak', 'besluit.alternatieven', 'besluit.informerenReden', 'besluit.herbeoordelingOp']);
    expect(e.issues?.[2]?.message).toBe('Schrijf op waarom u de cliënt niet informeert');
    const ok = await v.call('verstrekkingen.complete', { id: eind.concept.id, version: eind.concept.version, besluit: besluitInvoer({ informerenReden: 'Informeren brengt de cliënt nu in gevaar.' }) });
    expect(ok.betrokkeneGeinformeerd).toEqual({ geinformeerd: false, reden: 'Informeren brengt de cliënt nu in gevaar.' });
  });

  it('refuses a draft whose stappenplan is not finished', async () => {
    const t = await nieuwTraject(v);
    const start = await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] });
    const e = await v.fail('verstrekkingen.complete', { id: start.concept.id, version: start.concept.version, besluit: besluitInvoer() });
    expect(e.issues).toEqual([{ path: 'antwoord', message: expect.stringMatching(/^Het stappenplan is nog niet af\. Beantwoord eerst: Kunt u het doel/) }]);
    expect(registerTelling(v.db)).toEqual({});
  });

  it('records a refusal outcome too (no texts needed); such a decision can never be used', async () => {
    const t = await nieuwTraject(v);
    const eind = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'] }), COMENSHA_ANTWOORDEN);
    expect(eind.stap).toMatchObject({ soort: 'uitkomst', uitkomst: 'niet-toegestaan' });
    const b = await v.call('verstrekkingen.complete', { id: eind.concept.id, version: eind.concept.version, besluit: { bewaartermijn: 'n.v.t.', herbeoordelingOp: inDays(30), vierOgen: false } });
    expect(b).toMatchObject({ uitkomst: 'niet-toegestaan', velden: [], staat: 'niet-toegestaan', redenen: ['Volgens dit besluit mag u deze gegevens niet verstrekken.'] });
  });

  it('a report to Veilig Thuis under meldrecht rests on no consent', async () => {
    const t = await nieuwTraject(v);
    const eind = await beantwoord(
      v,
      await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'veilig-thuis-rotterdam-rijnmond', doel: 'melding-veilig-thuis', gevraagdeGegevens: ['identificerend', 'gezondheid', 'uitbuiting'] }),
      VEILIG_THUIS,
    );
    const b = await v.call('verstrekkingen.complete', { id: eind.concept.id, version: eind.concept.version, besluit: besluitInvoer() });
    expect(b).toMatchObject({ uitkomst: 'toegestaan', grondslag: 'publieke-taak', toestemmingIds: [], velden: ['identificerend', 'uitbuiting', 'gezondheid'], staat: 'bruikbaar' });
  });
});

describe('four eyes, revocation and correction', () => {
  it('a decision that asks for four eyes is not usable until a second person approves with their own name', async () => {
    const { besluit } = await comenshaBesluit(v, { vierOgen: true });
    expect(besluit).toMatchObject({ vierOgen: true, staat: 'wacht-op-goedkeuring', redenen: [expect.stringMatching(/tweede persoon/)] });
    const zelf = await v.fail('verstrekkingen.approve', { besluitId: besluit.id, naam: ' testa  zorgcoördinator ', functie: 'privacy-officer' });
    expect(zelf.issues?.[0]).toMatchObject({ path: 'naam', message: expect.stringMatching(/tweede persoon/) });
    const goed = await v.call('verstrekkingen.approve', { besluitId: besluit.id, naam: 'Tweede Testpersoon', functie: 'privacy-officer' });
    expect(goed).toMatchObject({ staat: 'bruikbaar', goedkeuring: { naam: 'Tweede Testpersoon', functie: 'privacy-officer' } });
    expect((await v.fail('verstrekkingen.approve', { besluitId: besluit.id, naam: 'Derde Testpersoon', functie: 'zorgcoordinator' })).code).toBe('CONFLICT');
    const zonder = await comenshaBesluit(v);
    expect((await v.fail('verstrekkingen.approve', { besluitId: zonder.besluit.id, naam: 'Tweede Testpersoon', functie: 'privacy-officer' })).issues?.[0]?.message).toBe('Dit besluit vraagt geen vier-ogencontrole');
    const regels = (await v.call('verstrekkingen.register', { filter: { soort: 'goedkeuring' } })).items;
    expect(regels).toHaveLength(1);
    expect(regels[0]).toMatchObject({ besluitId: besluit.id, reden: 'Goedgekeurd door Tweede Testpersoon (privacy officer)', verwijstNaar: expect.any(String) });
  });

  it('a revoked decision stays as it was and can no longer be used', async () => {
    const { besluit } = await comenshaBesluit(v);
    const in_ = await v.call('verstrekkingen.revoke', { besluitId: besluit.id, reden: 'Cliënt wil het niet meer.' });
    expect(in_).toMatchObject({ staat: 'ingetrokken', ingetrokken: { reden: 'Cliënt wil het niet meer.' }, velden: besluit.velden, genomenOp: besluit.genomenOp });
    expect((await v.fail('verstrekkingen.revoke', { besluitId: besluit.id, reden: 'nog eens' })).code).toBe('CONFLICT');
  });

  it('a correction is a new decision that refers to the old one; the old one can no longer be used', async () => {
    const { besluit, trajectId } = await comenshaBesluit(v);
    const nieuw = await beantwoord(v, await v.call('verstrekkingen.createDraft', { trajectId, partnerId: 'comensha', doel: 'registratie-comensha', gevraagdeGegevens: ['identificerend'], vervangt: besluit.id }), COMENSHA_ANTWOORDEN);
    const b2 = await v.call('verstrekkingen.complete', { id: nieuw.concept.id, version: nieuw.concept.version, besluit: besluitInvoer() });
    expect(b2).toMatchObject({ vervangt: besluit.id, velden: ['identificerend'], staat: 'bruikbaar' });
    expect(await v.call('verstrekkingen.get', { id: besluit.id })).toMatchObject({ staat: 'vervangen', vervangenDoor: b2.id });
    const entries = (await v.call('verstrekkingen.register', { filter: { soort: 'besluit' } })).items;
    expect(entries.find((e) => e.besluitId === b2.id)?.verwijstNaar).toBe(entries.find((e) => e.besluitId === besluit.id)?.id);
    // Corrected once: a second correction of the same decision is refused; another traject or recipient too.
    expect((await v.fail('verstrekkingen.createDraft', { trajectId, partnerId: 'comensha', doel: 'registratie-comensha', vervangt: besluit.id })).code).toBe('CONFLICT');
    expect((await v.fail('verstrekkingen.createDraft', { trajectId, partnerId: 'ind', doel: 'verblijfsprocedure', vervangt: b2.id })).issues?.[0]?.path).toBe('vervangt');
  });
});

describe('append-only', () => {
  it('decisions, register entries and rule-set versions refuse UPDATE, DELETE and REPLACE', async () => {
    const { besluit } = await comenshaBesluit(v);
    for (const sql of [
      "UPDATE verstrekking_besluiten SET uitkomst = 'toegestaan', velden = '[\"bsn\"]'",
      'DELETE FROM verstrekking_besluiten',
      "UPDATE verstrekking_onderbouwing SET data = '{}'",
      'DELETE FROM verstrekking_onderbouwing',
      "UPDATE verstrekkingen_register SET soort = 'pakket'",
      'DELETE FROM verstrekkingen_register',
      "UPDATE stappenplan_versies SET inhoud = '{}'",
      'DELETE FROM stappenplan_versies',
      `REPLACE INTO verstrekking_besluiten SELECT * FROM verstrekking_besluiten WHERE id = '${besluit.id}'`,
    ]) {
      expect(() => v.db.prepare(sql).run(), sql).toThrow(/append-only/);
    }
    expect((await v.call('verstrekkingen.get', { id: besluit.id })).velden).toEqual(besluit.velden);
  });

  it('a partner a decision or draft names is in use: it can be retired, never removed', async () => {
    const { besluit } = await comenshaBesluit(v);
    const comensha = (await v.call('partners.list', {})).partners.find((p) => p.id === besluit.ontvanger.partnerId)!;
    expect(comensha.inGebruik).toBe(true);
    expect((await v.fail('partners.remove', { id: comensha.id, version: comensha.version })).code).toBe('PARTNER_IN_USE');
    const t = await nieuwTraject(v);
    await v.call('verstrekkingen.createDraft', { trajectId: t.trajectId, partnerId: 'coa', doel: 'verblijfsprocedure' });
    const coa = (await v.call('partners.list', {})).partners.find((p) => p.id === 'coa')!;
    expect(coa.inGebruik).toBe(true);
    expect((await v.fail('partners.remove', { id: 'coa', version: coa.version })).code).toBe('PARTNER_IN_USE');
  });
});
