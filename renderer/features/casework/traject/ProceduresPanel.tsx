import { Button, TableCell, TableRow } from '@utrecht/component-library-react';
import { Procedure, ProcedureSoort, ProcedureStatus, trajectFieldSensitivity, type TrajectDetail } from '../../../../shared/casework/traject.schema';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, DataTable, formatDate } from '../../../components/dataBits';
import { blankToUndefined, SelectField, todayIso, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Panel, SectionForm } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { deadlineTone, SensitivityBadge } from '../caseBits';
import { optionLists } from '../options';

/** Legal procedures (B8, asylum, aangifte…) with their deadlines and status. */
export function ProceduresPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTraject } = useAppStoreShallow(selectCaseActions);
  const procedures = detail.traject.procedures;
  // The core returns each procedure with its deadline state; send back only the stored fields.
  const stored = procedures.map(({ state: _state, ...p }) => p);
  const { form, errors, set, submit } = useCheckedForm(
    { soort: 'b8-bedenktijd', status: 'lopend', start: todayIso(), deadline: '' },
    {
      check: (f) => validateWith(Procedure, { soort: f.soort, status: f.status, start: blankToUndefined(f.start), deadline: blankToUndefined(f.deadline) }, t),
      save: (procedure) => updateTraject({ procedures: [...stored, procedure] }),
      reset: (f) => ({ ...f, deadline: '' }),
    },
  );

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
              <Button type="button" appearance="subtle-button" disabled={write.busy} onClick={() => void updateTraject({ procedures: stored.filter((s) => s.id !== p.id) })}>
                {t('cw.proc.remove')}
              </Button>
            </TableCell>
          </TableRow>
        )}
      />
      <SectionForm onSubmit={submit} submitLabel={t('cw.proc.add')} busy={write.busy}>
        <SelectField label={t('cw.proc.soort')} name="proc-soort" value={form.soort} onChange={(v) => set('soort')(ProcedureSoort.parse(v))} options={optionLists.procedure(t)} />
        <SelectField label={t('cw.proc.status')} name="proc-status" value={form.status} onChange={set('status')} options={optionLists.pstatus(t)} />
        <DateField label={t('cw.proc.start')} name="proc-start" value={form.start} onChange={set('start')} error={errors.start} optional />
        <DateField label={t('cw.proc.deadline')} name="proc-deadline" value={form.deadline} onChange={set('deadline')} error={errors.deadline} optional />
      </SectionForm>
    </Panel>
  );
}
