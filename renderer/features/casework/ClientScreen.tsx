import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ClientFields, clientFieldSensitivity, ClientVerwijderReden, type Client, type DubbelCheckFields, type DubbelMatch } from '../../../shared/casework/client.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectClient, selectClientError, selectClientRemove, selectClientRemoved, selectClientTrajecten, selectClientWrite } from './caseSelectors';
import { Badge, formatDate, OpenButton } from '../../components/dataBits';
import { blankToUndefined, CheckboxField, ErrorSummary, type FieldErrors, SelectField, serverErrors, TextareaField, TextField, validateWith } from '../../components/formBits';
import { DateField } from '../../components/DateField';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { LoadingScreen, Pseudonym, SavedNotice, SensitivityBadge } from './caseBits';
import { focusAfterRender } from './focusAfterRender';
import './corrections.css';
import { contactFieldErrors, contactFieldName, contactInput, ContactPersonsFields, contactSummaryErrors, toContactForms, type ContactForm } from './ContactPersonsFields';

interface ClientForm {
  roepnaam: string;
  achternaam: string;
  geboortedatum: string;
  geslacht: string;
  geboorteland: string;
  nationaliteit: string;
  bsn: string;
  vNummer: string;
  telefoon: string;
  email: string;
  verblijfadres: string;
  gezondheid: string;
  strafrechtelijk: string;
  talen: string;
  tolkNodig: boolean;
  tolkTaal: string;
  notities: string;
  contactpersonen: ContactForm[];
}

const textKeys = ['achternaam', 'geboortedatum', 'geboorteland', 'nationaliteit', 'bsn', 'vNummer', 'telefoon', 'email', 'verblijfadres', 'gezondheid', 'strafrechtelijk', 'notities'] as const;

function toForm(client: Client | null): ClientForm {
  // The plain text fields all show "" where the cliënt has no value.
  const text = Object.fromEntries(textKeys.map((key) => [key, client?.[key] ?? ''])) as Record<(typeof textKeys)[number], string>;
  return {
    ...text,
    roepnaam: client?.roepnaam ?? '',
    geslacht: client?.geslacht ?? 'onbekend',
    talen: client?.taal.talen.join(', ') ?? '',
    tolkNodig: client?.taal.tolkNodig ?? false,
    tolkTaal: client?.taal.tolkTaal ?? '',
    contactpersonen: toContactForms(client?.contactpersonen ?? []),
  };
}

/** The form as ClientFields input: empty optional fields left out. */
export function clientInput(form: ClientForm) {
  const input: Record<string, unknown> = { roepnaam: form.roepnaam.trim(), geslacht: form.geslacht };
  for (const key of textKeys) {
    const value = blankToUndefined(form[key]);
    if (value !== undefined) input[key] = value;
  }
  const talen = form.talen.split(',').map((s) => s.trim()).filter(Boolean);
  input.taal = { talen, tolkNodig: form.tolkNodig, ...(blankToUndefined(form.tolkTaal) ? { tolkTaal: form.tolkTaal.trim() } : {}) };
  input.contactpersonen = contactInput(form.contactpersonen);
  return input;
}

/** What the duplicate check compares, from the checked fields. */
export function duplicateFields(fields: ClientFields): DubbelCheckFields {
  const out: DubbelCheckFields = { roepnaam: fields.roepnaam };
  if (fields.achternaam) out.achternaam = fields.achternaam;
  if (fields.geboortedatum) out.geboortedatum = fields.geboortedatum;
  if (fields.bsn) out.bsn = fields.bsn;
  return out;
}

/** Whether a save needs the duplicate check: a new cliënt with a BSN or birth date, or an edit that changes what is compared. */
export function needsDuplicateCheck(fields: DubbelCheckFields, editing: Client | null): boolean {
  if (!fields.bsn && !fields.geboortedatum) return false;
  if (!editing) return true;
  return fields.bsn !== editing.bsn || fields.geboortedatum !== editing.geboortedatum || fields.roepnaam !== editing.roepnaam || fields.achternaam !== editing.achternaam;
}

/**
 * The warning before saving a cliënt who may exist already: the existing cliënten by pseudonym
 * code (never a name) and what matched, a way to open each, and a deliberate "save anyway". Its
 * heading takes focus when it appears.
 */
function DuplicateWarning({ matches, editing, busy, onOpen, onSaveAnyway }: { matches: DubbelMatch[]; editing: boolean; busy: boolean; onOpen(id: string): void; onSaveAnyway(): void }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <Alert type="warning" className="kk-alert kk-duplicate" data-testid="duplicate-warning">
      <Heading level={3} ref={headingRef} tabIndex={-1} id="kk-duplicate-title">
        {t('cw.client.dup.title')}
      </Heading>
      <Paragraph>{t('cw.client.dup.intro')}</Paragraph>
      <ul className="kk-duplicate__list">
        {matches.map((m) => (
          <li key={m.id}>
            <Paragraph>{t(m.op.length === 2 ? 'cw.client.dup.beide' : m.op[0] === 'bsn' ? 'cw.client.dup.bsn' : 'cw.client.dup.naam', { code: m.pseudoniem })}</Paragraph>
            <Button type="button" appearance="secondary-action-button" onClick={() => onOpen(m.id)}>
              {t('cw.client.dup.open', { code: m.pseudoniem })}
            </Button>
          </li>
        ))}
      </ul>
      <ButtonGroup>
        <Button type="button" appearance="subtle-button" disabled={busy} onClick={onSaveAnyway}>
          {t(editing ? 'cw.client.dup.saveEdit' : 'cw.client.dup.saveNew')}
        </Button>
      </ButtonGroup>
    </Alert>
  );
}

/**
 * Removing a wrongly created cliënt (issue 13): a calm button, then a question that takes focus
 * and asks the reason (and for "anders" a short explanation without names). A cliënt with a
 * traject cannot be removed, and the panel says what to do instead. After removal the list opens
 * and says which code was removed.
 */
function RemoveClientPanel({ client, trajecten }: { client: Client; trajecten: number }) {
  const { t } = useT();
  const remove = useAppStore(selectClientRemove);
  const { removeClient, resetClientRemove } = useAppStoreShallow(selectCaseActions);
  const [asking, setAsking] = useState(false);
  const [reden, setReden] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const openButton = useRef<HTMLButtonElement>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const [focusNext, setFocusNext] = useState<'question' | 'button' | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    (focusNext === 'question' ? questionRef.current : openButton.current)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  function ask() {
    resetClientRemove();
    setReden('');
    setToelichting('');
    setErrors({});
    setAsking(true);
    setFocusNext('question');
  }
  function cancel() {
    resetClientRemove();
    setAsking(false);
    setFocusNext('button');
  }
  async function confirm(event: FormEvent) {
    event.preventDefault();
    const parsed = ClientVerwijderReden.safeParse(reden);
    const text = toelichting.trim();
    const local: FieldErrors = {};
    if (!parsed.success) local.reden = t('cw.client.remove.reasonMissing');
    if (parsed.success && parsed.data === 'anders' && text === '') local.toelichting = t('cw.client.remove.toelichtingMissing');
    setErrors(local);
    if (!parsed.success || Object.keys(local).length > 0) return;
    await removeClient(parsed.data, text || undefined);
  }

  const fromCore = serverErrors(remove.error);
  const shown: FieldErrors = { ...fromCore, ...errors };
  return (
    <section className="kk-panel kk-client-remove" aria-labelledby="kk-client-remove-title">
      {!asking ? (
        <>
          <Heading level={3} id="kk-client-remove-title">
            {t('cw.client.remove.title')}
          </Heading>
          {trajecten > 0 ? (
            <Paragraph className="kk-muted">{t('cw.client.remove.hasTrajecten')}</Paragraph>
          ) : (
            <>
              <Paragraph className="kk-muted">{t('cw.client.remove.intro')}</Paragraph>
              <ButtonGroup>
                <Button ref={openButton} type="button" appearance="secondary-action-button" onClick={ask}>
                  {t('cw.client.remove.button')}
                </Button>
              </ButtonGroup>
            </>
          )}
        </>
      ) : (
        <form onSubmit={confirm} noValidate aria-labelledby="kk-client-remove-title">
          <Heading level={3} id="kk-client-remove-title" ref={questionRef} tabIndex={-1}>
            {t('cw.client.remove.question', { code: client.pseudoniem })}
          </Heading>
          <Paragraph>{t('cw.client.remove.intro')}</Paragraph>
          <Paragraph>
            <strong>{t('cw.client.remove.warning')}</strong>
          </Paragraph>
          {remove.error && !fromCore.reden && !fromCore.toelichting ? <ErrorAlert error={remove.error}>{fromCore.id ? <Paragraph>{fromCore.id}</Paragraph> : null}</ErrorAlert> : null}
          <SelectField
            label={t('cw.client.remove.reason')}
            name="verwijder-reden"
            value={reden}
            onChange={(v) => (setReden(v), setErrors({}))}
            error={shown.reden}
            options={[{ value: '', label: t('cw.client.remove.choose') }, ...ClientVerwijderReden.options.map((r) => ({ value: r, label: t(`cw.client.remove.reden.${r}`) }))]}
          />
          {reden === 'anders' ? (
            <TextareaField label={t('cw.client.remove.toelichting')} name="verwijder-toelichting" hint={t('cw.client.remove.toelichtingHint')} value={toelichting} onChange={setToelichting} error={shown.toelichting} rows={2} />
          ) : null}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={remove.busy} disabled={remove.busy}>
              {t('cw.client.remove.confirm')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={cancel}>
              {t('cw.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </section>
  );
}

/**
 * On the list a removal leads to: says which cliënt (by code) was removed, visibly and to screen
 * readers (the text arrives after the region, so it is announced), once.
 */
export function ClientRemovedNotice() {
  const { t } = useT();
  const removed = useAppStore(selectClientRemoved);
  const { clearClientRemoved } = useAppStoreShallow(selectCaseActions);
  const [code] = useState(removed?.pseudoniem ?? null);
  const [text, setText] = useState('');
  useEffect(() => {
    if (!code) return;
    setText(t('cw.client.removed', { code }));
    clearClientRemoved();
  }, [code, t, clearClientRemoved]);
  if (!code) return null;
  return (
    <Alert type="ok" role="status" className="kk-alert" data-testid="client-removed">
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

/** Registers a new cliënt (id null) or edits one. Every field shows how sensitive it is. */
export function ClientScreen({ id }: { id: string | null }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const client = useAppStore(selectClient);
  const clientTrajecten = useAppStore(selectClientTrajecten);
  const loadError = useAppStore(selectClientError);
  const write = useAppStore(selectClientWrite);
  const { loadClient, createClient, updateClient, openCase, resetClientWrite, checkClientDuplicate } = useAppStoreShallow(selectCaseActions);
  // Existing cliënten that look like this one, for the values they were found for (another value: the warning goes).
  const [duplicates, setDuplicates] = useState<{ key: string; matches: DubbelMatch[]; n: number } | null>(null);
  const [form, setForm] = useState<ClientForm>(toForm(null));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<Client | null>(null);
  const [saved, setSaved] = useState(false);
  const editing = id !== null ? client && client.id === id ? client : null : null;

  useEffect(() => {
    resetClientWrite();
    if (id) void loadClient(id);
  }, [id, loadClient, resetClientWrite]);
  useEffect(() => {
    if (editing) setForm(toForm(editing));
  }, [editing]);
  // Once saved, the form makes way for the new code: focus goes to its heading.
  useEffect(() => {
    if (created) headingRef.current?.focus();
  }, [created, headingRef]);
  // The cliënt was read after the screen opened: the loading heading made way for the form's, which takes focus.
  const loadedId = editing?.id;
  useEffect(() => {
    if (loadedId) headingRef.current?.focus();
  }, [loadedId, headingRef]);

  const set = <K extends keyof ClientForm>(key: K) => (value: ClientForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  const changeContacts = (rows: ContactForm[]) => {
    // Messages point at a person by position: after adding or removing one they would point at the wrong person.
    if (rows.length !== form.contactpersonen.length) setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => !path.startsWith('contactpersonen'))));
    set('contactpersonen')(rows);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    await save(false);
  }

  /** Checks the form, warns before saving a cliënt who may exist already (unless `anyway`), then saves. */
  async function save(anyway: boolean) {
    const input = clientInput(form);
    const checked = validateWith(ClientFields, input, t);
    if (!checked.ok) {
      setErrors({ ...contactFieldErrors(checked.errors, t), ...(checked.errors.roepnaam ? { roepnaam: t('cw.client.roepnaamMissing') } : {}) });
      return;
    }
    setErrors({});
    const compared = duplicateFields(checked.data);
    if (!anyway && needsDuplicateCheck(compared, editing)) {
      const matches = await checkClientDuplicate(compared, editing?.id);
      if (matches === null) return;
      if (matches.length > 0) {
        // A new warning each time (n), so its heading takes focus again.
        setDuplicates((d) => ({ key: JSON.stringify(compared), matches, n: (d?.n ?? 0) + 1 }));
        return;
      }
    }
    setDuplicates(null);
    if (id === null) {
      const result = await createClient(checked.data);
      if (result) setCreated(result);
    } else if (editing) {
      // A patch: cleared optional fields are sent as null so the core removes them. The contact
      // persons go as the whole list the form shows (added, changed and removed ones at once).
      const patch: Record<string, unknown> = { ...checked.data };
      for (const key of textKeys) if (!(key in patch) && editing[key] !== undefined) patch[key] = null;
      const ok = await updateClient(patch);
      setSaved(ok);
      // The save button was off while saving (and a "save anyway" is gone): focus goes back to it, beside "Opgeslagen." (issue 13).
      if (ok) focusAfterRender('kk-client-save');
    }
  }

  // The warning belongs to the values it was found for: change one of them and it goes.
  const currentCheck = duplicates ? validateWith(ClientFields, clientInput(form), t) : null;
  const shownDuplicates = duplicates && currentCheck?.ok && JSON.stringify(duplicateFields(currentCheck.data)) === duplicates.key ? duplicates : null;

  if (created) {
    return (
      <div className="kk-subpage">
        <Heading level={2} ref={headingRef} tabIndex={-1}>
          {t('cw.client.newTitle')}
        </Heading>
        <Alert type="ok" role="status" className="kk-alert">
          <Paragraph>{t('cw.client.created', { code: created.pseudoniem })}</Paragraph>
        </Alert>
        <div className="kk-code-box">
          <span className="kk-code-box__label">{t('cw.client.pseudoniem')}</span>
          <Pseudonym code={created.pseudoniem} />
        </div>
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" onClick={() => openCase({ area: 'trajecten', screen: 'trajectNew', clientId: created.id })}>
            {t('cw.client.startTraject')}
          </Button>
        </ButtonGroup>
      </div>
    );
  }

  if (id !== null && !editing) {
    return <LoadingScreen title={t('cw.client.editTitle', { code: '' })} headingRef={headingRef} error={loadError} />;
  }

  const shown = { ...contactFieldErrors(serverErrors(write.error), t), ...errors };
  const s = clientFieldSensitivity;
  return (
    <div className="kk-subpage">
      <form className="kk-subpage" onSubmit={submit} noValidate aria-labelledby="kk-client-title">
        <Heading level={2} id="kk-client-title" ref={headingRef} tabIndex={-1}>
          {editing ? (
            <>
              {t('cw.client.editTitle', { code: '' })}
              <Pseudonym code={editing.pseudoniem} />
            </>
          ) : (
            t('cw.client.newTitle')
          )}
        </Heading>
        <Paragraph className="kk-muted">{t('cw.client.intro')}</Paragraph>
        {editing ? (
          <div className="kk-client-head">
            <div className="kk-code-box">
              <span className="kk-code-box__label">{t('cw.client.pseudoniem')}</span>
              <Pseudonym code={editing.pseudoniem} />
            </div>
            <section className="kk-panel kk-client-trajecten" aria-labelledby="kk-client-trajecten">
              <h3 id="kk-client-trajecten" className="utrecht-heading-3">
                {t('cw.client.trajecten')}
              </h3>
              {clientTrajecten.length === 0 ? <Paragraph className="kk-muted">{t('cw.client.noTrajecten')}</Paragraph> : null}
              <ul className="kk-plain-list kk-plain-list--bare">
                {clientTrajecten.map((tr) => (
                  <li key={tr.id}>
                    <OpenButton onClick={() => openCase({ area: 'trajecten', screen: 'traject', id: tr.id })}>
                      {t('cw.client.trajectRow', { date: formatDate(tr.aanmelddatum) })}
                    </OpenButton>{' '}
                    <Badge tone={tr.fase === 'afgesloten' ? 'neutral' : 'info'}>{t(`cw.fase.${tr.fase}`)}</Badge>
                  </li>
                ))}
              </ul>
              <Button type="button" appearance="secondary-action-button" onClick={() => openCase({ area: 'trajecten', screen: 'trajectNew', clientId: editing.id })}>
                {t('cw.client.startTraject')}
              </Button>
            </section>
          </div>
        ) : null}
        <p className="kk-notice">{t('cw.sens.legend')}</p>
        <ErrorAlert error={write.error} />
        <ErrorSummary errors={contactSummaryErrors(shown, t)} fieldName={contactFieldName} />
        <SavedNotice saved={saved} />

        <fieldset className="kk-panel kk-form-section">
          <legend className="kk-form-section__legend">{t('cw.client.identity')}</legend>
          <div className="kk-form-row">
            <TextField label={t('cw.client.roepnaam')} name="roepnaam" value={form.roepnaam} onChange={set('roepnaam')} error={shown.roepnaam} badge={<SensitivityBadge level={s.roepnaam} />} />
            <TextField label={t('cw.client.achternaam')} name="achternaam" value={form.achternaam} onChange={set('achternaam')} error={shown.achternaam} badge={<SensitivityBadge level={s.achternaam} />} optional />
          </div>
          <div className="kk-form-row">
            <DateField label={t('cw.client.geboortedatum')} name="geboortedatum" value={form.geboortedatum} onChange={set('geboortedatum')} error={shown.geboortedatum} badge={<SensitivityBadge level={s.geboortedatum} />} optional />
            <SelectField
              label={t('cw.client.geslacht')}
              name="geslacht"
              value={form.geslacht}
              onChange={set('geslacht')}
              badge={<SensitivityBadge level={s.geslacht} />}
              options={(['onbekend', 'vrouw', 'man', 'anders'] as const).map((g) => ({ value: g, label: t(`cw.geslacht.${g}`) }))}
            />
          </div>
          <div className="kk-form-row">
            <TextField label={t('cw.client.geboorteland')} name="geboorteland" value={form.geboorteland} onChange={set('geboorteland')} badge={<SensitivityBadge level={s.geboorteland} />} optional />
            <TextField label={t('cw.client.nationaliteit')} name="nationaliteit" value={form.nationaliteit} onChange={set('nationaliteit')} badge={<SensitivityBadge level={s.nationaliteit} />} optional />
          </div>
          <div className="kk-form-row">
            <TextField label={t('cw.client.bsn')} name="bsn" inputMode="numeric" value={form.bsn} onChange={set('bsn')} error={shown.bsn} badge={<SensitivityBadge level={s.bsn} />} optional />
            <TextField label={t('cw.client.vNummer')} name="vNummer" inputMode="numeric" value={form.vNummer} onChange={set('vNummer')} error={shown.vNummer} badge={<SensitivityBadge level={s.vNummer} />} optional />
          </div>
        </fieldset>

        <fieldset className="kk-panel kk-form-section">
          <legend className="kk-form-section__legend">{t('cw.client.contact')}</legend>
          <div className="kk-form-row">
            <TextField label={t('cw.client.telefoon')} name="telefoon" type="tel" value={form.telefoon} onChange={set('telefoon')} error={shown.telefoon} badge={<SensitivityBadge level={s.telefoon} />} optional />
            <TextField label={t('cw.client.email')} name="email" type="email" value={form.email} onChange={set('email')} error={shown.email} badge={<SensitivityBadge level={s.email} />} optional />
          </div>
          <TextField label={t('cw.client.verblijfadres')} name="verblijfadres" value={form.verblijfadres} onChange={set('verblijfadres')} hint={t('cw.opvang.locatieHint')} badge={<SensitivityBadge level={s.verblijfadres} />} optional />
        </fieldset>

        <ContactPersonsFields rows={form.contactpersonen} onChange={changeContacts} errors={shown} />

        <fieldset className="kk-panel kk-form-section">
          <legend className="kk-form-section__legend">{t('cw.client.language')}</legend>
          <TextField label={t('cw.client.talen')} name="talen" value={form.talen} onChange={set('talen')} badge={<SensitivityBadge level={s.taal} />} optional />
          <CheckboxField label={t('cw.client.tolkNodig')} name="tolkNodig" checked={form.tolkNodig} onChange={set('tolkNodig')} />
          {form.tolkNodig ? <TextField label={t('cw.client.tolkTaal')} name="tolkTaal" value={form.tolkTaal} onChange={set('tolkTaal')} optional /> : null}
        </fieldset>

        <fieldset className="kk-panel kk-form-section">
          <legend className="kk-form-section__legend">{t('cw.client.sensitive')}</legend>
          <TextareaField label={t('cw.client.gezondheid')} name="gezondheid" value={form.gezondheid} onChange={set('gezondheid')} badge={<SensitivityBadge level={s.gezondheid} />} rows={3} optional />
          <TextareaField label={t('cw.client.strafrechtelijk')} name="strafrechtelijk" value={form.strafrechtelijk} onChange={set('strafrechtelijk')} hint={t('cw.client.strafrechtelijkHint')} badge={<SensitivityBadge level={s.strafrechtelijk} />} rows={3} optional />
          <TextareaField label={t('cw.client.notities')} name="notities" value={form.notities} onChange={set('notities')} badge={<SensitivityBadge level={s.notities} />} rows={3} optional />
        </fieldset>

        {shownDuplicates ? (
          <DuplicateWarning
            key={shownDuplicates.n}
            matches={shownDuplicates.matches}
            editing={editing !== null}
            busy={write.busy}
            onOpen={(existing) => openCase({ area: 'trajecten', screen: 'client', id: existing })}
            onSaveAnyway={() => void save(true)}
          />
        ) : null}
        <ButtonGroup>
          <Button id="kk-client-save" type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
            {editing ? t('cw.client.submitEdit') : t('cw.client.submitNew')}
          </Button>
        </ButtonGroup>
      </form>
      {editing ? <RemoveClientPanel client={editing} trajecten={clientTrajecten.length} /> : null}
    </div>
  );
}
