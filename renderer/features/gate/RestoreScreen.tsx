import { Button, ButtonGroup, FormFieldCheckbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PassphraseField } from '../../components/PassphraseField';
import { SubmitRow } from '../../components/screenBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { fileSizeLabel } from '../casework/ImportScreen';
import { selectRestore, selectRestoreActions } from '../settings/backupSelectors';
import { ContextErrorAlert } from '../settings/contextError';
import { GateLayout } from './GateLayout';
import '../settings/backup.css';

/**
 * Restore a backup as a new vault, from the unlock screen (`existing`: a vault is there) or the
 * first-run screen. Main's open dialog chooses the file; the person gives the backup's passphrase.
 * Over an existing vault only with the explicit choice to keep it aside (the core refuses
 * otherwise); a damaged or foreign file and a wrong passphrase change nothing.
 */
export function RestoreScreen({ existing }: { existing: boolean }) {
  const { t, language } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const state = useAppStore(selectRestore);
  const { chooseRestoreFile, restoreBackup, closeRestore } = useAppStoreShallow(selectRestoreActions);
  const [passphrase, setPassphrase] = useState('');
  const [opzij, setOpzij] = useState(false);
  const [tried, setTried] = useState(false);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const asideRef = useRef<HTMLInputElement>(null);
  const fileMissing = tried && state.chosen === null;
  const passphraseMissing = tried && passphrase === '';
  const asideMissing = tried && existing && !opzij;

  // After a refusal, focus goes where the person acts next: the passphrase, the file, or the choice to keep the vault aside.
  useEffect(() => {
    if (!state.error || state.busy) return;
    const code = state.error.code;
    if (code === 'WRONG_PASSPHRASE') passphraseRef.current?.focus();
    else if (code === 'VAULT_EXISTS' && existing) asideRef.current?.focus();
    else chooseRef.current?.focus();
  }, [state.error, state.busy]);

  async function choose() {
    if (state.busy) return;
    // A new file: on to its passphrase. A cancel: back on the button.
    if (await chooseRestoreFile()) passphraseRef.current?.focus();
    else chooseRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (state.busy) return;
    if (state.chosen === null) return chooseRef.current?.focus();
    if (passphrase === '') return passphraseRef.current?.focus();
    if (existing && !opzij) return asideRef.current?.focus();
    const ok = await restoreBackup(passphrase, existing && opzij);
    if (!ok) {
      // The alert says what went wrong; an emptied field is not a second mistake.
      setPassphrase('');
      setTried(false);
    }
  }

  return (
    <GateLayout title={t('restore.title')} titleRef={titleRef} intro={t('restore.intro')}>
      <form onSubmit={submit} noValidate aria-busy={state.busy}>
        <ContextErrorAlert error={state.error} prefix="restore" />
        <div className="kk-restore-file">
          <Heading level={2} className="kk-restore-file__label">
            {t('restore.file')}
          </Heading>
          <Paragraph className={fileMissing ? 'kk-restore-file__missing' : 'kk-restore-file__chosen'} data-testid="restore-chosen" id="kk-restore-chosen">
            {state.chosen ? t('restore.chosen', { naam: state.chosen.name, grootte: fileSizeLabel(state.chosen.size, language) }) : fileMissing ? t('restore.fileRequired') : t('restore.noFile')}
          </Paragraph>
          <ButtonGroup>
            <Button ref={chooseRef} type="button" appearance="secondary-action-button" aria-describedby="kk-restore-chosen" onClick={() => void choose()}>
              {state.chosen ? t('restore.chooseOther') : t('restore.choose')}
            </Button>
          </ButtonGroup>
        </div>
        <PassphraseField
          label={t('restore.passphrase')}
          description={t('restore.passphraseHint')}
          name="restore-passphrase"
          autoComplete="off"
          value={passphrase}
          onChange={setPassphrase}
          error={passphraseMissing ? t('passphrase.required') : null}
          disabled={state.busy}
          inputRef={passphraseRef}
        />
        {existing ? (
          <div className="kk-notice kk-restore-existing">
            <Heading level={2} className="kk-restore-existing__title">
              {t('restore.existing.title')}
            </Heading>
            <Paragraph>{t('restore.existing.body')}</Paragraph>
            <FormFieldCheckbox
              label={t('restore.existing.confirm')}
              checked={opzij}
              onChange={(event) => setOpzij(event.target.checked)}
              invalid={asideMissing}
              inputInvalid={asideMissing}
              errorMessage={asideMissing ? t('restore.existing.required') : undefined}
              inputRef={asideRef}
              disabled={state.busy}
              className="kk-confirm"
            />
          </div>
        ) : null}
        <SubmitRow label={t('restore.submit')} busy={state.busy} disabled={state.busy} primary />
        {state.busy ? (
          <p role="status" className="kk-busy">
            {t('restore.busy')}
          </p>
        ) : null}
      </form>
      <p className="kk-secondary-action">
        <button type="button" className="kk-link-button" onClick={closeRestore}>
          {existing ? t('restore.backUnlock') : t('restore.backFirstRun')}
        </button>
      </p>
    </GateLayout>
  );
}
