import type { Migration } from '../migration';

/**
 * `trajecten.categorie` goes (review): since migration 0060 the monitor derives a traject's
 * category from its facts (preventief, vormen) by the rules in resources/ at the moment it
 * counts, so the stored copy was written on every insert and update and never read, and it
 * could only drift from those rules. No index, trigger, view or constraint names the column
 * (the count rules group by fase, preventief, vormen, minderjarig and the years), so SQLite's
 * DROP COLUMN is enough: the table keeps its other columns, rows, rowids, indexes and triggers.
 */
export const trajectenZonderCategorie: Migration = {
  version: 130,
  name: 'trajecten without the unused categorie column',
  up(db) {
    db.exec('ALTER TABLE trajecten DROP COLUMN categorie');
  },
};
