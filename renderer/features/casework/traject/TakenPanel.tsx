import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { TrajectDetail } from '../../../../shared/casework/traject.schema';
import { caseworkMethods } from '../../../../shared/ipc/casework.contract';
import { useT } from '../../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../../store/StoreProvider';
import { selectCaseActions, selectTrajectWrite } from '../caseSelectors';
import { Badge, formatDate } from '../../../components/dataBits';
import { blankToUndefined, type FieldErrors, TextField, validateWith } from '../../../components/formBits';
import { DateField } from '../../../components/DateField';
import { Announce, Panel } from '../../../components/screenBits';
import { useCheckedForm } from '../../../components/useCheckedForm';
import { deadlineTone } from '../caseBits';

// What `taken.create` takes, less the traject (the slice adds it).
const TaskInput = caseworkMethods['taken.create'].input.omit({ trajectId: true });
// What `taken.update` takes, less the task (the panel adds it).
const TaskChange = caseworkMethods['taken.update'].input.omit({ id: true });
// The add form starts empty: nothing is chosen for the person (issue 13).
const emptyTask = () => ({ titel: '', deadline: '', herinnering: '' });
type TaskForm = ReturnType<typeof emptyTask>;
type Task = TrajectDetail['taken'][number];

/**
 * Where focus goes after a task is marked done (its button is gone): the next open task's
 * "Klaar", else the one before it, else null (then the panel's heading).
 */
export function nextOpenTask(openIds: readonly string[], doneId: string): string | null {
  const at = openIds.indexOf(doneId);
  return openIds[at + 1] ?? (at > 0 ? openIds[at - 1]! : null);
}

/**
 * What a correction of `task` sends: only the fields the person changed; an emptied reminder is
 * null (removed). Empty when nothing changed.
 */
export function taskChange(task: Pick<Task, 'titel' | 'deadline' | 'herinnering'>, form: TaskForm): Record<string, string | null> {
  const change: Record<string, string | null> = {};
  if (form.titel.trim() !== task.titel) change.titel = form.titel.trim();
  if (form.deadline !== task.deadline) change.deadline = form.deadline;
  const herinnering = blankToUndefined(form.herinnering) ?? null;
  if (herinnering !== task.herinnering) change.herinnering = herinnering;
  return change;
}

/** Plain messages for a missing title or due date, instead of the generic one. */
function taskErrors(errors: FieldErrors, form: TaskForm, t: ReturnType<typeof useT>['t']): FieldErrors {
  return { ...errors, ...(errors.titel ? { titel: t('cw.taken.titelMissing') } : {}), ...(errors.deadline && !form.deadline ? { deadline: t('cw.taken.deadlineMissing') } : {}) };
}

/** The add form, mounted when the person asks for it, so it starts empty. It stays open for the next task until closed. */
function AddTaskForm({ onAdded, onClose }: { onAdded(titel: string): void; onClose(): void }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { addTaak } = useAppStoreShallow(selectCaseActions);
  const titelRef = useRef<HTMLInputElement>(null);
  useEffect(() => titelRef.current?.focus(), []);

  const { form, errors, set, submit } = useCheckedForm(emptyTask(), {
    check: (f) => {
      const checked = validateWith(TaskInput, { titel: f.titel, deadline: f.deadline, herinnering: blankToUndefined(f.herinnering) }, t);
      return checked.ok ? checked : { ok: false, errors: taskErrors(checked.errors, f, t) };
    },
    // After adding, focus returns to the (emptied) title field for the next task.
    save: async (task) => {
      const saved = await addTaak(task);
      if (saved) {
        onAdded(task.titel);
        titelRef.current?.focus();
      }
      return saved;
    },
    reset: emptyTask,
  });

  return (
    <form onSubmit={submit} noValidate className="kk-subform" aria-label={t('cw.taken.addForm')}>
      <div className="kk-form-row">
        <TextField label={t('cw.taken.titel')} name="task-titel" value={form.titel} onChange={set('titel')} error={errors.titel} inputRef={titelRef} />
        <DateField label={t('cw.taken.deadline')} name="task-deadline" value={form.deadline} onChange={set('deadline')} error={errors.deadline} />
        <DateField label={t('cw.taken.herinnering')} name="task-herinnering" value={form.herinnering} onChange={set('herinnering')} error={errors.herinnering} optional />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" disabled={write.busy}>
          {t('cw.taken.add')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onClose}>
          {t('cw.taken.close')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Corrects one task in its place in the list: title, due date, reminder (emptied: removed). */
function EditTaskForm({ task, onSaved, onCancel }: { task: Task; onSaved(titel: string): void; onCancel(): void }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { updateTaak } = useAppStoreShallow(selectCaseActions);
  const titelRef = useRef<HTMLInputElement>(null);
  useEffect(() => titelRef.current?.focus(), []);

  const { form, errors, set, submit } = useCheckedForm<TaskForm, Record<string, string | null>>(
    { titel: task.titel, deadline: task.deadline, herinnering: task.herinnering ?? '' },
    {
      check: (f) => {
        const change = taskChange(task, f);
        const checked = validateWith(TaskChange, change, t);
        return checked.ok ? { ok: true, data: change } : { ok: false, errors: taskErrors(checked.errors, f, t) };
      },
      save: async (change) => {
        // Nothing changed: nothing to record; the form closes as after saving.
        const saved = Object.keys(change).length === 0 || (await updateTaak(task.id, change));
        if (saved) onSaved(change.titel ?? task.titel);
        return saved;
      },
    },
  );

  return (
    <form onSubmit={submit} noValidate className="kk-subform kk-task-edit" aria-label={t('cw.taken.editLabel', { titel: task.titel })}>
      <div className="kk-form-row">
        <TextField label={t('cw.taken.titel')} name="task-edit-titel" value={form.titel} onChange={set('titel')} error={errors.titel} inputRef={titelRef} />
        <DateField label={t('cw.taken.deadline')} name="task-edit-deadline" value={form.deadline} onChange={set('deadline')} error={errors.deadline} />
        <DateField label={t('cw.taken.herinnering')} name="task-edit-herinnering" value={form.herinnering} onChange={set('herinnering')} error={errors.herinnering} optional />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" disabled={write.busy}>
          {t('cw.taken.editSave')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {t('cw.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Where focus goes once the list has re-rendered. */
type FocusTarget = { to: 'add' } | { to: 'heading' } | { to: 'edit'; id: string } | { to: 'complete'; id: string };

/**
 * The traject's tasks with their due dates: add (the form opens on request and starts empty),
 * correct a task (title, due date, reminder) and mark one done. Focus lands on what the person
 * acts on next after each of these, and a status line says what happened.
 */
export function TakenPanel({ detail }: { detail: TrajectDetail }) {
  const { t } = useT();
  const write = useAppStore(selectTrajectWrite);
  const { completeTaak } = useAppStoreShallow(selectCaseActions);
  const listRef = useRef<HTMLUListElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const [announced, setAnnounced] = useState('');
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [focusNext, setFocusNext] = useState<FocusTarget | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    const button = (selector: string) => listRef.current?.querySelector<HTMLButtonElement>(selector) ?? null;
    const target =
      focusNext.to === 'add' ? addButton.current : focusNext.to === 'edit' ? button(`button[data-edit-task="${focusNext.id}"]`) : focusNext.to === 'complete' ? button(`button[data-task="${focusNext.id}"]`) : null;
    (target ?? document.getElementById('kk-tasks'))?.focus();
    setFocusNext(null);
  }, [focusNext]);

  async function complete(task: Task) {
    const openIds = detail.taken.filter((k) => !k.afgerondOp).map((k) => k.id);
    if (!(await completeTaak(task.id))) return;
    setAnnounced(t('cw.taken.completed', { titel: task.titel }));
    const next = nextOpenTask(openIds, task.id);
    setFocusNext(next === null ? { to: 'heading' } : { to: 'complete', id: next });
  }

  return (
    <Panel id="kk-tasks" title={t('cw.taken.title')} focusable>
      {detail.taken.length === 0 ? (
        <Paragraph className="kk-muted">{t('cw.taken.none')}</Paragraph>
      ) : (
        <ul className="kk-task-list" ref={listRef}>
          {detail.taken.map((task) =>
            editingId === task.id ? (
              <li key={task.id} className="kk-task-editing">
                <EditTaskForm
                  task={task}
                  onSaved={(titel) => {
                    setAnnounced(t('cw.taken.updated', { titel }));
                    setEditingId(null);
                    setFocusNext({ to: 'edit', id: task.id });
                  }}
                  onCancel={() => {
                    setEditingId(null);
                    setFocusNext({ to: 'edit', id: task.id });
                  }}
                />
              </li>
            ) : (
              <li key={task.id} className={task.afgerondOp ? 'kk-task kk-task--done' : 'kk-task'}>
                <span className="kk-task__title">{task.titel}</span>
                <span className="kk-task__meta">
                  {formatDate(task.deadline)} <Badge tone={deadlineTone(task.state)}>{t(`cw.deadline.${task.state}`)}</Badge>
                  {task.herinnering ? <span className="kk-muted kk-small"> · {t('cw.taken.herinnering')} {formatDate(task.herinnering)}</span> : null}
                </span>
                {task.afgerondOp ? (
                  <span className="kk-muted kk-small">{t('cw.taken.done', { date: formatDate(task.afgerondOp) })}</span>
                ) : (
                  <span className="kk-task__actions">
                    <Button
                      type="button"
                      appearance="subtle-button"
                      className="kk-small-button"
                      disabled={write.busy}
                      data-edit-task={task.id}
                      aria-label={t('cw.taken.editLabel', { titel: task.titel })}
                      onClick={() => (setAdding(false), setEditingId(task.id))}
                    >
                      {t('cw.taken.edit')}
                    </Button>{' '}
                    <Button type="button" appearance="secondary-action-button" className="kk-small-button" disabled={write.busy} data-task={task.id} aria-label={t('cw.taken.completeLabel', { titel: task.titel })} onClick={() => void complete(task)}>
                      {t('cw.taken.complete')}
                    </Button>
                  </span>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {/* One form at a time: while a task is corrected, the add button waits. */}
      {editingId !== null ? null : adding ? (
        <AddTaskForm
          onAdded={(titel) => setAnnounced(t('cw.taken.added', { titel }))}
          onClose={() => {
            setAdding(false);
            setFocusNext({ to: 'add' });
          }}
        />
      ) : (
        <Button ref={addButton} type="button" appearance="secondary-action-button" disabled={write.busy} onClick={() => (setEditingId(null), setAdding(true))}>
          {t('cw.taken.add')}
        </Button>
      )}
      <Announce text={announced} />
    </Panel>
  );
}
