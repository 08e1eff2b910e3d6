import type { SavedView } from '../../../shared/casework/query.schema';
import { toApiError, type ApiError } from '../../platform/api';
import { caseSlice } from '../../store/caseData';

/** The lists a saved view can belong to on these screens. */
export type ViewList = 'trajecten' | 'meldingen';

export interface ViewsSlice {
  savedViews: SavedView[];
  /** The last refusal of a saved-view action (load, save, delete). */
  viewsError: ApiError | null;
  loadViews(): Promise<void>;
  /** Saves the current filter of `lijst` under a name. */
  saveView(naam: string, lijst: ViewList): Promise<boolean>;
  /** Makes a saved view's filter the filter of its own list. */
  applyView(view: SavedView): void;
  deleteView(id: string): Promise<boolean>;
}

/** Saved views: named filters of the trajecten and meldingen lists. */
export const viewsSlice = caseSlice<ViewsSlice>()(
  () => ({ savedViews: [] as SavedView[], viewsError: null as ApiError | null }),
  (api) => (set, get) => ({
    async loadViews() {
      try {
        const { views } = await api.call('views.list', {});
        set({ savedViews: views, viewsError: null });
      } catch (error) {
        set({ viewsError: toApiError(error) });
      }
    },

    async saveView(naam, lijst) {
      try {
        const definitie = lijst === 'trajecten' ? { lijst, filter: get().trajectFilter } : { lijst, filter: get().meldingFilter };
        await api.call('views.save', { naam, definitie });
        await get().loadViews();
        return true;
      } catch (error) {
        set({ viewsError: toApiError(error) });
        return false;
      }
    },

    applyView(view) {
      const { definitie } = view;
      if (definitie.lijst === 'trajecten') get().setTrajectFilter({ ...definitie.filter });
      else if (definitie.lijst === 'meldingen') get().setMeldingFilter({ ...definitie.filter });
    },

    async deleteView(id) {
      try {
        await api.call('views.delete', { id });
        await get().loadViews();
        return true;
      } catch (error) {
        set({ viewsError: toApiError(error) });
        return false;
      }
    },
  }),
);
