import { Button, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { ToestemmingFields, type TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, DataTable, formatDate } from '../../../components/dataBits';
import { blankToUndefined, SelectField, TextField, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Announce, Panel } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { optionLists } from '../options';
import { AddForm, AddOnRequest, choose, JaNeeField } from './AddForm';

type ConsentForm = { doel: string; ontvanger: string; vanaf: string; tot: string; schriftelijk: boolean | null; gegevenDoor: string };
// Nothing is chosen for the person (issue 13): not the purpose, not the date, not "in writing".
const emptyConsent = (): ConsentForm => ({ doel: '', ontvanger: '', vanaf: '', tot: '', schriftelijk: null, gegevenDoor: '' });

/** The form for a new consent. Mounted on request, so it starts empty. */
function ConsentForm({ onAdded, onCancel }: { onAdded(): void; onCancel(): void }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addToestemming } = useAppStoreShallow(selectCaseActions);
  const { form, errors, set, submit } = useCheckedForm<ConsentForm, ToestemmingFields>(emptyConsent(), {
    check: (f) => {
      const checked = validateWith(
        ToestemmingFields,
        { doel: f.doel || undefined, ontvanger: f.ontvanger.trim(), vanaf: f.vanaf || undefined, tot: blankToUndefined(f.tot), schriftelijk: f.schriftelijk ?? undefined, gegevenDoor: f.gegevenDoor || undefined },
        t,
      );
      if (checked.ok) return checked;
      // Each missing answer gets its own plain message.
      return {
        ok: false,
        errors: {
          ...checked.errors,
          ...(f.doel ? {} : { doel: t('cw.consent.doelMissing') }),
          ...(f.ontvanger.trim() ? {} : { ontvanger: t('cw.consent.ontvangerMissing') }),
          ...(f.vanaf ? {} : { vanaf: t('cw.consent.vanafMissing') }),
          ...(f.schriftelijk === null ? { schriftelijk: t('cw.consent.schriftelijkMissing') } : {}),
          ...(f.gegevenDoor ? {} : { gegevenDoor: t('cw.consent.doorMissing') }),
        },
      };
    },
    save: async (consent) => {
      const saved = await addToestemming(consent);
      if (saved) onAdded();
      return saved;
    },
  });
  return (
    <AddForm label={t('cw.consent.new')} onSubmit={submit} submitLabel={t('cw.consent.add')} busy={write.busy} onCancel={onCancel}>
      <Paragraph className="kk-muted kk-small">{t('cw.consent.comenshaHint')}</Paragraph>
      <div className="kk-form-row">
        <SelectField label={t('cw.consent.doel')} name="consent-doel" value={form.doel} onChange={set('doel')} error={errors.doel} options={[choose(t('cw.choose')), ...optionLists.doel(t)]} />
        <TextField label={t('cw.consent.ontvanger')} name="consent-ontvanger" value={form.ontvanger} onChange={set('ontvanger')} error={errors.ontvanger} />
      </div>
      <div className="kk-form-row">
        <DateField label={t('cw.consent.vanaf')} name="consent-vanaf" value={form.vanaf} onChange={set('vanaf')} error={errors.vanaf} />
        <DateField label={t('cw.consent.tot')} name="consent-tot" value={form.tot} onChange={set('tot')} error={errors.tot} optional />
        <SelectField label={t('cw.consent.gegevenDoor')} name="consent-door" value={form.gegevenDoor} onChange={set('gegevenDoor')} error={errors.gegevenDoor} options={[choose(t('cw.choose')), ...optionLists.gegevenDoor(t)]} />
      </div>
      <JaNeeField legend={t('cw.consent.schriftelijkVraag')} name="consent-schriftelijk" value={form.schriftelijk} onChange={set('schriftelijk')} error={errors.schriftelijk} />
    </AddForm>
  );
}

/** Consents (toestemmingen) of the cliënt: what for, to whom, from when; add (on request) and withdraw. */
export function ConsentPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { withdrawToestemming } = useAppStoreShallow(selectCaseActions);
  const [announced, setAnnounced] = useState('');
  // After "Intrekken" its button is gone: focus goes to the status of the same consent, which now
  // reads "Ingetrokken", and the status line says what happened (issue 13: never to the page body).
  const [withdrawn, setWithdrawn] = useState<string | null>(null);
  useEffect(() => {
    if (!withdrawn) return;
    const cell = document.getElementById(`kk-consent-status-${withdrawn}`);
    if (!cell) return;
    cell.focus();
    setWithdrawn(null);
  }, [withdrawn, detail]);

  async function withdraw(c: TrajectDetail['toestemmingen'][number]) {
    setAnnounced('');
    if (!(await withdrawToestemming(c.id))) return;
    setAnnounced(t('cw.consent.withdrawn', { doel: t(`cw.doel.${c.doel}`), ontvanger: c.ontvanger }));
    setWithdrawn(c.id);
  }

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
            <TableCell id={`kk-consent-status-${c.id}`} tabIndex={-1} className="kk-consent-status">
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
                  onClick={() => void withdraw(c)}
                >
                  {t('cw.consent.withdraw')}
                </Button>
              ) : null}
            </TableCell>
          </TableRow>
        )}
      />
      <AddOnRequest openLabel={t('cw.consent.open')} disabled={write.busy}>
        {(close) => (
          <ConsentForm
            onAdded={() => {
              setAnnounced(t('cw.consent.added'));
              close();
            }}
            onCancel={close}
          />
        )}
      </AddOnRequest>
      <Announce text={announced} />
    </Panel>
  );
}
