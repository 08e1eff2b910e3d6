import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { MeldingFields, meldingFieldSensitivity, type Melding } from '../../../shared/casework/melding.schema';
import type { ApiError } from '../../platform/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectMeldingWrite } from './caseSelectors';
import { useWerkRegio } from './GemeenteFilter';
import { blankToUndefined, CheckboxField, ErrorSummary, type FieldErrors, SelectField, serverErrors, TextareaField, TextField, todayIso, validateWith } from '../../components/formBits';
import { DateField } from '../../components/DateField';
import { GemeenteField } from '../../components/GemeenteSelect';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { SensitivityBadge } from './caseBits';
import { optionLists } from './options';

/** The melding form as typed. */
export interface MeldingForm {
  datum: string;
  kanaal: string;
  anoniem: boolean;
  melderType: string;
  naam: string;
  organisatie: string;
  telefoon: string;
  email: string;
  gemeente: string;
  vorm: string;
  minderjarig: '' | 'ja' | 'nee';
  preventiefGesprek: boolean;
  informatieverzoek: boolean;
  signaal: string;
  conclusie: string;
  acuut: boolean;
  notities: string;
}

/** A fresh form: today, by phone, form still unknown. */
export function emptyMeldingForm(): MeldingForm {
  return { datum: todayIso(), kanaal: 'telefoon', anoniem: false, melderType: 'professional-zorg', naam: '', organisatie: '', telefoon: '', email: '', gemeente: '', vorm: 'onbekend', minderjarig: '', preventiefGesprek: false, informatieverzoek: false, signaal: '', conclusie: '', acuut: false, notities: '' };
}

/** The form as MeldingFields input: no contact details for an anonymous melding, empty fields left out. */
export function meldingInput(form: MeldingForm): Record<string, unknown> {
  const contact = { naam: blankToUndefined(form.naam), organisatie: blankToUndefined(form.organisatie), telefoon: blankToUndefined(form.telefoon), email: blankToUndefined(form.email) };
  const hasContact = Object.values(contact).some((v) => v !== undefined);
  const input: Record<string, unknown> = {
    datum: form.datum,
    kanaal: form.kanaal,
    anoniem: form.anoniem,
    melderType: form.melderType,
    gemeente: form.gemeente,
    vorm: form.vorm,
    minderjarig: form.minderjarig === '' ? null : form.minderjarig === 'ja',
    preventiefGesprek: form.preventiefGesprek,
    informatieverzoek: form.informatieverzoek,
    conclusie: form.conclusie === '' ? null : form.conclusie,
    acuut: form.acuut,
  };
  if (!form.anoniem && hasContact) input.melderContact = Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined));
  if (blankToUndefined(form.signaal)) input.signaal = form.signaal.trim();
  if (blankToUndefined(form.notities)) input.notities = form.notities.trim();
  return input;
}

/** A stored melding as the form shows it (for a correction after saving). */
export function toMeldingForm(m: Melding): MeldingForm {
  return {
    datum: m.datum,
    kanaal: m.kanaal,
    anoniem: m.anoniem,
    melderType: m.melderType,
    naam: m.melderContact?.naam ?? '',
    organisatie: m.melderContact?.organisatie ?? '',
    telefoon: m.melderContact?.telefoon ?? '',
    email: m.melderContact?.email ?? '',
    gemeente: m.gemeente,
    vorm: m.vorm,
    minderjarig: m.minderjarig === null ? '' : m.minderjarig ? 'ja' : 'nee',
    preventiefGesprek: m.preventiefGesprek,
    informatieverzoek: m.informatieverzoek,
    signaal: m.signaal ?? '',
    conclusie: m.conclusie ?? '',
    acuut: m.acuut,
    notities: m.notities ?? '',
  };
}

/**
 * A correction as a patch for `meldingen.update`: every field of the form, and null for the
 * optional ones the form emptied (contact details, signal, notes), so the core removes them.
 * The feedback to the reporter is not on this form and is left as it is.
 */
export function meldingPatch(current: Melding, fields: MeldingFields): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...fields };
  for (const key of ['melderContact', 'signaal', 'notities'] as const) if (fields[key] === undefined && current[key] !== null) patch[key] = null;
  return patch;
}

/**
 * The melding form: for a new melding (level 2, its own screen) and for correcting a saved one
 * (level 3, on the melding's screen, with Annuleren). Its heading takes focus when it opens.
 */
export function MeldingEditor({ initial, mode, busy, error, onSave, onCancel }: { initial: MeldingForm; mode: 'new' | 'edit'; busy: boolean; error: ApiError | null; onSave(fields: MeldingFields): Promise<void>; onCancel?(): void }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const regio = useWerkRegio();
  const [form, setForm] = useState<MeldingForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const s = meldingFieldSensitivity;
  const titleId = mode === 'new' ? 'kk-melding-new-title' : 'kk-melding-edit-title';

  const set = <K extends keyof MeldingForm>(key: K) => (value: MeldingForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(MeldingFields, meldingInput(form), t);
    if (!checked.ok) {
      const e = { ...checked.errors };
      if (e.gemeente) e.gemeente = t('cw.melding.gemeenteMissing');
      if (e['melderContact.email']) e.email = e['melderContact.email'];
      delete e['melderContact.email'];
      setErrors(e);
      return;
    }
    setErrors({});
    await onSave(checked.data);
  }

  const shown = { ...serverErrors(error), ...errors };
  return (
    <form className={mode === 'new' ? 'kk-subpage' : 'kk-subpage kk-melding-edit'} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <Heading level={mode === 'new' ? 2 : 3} id={titleId} ref={headingRef} tabIndex={-1}>
        {t(mode === 'new' ? 'cw.melding.newTitle' : 'cw.melding.editTitle')}
      </Heading>
      <Paragraph className="kk-muted">{t(mode === 'new' ? 'cw.melding.intro' : 'cw.melding.editIntro')}</Paragraph>
      <ErrorAlert error={error} />
      <ErrorSummary errors={shown} fieldName={(path) => (path === 'email' ? 'melderEmail' : undefined)} />

      <fieldset className="kk-panel kk-form-section">
        <legend className="kk-form-section__legend">{t('cw.melding.intake')}</legend>
        <div className="kk-form-row">
          <DateField label={t('cw.melding.datum')} name="datum" value={form.datum} onChange={set('datum')} error={shown.datum} />
          <SelectField label={t('cw.melding.kanaal')} name="kanaal" value={form.kanaal} onChange={set('kanaal')} options={optionLists.kanaal(t)} />
          <SelectField label={t('cw.melding.melderType')} name="melderType" value={form.melderType} onChange={set('melderType')} options={optionLists.melder(t)} />
        </div>
        <CheckboxField label={t('cw.melding.anoniem')} name="anoniem" checked={form.anoniem} onChange={set('anoniem')} />
        {!form.anoniem ? (
          <div className="kk-form-row">
            <TextField label={t('cw.melding.melderNaam')} name="melderNaam" value={form.naam} onChange={set('naam')} badge={<SensitivityBadge level={s.melderContact} />} optional />
            <TextField label={t('cw.melding.melderOrganisatie')} name="melderOrganisatie" value={form.organisatie} onChange={set('organisatie')} optional />
            <TextField label={t('cw.melding.melderTelefoon')} name="melderTelefoon" type="tel" value={form.telefoon} onChange={set('telefoon')} badge={<SensitivityBadge level={s.melderContact} />} optional />
            <TextField label={t('cw.melding.melderEmail')} name="melderEmail" type="email" value={form.email} onChange={set('email')} error={shown.email} badge={<SensitivityBadge level={s.melderContact} />} optional />
          </div>
        ) : null}
        <div className="kk-form-row">
          <GemeenteField label={t('cw.melding.gemeente')} name="gemeente" regio={regio} value={form.gemeente} onChange={set('gemeente')} error={shown.gemeente} />
          <SelectField label={t('cw.melding.vorm')} name="vorm" value={form.vorm} onChange={set('vorm')} error={shown.vorm} options={optionLists.meldingVorm(t)} badge={<SensitivityBadge level={s.vorm} />} />
          <SelectField
            label={t('cw.melding.minderjarig')}
            name="minderjarig"
            value={form.minderjarig}
            onChange={(v) => set('minderjarig')(v === 'ja' ? 'ja' : v === 'nee' ? 'nee' : '')}
            options={[
              { value: '', label: t('cw.unknown') },
              { value: 'ja', label: t('cw.yes') },
              { value: 'nee', label: t('cw.no') },
            ]}
          />
        </div>
        <CheckboxField label={t('cw.melding.preventiefGesprek')} name="preventiefGesprek" checked={form.preventiefGesprek} onChange={set('preventiefGesprek')} />
        <CheckboxField label={t('cw.melding.informatieverzoek')} name="informatieverzoek" checked={form.informatieverzoek} onChange={set('informatieverzoek')} />
        <TextareaField label={t('cw.melding.signaal')} name="signaal" value={form.signaal} onChange={set('signaal')} badge={<SensitivityBadge level={s.signaal} />} rows={4} optional />
      </fieldset>

      <fieldset className="kk-panel kk-form-section">
        <legend className="kk-form-section__legend">{t('cw.melding.conclusieTitle')}</legend>
        <SelectField label={t('cw.melding.conclusie')} name="conclusie" value={form.conclusie} onChange={set('conclusie')} options={[{ value: '', label: t('cw.conclusie.open') }, ...optionLists.conclusie(t)]} badge={<SensitivityBadge level={s.conclusie} />} />
        <CheckboxField label={t('cw.melding.acuut')} name="acuut" hint={t('cw.melding.acuutHint')} checked={form.acuut} onChange={set('acuut')} />
        <TextareaField label={t('cw.melding.notities')} name="notities" value={form.notities} onChange={set('notities')} badge={<SensitivityBadge level={s.notities} />} rows={3} optional />
      </fieldset>

      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t(mode === 'new' ? 'cw.melding.submit' : 'cw.melding.editSubmit')}
        </Button>
        {onCancel ? (
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t('cw.cancel')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}

/** Registers a melding of the meld- en adviespunt; afterwards the melding opens with its routing advice. */
export function MeldingFormScreen() {
  const write = useAppStore(selectMeldingWrite);
  const { createMelding, openCase, resetMeldingWrite } = useAppStoreShallow(selectCaseActions);
  const [initial] = useState(emptyMeldingForm);

  useEffect(() => {
    resetMeldingWrite();
  }, [resetMeldingWrite]);

  async function save(fields: MeldingFields) {
    const melding = await createMelding(fields);
    if (melding) openCase({ area: 'meldingen', screen: 'melding', id: melding.id });
  }

  return <MeldingEditor initial={initial} mode="new" busy={write.busy} error={write.error} onSave={save} />;
}
