import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { PassphraseField } from '../../components/PassphraseField';
import { SubmitRow } from '../../components/screenBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { RecoveryKeyBlock } from '../gate/RecoveryKeyBlock';
import { selectBackupActions, selectNewRecoveryKey, selectRecoveryKeyWrite } from './backupSelectors';

/**
 * Settings → Herstelsleutel vervangen: the passphrase is asked again (the core checks it and
 * counts a wrong one as an unlock attempt), then the new key is shown once (NewRecoveryKeyView).
 */
export function RecoveryKeySection() {
  const { t } = useT();
  const state = useAppStore(selectRecoveryKeyWrite);
  const { replaceRecoveryKey } = useAppStoreShallow(selectBackupActions);
  const [passphrase, setPassphrase] = useState('');
  const [tried, setTried] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  // Back from the new key: focus on the outcome, which says the old key no longer works.
  useEffect(() => {
    if (state.done) doneRef.current?.focus();
  }, []);
  // After a refusal, start again in the field; the alert says what went wrong.
  useEffect(() => {
    if (state.error && !state.busy) inputRef.current?.focus();
  }, [state.error, state.busy]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!passphrase || state.busy) return;
    const ok = await replaceRecoveryKey(passphrase);
    setPassphrase('');
    if (ok) setTried(false);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-settings-recovery" className="kk-panel" aria-busy={state.busy}>
      <Heading level={2} id="kk-settings-recovery">
        {t('recoveryReplace.title')}
      </Heading>
      <Paragraph>{t('recoveryReplace.intro')}</Paragraph>
      <Paragraph>{t('recoveryReplace.oldBackups')}</Paragraph>
      <ErrorAlert error={state.error} />
      {state.done ? (
        <div ref={doneRef} tabIndex={-1} className="kk-focus-target" data-testid="recovery-replaced">
          <SuccessAlert>{t('recoveryReplace.done')}</SuccessAlert>
        </div>
      ) : null}
      <PassphraseField
        label={t('recoveryReplace.passphrase')}
        name="recovery-replace-passphrase"
        autoComplete="current-password"
        value={passphrase}
        onChange={setPassphrase}
        error={tried && !passphrase ? t('passphrase.required') : null}
        disabled={state.busy}
        inputRef={inputRef}
      />
      <SubmitRow label={t('recoveryReplace.submit')} busy={state.busy} disabled={state.busy} />
      {state.busy ? (
        <p role="status" className="kk-busy">
          {t('recoveryReplace.busy')}
        </p>
      ) : null}
    </form>
  );
}

/** The new recovery key, shown once in place of Settings until the person confirms it is stored. */
export function NewRecoveryKeyView() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const recoveryKey = useAppStore(selectNewRecoveryKey);
  const { confirmNewRecoveryKeyStored } = useAppStoreShallow(selectBackupActions);
  return (
    <section className="kk-page" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t('recoveryReplace.keyTitle')}
      </Heading>
      <Paragraph className="kk-intro">{t('recoveryReplace.keyIntro')}</Paragraph>
      <div className="kk-panel">
        <RecoveryKeyBlock recoveryKey={recoveryKey ?? ''} confirmLabel={t('recoveryReplace.confirm')} continueLabel={t('recoveryReplace.continue')} onContinue={confirmNewRecoveryKeyStored} />
      </div>
    </section>
  );
}
