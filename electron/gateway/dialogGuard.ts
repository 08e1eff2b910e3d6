import { KkError } from '../../shared/errors';

/** Runs a native file dialog, at most one at a time. */
export type DialogGuard = <T>(show: () => Promise<T>) => Promise<T>;

/**
 * One file dialog at a time: a second click while a dialog is open would stack a second dialog
 * on the first, so it is refused (CONFLICT) instead.
 */
export function createDialogGuard(): DialogGuard {
  let open = false;
  return async (show) => {
    if (open) throw new KkError('CONFLICT', 'A file dialog is already open');
    open = true;
    try {
      return await show();
    } finally {
      open = false;
    }
  };
}
