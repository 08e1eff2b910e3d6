import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Alert } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import { IsoDate, ShortText, Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import { crisisopvangGrens, crisisopvangTeLang } from '../../../shared/casework/opvang';
import { allowedTransitions } from '../../../shared/casework/phases';
import {
  AfsluitReden,
  GegevenDoor,
  JournaalSoort,
  LongTextRequired,
  Opvang,
  OpvangSoort,
  Procedure,
  ProcedureSoort,
  ProcedureStatus,
  ToestemmingDoel,
  ToestemmingFields,
  trajectFieldSensitivity,
  type Fase,
  type TrajectDetail,
} from './trajectSchemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectTrajectDetail, selectTrajectDetailError, selectTrajectWrite } from './caseSelectors';
import { Badge, deadlineTone, formatDate, Pseudonym } from './dataBits';
import { blankToUndefined, CheckboxField, CheckboxGroup, ErrorSummary, SelectField, SensitivityBadge, serverErrors, TextareaField, TextField, todayIso, validateWith, type FieldErrors } from './formBits';
import { gemeenteLabel, optionLists } from './options';
import { checkTrajectStart, TrajectStartFields, type TrajectStart } from './TrajectNewScreen';
import { useScreenFocus } from './useScreenFocus';

function Section({ id, title, children, sensitivity }: { id: string; title: string; children: ReactNode; sensitivity?: keyof typeof sensClass }) {
  return (
    <section className="kk-panel" aria-labelledby={id}>
      <Heading level={3} id={id} className="kk-section-title" tabIndex={-1}>
        {title} {sensitivity ? <SensitivityBadge level={sensitivity} /> : null}
      </Heading>
      {children}
    </section>
  );
}
const sensClass = { 'direct-identifier': 1, bijzonder: 1, strafrechtelijk: 1, gewoon: 1 } as const;

function PhasePanel({ detail }: { detail: TrajectDetail }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { transitionTraject } = useAppStoreShallow(selectCaseActions);
  const fase = detail.traject.fase;
  const [closing, setClosing] = useState(false);
  const [reden, setReden] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [datum, setDatum] = useState(todayIso());
  const [errors, setErrors] = useState<FieldErrors>({});
  const forward = allowedTransitions[fase].filter((f) => f !== 'afgesloten');
  useEffect(() => {
    if (closing) document.getElementById('kk-close-title')?.focus();
  }, [closing]);

  async function close(event: FormEvent) {
    event.preventDefault();
    const e: FieldErrors = {};
    if (!reden) e.reden = t('cw.phase.reasonMissing');
    if (reden === 'anders' && !toelichting.trim()) e.toelichting = t('cw.phase.explanationMissing');
    if (!IsoDate.safeParse(datum).success) e.datum = t('cw.client.invalidDate');
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    const ok = await transitionTraject({ naar: 'afgesloten', reden: AfsluitReden.parse(reden), datum, ...(toelichting.trim() ? { toelichting: toelichting.trim() } : {}) });
    if (ok) {
      setClosing(false);
      focusPhase();
    }
  }

  // The button that was pressed is gone after a move: put focus on the phase section, not on the page body.
  const focusPhase = () => requestAnimationFrame(() => document.getElementById('kk-phase')?.focus());
  const move = async (naar: Fase) => {
    if (await transitionTraject({ naar })) focusPhase();
  };
  const shown = { ...errors, ...serverErrors(write.error) };

  return (
    <Section id="kk-phase" title={t('cw.phase.title')}>
      <p className="kk-phase-line">
        {t('cw.phase.current', { fase: '' })}
        <Badge tone={fase === 'afgesloten' ? 'neutral' : 'info'}>{t(`cw.fase.${fase}`)}</Badge>
      </p>
      <ol className="kk-stepper" aria-label={t('cw.phase.title')}>
        {(['aanmelding', 'intake', 'actief', 'nazorg'] as const).map((f) => (
          <li key={f} className={f === fase ? 'kk-stepper__step kk-stepper__step--current' : 'kk-stepper__step'} aria-current={f === fase ? 'step' : undefined}>
            {t(`cw.fase.${f}`)}
          </li>
        ))}
      </ol>
      {detail.traject.afsluitReden ? (
        <Paragraph>
          {t('cw.traject.closedBecause', { date: formatDate(detail.traject.afgeslotenOp, language), reden: t(`cw.reden.${detail.traject.afsluitReden}`) })}
          {detail.traject.afsluitToelichting ? ` — ${detail.traject.afsluitToelichting}` : ''}
        </Paragraph>
      ) : null}
      {!closing ? (
        <ButtonGroup className="kk-phase-actions">
          {forward.map((f) => (
            <Button key={f} type="button" appearance="secondary-action-button" disabled={write.busy} onClick={() => void move(f)}>
              {fase === 'afgesloten' ? t('cw.phase.reopenAt', { fase: t(`cw.fase.${f}`) }) : t('cw.phase.moveTo', { fase: t(`cw.fase.${f}`) })}
            </Button>
          ))}
          {fase !== 'afgesloten' ? (
            <Button type="button" appearance="subtle-button" disabled={write.busy} onClick={() => setClosing(true)}>
              {t('cw.phase.close')}
            </Button>
          ) : null}
        </ButtonGroup>
      ) : (
        <form onSubmit={close} noValidate className="kk-subform" aria-labelledby="kk-close-title">
          <Heading level={4} id="kk-close-title" className="kk-h4" tabIndex={-1}>
            {t('cw.phase.closeTitle')}
          </Heading>
          <SelectField label={t('cw.phase.reason')} name="reden" value={reden} onChange={setReden} error={shown.reden} options={[{ value: '', label: t('cw.phase.reason') }, ...optionLists.reden(t)]} />
          <TextareaField label={t('cw.phase.explanation')} name="toelichting" value={toelichting} onChange={setToelichting} error={shown.toelichting} optional={reden !== 'anders'} rows={2} />
          <TextField label={t('cw.phase.date')} name="datum" type="date" value={datum} onChange={setDatum} error={shown.datum} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={write.busy} disabled={write.busy}>
              {t('cw.phase.confirmClose')}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setClosing(false);
                focusPhase();
              }}
            >
              {t('cw.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      )}
      <details className="kk-details">
        <summary>{t('cw.phase.history')}</summary>
        <ul className="kk-plain-list">
          {detail.fasen.map((w, i) => (
            <li key={i}>
              {t('cw.phase.historyRow', { date: formatDate(w.datum, language), van: w.van ? t(`cw.fase.${w.van}`) : '—', naar: t(`cw.fase.${w.naar}`) })}
              {w.reden ? ` (${t(`cw.reden.${w.reden}`)})` : ''}
            </li>
          ))}
        </ul>
      </details>
    </Section>
  );
}

function VormenPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const [vormen, setVormen] = useState<Uitbuitingsvorm[]>(detail.traject.vormen);
  useEffect(() => setVormen(detail.traject.vormen), [detail.traject.vormen]);
  const changed = vormen.length !== detail.traject.vormen.length || vormen.some((v) => !detail.traject.vormen.includes(v));
  return (
    <Section id="kk-vormen" title={t('cw.traject.vormen')} sensitivity={trajectFieldSensitivity.vormen}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void updateTraject({ vormen });
        }}
      >
        <CheckboxGroup legend={t('cw.traject.vormen')} legendHidden hint={t('cw.traject.vormenHint')} name="vormen" values={vormen} options={optionLists.vorm(t)} onChange={setVormen} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" disabled={!changed || write.busy}>
            {t('cw.traject.saveVormen')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

function OpvangPanel({ detail }: { detail: TrajectDetail }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const [form, setForm] = useState({ soort: 'crisisopvang', start: todayIso(), eind: '', locatie: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const today = todayIso();
  const stays = detail.traject.opvang;

  async function add(event: FormEvent) {
    event.preventDefault();
    const candidate = { soort: form.soort, start: form.start, eind: blankToUndefined(form.eind), locatie: blankToUndefined(form.locatie) };
    const checked = validateWith(Opvang, candidate, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (await updateTraject({ opvang: [...stays, checked.data] })) setForm({ soort: 'crisisopvang', start: todayIso(), eind: '', locatie: '' });
  }

  return (
    <Section id="kk-opvang" title={t('cw.opvang.title')} sensitivity={trajectFieldSensitivity.opvang}>
      {stays.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.opvang.none')}</Paragraph>
      ) : (
        <Table className="kk-table kk-table--compact">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('cw.opvang.soort')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cw.opvang.start')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cw.opvang.eind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cw.opvang.locatie')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="kk-visually-hidden">{t('cw.opvang.remove')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {stays.map((o) => {
              const teLang = crisisopvangTeLang(o, today);
              return (
                <TableRow key={o.id}>
                  <TableCell>
                    {t(`cw.opvang.${o.soort}`)}
                    {o.soort === 'crisisopvang' ? (
                      <div className="kk-muted kk-small">
                        {t('cw.opvang.grens', { date: formatDate(crisisopvangGrens(o.start), language) })} {teLang ? <Badge tone="error">{t('cw.opvang.teLang')}</Badge> : null}
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell>{formatDate(o.start, language)}</TableCell>
                  <TableCell>{o.eind ? formatDate(o.eind, language) : t('cw.opvang.running')}</TableCell>
                  <TableCell>{o.locatie ?? ''}</TableCell>
                  <TableCell>
                    <Button type="button" appearance="subtle-button" disabled={write.busy} onClick={() => void updateTraject({ opvang: stays.filter((s) => s.id !== o.id) })}>
                      {t('cw.opvang.remove')}
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <form onSubmit={add} noValidate className="kk-subform kk-form-row">
        <SelectField label={t('cw.opvang.soort')} name="opvang-soort" value={form.soort} onChange={(v) => setForm({ ...form, soort: OpvangSoort.parse(v) })} options={optionLists.opvang(t)} />
        <TextField label={t('cw.opvang.start')} name="opvang-start" type="date" value={form.start} onChange={(v) => setForm({ ...form, start: v })} error={errors.start} />
        <TextField label={t('cw.opvang.eind')} name="opvang-eind" type="date" value={form.eind} onChange={(v) => setForm({ ...form, eind: v })} error={errors.eind} optional />
        <TextField label={t('cw.opvang.locatie')} name="opvang-locatie" value={form.locatie} onChange={(v) => setForm({ ...form, locatie: v })} hint={t('cw.opvang.locatieHint')} optional />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" disabled={write.busy}>
            {t('cw.opvang.add')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

function ProceduresPanel({ detail }: { detail: TrajectDetail }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const [form, setForm] = useState({ soort: 'b8-bedenktijd', status: 'lopend', start: todayIso(), deadline: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const procedures = detail.traject.procedures;
  // The core returns each procedure with its deadline state; send back only the stored fields.
  const stored = procedures.map(({ state: _state, ...p }) => p);

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(Procedure, { soort: form.soort, status: form.status, start: blankToUndefined(form.start), deadline: blankToUndefined(form.deadline) }, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (await updateTraject({ procedures: [...stored, checked.data] })) setForm({ ...form, deadline: '' });
  }

  return (
    <Section id="kk-procedures" title={t('cw.proc.title')} sensitivity={trajectFieldSensitivity.procedures}>
      {procedures.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.proc.none')}</Paragraph>
      ) : (
        <Table className="kk-table kk-table--compact">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('cw.proc.soort')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cw.proc.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cw.proc.deadline')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="kk-visually-hidden">{t('cw.proc.remove')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {procedures.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{t(`cw.procedure.${p.soort}`)}</TableCell>
                <TableCell>
                  <label className="kk-visually-hidden" htmlFor={`status-${p.id}`}>
                    {t('cw.proc.status')} {t(`cw.procedure.${p.soort}`)}
                  </label>
                  <select
                    id={`status-${p.id}`}
                    className="utrecht-select utrecht-select--html-select kk-inline-select"
                    value={p.status}
                    disabled={write.busy}
                    onChange={(e) => void updateTraject({ procedures: stored.map((s) => (s.id === p.id ? { ...s, status: ProcedureStatus.parse(e.target.value) } : s)) })}
                  >
                    {optionLists.pstatus(t).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </TableCell>
                <TableCell>
                  {p.deadline ? formatDate(p.deadline, language) : '—'} <Badge tone={deadlineTone(p.state)}>{t(`cw.deadline.${p.state}`)}</Badge>
                </TableCell>
                <TableCell>
                  <Button type="button" appearance="subtle-button" disabled={write.busy} onClick={() => void updateTraject({ procedures: stored.filter((s) => s.id !== p.id) })}>
                    {t('cw.proc.remove')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form onSubmit={add} noValidate className="kk-subform kk-form-row">
        <SelectField label={t('cw.proc.soort')} name="proc-soort" value={form.soort} onChange={(v) => setForm({ ...form, soort: ProcedureSoort.parse(v) })} options={optionLists.procedure(t)} />
        <SelectField label={t('cw.proc.status')} name="proc-status" value={form.status} onChange={(v) => setForm({ ...form, status: v })} options={optionLists.pstatus(t)} />
        <TextField label={t('cw.proc.start')} name="proc-start" type="date" value={form.start} onChange={(v) => setForm({ ...form, start: v })} error={errors.start} optional />
        <TextField label={t('cw.proc.deadline')} name="proc-deadline" type="date" value={form.deadline} onChange={(v) => setForm({ ...form, deadline: v })} error={errors.deadline} optional />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" disabled={write.busy}>
            {t('cw.proc.add')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

function ConsentPanel({ detail }: { detail: TrajectDetail }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addToestemming, withdrawToestemming } = useAppStoreShallow(selectCaseActions);
  const empty = { doel: 'registratie-comensha', ontvanger: '', vanaf: todayIso(), tot: '', schriftelijk: true, gegevenDoor: 'client' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(ToestemmingFields, { ...form, ontvanger: form.ontvanger.trim(), tot: blankToUndefined(form.tot) }, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (await addToestemming(checked.data)) setForm(empty);
  }

  return (
    <Section id="kk-consent" title={t('cw.consent.title')}>
      {detail.toestemmingen.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.consent.none')}</Paragraph>
      ) : (
        <Table className="kk-table kk-table--compact">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('cw.consent.doel')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cw.consent.ontvanger')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cw.consent.vanaf')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('cw.consent.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="kk-visually-hidden">{t('cw.consent.withdraw')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {detail.toestemmingen.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  {t(`cw.doel.${c.doel}`)}
                  <div className="kk-muted kk-small">
                    {t(`cw.gegevenDoor.${c.gegevenDoor}`)}
                    {c.schriftelijk ? ` · ${t('cw.consent.schriftelijk')}` : ''}
                  </div>
                </TableCell>
                <TableCell>{c.ontvanger}</TableCell>
                <TableCell>
                  {formatDate(c.vanaf, language)}
                  {c.tot ? ` – ${formatDate(c.tot, language)}` : ''}
                </TableCell>
                <TableCell>
                  <Badge tone={c.status === 'geldig' ? 'ok' : c.status === 'ingetrokken' || c.status === 'verlopen' ? 'neutral' : 'warn'}>{t(`cw.tstatus.${c.status}`)}</Badge>
                  {c.ingetrokkenOp ? <div className="kk-muted kk-small">{t('cw.consent.withdrawnOn', { date: formatDate(c.ingetrokkenOp, language) })}</div> : null}
                </TableCell>
                <TableCell>
                  {!c.ingetrokkenOp ? (
                    <Button
                      type="button"
                      appearance="subtle-button"
                      disabled={write.busy}
                      aria-label={t('cw.consent.withdrawLabel', { doel: t(`cw.doel.${c.doel}`), ontvanger: c.ontvanger })}
                      onClick={() => void withdrawToestemming(c.id)}
                    >
                      {t('cw.consent.withdraw')}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <form onSubmit={add} noValidate className="kk-subform">
        <Paragraph className="kk-muted kk-small">{t('cw.consent.comenshaHint')}</Paragraph>
        <div className="kk-form-row">
          <SelectField label={t('cw.consent.doel')} name="consent-doel" value={form.doel} onChange={(v) => setForm({ ...form, doel: ToestemmingDoel.parse(v) })} options={optionLists.doel(t)} />
          <TextField label={t('cw.consent.ontvanger')} name="consent-ontvanger" value={form.ontvanger} onChange={(v) => setForm({ ...form, ontvanger: v })} error={errors.ontvanger ? t('cw.consent.ontvangerMissing') : undefined} />
          <TextField label={t('cw.consent.vanaf')} name="consent-vanaf" type="date" value={form.vanaf} onChange={(v) => setForm({ ...form, vanaf: v })} error={errors.vanaf} />
          <TextField label={t('cw.consent.tot')} name="consent-tot" type="date" value={form.tot} onChange={(v) => setForm({ ...form, tot: v })} error={errors.tot} optional />
          <SelectField label={t('cw.consent.gegevenDoor')} name="consent-door" value={form.gegevenDoor} onChange={(v) => setForm({ ...form, gegevenDoor: GegevenDoor.parse(v) })} options={optionLists.gegevenDoor(t)} />
        </div>
        <CheckboxField label={t('cw.consent.schriftelijk')} name="consent-schriftelijk" checked={form.schriftelijk} onChange={(v) => setForm({ ...form, schriftelijk: v })} />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" disabled={write.busy}>
            {t('cw.consent.add')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

const TaskInput = z.strictObject({ titel: ShortText, deadline: IsoDate, herinnering: IsoDate.optional() });

function TasksPanel({ detail }: { detail: TrajectDetail }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addTask, completeTask } = useAppStoreShallow(selectCaseActions);
  const [form, setForm] = useState({ titel: '', deadline: '', herinnering: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(TaskInput, { titel: form.titel, deadline: form.deadline, herinnering: blankToUndefined(form.herinnering) }, t);
    if (!checked.ok) {
      setErrors({ ...checked.errors, ...(checked.errors.titel ? { titel: t('cw.tasks.titelMissing') } : {}), ...(checked.errors.deadline && !form.deadline ? { deadline: t('cw.tasks.deadlineMissing') } : {}) });
      return;
    }
    setErrors({});
    if (await addTask(checked.data)) setForm({ titel: '', deadline: '', herinnering: '' });
  }

  return (
    <Section id="kk-tasks" title={t('cw.tasks.title')}>
      {detail.taken.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.tasks.none')}</Paragraph>
      ) : (
        <ul className="kk-task-list">
          {detail.taken.map((task) => (
            <li key={task.id} className={task.afgerondOp ? 'kk-task kk-task--done' : 'kk-task'}>
              <span className="kk-task__title">{task.titel}</span>
              <span className="kk-task__meta">
                {formatDate(task.deadline, language)} <Badge tone={deadlineTone(task.state)}>{t(`cw.deadline.${task.state}`)}</Badge>
              </span>
              {task.afgerondOp ? (
                <span className="kk-muted kk-small">{t('cw.tasks.done', { date: formatDate(task.afgerondOp, language) })}</span>
              ) : (
                <Button type="button" appearance="secondary-action-button" className="kk-small-button" disabled={write.busy} aria-label={t('cw.tasks.completeLabel', { titel: task.titel })} onClick={() => void completeTask(task.id)}>
                  {t('cw.tasks.complete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate className="kk-subform kk-form-row">
        <TextField label={t('cw.tasks.titel')} name="task-titel" value={form.titel} onChange={(v) => setForm({ ...form, titel: v })} error={errors.titel} />
        <TextField label={t('cw.tasks.deadline')} name="task-deadline" type="date" value={form.deadline} onChange={(v) => setForm({ ...form, deadline: v })} error={errors.deadline} />
        <TextField label={t('cw.tasks.herinnering')} name="task-herinnering" type="date" value={form.herinnering} onChange={(v) => setForm({ ...form, herinnering: v })} error={errors.herinnering} optional />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" disabled={write.busy}>
            {t('cw.tasks.add')}
          </Button>
        </ButtonGroup>
      </form>
    </Section>
  );
}

const JournalInput = z.strictObject({ soort: JournaalSoort, datum: IsoDate, tekst: LongTextRequired });

function JournalEntryView({ entry }: { entry: TrajectDetail['journaal'][number] }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateJournal, deleteJournal } = useAppStoreShallow(selectCaseActions);
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [tekst, setTekst] = useState(entry.tekst);
  const [error, setError] = useState<string | undefined>();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!tekst.trim()) {
      setError(t('cw.journal.tekstMissing'));
      return;
    }
    setError(undefined);
    if (await updateJournal({ id: entry.id, version: entry.version, tekst: tekst.trim() })) setMode('view');
  }

  return (
    <li className="kk-journal__entry">
      <div className="kk-journal__meta">
        <Badge>{t(`cw.jsoort.${entry.soort}`)}</Badge> <span className="kk-muted">{formatDate(entry.datum, language)}</span>
        {mode === 'view' ? (
          <span className="kk-journal__actions">
            <button type="button" className="kk-link-button kk-small" onClick={() => setMode('edit')} aria-label={t('cw.journal.editLabel', { date: formatDate(entry.datum, language) })}>
              {t('cw.journal.edit')}
            </button>
            <button type="button" className="kk-link-button kk-small" onClick={() => setMode('delete')} aria-label={t('cw.journal.deleteLabel', { date: formatDate(entry.datum, language) })}>
              {t('cw.journal.delete')}
            </button>
          </span>
        ) : null}
      </div>
      {mode === 'edit' ? (
        <form onSubmit={save} noValidate className="kk-journal__edit">
          <TextareaField label={t('cw.journal.tekst')} name={`journal-edit-${entry.id}`} value={tekst} onChange={setTekst} error={error} rows={3} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={write.busy}>
              {t('cw.save')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => (setTekst(entry.tekst), setMode('view'))}>
              {t('cw.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <p className="kk-journal__text">{entry.tekst}</p>
      )}
      {mode === 'delete' ? (
        <div className="kk-confirm-box" role="group" aria-label={t('cw.journal.deleteConfirm')}>
          <p>{t('cw.journal.deleteConfirm')}</p>
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" disabled={write.busy} onClick={() => void deleteJournal(entry.id, entry.version)}>
              {t('cw.journal.deleteYes')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setMode('view')}>
              {t('cw.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
    </li>
  );
}

function JournalPanel({ detail }: { detail: TrajectDetail }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addJournal } = useAppStoreShallow(selectCaseActions);
  const [form, setForm] = useState({ soort: 'notitie', datum: todayIso(), tekst: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function add(event: FormEvent) {
    event.preventDefault();
    const checked = validateWith(JournalInput, { ...form, tekst: form.tekst.trim() }, t);
    if (!checked.ok) {
      setErrors({ ...checked.errors, ...(checked.errors.tekst ? { tekst: t('cw.journal.tekstMissing') } : {}) });
      return;
    }
    setErrors({});
    if (await addJournal(checked.data)) setForm({ soort: form.soort, datum: todayIso(), tekst: '' });
  }

  return (
    <Section id="kk-journal" title={t('cw.journal.title')}>
      <form onSubmit={add} noValidate className="kk-subform">
        <div className="kk-form-row">
          <SelectField label={t('cw.journal.soort')} name="journal-soort" value={form.soort} onChange={(v) => setForm({ ...form, soort: v })} options={optionLists.jsoort(t)} />
          <TextField label={t('cw.journal.datum')} name="journal-datum" type="date" value={form.datum} onChange={(v) => setForm({ ...form, datum: v })} error={errors.datum} />
        </div>
        <TextareaField label={t('cw.journal.tekst')} name="journal-tekst" value={form.tekst} onChange={(v) => setForm({ ...form, tekst: v })} hint={t('cw.journal.tekstHint')} error={errors.tekst} rows={3} sensitivity="bijzonder" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={write.busy} busy={write.busy}>
            {t('cw.journal.add')}
          </Button>
        </ButtonGroup>
      </form>
      {detail.journaal.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.journal.none')}</Paragraph>
      ) : (
        <>
          <p className="kk-muted kk-small">{t('cw.journal.count', { shown: detail.journaal.length, total: detail.journaalTotaal })}</p>
          <ol className="kk-journal">
            {detail.journaal.map((j) => (
              <JournalEntryView key={`${j.id}-${j.version}`} entry={j} />
            ))}
          </ol>
        </>
      )}
    </Section>
  );
}

function FactsPanel({ detail }: { detail: TrajectDetail }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const tr = detail.traject;
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<TrajectStart>({ preventief: tr.preventief, minderjarigBijStart: tr.minderjarigBijStart, gemeente: tr.gemeente, verwijzer: tr.verwijzer, aanmelddatum: tr.aanmelddatum, vormen: tr.vormen });
  const [errors, setErrors] = useState<FieldErrors>({});

  async function save(event: FormEvent) {
    event.preventDefault();
    const checked = checkTrajectStart(value, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    const { opvang: _opvang, procedures: _procedures, ...facts } = checked.data;
    if (await updateTraject(facts)) setEditing(false);
  }

  return (
    <Section id="kk-facts" title={t('cw.traject.facts')}>
      {editing ? (
        <form onSubmit={save} noValidate>
          <TrajectStartFields value={value} onChange={setValue} errors={{ ...errors, ...serverErrors(write.error) }} />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={write.busy}>
              {t('cw.save')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setEditing(false)}>
              {t('cw.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <>
          <dl className="kk-dl">
            <dt>{t('cw.traject.gemeente')}</dt>
            <dd>{gemeenteLabel(t, tr.gemeente)}</dd>
            <dt>{t('cw.traject.verwijzer')}</dt>
            <dd>{t(`cw.verwijzer.${tr.verwijzer}`)}</dd>
            <dt>{t('cw.traject.aanmelddatum')}</dt>
            <dd>{formatDate(tr.aanmelddatum, language)}</dd>
            <dt>{t('cw.traject.minor')}</dt>
            <dd>{tr.minderjarigBijStart ? t('cw.yes') : t('cw.no')}</dd>
            <dt>{t('cw.traject.preventief')}</dt>
            <dd>{tr.preventief ? t('cw.yes') : t('cw.no')}</dd>
          </dl>
          <Button type="button" appearance="subtle-button" onClick={() => setEditing(true)}>
            {t('cw.traject.editFacts')}
          </Button>
        </>
      )}
    </Section>
  );
}

/** One traject: phase and its moves, forms, opvang, procedures, consents, tasks and journal. */
export function TrajectScreen({ id }: { id: string }) {
  const { t, language } = useT();
  const headingRef = useScreenFocus<HTMLHeadingElement>();
  const detail = useAppStore(selectTrajectDetail);
  const error = useAppStore(selectTrajectDetailError);
  const write = useAppStore(selectTrajectWrite);
  const { openTraject, openCase, resetTrajectWrite } = useAppStoreShallow(selectCaseActions);
  const [showName, setShowName] = useState(false);

  useEffect(() => {
    void openTraject(id);
    return () => resetTrajectWrite();
  }, [id, openTraject, resetTrajectWrite]);

  const current = detail && detail.traject.id === id ? detail : null;
  if (!current) {
    return (
      <div className="kk-subpage">
        <Heading level={2} ref={headingRef} tabIndex={-1}>
          {t('cw.traject.title', { code: '' })}
        </Heading>
        <ErrorAlert error={error} />
        {!error ? <Paragraph role="status">{t('cw.loading')}</Paragraph> : null}
      </div>
    );
  }
  const { traject, client, signalen } = current;
  const name = [client.roepnaam, client.achternaam].filter(Boolean).join(' ');
  const fieldErrors = serverErrors(write.error);

  return (
    <div className="kk-subpage" data-testid="traject-screen">
      <div className="kk-record-head">
        <div>
          <Heading level={2} ref={headingRef} tabIndex={-1} className="kk-record-title">
            {t('cw.traject.title', { code: '' })}
            <Pseudonym code={traject.pseudoniem} />
          </Heading>
          <p className="kk-record-sub">
            {traject.preventief ? <Badge tone="info">{t('cw.traject.preventief')}</Badge> : null}{' '}
            {traject.minderjarigBijStart ? <Badge tone="warn">{t('cw.traject.minor')}</Badge> : null}
          </p>
        </div>
        <div className="kk-name-box">
          <span className="kk-muted kk-small">{t('cw.traject.clientLine', { code: client.pseudoniem })}</span>
          {showName ? <span className="kk-name" data-testid="client-name">{name}</span> : null}
          <ButtonGroup>
            <Button type="button" appearance="subtle-button" aria-pressed={showName} onClick={() => setShowName(!showName)}>
              {showName ? t('cw.traject.hideName') : t('cw.traject.showName')}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={() => openCase({ area: 'trajecten', screen: 'client', id: client.id })}>
              {t('cw.traject.editClient')}
            </Button>
          </ButtonGroup>
        </div>
      </div>

      <div aria-live="polite">
        <ErrorAlert error={write.error} />
        {Object.keys(fieldErrors).length > 0 ? <ErrorSummary errors={fieldErrors} /> : null}
      </div>
      {signalen.crisisopvangTeLang ? (
        <Alert type="error" className="kk-alert">
          <Paragraph>{t('cw.signal.crisisTeLang')}</Paragraph>
        </Alert>
      ) : signalen.crisisopvangGrens ? (
        <Alert type="info" className="kk-alert">
          <Paragraph>{t('cw.signal.crisisGrens', { date: formatDate(signalen.crisisopvangGrens, language) })}</Paragraph>
        </Alert>
      ) : null}
      {signalen.verlopenTaken > 0 || signalen.verlopenProcedures > 0 ? (
        <Alert type="warning" className="kk-alert">
          {signalen.verlopenTaken > 0 ? <Paragraph>{t('cw.signal.tasks', { n: signalen.verlopenTaken })}</Paragraph> : null}
          {signalen.verlopenProcedures > 0 ? <Paragraph>{t('cw.signal.procedures', { n: signalen.verlopenProcedures })}</Paragraph> : null}
        </Alert>
      ) : null}

      <div className="kk-grid-2">
        <PhasePanel detail={current} />
        <FactsPanel key={traject.version} detail={current} />
      </div>
      <div className="kk-grid-2">
        <TasksPanel detail={current} />
        <VormenPanel detail={current} />
      </div>
      <JournalPanel detail={current} />
      <OpvangPanel detail={current} />
      <ProceduresPanel detail={current} />
      <ConsentPanel detail={current} />
    </div>
  );
}
