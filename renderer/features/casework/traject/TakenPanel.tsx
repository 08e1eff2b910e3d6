import { Button, Paragraph } from '@utrecht/component-library-react';
import type { TrajectDetail } from '../../../../shared/casework/traject.schema';
import { caseworkMethods } from '../../../../shared/ipc/casework.contract';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, formatDate } from '../../../components/dataBits';
import { blankToUndefined, TextField, validateWith } from '../../../components/formBits';
import { Panel, SectionForm } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { deadlineTone } from '../caseBits';

// What `taken.create` takes, less the traject (the slice adds it).
const TaskInput = caseworkMethods['taken.create'].input.omit({ trajectId: true });
const emptyTask = () => ({ titel: '', deadline: '', herinnering: '' });

/** The traject's tasks with their due dates; add one, mark one done. */
export function TakenPanel({ detail }: { detail: TrajectDetail }) {
  const { t, language } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addTaak, completeTaak } = useAppStoreShallow(selectCaseActions);
  const { form, errors, set, submit } = useCheckedForm(emptyTask(), {
    check: (f) => {
      const checked = validateWith(TaskInput, { titel: f.titel, deadline: f.deadline, herinnering: blankToUndefined(f.herinnering) }, t);
      if (checked.ok) return checked;
      // A missing title or date gets its own plain message instead of the generic one.
      return { ok: false, errors: { ...checked.errors, ...(checked.errors.titel ? { titel: t('cw.taken.titelMissing') } : {}), ...(checked.errors.deadline && !f.deadline ? { deadline: t('cw.taken.deadlineMissing') } : {}) } };
    },
    save: addTaak,
    reset: emptyTask,
  });

  return (
    <Panel id="kk-tasks" title={t('cw.taken.title')} focusable>
      {detail.taken.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.taken.none')}</Paragraph>
      ) : (
        <ul className="kk-task-list">
          {detail.taken.map((task) => (
            <li key={task.id} className={task.afgerondOp ? 'kk-task kk-task--done' : 'kk-task'}>
              <span className="kk-task__title">{task.titel}</span>
              <span className="kk-task__meta">
                {formatDate(task.deadline, language)} <Badge tone={deadlineTone(task.state)}>{t(`cw.deadline.${task.state}`)}</Badge>
              </span>
              {task.afgerondOp ? (
                <span className="kk-muted kk-small">{t('cw.taken.done', { date: formatDate(task.afgerondOp, language) })}</span>
              ) : (
                <Button type="button" appearance="secondary-action-button" className="kk-small-button" disabled={write.busy} aria-label={t('cw.taken.completeLabel', { titel: task.titel })} onClick={() => void completeTaak(task.id)}>
                  {t('cw.taken.complete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <SectionForm onSubmit={submit} submitLabel={t('cw.taken.add')} busy={write.busy}>
        <TextField label={t('cw.taken.titel')} name="task-titel" value={form.titel} onChange={set('titel')} error={errors.titel} />
        <TextField label={t('cw.taken.deadline')} name="task-deadline" type="date" value={form.deadline} onChange={set('deadline')} error={errors.deadline} />
        <TextField label={t('cw.taken.herinnering')} name="task-herinnering" type="date" value={form.herinnering} onChange={set('herinnering')} error={errors.herinnering} optional />
      </SectionForm>
    </Panel>
  );
}
