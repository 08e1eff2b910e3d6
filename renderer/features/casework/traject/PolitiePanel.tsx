import { Button, ButtonGroup, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { Politiecontact, trajectFieldSensitivity, type TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { DataTable, formatDate } from '../../../components/dataBits';
import { type FieldErrors, SelectField, serverErrors, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Announce, Panel } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { SensitivityBadge } from '../caseBits';
import { optionLists } from '../options';

// The add form starts empty: nothing is chosen for the person (issue 13).
const emptyContact = (): { soort: string; datum: string; vorm: string } => ({ soort: '', datum: '', vorm: '' });

/** A text that starts a sentence in the middle of one ("Verwijder aangifte van …"). */
const lower = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

type Stored = TrajectDetail['traject']['politiecontacten'][number];

/** The add form, mounted when the person asks for it, so it always starts empty and without messages. */
function PolitieForm({ contacts, onAdded, onCancel }: { contacts: readonly Stored[]; onAdded(contact: Politiecontact): void; onCancel(): void }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('select, input')?.focus(), []);

  const { form, errors, set, submit } = useCheckedForm<ReturnType<typeof emptyContact>, Politiecontact>(emptyContact(), {
    check: (f) => {
      const checked = validateWith(Politiecontact, { soort: f.soort || undefined, datum: f.datum || undefined, vorm: f.vorm || undefined }, t);
      if (checked.ok) return checked;
      return {
        ok: false,
        errors: {
          ...checked.errors,
          ...(f.soort ? {} : { soort: t('cw.politie.soortMissing') }),
          ...(f.datum ? {} : { datum: t('cw.politie.datumMissing') }),
          ...(f.vorm ? {} : { vorm: t('cw.politie.vormMissing') }),
        },
      };
    },
    save: async (contact) => {
      const saved = await updateTraject({ politiecontacten: [...contacts, contact] });
      if (saved) onAdded(contact);
      return saved;
    },
  });

  // The core checks the whole list (a date before the cliënt's birth): its message for the new
  // contact belongs on the form's date field.
  const newAt = contacts.length;
  const fromCore = serverErrors(write.error)[`politiecontacten.${newAt}.datum`];
  const shown: FieldErrors = fromCore ? { ...errors, datum: fromCore } : errors;
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="kk-subform" aria-label={t('cw.politie.add')}>
      <div className="kk-form-row">
        <SelectField label={t('cw.politie.soort')} name="politie-soort" value={form.soort} onChange={set('soort')} error={shown.soort} options={[{ value: '', label: t('cw.politie.choose') }, ...optionLists.politie(t)]} />
        {/* Named after the core's path, so the message summary at the top of the screen links here too. */}
        <DateField label={t('cw.politie.datum')} name={`politiecontacten-${newAt}-datum`} value={form.datum} onChange={set('datum')} error={shown.datum} />
        <SelectField label={t('cw.politie.vorm')} name="politie-vorm" value={form.vorm} onChange={set('vorm')} error={shown.vorm} options={[{ value: '', label: t('cw.politie.choose') }, ...optionLists.vorm(t)]} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
          {t('cw.politie.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('cw.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * The cliënt's contacts with the police (AVIM): informative conversations and aangiftes, each
 * with its date and the form it was about. The monitor counts them per form. The add form opens
 * on request; the list is saved as a whole through `trajecten.update`, like opvang and procedures.
 */
export function PolitiePanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const contacts = detail.traject.politiecontacten;
  const [adding, setAdding] = useState(false);
  const [announced, setAnnounced] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the screen has re-rendered: the add button, or the heading after a removal.
  const [focusNext, setFocusNext] = useState<'add' | 'heading' | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    if (focusNext === 'add') addButton.current?.focus();
    else document.getElementById('kk-politie')?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const label = (c: { soort: Politiecontact['soort']; datum: string }) => ({ soort: t(`cw.politie.soort.${c.soort}`), date: formatDate(c.datum) });

  async function remove(contact: Stored) {
    if (await updateTraject({ politiecontacten: contacts.filter((c) => c.id !== contact.id) })) {
      setAnnounced(t('cw.politie.removed', label(contact)));
      setFocusNext('heading');
    }
  }

  const sorted = [...contacts].sort((a, b) => a.datum.localeCompare(b.datum));
  return (
    <Panel id="kk-politie" title={t('cw.politie.title')} badge={<SensitivityBadge level={trajectFieldSensitivity.politiecontacten} />} focusable>
      <Paragraph className="kk-muted kk-small">{t('cw.politie.intro')}</Paragraph>
      <DataTable
        empty={t('cw.politie.none')}
        caption={t('cw.politie.title')}
        captionHidden
        columns={[{ label: t('cw.politie.soort') }, { label: t('cw.politie.datum') }, { label: t('cw.politie.vorm') }, { label: t('cw.politie.remove'), hidden: true }]}
        rows={sorted}
        row={(c) => (
          <TableRow key={c.id}>
            <TableCell>{t(`cw.politie.soort.${c.soort}`)}</TableCell>
            <TableCell>{formatDate(c.datum)}</TableCell>
            <TableCell>{t(`cw.vorm.${c.vorm}`)}</TableCell>
            <TableCell>
              <Button type="button" appearance="subtle-button" disabled={write.busy} aria-label={t('cw.politie.removeLabel', { soort: lower(label(c).soort), date: label(c).date })} onClick={() => void remove(c)}>
                {t('cw.politie.remove')}
              </Button>
            </TableCell>
          </TableRow>
        )}
      />
      {adding ? (
        <PolitieForm
          contacts={contacts}
          onAdded={(contact) => {
            setAnnounced(t('cw.politie.added', label(contact)));
            setAdding(false);
            setFocusNext('add');
          }}
          onCancel={() => {
            setAdding(false);
            setFocusNext('add');
          }}
        />
      ) : (
        <Button ref={addButton} type="button" appearance="secondary-action-button" disabled={write.busy} onClick={() => setAdding(true)}>
          {t('cw.politie.add')}
        </Button>
      )}
      <Announce text={announced} />
    </Panel>
  );
}
