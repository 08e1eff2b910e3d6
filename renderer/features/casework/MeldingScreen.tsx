import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ShortText } from '../../../shared/casework/common.schema';
import { ClientFields, type DubbelMatch } from '../../../shared/casework/client.schema';
import { MeldConclusie, meldingBezwaren, MeldingVorm, Terugkoppeling, type Melding, type MeldingFields } from '../../../shared/casework/melding.schema';
import { isPseudonym, normalisePseudonymPrefix } from '../../../shared/casework/pseudonym';
import { Verwijzer } from '../../../shared/casework/traject.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { AdviceBox } from './AdviceBox';
import { selectCaseActions, selectMelding, selectMeldingError, selectMeldingWrite } from './caseSelectors';
import { Badge, formatDate } from '../../components/dataBits';
import { blankToUndefined, CheckboxField, ErrorSummary, type FieldErrors, SelectField, serverErrors, TextareaField, TextField, todayIso, validateWith } from '../../components/formBits';
import { DateField } from '../../components/DateField';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { LoadingScreen, SavedNotice, SensitivityBadge } from './caseBits';
import { gemeenteLabel, jaNeeOnbekendLabel, optionLists } from './options';
import { MeldingEditor, meldingPatch, toMeldingForm } from './MeldingFormScreen';
import { focusAfterRender } from './focusAfterRender';

/**
 * The conclusion, acute and the feedback. A save gives the melding a new version and this form is
 * made afresh from it (key): `saved` lives in the screen, so "Opgeslagen." survives that.
 */
function ConclusionForm({ melding, saved, setSaved }: { melding: Melding; saved: boolean; setSaved(saved: boolean): void }) {
  const { t } = useT();
  const write = useAppStore(selectMeldingWrite);
  const { updateMelding } = useAppStoreShallow(selectCaseActions);
  const [conclusie, setConclusie] = useState(melding.conclusie ?? '');
  // "Wel mensenhandel" needs a form: the form can be chosen here, where the conclusion is drawn.
  const [vorm, setVorm] = useState<string>(melding.vorm);
  const [acuut, setAcuut] = useState(melding.acuut);
  const [tk, setTk] = useState({ datum: melding.terugkoppeling?.datum ?? todayIso(), wijze: melding.terugkoppeling?.wijze ?? '', toelichting: melding.terugkoppeling?.toelichting ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(event: FormEvent) {
    event.preventDefault();
    const nieuweConclusie = conclusie === '' ? null : MeldConclusie.parse(conclusie);
    const nieuweVorm = MeldingVorm.parse(vorm);
    // The shared rule the core applies to the whole melding, so the message is here before sending.
    const bezwaren = meldingBezwaren({ ...melding, conclusie: nieuweConclusie, vorm: nieuweVorm }).filter((b) => b.path[0] === 'vorm');
    if (bezwaren.length > 0) {
      setErrors({ vorm: bezwaren[0]!.message });
      return;
    }
    let terugkoppeling: Terugkoppeling | null = null;
    if (tk.wijze) {
      const checked = validateWith(Terugkoppeling, { datum: tk.datum, wijze: tk.wijze, toelichting: blankToUndefined(tk.toelichting) }, t);
      if (!checked.ok) {
        setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, v]) => [`tk.${k}`, v])));
        return;
      }
      terugkoppeling = checked.data;
    }
    setErrors({});
    const ok = await updateMelding({ conclusie: nieuweConclusie, acuut, terugkoppeling, ...(nieuweVorm !== melding.vorm ? { vorm: nieuweVorm } : {}) });
    setSaved(ok);
    // The form is made afresh from the new version: focus goes to its save button again, beside "Opgeslagen.".
    if (ok) focusAfterRender('kk-conclusion-save');
  }

  const shown = { ...errors, ...serverErrors(write.error) };
  return (
    <form className="kk-panel" onSubmit={submit} noValidate aria-labelledby="kk-conclusion-title">
      <Heading level={3} id="kk-conclusion-title">
        {t('cw.melding.conclusieTitle')}
      </Heading>
      <ErrorSummary errors={shown} />
      <SavedNotice saved={saved} />
      <SelectField label={t('cw.melding.conclusie')} name="conclusie" value={conclusie} onChange={(v) => (setConclusie(v), setSaved(false))} options={[{ value: '', label: t('cw.conclusie.open') }, ...optionLists.conclusie(t)]} />
      {conclusie === 'wel' || shown.vorm ? (
        <SelectField label={t('cw.melding.vorm')} name="vorm" value={vorm} onChange={(v) => (setVorm(v), setSaved(false))} error={shown.vorm} hint={shown.vorm ? undefined : t('cw.melding.vormBijWel')} options={optionLists.meldingVorm(t)} />
      ) : null}
      <CheckboxField label={t('cw.melding.acuut')} name="acuut" hint={t('cw.melding.acuutHint')} checked={acuut} onChange={(v) => (setAcuut(v), setSaved(false))} />
      <fieldset className="kk-fieldset">
        <legend className="kk-fieldset__legend">{t('cw.melding.terugkoppeling')}</legend>
        <div className="kk-form-row">
          <SelectField
            label={t('cw.melding.tkWijze')}
            name="tk-wijze"
            value={tk.wijze}
            onChange={(wijze) => setTk({ ...tk, wijze })}
            options={[{ value: '', label: t('cw.wijze.none') }, ...(['telefoon', 'email', 'persoonlijk', 'brief', 'niet-mogelijk'] as const).map((w) => ({ value: w, label: t(`cw.wijze.${w}`) }))]}
          />
          <DateField label={t('cw.melding.tkDatum')} name="tk-datum" value={tk.datum} onChange={(datum) => setTk({ ...tk, datum })} error={shown['tk.datum']} />
        </div>
        <TextareaField label={t('cw.melding.tkToelichting')} name="tk-toelichting" value={tk.toelichting} onChange={(toelichting) => setTk({ ...tk, toelichting })} rows={2} optional />
      </fieldset>
      <ButtonGroup>
        <Button id="kk-conclusion-save" type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
          {t('cw.melding.update')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** What the new cliënt of a converted melding gets: a roepnaam, and where known what the duplicate check compares. */
type NewClient = { roepnaam: string; achternaam: string; geboortedatum: string; bsn: string };

/**
 * "Maak er een traject van": for a new cliënt (roepnaam, and optionally achternaam, birth date and
 * BSN) or one already in Ketenkluis (by pseudonym code). A new cliënt with a BSN or birth date is
 * checked first, as the new-cliënt form does (issue 13): a look-alike is named by its code, with a
 * way to start the traject for that cliënt instead, or to make a new one on purpose.
 */
function ConvertForm() {
  const { t } = useT();
  const write = useAppStore(selectMeldingWrite);
  const { convertMelding, convertMeldingForPseudonym, checkClientDuplicate } = useAppStoreShallow(selectCaseActions);
  const [who, setWho] = useState<'nieuw' | 'bestaand'>('nieuw');
  const [nieuw, setNieuw] = useState<NewClient>({ roepnaam: '', achternaam: '', geboortedatum: '', bsn: '' });
  const [code, setCode] = useState('');
  const [verwijzer, setVerwijzer] = useState('meldpunt');
  const [error, setError] = useState<string | undefined>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [matches, setMatches] = useState<DubbelMatch[] | null>(null);
  const fields = { verwijzer: Verwijzer.parse(verwijzer) };
  const set = (key: keyof NewClient) => (value: string) => {
    setNieuw({ ...nieuw, [key]: value });
    // What was compared changed: the warning no longer fits.
    setMatches(null);
  };

  function newClientFields(): ClientFields | null {
    const name = ShortText.safeParse(nieuw.roepnaam);
    if (!name.success) {
      setError(t('cw.client.roepnaamMissing'));
      return null;
    }
    setError(undefined);
    const checked = validateWith(ClientFields, { roepnaam: name.data, achternaam: blankToUndefined(nieuw.achternaam), geboortedatum: blankToUndefined(nieuw.geboortedatum), bsn: blankToUndefined(nieuw.bsn) }, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return null;
    }
    setErrors({});
    return checked.data;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (who === 'bestaand') {
      const normalised = normalisePseudonymPrefix(code);
      if (!isPseudonym(normalised)) {
        setError(t('cw.convert.codeInvalid'));
        return;
      }
      setError(undefined);
      await convertMeldingForPseudonym(normalised, fields);
      return;
    }
    const client = newClientFields();
    if (!client) return;
    if (client.bsn || client.geboortedatum) {
      const found = await checkClientDuplicate({ roepnaam: client.roepnaam, achternaam: client.achternaam, geboortedatum: client.geboortedatum, bsn: client.bsn });
      if (found === null) return;
      if (found.length > 0) {
        setMatches(found);
        focusAfterRender('kk-convert-dup-title');
        return;
      }
    }
    await convertMelding({ nieuw: client }, fields);
  }

  async function newAnyway() {
    const client = newClientFields();
    if (client) await convertMelding({ nieuw: client }, fields);
  }

  return (
    <form className="kk-panel kk-convert" onSubmit={submit} noValidate aria-labelledby="kk-convert-title">
      <Heading level={3} id="kk-convert-title">
        {t('cw.convert.title')}
      </Heading>
      <Paragraph className="kk-muted">{t('cw.convert.intro')}</Paragraph>
      <fieldset className="kk-fieldset">
        <legend className="kk-fieldset__legend">{t('cw.convert.who')}</legend>
        <div className="kk-radio-row">
          {(['nieuw', 'bestaand'] as const).map((w) => (
            <label key={w} className="kk-radio">
              <input type="radio" className="utrecht-radio-button utrecht-radio-button--html-input" name="convert-who" value={w} checked={who === w} onChange={() => (setWho(w), setError(undefined), setMatches(null))} />
              {t(`cw.convert.who.${w}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="kk-form-row">
        {who === 'nieuw' ? (
          <TextField label={t('cw.convert.roepnaam')} name="convert-roepnaam" value={nieuw.roepnaam} onChange={set('roepnaam')} error={error} badge={<SensitivityBadge level="direct-identifier" />} />
        ) : (
          <TextField label={t('cw.convert.code')} name="convert-code" value={code} onChange={setCode} error={error} hint={t('cw.convert.codeHint')} className="kk-mono" />
        )}
        <SelectField label={t('cw.convert.verwijzer')} name="convert-verwijzer" value={verwijzer} onChange={setVerwijzer} options={optionLists.verwijzer(t)} />
      </div>
      {who === 'nieuw' ? (
        <>
          <Paragraph className="kk-muted kk-small">{t('cw.convert.checkHint')}</Paragraph>
          <div className="kk-form-row">
            <TextField label={t('cw.client.achternaam')} name="convert-achternaam" value={nieuw.achternaam} onChange={set('achternaam')} error={errors.achternaam} optional badge={<SensitivityBadge level="direct-identifier" />} />
            <DateField label={t('cw.client.geboortedatum')} name="convert-geboortedatum" value={nieuw.geboortedatum} onChange={set('geboortedatum')} error={errors.geboortedatum} optional />
            <TextField label={t('cw.client.bsn')} name="convert-bsn" value={nieuw.bsn} onChange={set('bsn')} error={errors.bsn} optional badge={<SensitivityBadge level="direct-identifier" />} />
          </div>
        </>
      ) : null}
      {who === 'nieuw' && matches && matches.length > 0 ? (
        <Alert type="warning" className="kk-alert kk-duplicate" data-testid="convert-duplicate">
          <Heading level={4} id="kk-convert-dup-title" tabIndex={-1}>
            {t('cw.client.dup.title')}
          </Heading>
          <Paragraph>{t('cw.convert.dup.intro')}</Paragraph>
          <ul className="kk-duplicate__list">
            {matches.map((m) => (
              <li key={m.id}>
                <Paragraph>{t(m.op.length === 2 ? 'cw.client.dup.beide' : m.op[0] === 'bsn' ? 'cw.client.dup.bsn' : 'cw.client.dup.naam', { code: m.pseudoniem })}</Paragraph>
                <Button type="button" appearance="secondary-action-button" disabled={write.busy} onClick={() => void convertMelding({ clientId: m.id }, fields)}>
                  {t('cw.convert.dup.forExisting', { code: m.pseudoniem })}
                </Button>
              </li>
            ))}
          </ul>
          <ButtonGroup>
            <Button type="button" appearance="subtle-button" disabled={write.busy} onClick={() => void newAnyway()}>
              {t('cw.convert.dup.newAnyway')}
            </Button>
          </ButtonGroup>
        </Alert>
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
          {t('cw.convert.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * One melding: its facts, the routing advice from the core, conclusion and feedback, and "make it a
 * traject". "Gegevens corrigeren" opens the melding's own form on its saved values (issue 13): a
 * correction after saving is a change event, and the dashboard's kept counts follow it.
 */
export function MeldingScreen({ id }: { id: string }) {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const melding = useAppStore(selectMelding);
  const error = useAppStore(selectMeldingError);
  const write = useAppStore(selectMeldingWrite);
  const { openMelding, openCase, updateMelding, resetMeldingWrite } = useAppStoreShallow(selectCaseActions);
  const [saved, setSaved] = useState(false);
  const [editing, setEditing] = useState(false);
  const [corrected, setCorrected] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  // Back on "Gegevens corrigeren" once the facts are shown again (after saving or cancelling).
  const [focusEdit, setFocusEdit] = useState(false);
  useEffect(() => {
    if (!focusEdit || editing) return;
    editButton.current?.focus();
    setFocusEdit(false);
  }, [focusEdit, editing]);

  useEffect(() => {
    setSaved(false);
    setEditing(false);
    setCorrected(false);
    void openMelding(id);
  }, [id, openMelding]);

  const current = melding && melding.id === id ? melding : null;
  // The melding was read after the screen opened: the loading heading made way for the melding's,
  // which takes focus (issue 13: it fell to the page body), as on the cliënt page.
  const loadedId = current?.id;
  useEffect(() => {
    if (loadedId) headingRef.current?.focus();
  }, [loadedId, headingRef]);
  if (!current) {
    return <LoadingScreen title={t('cw.melding.title', { date: '' })} headingRef={headingRef} error={error} />;
  }
  const m = current;

  async function saveCorrection(fields: MeldingFields) {
    if (await updateMelding(meldingPatch(m, fields))) {
      setEditing(false);
      setCorrected(true);
      setSaved(false);
      setFocusEdit(true);
    }
  }
  function startEditing() {
    resetMeldingWrite();
    setCorrected(false);
    setEditing(true);
  }
  function cancelEditing() {
    resetMeldingWrite();
    setEditing(false);
    setFocusEdit(true);
  }

  return (
    <div className="kk-subpage" data-testid="melding-screen">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.melding.title', { date: formatDate(m.datum) })}
      </Heading>
      <p className="kk-record-sub">
        <Badge tone={m.conclusie === 'wel' ? 'warn' : 'neutral'}>{t(`cw.conclusie.${m.conclusie ?? 'open'}`)}</Badge> {m.acuut ? <Badge tone="error">{t('cw.mlist.acuut')}</Badge> : null}
      </p>
      {editing ? null : <ErrorAlert error={write.error} />}
      <AdviceBox advies={m.advies} anoniem={m.anoniem} />
      {editing ? (
        <MeldingEditor key={m.version} initial={toMeldingForm(m)} mode="edit" busy={write.busy} error={write.error} onSave={saveCorrection} onCancel={cancelEditing} />
      ) : (
        <div className="kk-grid-2">
          <section className="kk-panel" aria-labelledby="kk-melding-facts">
            <Heading level={3} id="kk-melding-facts">
              {t('cw.melding.intake')}
            </Heading>
            {corrected ? (
              <Alert type="ok" role="status" className="kk-alert">
                <Paragraph>{t('cw.melding.corrected')}</Paragraph>
              </Alert>
            ) : null}
            <dl className="kk-dl">
              <dt>{t('cw.melding.kanaal')}</dt>
              <dd>{t(`cw.kanaal.${m.kanaal}`)}</dd>
              <dt>{t('cw.melding.melderType')}</dt>
              <dd>
                {t(`cw.melder.${m.melderType}`)}
                {m.anoniem ? ` · ${t('cw.melding.anoniem')}` : ''}
              </dd>
              <dt>{t('cw.melding.gemeente')}</dt>
              <dd>{gemeenteLabel(t, m.gemeente)}</dd>
              <dt>{t('cw.melding.vorm')}</dt>
              <dd>{t(`cw.vorm.${m.vorm}`)}</dd>
              <dt>{t('cw.melding.minderjarig')}</dt>
              <dd>{jaNeeOnbekendLabel(t, m.minderjarig)}</dd>
              <dt>{t('cw.melding.terugkoppeling')}</dt>
              <dd>{m.terugkoppeling ? t('cw.melding.tkGegeven', { date: formatDate(m.terugkoppeling.datum), wijze: t(`cw.wijze.${m.terugkoppeling.wijze}`) }) : t('cw.melding.tkNog')}</dd>
            </dl>
            {m.signaal ? (
              <>
                <Heading level={4} className="kk-h4">
                  {t('cw.melding.signaal')}
                </Heading>
                <p className="kk-journal__text">{m.signaal}</p>
              </>
            ) : null}
            <ButtonGroup>
              <Button ref={editButton} type="button" appearance="secondary-action-button" onClick={startEditing}>
                {t('cw.melding.edit')}
              </Button>
            </ButtonGroup>
          </section>
          <ConclusionForm key={m.version} melding={m} saved={saved} setSaved={(v) => (setSaved(v), v ? setCorrected(false) : undefined)} />
        </div>
      )}
      {editing ? null : m.trajectId ? (
        <Alert type="info" className="kk-alert">
          <Paragraph>{t('cw.melding.converted')}</Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={() => openCase({ area: 'trajecten', screen: 'traject', id: m.trajectId! })}>
            {t('cw.melding.openTraject', { code: '' })}
          </Button>
        </Alert>
      ) : (
        <ConvertForm />
      )}
    </div>
  );
}
