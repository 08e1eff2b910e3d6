import type { KeyboardEvent } from 'react';

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * Keeps Tab inside `event.currentTarget` (a dialog's content): from the last element Tab goes to
 * the first, Shift+Tab from the first to the last. A native modal dialog makes the page behind it
 * inert, but Tab can still leave it for the browser itself; this keeps keyboard users inside.
 */
export function trapTab(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab') return;
  const tabbable = [...event.currentTarget.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && !el.matches(':disabled'));
  const first = tabbable[0];
  const last = tabbable[tabbable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !event.currentTarget.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
