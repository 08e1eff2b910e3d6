import { Heading, Paragraph } from '@utrecht/component-library-react';
import type { Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import { TrajectFields, trajectFieldSensitivity, type TrajectFieldsInput } from '../../../shared/casework/traject.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectClient, selectClientWrite } from './caseSelectors';
import { useRegios } from './GemeenteFilter';
import { CheckboxField, CheckboxGroup, ErrorSummary, type FieldErrors, SelectField, serverErrors, todayIso, validateWith } from '../../components/formBits';
import { DateField } from '../../components/DateField';
import { SubmitRow } from '../../components/screenBits';
import { useCheckedForm } from '../../components/useCheckedForm';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { Pseudonym, SensitivityBadge } from './caseBits';
import { gemeenteOptions, optionLists } from './options';

/** The start facts of a traject as a form edits them. */
export interface TrajectStart {
  preventief: boolean;
  minderjarigBijStart: boolean;
  gemeente: string;
  verwijzer: string;
  aanmelddatum: string;
  vormen: Uitbuitingsvorm[];
}

/** An empty start form (today, no gemeente chosen yet). */
export function emptyTrajectStart(): TrajectStart {
  return { preventief: false, minderjarigBijStart: false, gemeente: '', verwijzer: 'zorg', aanmelddatum: todayIso(), vormen: [] };
}

/** The fields of a new traject: gemeente, referrer, date, forms, preventive, minor. */
export function TrajectStartFields({ value, onChange, errors }: { value: TrajectStart; onChange(value: TrajectStart): void; errors: FieldErrors }) {
  const { t } = useT();
  const regios = useRegios();
  return (
    <>
      <div className="kk-form-row">
        <SelectField label={t('cw.traject.gemeente')} name="gemeente" value={value.gemeente} onChange={(gemeente) => onChange({ ...value, gemeente })} error={errors.gemeente} options={gemeenteOptions(t, regios)} />
        <SelectField label={t('cw.traject.verwijzer')} name="verwijzer" value={value.verwijzer} onChange={(verwijzer) => onChange({ ...value, verwijzer })} options={optionLists.verwijzer(t)} />
        <DateField label={t('cw.traject.aanmelddatum')} name="aanmelddatum" value={value.aanmelddatum} onChange={(aanmelddatum) => onChange({ ...value, aanmelddatum })} error={errors.aanmelddatum} />
      </div>
      <CheckboxField label={t('cw.trajectNew.preventief')} name="preventief" checked={value.preventief} onChange={(preventief) => onChange({ ...value, preventief })} />
      <CheckboxField label={t('cw.trajectNew.minor')} name="minderjarigBijStart" checked={value.minderjarigBijStart} onChange={(minderjarigBijStart) => onChange({ ...value, minderjarigBijStart })} />
      <CheckboxGroup legend={t('cw.traject.vormen')} hint={t('cw.traject.vormenHint')} name="vormen" values={value.vormen} options={optionLists.vorm(t)} onChange={(vormen) => onChange({ ...value, vormen })} error={errors.vormen} badge={<SensitivityBadge level={trajectFieldSensitivity.vormen} />} />
    </>
  );
}

/** Checks the start facts with the shared TrajectFields schema (messages only; the core decides). */
export function checkTrajectStart(value: TrajectStart, t: Parameters<typeof validateWith>[2]) {
  const result = validateWith(TrajectFields, { ...value, opvang: [], procedures: [] }, t);
  if (result.ok) return result;
  const errors = { ...result.errors };
  if (!value.gemeente) errors.gemeente = t('cw.trajectNew.gemeenteMissing');
  if (!value.aanmelddatum) errors.aanmelddatum = t('cw.trajectNew.dateMissing');
  return { ok: false as const, errors };
}

/** Starts a traject for a cliënt (after registering the cliënt). */
export function TrajectNewScreen({ clientId }: { clientId: string }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const client = useAppStore(selectClient);
  const write = useAppStore(selectClientWrite);
  const { createTraject } = useAppStoreShallow(selectCaseActions);
  const { form: value, setForm: setValue, errors, submit } = useCheckedForm<TrajectStart, TrajectFieldsInput>(emptyTrajectStart(), {
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
