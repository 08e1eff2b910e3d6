import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newTraject, openTestVault, today, type TestVault } from './helpers';
import { verifySearchIndex } from '../../../electron/core/casework/indexCheck';

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
  it('finds new journal text by word prefix, accent-insensitive, and labels the hit by pseudonym only', async () => {
    const t = await newTraject(v);
    await v.call('journaal.add', { trajectId: t.trajectId, tekst: 'Gesprek over de coördinatie met de advocaat in Schiedam' });
    const hits = (await v.call('search.query', { q: 'coordin schied' })).hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'journaal', trajectId: t.trajectId, clientId: t.clientId });
    expect(hits[0]?.label).toBe(`Journaal ${t.pseudoniem} ${today}`);
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
