import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../../components/dateText';
import { formatNumber } from '../../components/dataBits';
import { ErrorAlert, SuccessAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/formBits';
import { relativeDay } from '../../components/relativeDay';
import { SubmitRow } from '../../components/screenBits';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { fileSizeLabel } from '../casework/ImportScreen';
import { selectBackupActions, selectBackupFocus, selectBackupStatus, selectBackupWrite, selectReminderWrite, selectRestore } from './backupSelectors';
import { backupView, parseReminderDays } from './backupReminder';
import { backupPercent } from './backupProgress';
import { ContextErrorAlert } from './contextError';
import './backup.css';

/** "vandaag (10-05-2026)": how long ago in words, and the day as dd-mm-jjjj. */
export function useLastBackupText(): string | null {
  const { t } = useT();
  const status = useAppStore(selectBackupStatus);
  if (!status) return null;
  const { laatste } = backupView(status);
  if (!laatste) return t('backup.never');
  const words = relativeDay(-laatste.dagenGeleden);
  return t('backup.last', { wanneer: t(words.key, words.vars), datum: formatDate(laatste.dag) });
}

/**
 * After a restore from the locked screens, the top of Settings says what happened (and where
 * the previous vault was kept) and takes focus; gone once the person leaves Settings.
 */
export function RestoredNotice() {
  const { t } = useT();
  const restored = useAppStore(selectRestore).restored;
  const { restoredNoticeSeen } = useAppStoreShallow(selectBackupActions);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    return () => restoredNoticeSeen();
  }, [restoredNoticeSeen]);
  if (!restored) return null;
  return (
    <div ref={ref} tabIndex={-1} className="kk-focus-target" data-testid="restored-notice">
      <Alert type="ok" className="kk-alert">
        <Paragraph>{t('backup.restored')}</Paragraph>
        {restored.bewaardAls ? <Paragraph>{t('backup.restoredAside', { map: restored.bewaardAls })}</Paragraph> : null}
      </Alert>
    </div>
  );
}

/**
 * Settings → Back-up: when the last one was made, making one (main's save dialog chooses the
 * file; this window never names a path), and after how many days the header reminds.
 */
export function BackupSection() {
  const { t, language } = useT();
  const status = useAppStore(selectBackupStatus);
  const write = useAppStore(selectBackupWrite);
  const reminderWrite = useAppStore(selectReminderWrite);
  const focusFromReminder = useAppStore(selectBackupFocus);
  const { makeBackup, saveBackupReminder, backupFocusTaken, resetBackupFeedback } = useAppStoreShallow(selectBackupActions);
  const lastText = useLastBackupText();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [days, setDays] = useState(status ? String(status.herinnerNaDagen) : '');
  const [tried, setTried] = useState(false);
  const parsedDays = parseReminderDays(days);

  // Settings opened from the reminder: focus on the button it pointed to (SettingsScreen leaves its title alone then).
  useEffect(() => {
    if (!focusFromReminder) return;
    buttonRef.current?.focus();
    backupFocusTaken();
  }, []);
  // Leaving Settings: the outcome messages have been seen.
  useEffect(() => () => resetBackupFeedback(), [resetBackupFeedback]);
  useEffect(() => {
    if (status) setDays(String(status.herinnerNaDagen));
  }, [status?.herinnerNaDagen]);

  async function make() {
    if (write.busy) return;
    await makeBackup();
    // The button stays where it was; the outcome is announced beside it.
    buttonRef.current?.focus();
  }

  async function saveReminder(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (parsedDays === null || reminderWrite.busy) return;
    await saveBackupReminder(parsedDays);
  }

  const due = status ? backupView(status).herinneren : false;
  return (
    <section className="kk-panel" aria-labelledby="kk-settings-backup">
      <Heading level={2} id="kk-settings-backup">
        {t('backup.title')}
      </Heading>
      <Paragraph>{t('backup.intro')}</Paragraph>
      <Paragraph className="kk-emphasis" data-testid="backup-last">
        {lastText ?? t('backup.loading')}
      </Paragraph>
      {due ? <Paragraph className="kk-notice">{t('backup.due')}</Paragraph> : null}
      <ContextErrorAlert error={write.error} prefix="backup" />
      {write.gemaakt ? <SuccessAlert>{t('backup.done', { naam: write.gemaakt.naam, grootte: fileSizeLabel(write.gemaakt.bytes, language) })}</SuccessAlert> : null}
      {write.geannuleerd ? (
        <Paragraph role="status" className="kk-busy">
          {t('backup.cancelled')}
        </Paragraph>
      ) : null}
      <ButtonGroup>
        <Button ref={buttonRef} type="button" appearance="primary-action-button" busy={write.busy} aria-disabled={write.busy || undefined} onClick={() => void make()}>
          {t('backup.make')}
        </Button>
      </ButtonGroup>
      {write.busy ? (
        <p role="status" className="kk-busy">
          {t('backup.busy')}
        </p>
      ) : null}
      {write.busy && write.progress ? <BackupProgressBar percent={backupPercent(write.progress)} /> : null}

      <form onSubmit={saveReminder} noValidate className="kk-subform" aria-busy={reminderWrite.busy}>
        <ErrorAlert error={reminderWrite.error} />
        {reminderWrite.saved && status ? <SuccessAlert>{t('backup.reminder.saved', { dagen: status.herinnerNaDagen })}</SuccessAlert> : null}
        <TextField
          label={t('backup.reminder.label')}
          hint={t('backup.reminder.hint')}
          error={tried && parsedDays === null ? t('backup.reminder.invalid') : undefined}
          name="backup-reminder-days"
          inputMode="numeric"
          className="kk-number-input"
          value={days}
          onChange={setDays}
        />
        <SubmitRow label={t('backup.reminder.save')} disabled={false} />
      </form>
    </section>
  );
}

/**
 * How far the backup is: a bar with the same words beside it. Not a live region (it changes every
 * step): the start is announced by the busy line above, the end by the outcome message.
 */
function BackupProgressBar({ percent }: { percent: number }) {
  const { t, language } = useT();
  const text = t('backup.progress', { percent: formatNumber(percent, language) });
  return (
    <div className="kk-backup-progress" data-testid="backup-progress">
      <progress id="kk-backup-progress-bar" max={100} value={percent} aria-labelledby="kk-backup-progress-text" aria-valuetext={text} />
      <span id="kk-backup-progress-text">{text}</span>
    </div>
  );
}
