import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import { TrajectFields, trajectFieldSensitivity, type Traject } from '../../../shared/casework/traject.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectClient, selectClientWrite } from './caseSelectors';
import { useWerkRegio } from './GemeenteFilter';
import { CheckboxField, CheckboxGroup, ErrorSummary, type FieldErrors, SelectField, serverErrors, todayIso, validateWith } from '../../components/formBits';
import { DateField } from '../../components/DateField';
import { GemeenteField } from '../../components/GemeenteSelect';
import { SubmitRow } from '../../components/screenBits';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { JaNeeOnbekendField, Pseudonym, SensitivityBadge } from './caseBits';
import { fromJaNeeOnbekend, type JaNeeOnbekend, optionLists, toJaNeeOnbekend } from './options';

/** The start facts of a traject as a form edits them ('' for minderjarig: not chosen yet). */
export interface TrajectStart {
  preventief: boolean;
  minderjarigBijStart: JaNeeOnbekend | '';
  gemeente: string;
  verwijzer: string;
  aanmelddatum: string;
  vormen: Uitbuitingsvorm[];
}

/** The start facts the traject form edits, as the core stores them (a patch of exactly these). */
export type TrajectStartFacts = Pick<TrajectFields, 'preventief' | 'vormen' | 'minderjarigBijStart' | 'gemeente' | 'verwijzer' | 'aanmelddatum'>;

/** An empty start form (today; gemeente and minderjarig still to be chosen). */
export function emptyTrajectStart(): TrajectStart {
  return { preventief: false, minderjarigBijStart: '', gemeente: '', verwijzer: 'zorg', aanmelddatum: todayIso(), vormen: [] };
}

/** The start form of a stored traject. */
export function trajectStartOf(tr: Pick<Traject, 'preventief' | 'minderjarigBijStart' | 'gemeente' | 'verwijzer' | 'aanmelddatum' | 'vormen'>): TrajectStart {
  return { preventief: tr.preventief, minderjarigBijStart: toJaNeeOnbekend(tr.minderjarigBijStart), gemeente: tr.gemeente, verwijzer: tr.verwijzer, aanmelddatum: tr.aanmelddatum, vormen: tr.vormen };
}

/** The fields of a new traject: gemeente, referrer, date, minor (ja / nee / onbekend), preventive, forms. */
export function TrajectStartFields({ value, onChange, errors }: { value: TrajectStart; onChange(value: TrajectStart): void; errors: FieldErrors }) {
  const { t } = useT();
  const regio = useWerkRegio();
  return (
    <>
      <div className="kk-form-row">
        <GemeenteField label={t('cw.traject.gemeente')} name="gemeente" regio={regio} value={value.gemeente} onChange={(gemeente) => onChange({ ...value, gemeente })} error={errors.gemeente} />
        <SelectField label={t('cw.traject.verwijzer')} name="verwijzer" value={value.verwijzer} onChange={(verwijzer) => onChange({ ...value, verwijzer })} options={optionLists.verwijzer(t)} />
        <DateField label={t('cw.traject.aanmelddatum')} name="aanmelddatum" value={value.aanmelddatum} onChange={(aanmelddatum) => onChange({ ...value, aanmelddatum })} error={errors.aanmelddatum} />
      </div>
      <JaNeeOnbekendField
        legend={t('cw.trajectNew.minor')}
        hint={t('cw.trajectNew.minorHint')}
        name="minderjarigBijStart"
        value={value.minderjarigBijStart}
        onChange={(minderjarigBijStart) => onChange({ ...value, minderjarigBijStart })}
        error={errors.minderjarigBijStart}
      />
      <CheckboxField label={t('cw.trajectNew.preventief')} name="preventief" checked={value.preventief} onChange={(preventief) => onChange({ ...value, preventief })} />
      <CheckboxGroup legend={t('cw.traject.vormen')} hint={t('cw.traject.vormenHint')} name="vormen" values={value.vormen} options={optionLists.vorm(t)} onChange={(vormen) => onChange({ ...value, vormen })} error={errors.vormen} badge={<SensitivityBadge level={trajectFieldSensitivity.vormen} />} />
    </>
  );
}

/**
 * Checks the start facts with the shared TrajectFields schema (messages only; the core decides)
 * and returns exactly the start facts, so a change never touches opvang, procedures or police contacts.
 */
export function checkTrajectStart(value: TrajectStart, t: Parameters<typeof validateWith>[2]): { ok: true; data: TrajectStartFacts } | { ok: false; errors: FieldErrors } {
  // Not answered is not "onbekend": the person chooses (the schema would take a missing value as onbekend).
  const ageMissing = value.minderjarigBijStart === '';
  const minderjarigBijStart = value.minderjarigBijStart === '' ? undefined : fromJaNeeOnbekend(value.minderjarigBijStart);
  const result = validateWith(TrajectFields, { ...value, minderjarigBijStart }, t);
  if (result.ok && !ageMissing) {
    const { preventief, vormen, gemeente, verwijzer, aanmelddatum } = result.data;
    return { ok: true, data: { preventief, vormen, minderjarigBijStart: result.data.minderjarigBijStart, gemeente, verwijzer, aanmelddatum } };
  }
  const errors = result.ok ? {} : { ...result.errors };
  if (!value.gemeente) errors.gemeente = t('cw.trajectNew.gemeenteMissing');
  if (!value.aanmelddatum) errors.aanmelddatum = t('cw.trajectNew.dateMissing');
  if (ageMissing) errors.minderjarigBijStart = t('cw.trajectNew.minorMissing');
  return { ok: false as const, errors };
}

/** Starts a traject for a cliënt (after registering the cliënt). */
export function TrajectNewScreen({ clientId }: { clientId: string }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const client = useAppStore(selectClient);
  const write = useAppStore(selectClientWrite);
  const { createTraject } = useAppStoreShallow(selectCaseActions);
  const { form: value, setForm: setValue, errors, submit } = useCheckedForm<TrajectStart, TrajectStartFacts>(emptyTrajectStart(), {
    check: (v) => checkTrajectStart(v, t),
    save: (fields) => createTraject(clientId, fields),
  });

  const shown = { ...serverErrors(write.error), ...errors };
  return (
    <form className="kk-subpage" onSubmit={submit} noValidate aria-labelledby="kk-traject-new-title">
      <Heading level={2} id="kk-traject-new-title" ref={headingRef} tabIndex={-1}>
        {t('cw.trajectNew.title')}
      </Heading>
      {client && client.id === clientId ? (
        <div className="kk-code-box">
          <span className="kk-code-box__label">{t('cw.client.pseudoniem')}</span>
          <Pseudonym code={client.pseudoniem} />
        </div>
      ) : null}
      <Paragraph className="kk-muted">{t('cw.trajectNew.intro')}</Paragraph>
      <ErrorAlert error={write.error} />
      <ErrorSummary errors={shown} />
      <div className="kk-panel">
        <TrajectStartFields value={value} onChange={setValue} errors={shown} />
      </div>
      <SubmitRow label={t('cw.trajectNew.submit')} primary busy={write.busy} disabled={write.busy} />
    </form>
  );
}
