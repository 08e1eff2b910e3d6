import { KkError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc/contract';
import type { vaultHostMethods, vaultMethods } from '../../../shared/ipc/vault.contract';
import type { Session } from '../session';
import { vaultControl } from './session.impl';
import { readBackupInfo, setReminderDays } from './backupInfo';
import { readSettings, updateSettings } from './settings';

/** The vault methods main answers itself (its dialogs), which reach the core as host methods. */
type MainAnswered = 'backup.save' | 'backup.chooseRestoreFile' | 'backup.restore';

/** Handlers for the vault area: thin, they parse nothing themselves (dispatch did) and delegate. */
export const vaultHandlers: Pick<Handlers<Session>, Exclude<keyof typeof vaultMethods, MainAnswered> | keyof typeof vaultHostMethods> = {
  'vault.status': (_input, ctx) => vaultControl(ctx).status(),
  'vault.create': async ({ passphrase }, ctx) => ({ recoveryKey: await vaultControl(ctx).create(passphrase) }),
  'vault.unlock': async ({ passphrase }, ctx) => {
    await vaultControl(ctx).unlock(passphrase);
    return {};
  },
  'vault.lock': (_input, ctx) => {
    vaultControl(ctx).lock('user');
    return {};
  },
  'vault.changePassphrase': async ({ current, next }, ctx) => {
    await vaultControl(ctx).changePassphrase(current, next);
    return {};
  },
  'vault.recover': async ({ recoveryKey, next }, ctx) => {
    await vaultControl(ctx).recover(recoveryKey, next);
    return {};
  },
  'vault.replaceRecoveryKey': async ({ passphrase }, ctx) => ({ recoveryKey: await vaultControl(ctx).replaceRecoveryKey(passphrase) }),
  'backup.status': (_input, ctx) => readBackupInfo(ctx.db()),
  'backup.setReminder': ({ dagen }, ctx) => setReminderDays(ctx.db(), dagen),
  'backup.writeFile': async ({ path }, ctx) => {
    const { bytes, createdAt } = await vaultControl(ctx).backup(path);
    return { bytes, gemaaktOp: createdAt };
  },
  'backup.restoreFile': ({ path, passphrase, opzij }, ctx) => vaultControl(ctx).restore(path, passphrase, opzij),
  'settings.get': (_input, ctx) => readSettings(ctx.vaultDir),
  'settings.update': (changes, ctx) => {
    // While locked, anyone at the screen may switch the language, but not lengthen (or change)
    // how long an unlocked vault stays open: that needs the vault unlocked.
    if (ctx.isLocked() && changes.autoLockMinutes !== undefined && changes.autoLockMinutes !== readSettings(ctx.vaultDir).autoLockMinutes) {
      throw new KkError('VAULT_LOCKED', 'autoLockMinutes changes need an unlocked vault');
    }
    const settings = updateSettings(ctx.vaultDir, changes);
    ctx.emit('settings.changed', {});
    return settings;
  },
};
