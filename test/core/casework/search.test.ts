import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTraject, openTestVault, today, type TestVault } from './helpers';
import { verifySearchIndex } from '../../../electron/core/casework/indexCheck';
import { snippetAround } from '../../../electron/core/casework/search.repo';

let v: TestVault;
beforeEach(() => {
  v = openTestVault();
});
afterEach(() => {
  try {
    // After every insert, replace and secure delete, the index holds exactly the records' text.
    expect(verifySearchIndex(v.db)).toEqual([]);
    v.db.exec(`INSERT INTO search_fts (search_fts) VALUES ('integrity-check')`);
  } finally {
    v.close();
  }
});

// Looks in the raw pages of the FTS index (inside the encrypted database) for the bytes of a word.
// Without secure delete, FTS5 keeps a deleted word there until a later merge.
const inIndex = (term: string) =>
  (v.db.prepare('SELECT block FROM search_fts_data').all() as Array<{ block: Uint8Array | null }>).some((r) => r.block !== null && Buffer.from(r.block).includes(term));

describe('full-text search', () => {
  it('has secure-delete switched on in the index configuration', () => {
    expect(v.db.prepare(`SELECT v FROM search_fts_config WHERE k = 'secure-delete'`).get()).toEqual({ v: 1 });
  });
  it('finds new journal text by word prefix, accent-insensitive, with its pseudonym, its date as a field and a snippet', async () => {
    const t = await newTraject(v);
    await v.call('journaal.add', { trajectId: t.trajectId, tekst: 'Gesprek over de coördinatie met de advocaat in Schiedam' });
    const { hits, totaal } = await v.call('search.query', { q: 'coordin schied' });
    expect(totaal).toBe(1);
    expect(hits).toEqual([
      {
        kind: 'journaal',
        id: expect.any(String),
        trajectId: t.trajectId,
        clientId: t.clientId,
        pseudoniem: t.pseudoniem,
        datum: today,
        fase: null,
        snippet: { voor: 'Gesprek over de ', treffer: 'coördinatie', na: ' met de advocaat in Schiedam' },
      },
    ]);
  });
  it('no longer finds changed or deleted text, and the words are gone from the index itself (secure delete)', async () => {
    const t = await newTraject(v);
    const j = await v.call('journaal.add', { trajectId: t.trajectId, tekst: 'eerste versie met woordalfa' });
    expect(inIndex('woordalfa')).toBe(true);
    const u = await v.call('journaal.update', { id: j.id, version: j.version, tekst: 'tweede versie met woordbeta' });
    expect((await v.call('search.query', { q: 'woordalfa' })).hits).toHaveLength(0);
    expect((await v.call('search.query', { q: 'woordbeta' })).hits).toHaveLength(1);
    expect(inIndex('woordalfa')).toBe(false);
    await v.call('journaal.delete', { id: u.id, version: u.version });
    expect((await v.call('search.query', { q: 'woordbeta' })).hits).toHaveLength(0);
    expect(inIndex('woordbeta')).toBe(false);
    expect((await v.call('journaal.list', { trajectId: t.trajectId })).total).toBe(0);
  });
  it('finds cliënten by name and follows a name change', async () => {
    const t = await newTraject(v, {}, { roepnaam: 'Xandria', achternaam: 'Qualo' });
    expect((await v.call('search.query', { q: 'xandria', kinds: ['client'] })).hits.map((h) => h.id)).toEqual([t.clientId]);
    const c = await v.call('clienten.get', { id: t.clientId });
    await v.call('clienten.update', { id: c.id, version: c.version, fields: { roepnaam: 'Yolinde' } });
    expect((await v.call('search.query', { q: 'xandria' })).hits).toHaveLength(0);
    expect(inIndex('xandria')).toBe(false);
    expect((await v.call('search.query', { q: 'yolinde' })).hits).toHaveLength(1);
  });
  it('searches meldingen and trajecten, and filters by kind', async () => {
    await v.call('meldingen.create', { fields: { datum: today, kanaal: 'email', anoniem: true, melderType: 'burger', gemeente: 'onbekend', vorm: 'onbekend', signaal: 'nagelstudio met slaapplaats boven' } });
    await newTraject(v, { notities: 'werkt in een nagelstudio' });
    expect((await v.call('search.query', { q: 'nagelstudio' })).hits.map((h) => h.kind).sort()).toEqual(['melding', 'traject']);
    expect((await v.call('search.query', { q: 'nagelstudio', kinds: ['melding'] })).hits.map((h) => h.kind)).toEqual(['melding']);
  });
  it('treats FTS syntax in the query as plain words (no injection, no error)', async () => {
    await newTraject(v, { notities: 'gewoon woord' });
    for (const q of ['"', 'NEAR(a b)', 'a OR b*', '{tekst}:x', '*', 'gewoon" OR "x']) {
      const r = await v.call('search.query', { q });
      expect(Array.isArray(r.hits)).toBe(true);
    }
    expect((await v.call('search.query', { q: 'gewoon" OR "x' })).hits).toHaveLength(0);
  });
});

describe('search results people can take in (issue 13)', () => {
  it('counts every match beyond the first page, also per kind', async () => {
    const t = await newTraject(v, { notities: 'het woord telwoord staat ook hier' });
    for (let i = 0; i < 130; i++) await v.call('journaal.add', { trajectId: t.trajectId, tekst: `notitie ${i} met telwoord` });
    const page = await v.call('search.query', { q: 'telwoord', limit: 100 });
    expect(page.hits).toHaveLength(100);
    expect(page.totaal).toBe(131);
    expect((await v.call('search.query', { q: 'telwoord', kinds: ['traject'] })).totaal).toBe(1);
    expect(await v.call('search.query', { q: 'nergensinwoord' })).toEqual({ hits: [], totaal: 0 });
  });
  it('puts the most relevant first (bm25): a name before a word in passing, many mentions before one, newest first among equals', async () => {
    const older = await newTraject(v, { notities: 'relevantwoord relevantwoord relevantwoord in een korte notitie' });
    const named = await newTraject(v, {}, { roepnaam: 'Relevantwoord' });
    const newer = await newTraject(v, { notities: 'een lange notitie waarin het relevantwoord een keer voorkomt tussen veel andere woorden over van alles en nog wat' });
    const twin = await newTraject(v, { notities: 'een lange notitie waarin het relevantwoord een keer voorkomt tussen veel andere woorden over van alles en nog wat' });
    const hits = (await v.call('search.query', { q: 'relevantwoord' })).hits.map((h) => [h.kind, h.clientId]);
    expect(hits).toEqual([
      ['client', named.clientId],
      ['traject', older.clientId],
      ['traject', twin.clientId],
      ['traject', newer.clientId],
    ]);
  });
  it('cuts a short snippet around the match from free text, never from a name or a cliënt field, never more than the window', async () => {
    const long = `${'begin '.repeat(40)}daar staat het zoekwoordje midden in ${'einde '.repeat(40)}geheimestaart`;
    const t = await newTraject(v, { notities: long }, { roepnaam: 'Naamzoek', gezondheid: 'diabetes naamzoek' });
    await v.call('meldingen.create', {
      fields: { datum: today, kanaal: 'email', anoniem: false, melderType: 'burger', melderContact: { naam: 'Melder Naamzoek' }, gemeente: 'onbekend', vorm: 'onbekend', signaal: 'een signaal zonder dat woord' },
    });
    const hit = (await v.call('search.query', { q: 'zoekwoord' })).hits[0]!;
    expect(hit).toMatchObject({ kind: 'traject', pseudoniem: t.pseudoniem, fase: 'aanmelding', datum: null });
    expect(hit.snippet).toEqual({ voor: '…begin begin daar staat het ', treffer: 'zoekwoordje', na: ' midden in einde einde einde einde einde einde einde …' });
    const shown = `${hit.snippet!.voor}${hit.snippet!.treffer}${hit.snippet!.na}`;
    expect(shown.length).toBeLessThanOrEqual(95);
    expect(JSON.stringify(hit)).not.toContain('geheimestaart');
    // A name (the cliënt's, a reporter's) and a cliënt's health field give no snippet: only the code.
    const byName = (await v.call('search.query', { q: 'naamzoek' })).hits;
    expect(byName.map((h) => [h.kind, h.snippet])).toEqual(expect.arrayContaining([['client', null], ['melding', null]]));
    expect(byName).toHaveLength(2);
    expect(JSON.stringify(byName)).not.toMatch(/Naamzoek|diabetes|Melder/i);
  });
  it('snippetAround: whole words, prefix and accent matching, ellipses only where the text goes on', () => {
    expect(snippetAround('Een kort stuk tekst.', 'kort')).toEqual({ voor: 'Een ', treffer: 'kort', na: ' stuk tekst.' });
    expect(snippetAround('Zij belde met de Coördinator.', 'coord')).toEqual({ voor: 'Zij belde met de ', treffer: 'Coördinator', na: '.' });
    expect(snippetAround('regel een\n\n  regel   twee', 'twee')).toEqual({ voor: 'regel een regel ', treffer: 'twee', na: '' });
    expect(snippetAround('nergens', 'iets')).toBeNull();
    expect(snippetAround('woord', '"*')).toBeNull();
    const cut = snippetAround(`${'a'.repeat(50)} b c treffer d ${'e'.repeat(100)}`, 'treffer')!;
    expect(cut).toEqual({ voor: '…b c ', treffer: 'treffer', na: ' d …' });
  });
});

describe('index verification', () => {
  it('notices a stale term that a wrong delete would leave behind', async () => {
    const t = await newTraject(v);
    const j = await v.call('journaal.add', { trajectId: t.trajectId, tekst: 'eerste woordgamma' });
    const rowid = (v.db.prepare(`SELECT rowid FROM search_docs WHERE entity_id = ?`).get(j.id) as { rowid: number }).rowid;
    // Simulate a repository bug: the text is changed without removing the old terms from the index.
    v.db.prepare(`UPDATE journaal SET tekst = 'tweede woorddelta' WHERE id = ?`).run(j.id);
    expect(verifySearchIndex(v.db).sort()).toEqual(['tweede', 'woorddelta', 'woordgamma', 'eerste'].sort());
    // Repair, so the afterEach check sees a consistent index again.
    v.db.prepare(`INSERT INTO search_fts (search_fts, rowid, naam, tekst) VALUES ('delete', ?, '', 'eerste woordgamma')`).run(rowid);
    v.db.prepare(`INSERT INTO search_fts (rowid, naam, tekst) VALUES (?, '', 'tweede woorddelta')`).run(rowid);
  });
});

describe('quick switcher', () => {
  it('finds a cliënt and its trajecten by pseudonym prefix or by name', async () => {
    const t = await newTraject(v, {}, { roepnaam: 'Wendeline', achternaam: 'Proefmans' });
    await newTraject(v, {}, { roepnaam: 'Andere' });
    const byCode = (await v.call('quickSwitch.query', { q: t.pseudoniem.slice(0, 6).toLowerCase() })).hits;
    expect(byCode.some((h) => h.kind === 'traject' && h.id === t.trajectId)).toBe(true);
    expect(byCode.every((h) => h.pseudoniem.startsWith(t.pseudoniem.slice(0, 6)))).toBe(true);
    const byName = (await v.call('quickSwitch.query', { q: 'proefm' })).hits;
    expect(byName.map((h) => [h.kind, h.id])).toEqual([
      ['client', t.clientId],
      ['traject', t.trajectId],
    ]);
    expect(byName[0]?.naam).toBe('Wendeline Proefmans');
    // A word from notes is not a name: the quick switcher does not search text.
    await newTraject(v, { notities: 'Proefmans als woord in een notitie' }, { roepnaam: 'Derde' });
    expect((await v.call('quickSwitch.query', { q: 'proefm' })).hits.filter((h) => h.kind === 'client')).toHaveLength(1);
  });
});
