import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectOverdue, selectReminders } from './caseSelectors';
import { Badge, DataTable, formatDate } from '../../components/dataBits';
import { Panel } from '../../components/screenBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { deadlineTone, TrajectLink } from './caseBits';

interface DueTask {
  id: string;
  trajectId: string;
  pseudoniem: string;
  titel: string;
  deadline: string;
}

/** Tasks with their traject and due date; `badge` says how late each one is. */
function DueTable<T extends DueTask>({ tasks, badge, caption, compact = true }: { tasks: readonly T[]; badge(task: T): ReactNode; caption?: string; compact?: boolean }) {
  const { t } = useT();
  return (
    <DataTable
      caption={caption}
      compact={compact}
      columns={[{ label: t('cw.dash.col.traject') }, { label: t('cw.taken.titel') }, { label: t('cw.taken.deadline') }]}
      rows={tasks}
      row={(task) => (
        <TableRow key={task.id}>
          <TableCell>
            <TrajectLink trajectId={task.trajectId} code={task.pseudoniem} />
          </TableCell>
          <TableCell>{task.titel}</TableCell>
          <TableCell>
            {formatDate(task.deadline)} {badge(task)}
          </TableCell>
        </TableRow>
      )}
    />
  );
}

/** Every open task whose due date has passed, oldest first, with the traject's pseudonym. */
export function OverdueScreen() {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const overdue = useAppStore(selectOverdue);
  const reminders = useAppStore(selectReminders);
  const { loadOverdue } = useAppStoreShallow(selectCaseActions);
  useEffect(() => {
    void loadOverdue();
  }, [loadOverdue]);

  return (
    <div className="kk-subpage">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.overdue.title')}
      </Heading>
      <Paragraph className="kk-muted">{t('cw.overdue.intro')}</Paragraph>
      <ErrorAlert error={overdue.error} />
      {overdue.total === null ? (
        <Paragraph role="status">{t('cw.loading')}</Paragraph>
      ) : overdue.total === 0 ? (
        <div className="kk-empty">
          <Paragraph>{t('cw.overdue.none')}</Paragraph>
        </div>
      ) : (
        <>
          <div className="kk-panel">
            <DueTable caption={t('cw.overdue.count', { shown: overdue.items.length, total: overdue.total })} compact={false} tasks={overdue.items} badge={() => <Badge tone="error">{t('cw.deadline.verlopen')}</Badge>} />
          </div>
          {overdue.items.length < overdue.total ? (
            <Button type="button" appearance="secondary-action-button" busy={overdue.busy} disabled={overdue.busy} onClick={() => void loadOverdue(true)}>
              {t('cw.overdue.more')}
            </Button>
          ) : null}
        </>
      )}
      {reminders.length > 0 ? (
        <Panel id="kk-reminders-title" title={t('cw.reminders.title')}>
          <Paragraph className="kk-muted">{t('cw.reminders.intro')}</Paragraph>
          <DueTable tasks={reminders} badge={(task) => <Badge tone={deadlineTone(task.state)}>{t(`cw.deadline.${task.state}`)}</Badge>} />
        </Panel>
      ) : null}
    </div>
  );
}
