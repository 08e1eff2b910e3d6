import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectRegios } from './caseSelectors';
import { SelectField } from '../../components/formBits';
import { gemeenteOptions } from './options';

/** The regions with their gemeenten, for pick lists; asks the core for them once they are needed. */
export function useRegios() {
  const regios = useAppStore(selectRegios);
  const { loadGemeenten } = useAppStoreShallow(selectCaseActions);
  useEffect(() => {
    void loadGemeenten();
  }, [loadGemeenten]);
  return regios;
}

/** The gemeente filter of a list: all, then onbekend, buiten de regio and the gemeenten of both regions. */
export function GemeenteFilter({ label, value, onChange }: { label: string; value: string | undefined; onChange: (gemeente: string | undefined) => void }) {
  const { t } = useT();
  const regios = useRegios();
  return (
    <SelectField
      label={label}
      name="gemeente"
      value={value ?? ''}
      onChange={(v) => onChange(v || undefined)}
      options={[{ value: '', label: t('cw.all') }, ...gemeenteOptions(t, regios).slice(1)]}
    />
  );
}

/** A filter with `patch` applied; a field set to undefined is left out (so "all" leaves no trace in a saved view). */
export function patchedFilter<F extends object>(filter: F, patch: Partial<F>): F {
  const next = { ...filter, ...patch };
  for (const key of Object.keys(next) as (keyof F)[]) if (next[key] === undefined) delete next[key];
  return next;
}
