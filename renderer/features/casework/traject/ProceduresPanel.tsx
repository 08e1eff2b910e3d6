import { Button, TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Procedure, ProcedureStatus, trajectFieldSensitivity, type TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, DataTable, formatDate } from '../../../components/dataBits';
import { blankToUndefined, SelectField, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Announce, Panel } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { deadlineTone, SensitivityBadge } from '../caseBits';
import { optionLists } from '../options';
import { AddForm, AddOnRequest, choose } from './AddForm';
import { focusAfterRender } from '../focusAfterRender';

type Stored = Omit<TrajectDetail['traject']['procedures'][number], 'state'>;

/** The form for a new procedure. Mounted on request, so it starts empty: no kind, no status chosen. */
function ProcedureForm({ stored, onAdded, onCancel }: { stored: Stored[]; onAdded(): void; onCancel(): void }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const { form, errors, set, submit } = useCheckedForm(
    { soort: '', status: '', start: '', deadline: '' },
    {
      check: (f) => {
        const checked = validateWith(Procedure, { soort: f.soort || undefined, status: f.status || undefined, start: blankToUndefined(f.start), deadline: blankToUndefined(f.deadline) }, t);
        if (checked.ok) return checked;
        return { ok: false, errors: { ...checked.errors, ...(f.soort ? {} : { soort: t('cw.proc.soortMissing') }), ...(f.status ? {} : { status: t('cw.proc.statusMissing') }) } };
      },
      save: async (procedure) => {
        const saved = await updateTraject({ procedures: [...stored, procedure] });
        if (saved) onAdded();
        return saved;
      },
    },
  );
  return (
    <AddForm label={t('cw.proc.new')} onSubmit={submit} submitLabel={t('cw.proc.save')} busy={write.busy} onCancel={onCancel}>
      <div className="kk-form-row">
        <SelectField label={t('cw.proc.soort')} name="proc-soort" value={form.soort} onChange={set('soort')} error={errors.soort} options={[choose(t('cw.choose')), ...optionLists.procedure(t)]} />
        <SelectField label={t('cw.proc.status')} name="proc-status" value={form.status} onChange={set('status')} error={errors.status} options={[choose(t('cw.choose')), ...optionLists.pstatus(t)]} />
      </div>
      <div className="kk-form-row">
        <DateField label={t('cw.proc.start')} name="proc-start" value={form.start} onChange={set('start')} error={errors.start} optional />
        <DateField label={t('cw.proc.deadline')} name="proc-deadline" value={form.deadline} onChange={set('deadline')} error={errors.deadline} optional />
      </div>
    </AddForm>
  );
}

/** Legal procedures (B8, asylum, aangifte…) with their deadlines and status. */
export function ProceduresPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const procedures = detail.traject.procedures;
  // The core returns each procedure with its deadline state; send back only the stored fields.
  const stored = procedures.map(({ state: _state, ...p }) => p);
  const [announced, setAnnounced] = useState('');

  return (
    <Panel id="kk-procedures" title={t('cw.proc.title')} badge={<SensitivityBadge level={trajectFieldSensitivity.procedures} />} focusable>
      <DataTable
        empty={t('cw.proc.none')}
        columns={[{ label: t('cw.proc.soort') }, { label: t('cw.proc.status') }, { label: t('cw.proc.deadline') }, { label: t('cw.proc.remove'), hidden: true }]}
        rows={procedures}
        row={(p) => (
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
              {p.deadline ? formatDate(p.deadline) : '—'} <Badge tone={deadlineTone(p.state)}>{t(`cw.deadline.${p.state}`)}</Badge>
            </TableCell>
            <TableCell>
              <Button type="button" appearance="subtle-button" disabled={write.busy} onClick={() => void updateTraject({ procedures: stored.filter((s) => s.id !== p.id) }).then((ok) => {
                  // The row and its button are gone: focus goes to the panel's heading, and the status line says so.
                  if (!ok) return;
                  setAnnounced(t('cw.proc.removed'));
                  focusAfterRender('kk-procedures');
                })}>
                {t('cw.proc.remove')}
              </Button>
            </TableCell>
          </TableRow>
        )}
      />
      <AddOnRequest openLabel={t('cw.proc.add')} disabled={write.busy}>
        {(close) => (
          <ProcedureForm
            stored={stored}
            onAdded={() => {
              setAnnounced(t('cw.proc.added'));
              close();
            }}
            onCancel={close}
          />
        )}
      </AddOnRequest>
      <Announce text={announced} />
    </Panel>
  );
}
