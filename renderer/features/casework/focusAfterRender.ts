/**
 * Moves focus to the element with `id` (or the first field inside it) once the screen has drawn
 * what a change did. A record is drawn afresh from its new version after a save (React keys by
 * version), so the button that was pressed is gone, and without this focus falls to the page body
 * (issue 13). An update made after an await may be drawn a frame or two later, so while the
 * element is not there yet this looks again on the next frames (at most `frames`).
 */
export function focusAfterRender(id: string, firstField = false, frames = 30): void {
  requestAnimationFrame(() => {
    const target = document.getElementById(id);
    if (!target) {
      if (frames > 1) focusAfterRender(id, firstField, frames - 1);
      return;
    }
    const field = firstField ? target.querySelector<HTMLElement>('select, input, textarea') : null;
    (field ?? target).focus();
  });
}
