import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { IsoDate } from '../../../../shared/casework/common.schema';
import { allowedTransitions } from '../../../../shared/casework/phases';
import { AfsluitReden, type Fase, type TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, formatDate } from '../../../components/dataBits';
import { type FieldErrors, SelectField, serverErrors, TextareaField, todayIso } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Panel, SubmitRow } from '../../../components/screenBits';
import { optionLists } from '../options';

/** The traject's phase: where it stands, the moves allowed from there, closing with a reason, and its history. */
export function PhasePanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { transitionTraject } = useAppStoreShallow(selectCaseActions);
  const fase = detail.traject.fase;
  const [closing, setClosing] = useState(false);
  const [reden, setReden] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [datum, setDatum] = useState(todayIso());
  const [errors, setErrors] = useState<FieldErrors>({});
  const forward = allowedTransitions[fase].filter((f) => f !== 'afgesloten');
  useEffect(() => {
    if (closing) document.getElementById('kk-close-title')?.focus();
  }, [closing]);

  async function close(event: FormEvent) {
    event.preventDefault();
    const e: FieldErrors = {};
    if (!reden) e.reden = t('cw.phase.reasonMissing');
    if (reden === 'anders' && !toelichting.trim()) e.toelichting = t('cw.phase.explanationMissing');
    if (!IsoDate.safeParse(datum).success) e.datum = t('form.invalidDate');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const ok = await transitionTraject({ naar: 'afgesloten', reden: AfsluitReden.parse(reden), datum, ...(toelichting.trim() ? { toelichting: toelichting.trim() } : {}) });
    if (ok) {
      setClosing(false);
      focusPhase();
    }
  }

  // The button that was pressed is gone after a move: put focus on the phase section, not on the page body.
  const focusPhase = () => requestAnimationFrame(() => document.getElementById('kk-phase')?.focus());
  const move = async (naar: Fase) => {
    if (await transitionTraject({ naar })) focusPhase();
  };
  const shown = { ...errors, ...serverErrors(write.error) };

  return (
    <Panel id="kk-phase" title={t('cw.phase.title')} focusable>
      <p className="kk-phase-line">
        {t('cw.phase.current', { fase: '' })}
        <Badge tone={fase === 'afgesloten' ? 'neutral' : 'info'}>{t(`cw.fase.${fase}`)}</Badge>
      </p>
      <ol className="kk-stepper" aria-label={t('cw.phase.title')}>
        {(['aanmelding', 'intake', 'actief', 'nazorg'] as const).map((f) => (
          <li key={f} className={f === fase ? 'kk-stepper__step kk-stepper__step--current' : 'kk-stepper__step'} aria-current={f === fase ? 'step' : undefined}>
            {t(`cw.fase.${f}`)}
          </li>
        ))}
      </ol>
      {detail.traject.afsluitReden ? (
        <Paragraph>
          {t('cw.traject.closedBecause', { date: formatDate(detail.traject.afgeslotenOp), reden: t(`cw.reden.${detail.traject.afsluitReden}`) })}
          {detail.traject.afsluitToelichting ? ` — ${detail.traject.afsluitToelichting}` : ''}
        </Paragraph>
      ) : null}
      {!closing ? (
        <ButtonGroup className="kk-phase-actions">
          {forward.map((f) => (
            <Button key={f} type="button" appearance="secondary-action-button" disabled={write.busy} onClick={() => void move(f)}>
              {fase === 'afgesloten' ? t('cw.phase.reopenAt', { fase: t(`cw.fase.${f}`) }) : t('cw.phase.moveTo', { fase: t(`cw.fase.${f}`) })}
            </Button>
          ))}
          {fase !== 'afgesloten' ? (
            <Button type="button" appearance="subtle-button" disabled={write.busy} onClick={() => setClosing(true)}>
              {t('cw.phase.close')}
            </Button>
          ) : null}
        </ButtonGroup>
      ) : (
        <form onSubmit={close} noValidate className="kk-subform" aria-labelledby="kk-close-title">
          <Heading level={4} id="kk-close-title" className="kk-h4" tabIndex={-1}>
            {t('cw.phase.closeTitle')}
          </Heading>
          <SelectField label={t('cw.phase.reason')} name="reden" value={reden} onChange={setReden} error={shown.reden} options={[{ value: '', label: t('cw.phase.reason') }, ...optionLists.reden(t)]} />
          <TextareaField label={t('cw.phase.explanation')} name="toelichting" value={toelichting} onChange={setToelichting} error={shown.toelichting} optional={reden !== 'anders'} rows={2} />
          <DateField label={t('cw.phase.date')} name="datum" value={datum} onChange={setDatum} error={shown.datum} />
          <SubmitRow label={t('cw.phase.confirmClose')} primary busy={write.busy} disabled={write.busy}>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setClosing(false);
                focusPhase();
              }}
            >
              {t('cw.cancel')}
            </Button>
          </SubmitRow>
        </form>
      )}
      <details className="kk-details">
        <summary>{t('cw.phase.history')}</summary>
        <ul className="kk-plain-list">
          {detail.fasen.map((w, i) => (
            <li key={i}>
              {t('cw.phase.historyRow', { date: formatDate(w.datum), van: w.van ? t(`cw.fase.${w.van}`) : '—', naar: t(`cw.fase.${w.naar}`) })}
              {w.reden ? ` (${t(`cw.reden.${w.reden}`)})` : ''}
            </li>
          ))}
        </ul>
      </details>
    </Panel>
  );
}
