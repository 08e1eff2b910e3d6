import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Language } from '../../../shared/errors';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { SelectField, TextField } from '../../components/formBits';
import { SubmitRow } from '../../components/screenBits';
import { NewPassphraseFields, isNewPassphraseReady } from '../../components/NewPassphraseFields';
import { PassphraseField } from '../../components/PassphraseField';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { selectPassphraseChange, selectSettings, selectSettingsActions, selectSettingsFeedback, selectVaultActions } from '../../store/selectors';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { ProfileSettingsSection } from '../profile/ProfileSettingsSection';
import { BackupSection, RestoredNotice } from './BackupSection';
import { selectBackupFocus, selectNewRecoveryKey, selectRecoveryKeyWrite, selectRestore } from './backupSelectors';
import { NewRecoveryKeyView, RecoveryKeySection } from './RecoveryKeySection';
import './backup.css';

/** Parses the auto-lock field: a whole number 1–240, else null. */
export function parseAutoLockMinutes(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 240 ? n : null;
}

function GeneralSettings() {
  const { t } = useT();
  const settings = useAppStore(selectSettings);
  const feedback = useAppStoreShallow(selectSettingsFeedback);
  const { updateSettings, clearSettingsFeedback } = useAppStoreShallow(selectSettingsActions);
  const [minutes, setMinutes] = useState(settings ? String(settings.autoLockMinutes) : '');
  const [language, setLanguage] = useState<Language>(settings?.language ?? 'nl');
  const [tried, setTried] = useState(false);
  const parsed = parseAutoLockMinutes(minutes);
  const invalid = tried && parsed === null;

  useEffect(() => () => clearSettingsFeedback(), [clearSettingsFeedback]);
  useEffect(() => {
    if (settings) {
      setMinutes(String(settings.autoLockMinutes));
      setLanguage(settings.language);
    }
  }, [settings]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (parsed === null) return;
    await updateSettings({ autoLockMinutes: parsed, language });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-settings-general" className="kk-panel">
      <Heading level={2} id="kk-settings-general">
        {t('settings.general')}
      </Heading>
      <ErrorAlert error={feedback.error} />
      {feedback.saved ? <SuccessAlert>{t('settings.saved')}</SuccessAlert> : null}
      <TextField
        label={t('settings.autoLock')}
        hint={t('settings.autoLockHint')}
        error={invalid ? t('settings.autoLockInvalid') : undefined}
        name="auto-lock-minutes"
        inputMode="numeric"
        className="kk-number-input"
        value={minutes}
        onChange={setMinutes}
      />
      <SelectField
        label={t('settings.language')}
        name="language"
        value={language}
        onChange={(value) => setLanguage(Language.parse(value))}
        options={[
          { value: 'nl', label: t('language.nl'), lang: 'nl' },
          { value: 'en', label: t('language.en'), lang: 'en' },
        ]}
      />
      <SubmitRow label={t('settings.save')} busy={feedback.busy} disabled={feedback.busy} primary />
    </form>
  );
}

function ChangePassphrase() {
  const { t } = useT();
  const state = useAppStore(selectPassphraseChange);
  const { changePassphrase, resetPassphraseChange } = useAppStoreShallow(selectVaultActions);
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState({ next: '', repeat: '' });
  const [tried, setTried] = useState(false);

  useEffect(() => () => resetPassphraseChange(), [resetPassphraseChange]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!current || !isNewPassphraseReady(value) || state.busy) return;
    const ok = await changePassphrase(current, value.next);
    setCurrent('');
    if (ok) {
      setValue({ next: '', repeat: '' });
      setTried(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="kk-settings-passphrase" className="kk-panel" aria-busy={state.busy}>
      <Heading level={2} id="kk-settings-passphrase">
        {t('settings.passphrase.title')}
      </Heading>
      <Paragraph>{t('settings.passphrase.intro')}</Paragraph>
      <ErrorAlert error={state.error} />
      {state.done ? <SuccessAlert>{t('settings.passphrase.done')}</SuccessAlert> : null}
      <PassphraseField
        label={t('settings.passphrase.current')}
        name="current-passphrase"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={tried && !current ? t('passphrase.required') : null}
        disabled={state.busy}
      />
      <NewPassphraseFields
        value={value}
        onChange={setValue}
        labels={{ next: 'settings.passphrase.next', repeat: 'settings.passphrase.repeat' }}
        showErrors={tried}
        disabled={state.busy}
        namePrefix="change"
      />
      <SubmitRow label={t('settings.passphrase.submit')} busy={state.busy} disabled={state.busy} primary />
      {state.busy ? <p role="status" className="kk-busy">{t('settings.passphrase.busy')}</p> : null}
    </form>
  );
}

/**
 * Settings: auto-lock minutes and language, the profile, backups, the passphrase and the recovery
 * key. A new recovery key takes the whole screen until the person confirms it is stored.
 */
export function SettingsScreen() {
  const newRecoveryKey = useAppStore(selectNewRecoveryKey);
  return newRecoveryKey ? <NewRecoveryKeyView key="new-recovery-key" /> : <SettingsSections key="sections" />;
}

function SettingsSections() {
  const { t } = useT();
  // A section that opens with something to say takes focus instead of the title: the outcome of
  // a restore or of a new recovery key, or the backup button the menu's reminder pointed to.
  const restored = useAppStore(selectRestore).restored !== null;
  const backupFocus = useAppStore(selectBackupFocus);
  const recoveryDone = useAppStore(selectRecoveryKeyWrite).done;
  const titleRef = useFocusOnMount<HTMLHeadingElement>(restored || backupFocus || recoveryDone);
  return (
    <section className="kk-page" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t('settings.title')}
      </Heading>
      {restored ? <RestoredNotice /> : null}
      <GeneralSettings />
      <ProfileSettingsSection />
      <BackupSection />
      <ChangePassphrase />
      <RecoveryKeySection />
    </section>
  );
}
