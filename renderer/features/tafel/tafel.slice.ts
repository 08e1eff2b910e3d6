import type { CaseSlice } from '../../store/caseData';
import { tafelModusSlice, type TafelModusSlice } from './modus.slice';
import { tafelReleaseSlice, type TafelReleaseSlice } from './release.slice';
import { tafelSamenvoegenSlice, type TafelSamenvoegenSlice } from './samenvoegen.slice';

export type { TafelScreen } from './release.slice';

/** The Regionale Tafel area's state: releases, the organisation's combine step, and tafel mode. */
export type TafelSlice = TafelReleaseSlice & TafelSamenvoegenSlice & TafelModusSlice;

const delen: readonly CaseSlice<object>[] = [tafelReleaseSlice, tafelSamenvoegenSlice, tafelModusSlice];

/**
 * The area's slices joined into one case slice (so the app store registers the area once): the
 * data of all three is case data, dropped together on lock.
 */
export const tafelSlice: CaseSlice<TafelSlice> = {
  caseData: () => Object.assign({}, ...delen.map((d) => d.caseData())) as Partial<TafelSlice>,
  create: (api) => (set, get, store) => Object.assign({}, ...delen.map((d) => d.create(api)(set, get, store))) as TafelSlice,
};
