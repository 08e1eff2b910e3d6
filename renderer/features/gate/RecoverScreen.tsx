import { Button, ButtonGroup, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewPassphraseFields, isNewPassphraseReady } from '../../components/NewPassphraseFields';
import { useCountdown } from '../../components/useCountdown';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { selectGate, selectNavigation, selectVaultActions } from '../../store/selectors';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { GateLayout } from './GateLayout';

/** "Wachtwoord vergeten?": open the vault with the recovery key and choose a new passphrase. */
export function RecoverScreen() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const keyId = useId();
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
        <FormField type="text" invalid={keyMissing} className="kk-field">
          <div className="utrecht-form-field__label">
            <FormLabel htmlFor={keyId}>{t('recover.key')}</FormLabel>
          </div>
          <FormFieldDescription id={`${keyId}-hint`} className="utrecht-form-field__description">
            {t('recover.keyHint')}
          </FormFieldDescription>
          {keyMissing ? (
            <FormFieldErrorMessage id={`${keyId}-error`} className="utrecht-form-field__error-message">
              {t('recover.keyRequired')}
            </FormFieldErrorMessage>
          ) : null}
          <div className="utrecht-form-field__input">
            <Textbox
              id={keyId}
              name="recovery-key"
              maxLength={512}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              className="kk-recovery-input"
              value={recoveryKey}
              invalid={keyMissing}
              aria-describedby={keyMissing ? `${keyId}-hint ${keyId}-error` : `${keyId}-hint`}
              onChange={(event) => setRecoveryKey(event.target.value)}
              disabled={gate.busy}
            />
          </div>
        </FormField>
        <NewPassphraseFields
          value={value}
          onChange={setValue}
          labels={{ next: 'recover.next', repeat: 'recover.repeat' }}
          showErrors={tried}
          disabled={gate.busy}
          namePrefix="recover"
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={gate.busy} disabled={gate.busy || wait > 0}>
            {t('recover.submit')}
          </Button>
        </ButtonGroup>
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
