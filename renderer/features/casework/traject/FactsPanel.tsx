import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { formatDate } from '../../../components/dataBits';
import { serverErrors } from '../../../components/formBits';
import { Panel, SubmitRow } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { gemeenteLabel, jaNeeOnbekendLabel } from '../options';
import { focusAfterRender } from '../focusAfterRender';
import { checkTrajectStart, TrajectStartFields, trajectStartOf, type TrajectStart, type TrajectStartFacts } from '../TrajectNewScreen';

/** The facts the traject started with (gemeente, verwijzer, aanmelddatum, minor, preventive); view and correct. */
export function FactsPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const tr = detail.traject;
  const [editing, setEditing] = useState(false);
  const { form: value, setForm: setValue, errors, submit } = useCheckedForm<TrajectStart, TrajectStartFacts>(trajectStartOf(tr), {
    check: (v) => checkTrajectStart(v, t),
    // Only the start facts: opvang, procedures and police contacts are the other panels' to change.
    save: async (facts) => {
      const ok = await updateTraject(facts);
      if (ok) {
        setEditing(false);
        // The panel is drawn afresh from the new version: focus goes back to "Gegevens wijzigen".
        focusAfterRender('kk-facts-edit');
      }
      return ok;
    },
  });

  return (
    <Panel id="kk-facts" title={t('cw.traject.facts')} focusable>
      {editing ? (
        <form id="kk-facts-form" onSubmit={submit} noValidate aria-labelledby="kk-facts">
          <TrajectStartFields value={value} onChange={setValue} errors={{ ...errors, ...serverErrors(write.error) }} />
          <SubmitRow label={t('cw.save')} primary disabled={write.busy}>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setEditing(false);
                focusAfterRender('kk-facts-edit');
              }}
            >
              {t('cw.cancel')}
            </Button>
          </SubmitRow>
        </form>
      ) : (
        <>
          <dl className="kk-dl">
            <dt>{t('cw.traject.gemeente')}</dt>
            <dd>{gemeenteLabel(t, tr.gemeente)}</dd>
            <dt>{t('cw.traject.verwijzer')}</dt>
            <dd>{t(`cw.verwijzer.${tr.verwijzer}`)}</dd>
            <dt>{t('cw.traject.aanmelddatum')}</dt>
            <dd>{formatDate(tr.aanmelddatum)}</dd>
            <dt>{t('cw.traject.minor')}</dt>
            <dd>{jaNeeOnbekendLabel(t, tr.minderjarigBijStart)}</dd>
            <dt>{t('cw.traject.preventief')}</dt>
            <dd>{tr.preventief ? t('cw.yes') : t('cw.no')}</dd>
          </dl>
          <Button
            id="kk-facts-edit"
            type="button"
            appearance="subtle-button"
            onClick={() => {
              setEditing(true);
              focusAfterRender('kk-facts-form', true);
            }}
          >
            {t('cw.traject.editFacts')}
          </Button>
        </>
      )}
    </Panel>
  );
}
