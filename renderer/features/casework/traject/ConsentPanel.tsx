import { Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { GegevenDoor, ToestemmingDoel, ToestemmingFields, type TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, DataTable, formatDate } from '../../../components/dataBits';
import { blankToUndefined, CheckboxField, SelectField, TextField, todayIso, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Panel, SectionForm } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { optionLists } from '../options';

const emptyConsent = () => ({ doel: 'registratie-comensha', ontvanger: '', vanaf: todayIso(), tot: '', schriftelijk: true, gegevenDoor: 'client' });

/** Consents (toestemmingen) of the cliënt: what for, to whom, from when; add and withdraw. */
export function ConsentPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addToestemming, withdrawToestemming } = useAppStoreShallow(selectCaseActions);
  const { form, errors, set, submit } = useCheckedForm(emptyConsent(), {
    check: (f) => validateWith(ToestemmingFields, { ...f, ontvanger: f.ontvanger.trim(), tot: blankToUndefined(f.tot) }, t),
    save: addToestemming,
    reset: emptyConsent,
  });

  return (
    <Panel id="kk-consent" title={t('cw.consent.title')} focusable>
      <DataTable
        empty={t('cw.consent.none')}
        columns={[{ label: t('cw.consent.doel') }, { label: t('cw.consent.ontvanger') }, { label: t('cw.consent.vanaf') }, { label: t('cw.consent.status') }, { label: t('cw.consent.withdraw'), hidden: true }]}
        rows={detail.toestemmingen}
        row={(c) => (
          <TableRow key={c.id}>
            <TableCell>
              {t(`cw.doel.${c.doel}`)}
              <div className="kk-muted kk-small">
                {t(`cw.gegevenDoor.${c.gegevenDoor}`)}
                {c.schriftelijk ? ` · ${t('cw.consent.schriftelijk')}` : ''}
              </div>
            </TableCell>
            <TableCell>{c.ontvanger}</TableCell>
            <TableCell>
              {formatDate(c.vanaf)}
              {c.tot ? ` – ${formatDate(c.tot)}` : ''}
            </TableCell>
            <TableCell>
              <Badge tone={c.status === 'geldig' ? 'ok' : c.status === 'ingetrokken' || c.status === 'verlopen' ? 'neutral' : 'warn'}>{t(`cw.tstatus.${c.status}`)}</Badge>
              {c.ingetrokkenOp ? <div className="kk-muted kk-small">{t('cw.consent.withdrawnOn', { date: formatDate(c.ingetrokkenOp) })}</div> : null}
            </TableCell>
            <TableCell>
              {!c.ingetrokkenOp ? (
                <Button
                  type="button"
                  appearance="subtle-button"
                  disabled={write.busy}
                  aria-label={t('cw.consent.withdrawLabel', { doel: t(`cw.doel.${c.doel}`), ontvanger: c.ontvanger })}
                  onClick={() => void withdrawToestemming(c.id)}
                >
                  {t('cw.consent.withdraw')}
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        )}
      />
      <SectionForm onSubmit={submit} submitLabel={t('cw.consent.add')} busy={write.busy} row={false}>
        <Paragraph className="kk-muted kk-small">{t('cw.consent.comenshaHint')}</Paragraph>
        <div className="kk-form-row">
          <SelectField label={t('cw.consent.doel')} name="consent-doel" value={form.doel} onChange={(v) => set('doel')(ToestemmingDoel.parse(v))} options={optionLists.doel(t)} />
          <TextField label={t('cw.consent.ontvanger')} name="consent-ontvanger" value={form.ontvanger} onChange={set('ontvanger')} error={errors.ontvanger ? t('cw.consent.ontvangerMissing') : undefined} />
          <DateField label={t('cw.consent.vanaf')} name="consent-vanaf" value={form.vanaf} onChange={set('vanaf')} error={errors.vanaf} />
          <DateField label={t('cw.consent.tot')} name="consent-tot" value={form.tot} onChange={set('tot')} error={errors.tot} optional />
          <SelectField label={t('cw.consent.gegevenDoor')} name="consent-door" value={form.gegevenDoor} onChange={(v) => set('gegevenDoor')(GegevenDoor.parse(v))} options={optionLists.gegevenDoor(t)} />
        </div>
        <CheckboxField label={t('cw.consent.schriftelijk')} name="consent-schriftelijk" checked={form.schriftelijk} onChange={set('schriftelijk')} />
      </SectionForm>
    </Panel>
  );
}
