import type { SearchKind } from '../../../shared/casework/query.schema';
import { clientIndexTextOf } from './clienten.repo';
import { journaalIndexTextOf } from './journaal.repo';
import { meldingIndexTextOf } from './meldingen.repo';
import { trajectIndexTextOf } from './trajecten.repo';
import { clientNames, type IndexText } from './search.repo';
import type { Db } from '../db/sql';

const textOf: Record<SearchKind, (db: Db, id: string) => IndexText> = {
  client: clientIndexTextOf,
  traject: trajectIndexTextOf,
  melding: meldingIndexTextOf,
  journaal: journaalIndexTextOf,
};

/**
 * Verifies the full-text index against the records: rebuilds, in a temporary table, the index
 * the stored records should have, and compares every term's document and occurrence counts
 * with the live index. A contentless FTS5 index cannot check this itself, and a delete with
 * text that differs from what was indexed would leave stale terms behind. Returns the terms
 * that differ (empty when the index is exact). For tests and `kk vault check`-style audits.
 */
export function verifySearchIndex(db: Db): string[] {
  db.exec(`
    DROP TABLE IF EXISTS temp.kk_fts_expected;
    CREATE VIRTUAL TABLE temp.kk_fts_expected USING fts5 (naam, tekst, content = '', tokenize = 'unicode61 remove_diacritics 2');
    DROP TABLE IF EXISTS temp.kk_vocab_live;
    DROP TABLE IF EXISTS temp.kk_vocab_expected;
    CREATE VIRTUAL TABLE temp.kk_vocab_live USING fts5vocab(main, 'search_fts', 'row');
    CREATE VIRTUAL TABLE temp.kk_vocab_expected USING fts5vocab(temp, 'kk_fts_expected', 'row');
    DROP TABLE IF EXISTS temp.kk_names_expected;
    DROP TABLE IF EXISTS temp.kk_nvocab_live;
    DROP TABLE IF EXISTS temp.kk_nvocab_expected;
    CREATE VIRTUAL TABLE temp.kk_names_expected USING fts5 (naam, content = '', tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE temp.kk_nvocab_live USING fts5vocab(main, 'name_fts', 'row');
    CREATE VIRTUAL TABLE temp.kk_nvocab_expected USING fts5vocab(temp, 'kk_names_expected', 'row');
  `);
  try {
    const insert = db.prepare('INSERT INTO temp.kk_fts_expected (rowid, naam, tekst) VALUES (?, ?, ?)');
    const insertName = db.prepare('INSERT INTO temp.kk_names_expected (rowid, naam) VALUES (?, ?)');
    for (const doc of db.prepare('SELECT rowid, kind, entity_id AS id FROM search_docs').all() as Array<{ rowid: number; kind: SearchKind; id: string }>) {
      const text = textOf[doc.kind](db, doc.id);
      insert.run(doc.rowid, text.naam, text.tekst);
      if (doc.kind === 'client') {
        const c = db.prepare('SELECT roepnaam, achternaam FROM clienten WHERE id = ?').get(doc.id) as { roepnaam: string; achternaam: string | null };
        insertName.run(doc.rowid, clientNames(c.roepnaam, c.achternaam));
      }
    }
    const rows = db
      .prepare(
        `SELECT term FROM (SELECT term, doc, cnt FROM temp.kk_vocab_live EXCEPT SELECT term, doc, cnt FROM temp.kk_vocab_expected)
         UNION SELECT term FROM (SELECT term, doc, cnt FROM temp.kk_vocab_expected EXCEPT SELECT term, doc, cnt FROM temp.kk_vocab_live)
         UNION SELECT 'naam:' || term FROM (SELECT term, doc, cnt FROM temp.kk_nvocab_live EXCEPT SELECT term, doc, cnt FROM temp.kk_nvocab_expected)
         UNION SELECT 'naam:' || term FROM (SELECT term, doc, cnt FROM temp.kk_nvocab_expected EXCEPT SELECT term, doc, cnt FROM temp.kk_nvocab_live)`,
      )
      .all() as Array<{ term: string }>;
    return rows.map((r) => r.term);
  } finally {
    db.exec(`DROP TABLE IF EXISTS temp.kk_vocab_live; DROP TABLE IF EXISTS temp.kk_vocab_expected; DROP TABLE IF EXISTS temp.kk_fts_expected;
      DROP TABLE IF EXISTS temp.kk_nvocab_live; DROP TABLE IF EXISTS temp.kk_nvocab_expected; DROP TABLE IF EXISTS temp.kk_names_expected;`);
  }
}
