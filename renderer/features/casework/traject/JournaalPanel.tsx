import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TrajectDetail } from '../../../../shared/casework/traject.schema';
import { caseworkMethods } from '../../../../shared/ipc/casework.contract';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectJournalMore, selectTrajectWrite } from '../caseSelectors';
import { Badge, formatDate } from '../../../components/dataBits';
import { SelectField, TextareaField, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Announce, Panel, SubmitRow } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { SensitivityBadge } from '../caseBits';
import { optionLists } from '../options';
import { AddForm, AddOnRequest, choose } from './AddForm';
import { focusAfterRender } from '../focusAfterRender';

// What `journaal.add` takes, less the traject (the slice adds it).
const JournalInput = caseworkMethods['journaal.add'].input.omit({ trajectId: true });

function JournalEntryView({ entry, focusRef }: { entry: TrajectDetail['journaal'][number]; focusRef?: ((element: HTMLLIElement | null) => void) | undefined }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateJournaal, deleteJournaal } = useAppStoreShallow(selectCaseActions);
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [tekst, setTekst] = useState(entry.tekst);
  const [error, setError] = useState<string | undefined>();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!tekst.trim()) {
      setError(t('cw.journaal.tekstMissing'));
      return;
    }
    setError(undefined);
    if (await updateJournaal({ id: entry.id, version: entry.version, tekst: tekst.trim() })) {
      setMode('view');
      // The entry is drawn afresh from its new version: focus goes back to its "corrigeren".
      focusAfterRender(`kk-journal-edit-${entry.id}`);
    }
  }

  // Each step moves focus to what the person acts on next, never to the page body (issue 13).
  const to = (next: 'view' | 'edit' | 'delete', focus: string, firstField = false) => {
    setMode(next);
    focusAfterRender(focus, firstField);
  };
  async function remove() {
    // The entry is gone: focus goes to the journal's heading, which says what is left.
    if (await deleteJournaal(entry.id, entry.version)) focusAfterRender('kk-journal');
  }

  return (
    <li className="kk-journal__entry" ref={focusRef} tabIndex={focusRef ? -1 : undefined}>
      <div className="kk-journal__meta">
        <Badge>{t(`cw.jsoort.${entry.soort}`)}</Badge> <span className="kk-muted">{formatDate(entry.datum)}</span>
        {mode === 'view' ? (
          <span className="kk-journal__actions">
            <button id={`kk-journal-edit-${entry.id}`} type="button" className="kk-link-button kk-small" onClick={() => to('edit', `kk-journal-form-${entry.id}`, true)} aria-label={t('cw.journaal.editLabel', { date: formatDate(entry.datum) })}>
              {t('cw.journaal.edit')}
            </button>
            <button id={`kk-journal-delete-${entry.id}`} type="button" className="kk-link-button kk-small" onClick={() => to('delete', `kk-journal-confirm-${entry.id}`)} aria-label={t('cw.journaal.deleteLabel', { date: formatDate(entry.datum) })}>
              {t('cw.journaal.delete')}
            </button>
          </span>
        ) : null}
      </div>
      {mode === 'edit' ? (
        <form id={`kk-journal-form-${entry.id}`} onSubmit={save} noValidate className="kk-journal__edit">
          <TextareaField label={t('cw.journaal.tekst')} name={`journal-edit-${entry.id}`} value={tekst} onChange={setTekst} error={error} rows={3} />
          <SubmitRow label={t('cw.save')} primary disabled={write.busy}>
            <Button type="button" appearance="secondary-action-button" onClick={() => (setTekst(entry.tekst), to('view', `kk-journal-edit-${entry.id}`))}>
              {t('cw.cancel')}
            </Button>
          </SubmitRow>
        </form>
      ) : (
        <p className="kk-journal__text">{entry.tekst}</p>
      )}
      {mode === 'delete' ? (
        <div id={`kk-journal-confirm-${entry.id}`} tabIndex={-1} className="kk-confirm-box" role="group" aria-label={t('cw.journaal.deleteConfirm')}>
          <p>{t('cw.journaal.deleteConfirm')}</p>
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" disabled={write.busy} onClick={() => void remove()}>
              {t('cw.journaal.deleteYes')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => to('view', `kk-journal-delete-${entry.id}`)}>
              {t('cw.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
    </li>
  );
}

/** The form for a new journal entry: kind, date (empty is today), text. Mounted on request, so it starts empty. */
function JournalForm({ onAdded, onCancel }: { onAdded(): void; onCancel(): void }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addJournaal } = useAppStoreShallow(selectCaseActions);
  const { form, errors, set, submit } = useCheckedForm(
    { soort: '', datum: '', tekst: '' },
    {
      check: (f) => {
        const checked = validateWith(JournalInput, { soort: f.soort || undefined, datum: f.datum || undefined, tekst: f.tekst.trim() }, t);
        const missing = { ...(f.soort ? {} : { soort: t('cw.journaal.soortMissing') }), ...(f.tekst.trim() ? {} : { tekst: t('cw.journaal.tekstMissing') }) };
        if (checked.ok && Object.keys(missing).length === 0) return checked;
        return { ok: false, errors: { ...(checked.ok ? {} : checked.errors), ...missing } };
      },
      save: async (entry) => {
        const saved = await addJournaal(entry);
        if (saved) onAdded();
        return saved;
      },
    },
  );
  return (
    <AddForm label={t('cw.journaal.new')} onSubmit={submit} submitLabel={t('cw.journaal.add')} busy={write.busy} onCancel={onCancel}>
      <div className="kk-form-row">
        <SelectField label={t('cw.journaal.soort')} name="journal-soort" value={form.soort} onChange={set('soort')} error={errors.soort} options={[choose(t('cw.choose')), ...optionLists.jsoort(t)]} />
        <DateField label={t('cw.journaal.datum')} name="journal-datum" value={form.datum} onChange={set('datum')} error={errors.datum} hint={t('cw.journaal.datumHint')} optional />
      </div>
      <TextareaField label={t('cw.journaal.tekst')} name="journal-tekst" value={form.tekst} onChange={set('tekst')} hint={t('cw.journaal.tekstHint')} error={errors.tekst} rows={3} badge={<SensitivityBadge level="bijzonder" />} />
    </AddForm>
  );
}

/**
 * The traject's journal: write an entry (the form opens on request), read, correct or remove
 * entries. It opens with the newest; "older notes" loads the next page until every entry is shown.
 */
export function JournaalPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const more = useAppStore(selectJournalMore);
  const { loadOlderJournaal } = useAppStoreShallow(selectCaseActions);
  // After loading older entries, focus goes to the first of them (the button may be gone).
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const focusTarget = useRef<HTMLLIElement | null>(null);
  useEffect(() => {
    if (focusIndex !== null) focusTarget.current?.focus();
  }, [focusIndex]);
  const remaining = Math.max(0, detail.journaalTotaal - detail.journaal.length);
  // After adding, focus returns to "Notitie toevoegen" (the form closes) and the entry is announced.
  const [announced, setAnnounced] = useState('');

  async function loadOlder() {
    const firstNew = detail.journaal.length;
    if (await loadOlderJournaal()) setFocusIndex(firstNew);
  }

  return (
    <Panel id="kk-journal" title={t('cw.journaal.title')} focusable>
      <AddOnRequest openLabel={t('cw.journaal.open')} disabled={write.busy}>
        {(close) => (
          <JournalForm
            onAdded={() => {
              setAnnounced(t('cw.journaal.added'));
              close();
            }}
            onCancel={close}
          />
        )}
      </AddOnRequest>
      <Announce text={announced} />
      {detail.journaal.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.journaal.none')}</Paragraph>
      ) : (
        <>
          <p className="kk-muted kk-small">{t('cw.journaal.count', { shown: detail.journaal.length, total: detail.journaalTotaal })}</p>
          <ol className="kk-journal">
            {detail.journaal.map((j, index) => (
              <JournalEntryView
                key={`${j.id}-${j.version}`}
                entry={j}
                focusRef={
                  index === focusIndex
                    ? (element) => {
                        focusTarget.current = element;
                      }
                    : undefined
                }
              />
            ))}
          </ol>
          <ErrorAlert error={more.error} />
          {remaining > 0 ? (
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" busy={more.busy} disabled={more.busy} onClick={() => void loadOlder()}>
                {t('cw.journaal.older', { n: remaining })}
              </Button>
            </ButtonGroup>
          ) : null}
        </>
      )}
    </Panel>
  );
}
