import { Heading } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { QuickSwitchHit } from '../../../shared/casework/query.schema';
import { trapTab } from '../../components/focusTrap';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectQuickSwitch, selectQuickSwitcherOpen } from './caseSelectors';
import { naamInLijst } from './caseBits';

/** True for Ctrl+K (Cmd+K on a Mac). */
export function isQuickSwitchShortcut(event: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
}

/**
 * The hits: each cliënt once, with the trajecten under it. Names follow the one rule for lists
 * (naamInLijst): the cliënt's row leads to the cliënt's page and shows the name; a traject's row
 * leads to the traject, which hides the name, so it shows the phase only.
 */
function Results({ hits, active, listId, onPick }: { hits: QuickSwitchHit[]; active: number; listId: string; onPick(hit: QuickSwitchHit): void }) {
  const { t } = useT();
  return (
    <ul id={listId} role="listbox" aria-label={t('cw.qs.title')} className="kk-qs__list">
      {hits.map((hit, i) => {
        const naam = naamInLijst(hit.kind, hit.naam);
        const classes = ['kk-qs__option', hit.kind === 'traject' ? 'kk-qs__option--traject' : '', i === active ? 'kk-qs__option--active' : ''].filter(Boolean).join(' ');
        return (
          <li key={`${hit.kind}-${hit.id}`} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={classes} onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(hit)}>
            {hit.kind === 'client' ? (
              <>
                <span className="kk-pseudonym">{hit.pseudoniem}</span>
                <span className="kk-qs__name">{naam}</span>
                <span className="kk-qs__kind">{t('cw.qs.client')}</span>
              </>
            ) : (
              <>
                <span className="kk-qs__kind kk-qs__traject">
                  {hit.fase ? t('cw.qs.traject', { fase: t(`cw.fase.${hit.fase}`) }) : t('cw.search.kind.traject')}
                  <span className="kk-visually-hidden"> {t('cw.qs.van', { code: hit.pseudoniem })}</span>
                </span>
                {naam ? <span className="kk-qs__name">{naam}</span> : null}
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The quick switcher (Ctrl+K): a modal dialog to open a cliënt or traject by pseudonym code or
 * name. The native modal dialog closes on Escape (focus returns to where it was) and Tab stays inside; arrow keys move
 * through the results (combobox pattern), Enter opens the chosen one.
 */
export function QuickSwitcher() {
  const { t } = useT();
  const open = useAppStore(selectQuickSwitcherOpen);
  const qs = useAppStore(selectQuickSwitch);
  const { setQuickSwitcherOpen, runQuickSwitch, openCase } = useAppStoreShallow(selectCaseActions);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [active, setActive] = useState(0);
  const ids = useId();
  const listId = `${ids}-list`;

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (!isQuickSwitchShortcut(event)) return;
      event.preventDefault();
      setQuickSwitcherOpen(true);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setQuickSwitcherOpen]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      void runQuickSwitch('');
      setActive(0);
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      inputRef.current?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      returnFocus.current?.focus();
    }
  }, [open, runQuickSwitch]);

  useEffect(() => setActive(0), [qs.hits]);

  function pick(hit: QuickSwitchHit) {
    setQuickSwitcherOpen(false);
    if (hit.kind === 'traject') openCase({ area: 'trajecten', screen: 'traject', id: hit.id });
    else openCase({ area: 'trajecten', screen: 'client', id: hit.clientId });
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const count = qs.hits.length;
    if (event.key === 'ArrowDown' && count > 0) {
      event.preventDefault();
      setActive((a) => (a + 1) % count);
    } else if (event.key === 'ArrowUp' && count > 0) {
      event.preventDefault();
      setActive((a) => (a - 1 + count) % count);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = qs.hits[active];
      if (hit) pick(hit);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuickSwitcherOpen(false);
    }
  }

  const hasQuery = qs.q.trim().length > 0;
  return (
    <dialog
      ref={dialogRef}
      className="kk-qs"
      aria-labelledby={`${ids}-title`}
      onCancel={(e) => {
        e.preventDefault();
        setQuickSwitcherOpen(false);
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        if (e.target === dialogRef.current) setQuickSwitcherOpen(false);
      }}
    >
      {open ? (
        // Tab cycles between the field and the close button while the dialog is open.
        <div className="kk-qs__content" onKeyDown={trapTab}>
          <Heading level={2} id={`${ids}-title`} className="kk-qs__title">
            {t('cw.qs.title')}
          </Heading>
          <label htmlFor={`${ids}-input`} className="utrecht-form-label kk-qs__label">
            {t('cw.qs.label')}
          </label>
          <p id={`${ids}-hint`} className="kk-muted kk-small kk-qs__hint">
            {t('cw.qs.hint')}
          </p>
          <input
            ref={inputRef}
            id={`${ids}-input`}
            className="utrecht-textbox utrecht-textbox--html-input kk-qs__input"
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-expanded={qs.hits.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-describedby={`${ids}-hint`}
            aria-activedescendant={qs.hits.length > 0 ? `${listId}-${active}` : undefined}
            value={qs.q}
            onChange={(e) => void runQuickSwitch(e.target.value)}
            onKeyDown={onKeyDown}
          />
          {qs.hits.length > 0 ? <Results hits={qs.hits} active={active} listId={listId} onPick={pick} /> : null}
          <p role="status" className="kk-muted kk-small kk-qs__status">
            {hasQuery ? (qs.hits.length === 0 ? t('cw.qs.none') : t('cw.qs.count', { n: qs.hits.length })) : ''}
          </p>
          <button type="button" className="kk-link-button kk-qs__close" onClick={() => setQuickSwitcherOpen(false)}>
            {t('cw.qs.close')}
          </button>
        </div>
      ) : null}
    </dialog>
  );
}
