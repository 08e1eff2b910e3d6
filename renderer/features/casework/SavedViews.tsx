import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectSavedViews, selectViewsError } from './caseSelectors';
import { TextField } from '../../components/formBits';
import type { ViewList } from './views.slice';

/**
 * The saved views of one list (trajecten or meldingen): use one, remove one, or save the list's
 * current filter under a name. A view shows only under the list it was saved for.
 */
export function SavedViews({ lijst }: { lijst: ViewList }) {
  const { t } = useT();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const views = useAppStore(selectSavedViews);
  const error = useAppStore(selectViewsError);
  const { loadViews, saveView, deleteView, applyView } = useAppStoreShallow(selectCaseActions);
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    void loadViews();
  }, [loadViews]);
  const mine = views.filter((v) => v.definitie.lijst === lijst);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!name.trim()) return;
    if (await saveView(name.trim(), lijst)) {
      setName('');
      setTried(false);
    }
  }

  async function remove(id: string) {
    // The button that had focus is gone with its view: continue from the section's title.
    if (await deleteView(id)) titleRef.current?.focus();
  }

  return (
    <section className="kk-views" aria-labelledby={titleId}>
      <Heading level={3} id={titleId} ref={titleRef} tabIndex={-1} className="kk-h4">
        {t('cw.views.title')}
      </Heading>
      <ErrorAlert error={error} />
      {mine.length === 0 ? <Paragraph className="kk-muted">{t('cw.views.none')}</Paragraph> : null}
      <ul className="kk-chips">
        {mine.map((v) => (
          <li key={v.id} className="kk-chip">
            <button type="button" className="kk-chip__main" onClick={() => applyView(v)} aria-label={t('cw.views.apply', { naam: v.naam })}>
              {v.naam}
            </button>
            <button type="button" className="kk-chip__remove" onClick={() => void remove(v.id)} aria-label={t('cw.views.delete', { naam: v.naam })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="kk-inline-form" onSubmit={submit} noValidate>
        <TextField label={t('cw.views.name')} name={`view-name-${lijst}`} value={name} onChange={setName} error={tried && !name.trim() ? t('cw.views.nameMissing') : undefined} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('cw.views.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
