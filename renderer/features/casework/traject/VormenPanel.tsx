import { useEffect, useState } from 'react';
import type { Uitbuitingsvorm } from '../../../../shared/casework/common.schema';
import { trajectFieldSensitivity, type TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { CheckboxGroup } from '../../../components/formBits';
import { Announce, Panel, SubmitRow } from '../../../components/screenBits';
import { focusAfterRender } from '../focusAfterRender';
import { SensitivityBadge } from '../caseBits';
import { optionLists } from '../options';

/** The forms of exploitation (uitbuitingsvormen) of the traject, saved together. */
export function VormenPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const [vormen, setVormen] = useState<Uitbuitingsvorm[]>(detail.traject.vormen);
  useEffect(() => setVormen(detail.traject.vormen), [detail.traject.vormen]);
  const [announced, setAnnounced] = useState('');
  const changed = vormen.length !== detail.traject.vormen.length || vormen.some((v) => !detail.traject.vormen.includes(v));
  return (
    <Panel id="kk-vormen" title={t('cw.traject.vormen')} badge={<SensitivityBadge level={trajectFieldSensitivity.vormen} />} focusable>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setAnnounced('');
          void updateTraject({ vormen }).then((ok) => {
            // Saved, the button is off again (nothing changed): focus goes to the panel's heading, and the status line says so (issue 13).
            if (!ok) return;
            setAnnounced(t('cw.traject.vormenSaved'));
            focusAfterRender('kk-vormen');
          });
        }}
      >
        <CheckboxGroup legend={t('cw.traject.vormen')} legendHidden hint={t('cw.traject.vormenHint')} name="vormen" values={vormen} options={optionLists.vorm(t)} onChange={setVormen} />
        <SubmitRow label={t('cw.traject.saveVormen')} disabled={!changed || write.busy} />
      </form>
      <Announce text={announced} />
    </Panel>
  );
}
