import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPassphraseFields, isNewPassphraseReady } from '../../components/NewPassphraseFields';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { SubmitRow } from '../../components/screenBits';
import { useT } from '../../i18n/useT';
import { selectGate, selectVaultActions } from '../../store/selectors';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { GateLayout } from './GateLayout';
import { RestoreScreen } from './RestoreScreen';
import { selectRestore, selectRestoreActions } from '../settings/backupSelectors';

/** First run, or in its place the restore of a backup (a new computer) when the person chose that. */
export function FirstRunScreen() {
  const restoring = useAppStore(selectRestore).open;
  return restoring ? <RestoreScreen key="restore" existing={false} /> : <CreateVault key="create" />;
}

/** First run: choose a passphrase and create the vault. */
function CreateVault() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const gate = useAppStore(selectGate);
  const { createVault } = useAppStoreShallow(selectVaultActions);
  const { openRestore } = useAppStoreShallow(selectRestoreActions);
  const [value, setValue] = useState({ next: '', repeat: '' });
  const [tried, setTried] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!isNewPassphraseReady(value)) return;
    await createVault(value.next);
  }

  return (
    <GateLayout title={t('firstRun.title')} titleRef={titleRef} intro={t('firstRun.intro')}>
      <form onSubmit={submit} noValidate aria-busy={gate.busy}>
        <ErrorAlert error={gate.error} />
        <NewPassphraseFields
          value={value}
          onChange={setValue}
          labels={{ next: 'firstRun.passphrase', repeat: 'firstRun.repeat', hint: 'firstRun.passphraseHint' }}
          showErrors={tried}
          disabled={gate.busy}
          namePrefix="create"
        />
        <SubmitRow label={t('firstRun.submit')} busy={gate.busy} disabled={gate.busy} primary />
        {gate.busy ? <p role="status" className="kk-busy">{t('firstRun.busy')}</p> : null}
      </form>
      <p className="kk-secondary-action">
        <button type="button" className="kk-link-button" onClick={openRestore}>
          {t('restore.entryFirstRun')}
        </button>
      </p>
    </GateLayout>
  );
}
