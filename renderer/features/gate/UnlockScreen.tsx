import { Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PassphraseField } from '../../components/PassphraseField';
import { useCountdown } from '../../components/useCountdown';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { SubmitRow } from '../../components/screenBits';
import { useT } from '../../i18n/useT';
import { selectGate, selectLockReason, selectNavigation, selectVaultActions } from '../../store/selectors';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { GateLayout } from './GateLayout';
import { RestoreScreen } from './RestoreScreen';
import { selectRestore, selectRestoreActions } from '../settings/backupSelectors';

/** The unlock screen, or in its place the restore of a backup when the person chose that. */
export function UnlockScreen() {
  const restoring = useAppStore(selectRestore).open;
  return restoring ? <RestoreScreen key="restore" existing /> : <UnlockForm key="unlock" />;
}

/** Unlock with the passphrase; every vault error code gets its own message; slowed retries count down. */
function UnlockForm() {
  const { t } = useT();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const gate = useAppStore(selectGate);
  const lockReason = useAppStore(selectLockReason);
  const { unlock } = useAppStoreShallow(selectVaultActions);
  const { showGate } = useAppStoreShallow(selectNavigation);
  const { openRestore } = useAppStoreShallow(selectRestoreActions);
  const [passphrase, setPassphrase] = useState('');
  const [empty, setEmpty] = useState(false);
  // The field, not the heading, takes focus when the screen opens: typing the passphrase and
  // Enter then works from the first key. The heading still names the screen (GateLayout).
  const inputRef = useFocusOnMount<HTMLInputElement>();
  const wait = useCountdown(gate.retryUntil);

  // After a refusal, start again in the field (once it is enabled); the alert says what went wrong.
  useEffect(() => {
    if (gate.error && !gate.busy) inputRef.current?.focus();
  }, [gate.error, gate.busy]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!passphrase) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    if (wait > 0 || gate.busy) return;
    const ok = await unlock(passphrase);
    if (!ok) setPassphrase('');
  }

  return (
    <GateLayout title={t('unlock.title')} titleRef={titleRef} intro={t('unlock.intro')}>
      {lockReason && !gate.error ? (
        <Paragraph className="kk-notice" role="status">
          {t(`unlock.locked.${lockReason}`)}
        </Paragraph>
      ) : null}
      <form onSubmit={submit} noValidate aria-busy={gate.busy}>
        <ErrorAlert error={gate.error}>
          {wait > 0 ? <Paragraph data-testid="retry-countdown">{wait === 1 ? t('unlock.waitOne') : t('unlock.wait', { seconds: wait })}</Paragraph> : null}
        </ErrorAlert>
        <PassphraseField
          label={t('unlock.passphrase')}
          name="unlock-passphrase"
          autoComplete="current-password"
          value={passphrase}
          onChange={setPassphrase}
          error={empty ? t('passphrase.required') : null}
          disabled={gate.busy}
          inputRef={inputRef}
        />
        <SubmitRow label={t('unlock.submit')} busy={gate.busy} disabled={gate.busy || wait > 0} primary />
        {gate.busy ? <p role="status" className="kk-busy">{t('unlock.busy')}</p> : null}
      </form>
      <p className="kk-secondary-action">
        <button type="button" className="kk-link-button" onClick={() => showGate('recover')}>
          {t('unlock.forgot')}
        </button>
        <br />
        <button type="button" className="kk-link-button" onClick={openRestore}>
          {t('restore.entryUnlock')}
        </button>
      </p>
    </GateLayout>
  );
}
