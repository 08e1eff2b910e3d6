import { Paragraph, Textbox } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldShell } from '../../components/formBits';
import { NewPassphraseFields, isNewPassphraseReady } from '../../components/NewPassphraseFields';
import { useCountdown } from '../../components/useCountdown';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { SubmitRow } from '../../components/screenBits';
import { useT } from '../../i18n/useT';
import { selectGate, selectNavigation, selectVaultActions } from '../../store/selectors';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { GateLayout } from './GateLayout';

/** "Wachtwoord vergeten?": open the vault with the recovery key and choose a new passphrase. */
export function RecoverScreen() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const gate = useAppStore(selectGate);
  const { recover } = useAppStoreShallow(selectVaultActions);
  const { showGate } = useAppStoreShallow(selectNavigation);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [value, setValue] = useState({ next: '', repeat: '' });
  const [tried, setTried] = useState(false);
  const keyMissing = tried && recoveryKey.trim() === '';
  const wait = useCountdown(gate.retryUntil);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (recoveryKey.trim() === '' || !isNewPassphraseReady(value) || gate.busy || wait > 0) return;
    await recover(recoveryKey.trim(), value.next);
  }

  return (
    <GateLayout title={t('recover.title')} titleRef={titleRef} intro={t('recover.intro')}>
      <form onSubmit={submit} noValidate aria-busy={gate.busy}>
        <ErrorAlert error={gate.error}>
          {wait > 0 ? <Paragraph data-testid="retry-countdown">{wait === 1 ? t('unlock.waitOne') : t('unlock.wait', { seconds: wait })}</Paragraph> : null}
        </ErrorAlert>
        <FieldShell label={t('recover.key')} hint={t('recover.keyHint')} error={keyMissing ? t('recover.keyRequired') : undefined}>
          {({ id, describedBy, invalid }) => (
            <Textbox
              id={id}
              name="recovery-key"
              maxLength={512}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              className="kk-recovery-input"
              value={recoveryKey}
              invalid={invalid}
              aria-describedby={describedBy}
              onChange={(event) => setRecoveryKey(event.target.value)}
              disabled={gate.busy}
            />
          )}
        </FieldShell>
        <NewPassphraseFields
          value={value}
          onChange={setValue}
          labels={{ next: 'recover.next', repeat: 'recover.repeat' }}
          showErrors={tried}
          disabled={gate.busy}
          namePrefix="recover"
        />
        <SubmitRow label={t('recover.submit')} busy={gate.busy} disabled={gate.busy || wait > 0} primary />
        {gate.busy ? <p role="status" className="kk-busy">{t('recover.busy')}</p> : null}
      </form>
      <p className="kk-secondary-action">
        <button type="button" className="kk-link-button" onClick={() => showGate('passphrase')}>
          {t('recover.back')}
        </button>
      </p>
    </GateLayout>
  );
}
