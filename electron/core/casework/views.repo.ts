import { SavedView, ViewDefinition } from '../../../shared/casework/query.schema';
import { recordChange } from './changeKinds';
import { stmt, type Db } from '../db/sql';
import { found } from '../db/records';
import { type WriteContext } from '../changelog/writeContext';

/** Saves a named view, or replaces the one with this id. */
export function saveView(db: Db, ctx: WriteContext, view: { id?: string | undefined; naam: string; definitie: ViewDefinition }): SavedView {
  if (view.id) {
    found(stmt(db, 'SELECT 1 FROM saved_views WHERE id = ?').get(view.id), 'view');
    stmt(db, 'UPDATE saved_views SET naam = ?, definitie = ?, updated_at = ? WHERE id = ?').run(view.naam, JSON.stringify(view.definitie), ctx.now, view.id);
    recordChange(db, ctx, 'view', view.id, 'update', ['naam', 'definitie']);
    return { id: view.id, naam: view.naam, definitie: view.definitie };
  }
  const id = ctx.newId();
  stmt(db, 'INSERT INTO saved_views (id, naam, definitie, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, view.naam, JSON.stringify(view.definitie), ctx.now, ctx.now);
  recordChange(db, ctx, 'view', id, 'create', ['naam', 'definitie']);
  return { id, naam: view.naam, definitie: view.definitie };
}

/** All saved views by name. A view that no longer fits the schema is left out rather than breaking the list. */
export function listViews(db: Db): SavedView[] {
  const rows = stmt(db, 'SELECT id, naam, definitie FROM saved_views ORDER BY naam COLLATE NOCASE, id').all() as Array<{ id: string; naam: string; definitie: string }>;
  return rows.flatMap((r) => {
    const parsed = ViewDefinition.safeParse(JSON.parse(r.definitie));
    return parsed.success ? [SavedView.parse({ id: r.id, naam: r.naam, definitie: parsed.data })] : [];
  });
}

/** Removes a saved view. */
export function deleteView(db: Db, ctx: WriteContext, id: string): void {
  found(stmt(db, 'SELECT 1 FROM saved_views WHERE id = ?').get(id), 'view');
  stmt(db, 'DELETE FROM saved_views WHERE id = ?').run(id);
  recordChange(db, ctx, 'view', id, 'delete', []);
}
