import { Select, SelectOption } from '@utrecht/component-library-react';
import { useMemo, type ReactNode } from 'react';
import {
  GEMEENTE_BUITEN_REGIO,
  GEMEENTE_ONBEKEND,
  GEMEENTE_ONBEKEND_IN_REGIO,
  gemeenteKeuzes,
  huidigeGemeentenaam,
  isGemeenteSpeciaal,
  isKnownGemeente,
} from '../../shared/casework/gemeenten';
import type { Regio } from '../../shared/casework/gemeenten.schema';
import { useT } from '../i18n/useT';
import { FieldShell } from './formBits';

export interface GemeenteSelectProps {
  /** The region whose centrumgemeente and gemeenten come first. */
  regio: Regio;
  /** A CBS gemeente name, `onbekend`, `onbekend-in-regio`, `buiten-regio`, or '' for nothing chosen yet. */
  value: string;
  onChange(value: string): void;
  /** The select's id (FieldShell's label points at it). */
  id: string;
  name?: string | undefined;
  /** The ids of the hint and error message (FieldShell's `describedBy`). */
  describedBy?: string | undefined;
  /** The id of a visible label elsewhere, when there is no `<label for>`. */
  labelledBy?: string | undefined;
  invalid?: boolean | undefined;
  disabled?: boolean | undefined;
  /** Offer "Kies een gemeente" (value '') first; on by default. */
  prompt?: boolean | undefined;
}

/**
 * The gemeente pick list of a region: a native `<select>` (keyboard and screen readers work as
 * everywhere) with the CBS list in groups: the centrumgemeente, the other gemeenten of the region,
 * "onbekend" and "onbekend, wel een gemeente uit de regio", then every other gemeente of the
 * Netherlands. The unknown answers come before the long list so they are never hidden under 300
 * names. A stored value the list no longer offers (the older `buiten-regio`, or a name CBS now
 * writes differently) is still shown as it is, so opening and saving a record never changes it.
 */
export function GemeenteSelect({ regio, value, onChange, id, name, describedBy, labelledBy, invalid, disabled, prompt = true }: GemeenteSelectProps) {
  const { t } = useT();
  const shown = isKnownGemeente(value) ? huidigeGemeentenaam(value) : value;
  return (
    <Select
      id={id}
      name={name}
      value={shown}
      disabled={disabled}
      invalid={invalid}
      aria-describedby={describedBy}
      aria-labelledby={labelledBy}
      onChange={(event) => onChange(event.target.value)}
    >
      {prompt || shown === '' ? <SelectOption value="">{t('gemeenteSelect.choose')}</SelectOption> : null}
      <GemeenteOptions regio={regio} shown={shown} buitenRegio={shown === GEMEENTE_BUITEN_REGIO} />
    </Select>
  );
}

/**
 * The options of a gemeente list after its first one, in the groups of GemeenteSelect: a value
 * `shown` that the list does not offer as it is first (so it is kept), then the centrumgemeente,
 * the region, the unknown answers (with the older "buiten de regio" where `buitenRegio`), and
 * every other gemeente. The one definition for the pick list and the lists' filter.
 */
export function GemeenteOptions({ regio, shown, buitenRegio }: { regio: Regio; shown: string; buitenRegio: boolean }) {
  const { t, language } = useT();
  const keuzes = useMemo(() => gemeenteKeuzes(regio), [regio]);
  // Gemeente names are Dutch whatever the language of the screen.
  const nameLang = language === 'nl' ? undefined : 'nl';
  const unlisted = shown !== '' && !isGemeenteSpeciaal(shown) && !isKnownGemeente(shown);
  const names = (list: readonly string[]): ReactNode =>
    list.map((g) => (
      <SelectOption key={g} value={g} lang={nameLang}>
        {g}
      </SelectOption>
    ));
  return (
    <>
      {unlisted ? <SelectOption value={shown}>{shown}</SelectOption> : null}
      <optgroup label={t('gemeenteSelect.group.centrum')}>{names([keuzes.centrumgemeente])}</optgroup>
      <optgroup label={t('gemeenteSelect.group.regio')}>{names(keuzes.regio)}</optgroup>
      <optgroup label={t('gemeenteSelect.group.onbekend')}>
        <SelectOption value={GEMEENTE_ONBEKEND}>{t('gemeenteSelect.onbekend')}</SelectOption>
        <SelectOption value={GEMEENTE_ONBEKEND_IN_REGIO}>{t('gemeenteSelect.onbekendInRegio')}</SelectOption>
        {buitenRegio ? <SelectOption value={GEMEENTE_BUITEN_REGIO}>{t('gemeenteSelect.buitenRegio')}</SelectOption> : null}
      </optgroup>
      <optgroup label={t('gemeenteSelect.group.buiten')}>{names(keuzes.buiten)}</optgroup>
    </>
  );
}

/** GemeenteSelect with its label, hint and error message, laid out like SelectField in formBits. */
export function GemeenteField(props: {
  label: string;
  regio: Regio;
  value: string;
  onChange(value: string): void;
  name: string;
  hint?: ReactNode;
  error?: string | undefined;
  badge?: ReactNode;
  optional?: boolean | undefined;
  disabled?: boolean | undefined;
}) {
  const { regio, value, onChange, name, disabled, ...shell } = props;
  return (
    <FieldShell {...shell}>
      {({ id, describedBy, invalid }) => <GemeenteSelect id={id} regio={regio} value={value} onChange={onChange} name={name} describedBy={describedBy} invalid={invalid} disabled={disabled} />}
    </FieldShell>
  );
}
