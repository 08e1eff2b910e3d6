import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { K_MINIMUM, K_STANDAARD } from '../../../shared/tafel/tafel.schema';
import type { TafelInstellingenWeergave } from '../../../shared/ipc/tafel.contract';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { CheckboxField, ErrorSummary, SelectField, serverErrors, TextField, type FieldErrors } from '../../components/formBits';
import { formatDate } from '../../components/dataBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStoreShallow } from '../../store/StoreProvider';
import { selectTafelActions, selectTafelInstellingen } from './tafelSelectors';

interface Form {
  k: string;
  afronding: string;
  ruis: boolean;
  ruisMax: string;
}

function toForm(i: TafelInstellingenWeergave): Form {
  return { k: String(i.k), afronding: i.afronding === null ? '' : String(i.afronding), ruis: i.ruis, ruisMax: String(i.ruisMax) };
}

const STANDAARD: Form = { k: String(K_STANDAARD), afronding: '', ruis: false, ruisMax: '2' };

/**
 * The privacy officer's settings: the threshold k (default 5, never below 3), optional rounding
 * and optional fixed noise (both off by default), each explained in plain Dutch. The core checks
 * again and refuses a k below 3 with its message on the field.
 */
export function InstellingenScreen() {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { instellingen, write, error } = useAppStoreShallow(selectTafelInstellingen);
  const { loadTafelInstellingen, saveTafelInstellingen, resetTafelFeedback } = useAppStoreShallow(selectTafelActions);
  const [form, setForm] = useState<Form | null>(instellingen ? toForm(instellingen) : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const feedbackRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void loadTafelInstellingen();
    return () => resetTafelFeedback();
  }, [loadTafelInstellingen, resetTafelFeedback]);
  useEffect(() => {
    if (instellingen && form === null) setForm(toForm(instellingen));
  }, [instellingen, form]);

  const set = <K extends keyof Form>(key: K) => (value: Form[K]) => setForm((f) => (f ? { ...f, [key]: value } : f));

  async function bewaar(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    const e: FieldErrors = {};
    if (!/^\d+$/.test(form.k.trim())) e.k = t('tafel.inst.kFout');
    setErrors(e);
    if (Object.keys(e).length > 0) {
      feedbackRef.current?.focus();
      return;
    }
    const refusal = await saveTafelInstellingen({ k: Number(form.k.trim()), afronding: form.afronding === '' ? null : Number(form.afronding), ruis: form.ruis, ruisMax: Number(form.ruisMax) });
    // The core's refusal names its field (k below 3: "De drempel k moet minstens 3 zijn…").
    if (refusal) setErrors(serverErrors(refusal));
    feedbackRef.current?.focus();
  }

  const fieldName = (path: string) => `tafel-inst-${path}`;
  return (
    <div className="kk-subpage kk-tafel-instellingen" data-testid="tafel-instellingen">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('tafel.inst.titel')}
      </Heading>
      <Paragraph>{t('tafel.inst.uitleg')}</Paragraph>
      <Paragraph className="kk-muted">
        {instellingen?.standaard ? t('tafel.inst.standaard') : instellingen?.gewijzigdOp ? t('tafel.inst.gewijzigd', { datum: formatDate(instellingen.gewijzigdOp.slice(0, 10)) }) : ''}
      </Paragraph>
      <ErrorAlert error={error} />
      {form ? (
        <form onSubmit={(e) => void bewaar(e)} noValidate className="kk-panel kk-tafel-inst-form" aria-label={t('tafel.inst.titel')}>
          <div ref={feedbackRef} tabIndex={-1} className="kk-focus-target">
            <ErrorSummary errors={errors} fieldName={fieldName} />
            {write.saved && Object.keys(errors).length === 0 ? <SuccessAlert>{t('tafel.inst.opgeslagen')}</SuccessAlert> : null}
            {write.error && Object.keys(serverErrors(write.error)).length === 0 ? <ErrorAlert error={write.error} /> : null}
          </div>
          <TextField label={t('tafel.inst.k')} hint={t('tafel.inst.kHint', { min: K_MINIMUM, standaard: K_STANDAARD })} name={fieldName('k')} value={form.k} onChange={set('k')} error={errors.k} inputMode="numeric" className="kk-tafel-k" />
          <SelectField
            label={t('tafel.inst.afronding')}
            hint={t('tafel.inst.afrondingHint')}
            name={fieldName('afronding')}
            value={form.afronding}
            onChange={set('afronding')}
            error={errors.afronding}
            options={[{ value: '', label: t('tafel.inst.afrondingGeen') }, ...[2, 3, 4, 5, 10].map((n) => ({ value: String(n), label: t('tafel.inst.afrondingOp', { n }) }))]}
          />
          <CheckboxField label={t('tafel.inst.ruis')} hint={t('tafel.inst.ruisHint')} name={fieldName('ruis')} checked={form.ruis} onChange={set('ruis')} />
          {form.ruis ? (
            <SelectField
              label={t('tafel.inst.ruisMax')}
              name={fieldName('ruisMax')}
              value={form.ruisMax}
              onChange={set('ruisMax')}
              error={errors.ruisMax}
              options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('tafel.inst.ruisMaxOptie', { n }) }))}
            />
          ) : null}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
              {t('tafel.inst.opslaan')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setForm(STANDAARD)}>
              {t('tafel.inst.terug')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <Paragraph role="status">{t('tafel.laden')}</Paragraph>
      )}
    </div>
  );
}
