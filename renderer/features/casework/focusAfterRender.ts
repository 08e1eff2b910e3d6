/**
 * Moves focus to the element with `id` (or the first field inside it) once the screen has drawn
 * what a change did. A record is drawn afresh from its new version after a save (React keys by
 * version), so the button that was pressed is gone, and without this focus falls to the page body
 * (issue 13). A frame later the new elements are there.
 */
export function focusAfterRender(id: string, firstField = false): void {
  requestAnimationFrame(() => {
    const target = document.getElementById(id);
    const field = firstField ? target?.querySelector<HTMLElement>('select, input, textarea') : null;
    (field ?? target)?.focus();
  });
}
