import type { CaseSlice } from '../../store/caseData';
import { caseNavSlice, type CaseNavSlice } from './caseNav.slice';
import { clientenSlice, type ClientenSlice } from './clienten.slice';
import { meldingenSlice, type MeldingenSlice } from './meldingen.slice';
import { overviewSlice, type OverviewSlice } from './overview.slice';
import { trajectenSlice, type TrajectenSlice } from './trajecten.slice';
import { viewsSlice, type ViewsSlice } from './views.slice';

/** Everything the casework screens keep in the store. */
export type CaseworkSlice = CaseNavSlice & TrajectenSlice & ClientenSlice & ViewsSlice & MeldingenSlice & OverviewSlice;

/** The casework slices; each holds case data, so the app store clears each on lock. */
export const caseworkSlices: readonly CaseSlice<object>[] = [caseNavSlice, trajectenSlice, clientenSlice, viewsSlice, meldingenSlice, overviewSlice];
