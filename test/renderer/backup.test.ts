// Backups in the renderer: the reminder rule in the person's own calendar, and the store's
// backup, restore and recovery-key actions against a real core (a real encrypted vault in a temp
// folder), main's dialogs played by the test.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../renderer/platform/api';
import { createAppStore, type AppStore } from '../../renderer/store/appStore';
import { backupView, parseReminderDays } from '../../renderer/features/settings/backupReminder';
import { inProcessApi, PASSPHRASE, type InProcessApi } from './inProcessApi';

/** A local time on a day (the renderer reads times in this computer's time zone). */
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

describe('backupView', () => {
  const status = (laatste: Date | null, sinds: Date | null, dagen = 7) => ({ laatsteBackup: laatste?.toISOString() ?? null, kluisSinds: sinds?.toISOString() ?? null, herinnerNaDagen: dagen });

  it('counts calendar days in local time: just after midnight is today, just before is yesterday', () => {
    const now = at(2026, 5, 10, 9);
    expect(backupView(status(at(2026, 5, 10, 0, 5), null), now).laatste).toEqual({ dag: '2026-05-10', dagenGeleden: 0 });
    expect(backupView(status(at(2026, 5, 9, 23, 55), null), now).laatste).toEqual({ dag: '2026-05-09', dagenGeleden: 1 });
  });

  it('reminds once the set number of days has passed since the last backup, not a day earlier', () => {
    const last = at(2026, 5, 1, 18);
    expect(backupView(status(last, at(2026, 1, 1)), at(2026, 5, 7, 23, 59)).herinneren).toBe(false);
    expect(backupView(status(last, at(2026, 1, 1)), at(2026, 5, 8, 0, 1)).herinneren).toBe(true);
    expect(backupView(status(last, at(2026, 1, 1), 14), at(2026, 5, 8)).herinneren).toBe(false);
  });

  it('without any backup it counts from the day the vault was made (a new vault is not nagged); with neither, never', () => {
    expect(backupView(status(null, at(2026, 5, 10, 8)), at(2026, 5, 10, 20))).toEqual({ laatste: null, herinneren: false });
    expect(backupView(status(null, at(2026, 5, 1)), at(2026, 5, 8)).herinneren).toBe(true);
    expect(backupView(status(null, null), at(2030, 1, 1)).herinneren).toBe(false);
  });

  it.each([
    ['7', 7],
    [' 14 ', 14],
    ['365', 365],
    ['1', 1],
    ['0', null],
    ['366', null],
    ['2,5', null],
    ['', null],
    ['zeven', null],
  ])('parseReminderDays(%j) is %j', (text, expected) => {
    expect(parseReminderDays(text)).toBe(expected);
  });
});

describe('the store against a real core', () => {
  let env: InProcessApi;
  let store: AppStore;
  const s = () => store.getState();
  afterEach(() => env.dispose());

  async function unlocked(): Promise<void> {
    env = inProcessApi();
    store = createAppStore(createClient(env.api));
    await s().start();
    await s().createVault(PASSPHRASE);
    s().confirmRecoveryKeyStored();
    await s().loadBackupStatus();
  }

  it('makes a backup through the save dialog, then knows it was made today; a cancel says so and makes nothing', async () => {
    await unlocked();
    expect(s().backupStatus).toMatchObject({ laatsteBackup: null, herinnerNaDagen: 7 });
    const file = join(env.vaultDir, '..', 'winkel.kkbackup');
    env.answerFileDialog(file);
    expect(await s().makeBackup()).toBe(true);
    expect(s().backupWrite).toMatchObject({ busy: false, error: null, gemaakt: { naam: 'winkel.kkbackup' } });
    expect(backupView(s().backupStatus!).laatste?.dagenGeleden).toBe(0);
    env.answerFileDialog(null);
    expect(await s().makeBackup()).toBe(false);
    expect(s().backupWrite).toMatchObject({ geannuleerd: true, gemaakt: null, error: null });
    env.answerFileDialog(file);
    expect(await s().makeBackup()).toBe(false);
    expect(s().backupWrite.error?.code).toBe('BACKUP_EXISTS');
  });

  it('a new recovery key stays until confirmed, and is gone after a lock', async () => {
    await unlocked();
    expect(await s().replaceRecoveryKey('niet het wachtwoord van deze kluis')).toBe(false);
    expect(s().recoveryKeyWrite.error?.code).toBe('WRONG_PASSPHRASE');
    expect(await s().replaceRecoveryKey(PASSPHRASE)).toBe(true);
    expect(s().newRecoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){8}$/);
    s().confirmNewRecoveryKeyStored();
    expect(s().newRecoveryKey).toBeNull();
    expect(s().recoveryKeyWrite.done).toBe(true);
    expect(await s().replaceRecoveryKey(PASSPHRASE)).toBe(true);
    await s().lock();
    expect(s().newRecoveryKey).toBeNull();
    expect(JSON.stringify(s())).not.toMatch(/[0-9A-Z]{4}(-[0-9A-Z]{4}){8}/);
  });

  it('restores from the unlock screen only with the choice to keep the vault aside, then opens it in Settings', async () => {
    await unlocked();
    const file = join(env.vaultDir, '..', 'terug.kkbackup');
    env.answerFileDialog(file);
    expect(await s().makeBackup()).toBe(true);
    await s().lock();

    s().openRestore();
    expect(s().restore.open).toBe(true);
    env.answerFileDialog(file);
    expect(await s().chooseRestoreFile()).toBe(true);
    expect(s().restore.chosen).toMatchObject({ name: 'terug.kkbackup' });
    // A cancel keeps the choice.
    env.answerFileDialog(null);
    expect(await s().chooseRestoreFile()).toBe(false);
    expect(s().restore.chosen).toMatchObject({ name: 'terug.kkbackup' });

    expect(await s().restoreBackup(PASSPHRASE, false)).toBe(false);
    expect(s().restore.error?.code).toBe('VAULT_EXISTS');
    expect(s().vaultPhase).toBe('locked');
    expect(await s().restoreBackup('niet het wachtwoord van de back-up', true)).toBe(false);
    expect(s().restore.error?.code).toBe('WRONG_PASSPHRASE');
    expect(s().restore.chosen).not.toBeNull();

    expect(await s().restoreBackup(PASSPHRASE, true)).toBe(true);
    expect(s().vaultPhase).toBe('unlocked');
    expect(s().route).toBe('settings');
    expect(s().restore).toMatchObject({ open: false, chosen: null, restored: { bewaardAls: expect.stringMatching(/^vault-bewaard-/) } });
    // A lock ends what the restore had to say.
    await s().lock();
    expect(s().restore.restored).toBeNull();
  });

  it('a spent token asks for the file again', async () => {
    await unlocked();
    const file = join(env.vaultDir, '..', 'eenmalig.kkbackup');
    env.answerFileDialog(file);
    await s().makeBackup();
    await s().lock();
    s().openRestore();
    env.answerFileDialog(file);
    await s().chooseRestoreFile();
    expect(await s().restoreBackup(PASSPHRASE, true)).toBe(true);
    await s().lock();
    // The same token again (a stale screen): main no longer knows it.
    store.setState({ restore: { ...s().restore, open: true, chosen: { token: 'A'.repeat(43), name: 'eenmalig.kkbackup', size: 1 } } });
    expect(await s().restoreBackup(PASSPHRASE, true)).toBe(false);
    expect(s().restore.error?.code).toBe('NOT_FOUND');
    expect(s().restore.chosen).toBeNull();
  });
});
