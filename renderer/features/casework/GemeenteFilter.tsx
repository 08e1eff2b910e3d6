import { Select, SelectOption } from '@utrecht/component-library-react';
import { gemeenten } from '../../../shared/casework/gemeenten';
import type { Regio } from '../../../shared/casework/gemeenten.schema';
import { useT } from '../../i18n/useT';
import { useAppStore } from '../../store/StoreProvider';
import { selectDashboard } from './caseSelectors';
import { selectProfiel } from '../profile/profileSelectors';
import { FieldShell } from '../../components/formBits';
import { GemeenteOptions } from '../../components/GemeenteSelect';

/**
 * The region whose gemeenten the pick lists put first: the vault profile's region; without a
 * profile the region of the dashboard's figures, and Rotterdam (the core's default) until then.
 * Only the grouping depends on it: every gemeente can be chosen in every region.
 */
export function useWerkRegio(): Regio {
  const profiel = useAppStore((s) => selectProfiel(s)?.regio);
  const naam = useAppStore((s) => selectDashboard(s)?.monitor.regio);
  return profiel ?? gemeenten.regios.find((r) => r.naam === naam)?.regio ?? 'rotterdam';
}

/**
 * The gemeente filter of a list: "Alle", then the groups of the gemeente pick list (centrumgemeente,
 * the region, the unknown answers incl. the older "buiten de regio", every other gemeente).
 */
export function GemeenteFilter({ label, value, onChange }: { label: string; value: string | undefined; onChange: (gemeente: string | undefined) => void }) {
  const { t } = useT();
  const regio = useWerkRegio();
  // A saved view may name a gemeente the list writes differently now: it stays selectable as it is.
  const shown = value ?? '';
  return (
    <FieldShell label={label}>
      {({ id, describedBy }) => (
        <Select id={id} name="gemeente" value={shown} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value || undefined)}>
          <SelectOption value="">{t('cw.all')}</SelectOption>
          <GemeenteOptions regio={regio} shown={shown} buitenRegio />
        </Select>
      )}
    </FieldShell>
  );
}

/** A filter with `patch` applied; a field set to undefined is left out (so "all" leaves no trace in a saved view). */
export function patchedFilter<F extends object>(filter: F, patch: Partial<F>): F {
  const next = { ...filter, ...patch };
  for (const key of Object.keys(next) as (keyof F)[]) if (next[key] === undefined) delete next[key];
  return next;
}
