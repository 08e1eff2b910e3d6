import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { TrajectDetail } from '../../../../shared/casework/traject.schema';
import { caseworkMethods } from '../../../../shared/ipc/casework.contract';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, formatDate } from '../../../components/dataBits';
import { blankToUndefined, TextField, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Announce, Panel, SectionForm } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { deadlineTone } from '../caseBits';

// What `taken.create` takes, less the traject (the slice adds it).
const TaskInput = caseworkMethods['taken.create'].input.omit({ trajectId: true });
const emptyTask = () => ({ titel: '', deadline: '', herinnering: '' });

/**
 * Where focus goes after a task is marked done (its button is gone): the next open task's
 * "Klaar", else the one before it, else null (then the panel's heading).
 */
export function nextOpenTask(openIds: readonly string[], doneId: string): string | null {
  const at = openIds.indexOf(doneId);
  return openIds[at + 1] ?? (at > 0 ? openIds[at - 1]! : null);
}

/** The traject's tasks with their due dates; add one, mark one done. */
export function TakenPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addTaak, completeTaak } = useAppStoreShallow(selectCaseActions);
  const titelRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [announced, setAnnounced] = useState('');
  // After "Klaar": the task to focus next (null: the heading), set once the list has re-rendered.
  const [focusAfterDone, setFocusAfterDone] = useState<{ id: string | null } | null>(null);
  useEffect(() => {
    if (!focusAfterDone) return;
    const next = focusAfterDone.id === null ? null : listRef.current?.querySelector<HTMLButtonElement>(`button[data-task="${focusAfterDone.id}"]`);
    (next ?? document.getElementById('kk-tasks'))?.focus();
    setFocusAfterDone(null);
  }, [focusAfterDone]);

  async function complete(task: TrajectDetail['taken'][number]) {
    const openIds = detail.taken.filter((k) => !k.afgerondOp).map((k) => k.id);
    if (!(await completeTaak(task.id))) return;
    setAnnounced(t('cw.taken.completed', { titel: task.titel }));
    setFocusAfterDone({ id: nextOpenTask(openIds, task.id) });
  }

  const { form, errors, set, submit } = useCheckedForm(emptyTask(), {
    check: (f) => {
      const checked = validateWith(TaskInput, { titel: f.titel, deadline: f.deadline, herinnering: blankToUndefined(f.herinnering) }, t);
      if (checked.ok) return checked;
      // A missing title or date gets its own plain message instead of the generic one.
      return { ok: false, errors: { ...checked.errors, ...(checked.errors.titel ? { titel: t('cw.taken.titelMissing') } : {}), ...(checked.errors.deadline && !f.deadline ? { deadline: t('cw.taken.deadlineMissing') } : {}) } };
    },
    // After adding, focus returns to the (emptied) title field for the next task.
    save: async (task) => {
      const saved = await addTaak(task);
      if (saved) {
        setAnnounced(t('cw.taken.added', { titel: task.titel }));
        titelRef.current?.focus();
      }
      return saved;
    },
    reset: emptyTask,
  });

  return (
    <Panel id="kk-tasks" title={t('cw.taken.title')} focusable>
      {detail.taken.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.taken.none')}</Paragraph>
      ) : (
        <ul className="kk-task-list" ref={listRef}>
          {detail.taken.map((task) => (
            <li key={task.id} className={task.afgerondOp ? 'kk-task kk-task--done' : 'kk-task'}>
              <span className="kk-task__title">{task.titel}</span>
              <span className="kk-task__meta">
                {formatDate(task.deadline)} <Badge tone={deadlineTone(task.state)}>{t(`cw.deadline.${task.state}`)}</Badge>
              </span>
              {task.afgerondOp ? (
                <span className="kk-muted kk-small">{t('cw.taken.done', { date: formatDate(task.afgerondOp) })}</span>
              ) : (
                <Button type="button" appearance="secondary-action-button" className="kk-small-button" disabled={write.busy} data-task={task.id} aria-label={t('cw.taken.completeLabel', { titel: task.titel })} onClick={() => void complete(task)}>
                  {t('cw.taken.complete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <SectionForm onSubmit={submit} submitLabel={t('cw.taken.add')} busy={write.busy}>
        <TextField label={t('cw.taken.titel')} name="task-titel" value={form.titel} onChange={set('titel')} error={errors.titel} inputRef={titelRef} />
        <DateField label={t('cw.taken.deadline')} name="task-deadline" value={form.deadline} onChange={set('deadline')} error={errors.deadline} />
        <DateField label={t('cw.taken.herinnering')} name="task-herinnering" value={form.herinnering} onChange={set('herinnering')} error={errors.herinnering} optional />
      </SectionForm>
      <Announce text={announced} />
    </Panel>
  );
}
