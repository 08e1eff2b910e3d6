import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectOverdue, selectReminders } from './caseSelectors';
import { Badge, deadlineTone, formatDate, OpenButton, Pseudonym } from './dataBits';
import { useScreenFocus } from './useScreenFocus';

/** Every open task whose due date has passed, oldest first, with the traject's pseudonym. */
export function OverdueScreen() {
  const { t, language } = useT();
  const headingRef = useScreenFocus<HTMLHeadingElement>();
  const overdue = useAppStore(selectOverdue);
  const reminders = useAppStore(selectReminders);
  const { loadOverdue, openCase } = useAppStoreShallow(selectCaseActions);
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
          <Table className="kk-table">
            <TableCaption className="kk-table__caption">{t('cw.overdue.count', { shown: overdue.items.length, total: overdue.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('cw.dash.col.traject')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cw.tasks.titel')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cw.tasks.deadline')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overdue.items.map((task) => (
                <TableRow key={task.id}>
                  <TableCell>
                    <OpenButton onClick={() => openCase({ area: 'trajecten', screen: 'traject', id: task.trajectId })}>
                      <Pseudonym code={task.pseudoniem} />
                    </OpenButton>
                  </TableCell>
                  <TableCell>{task.titel}</TableCell>
                  <TableCell>
                    {formatDate(task.deadline, language)} <Badge tone="error">{t('cw.deadline.verlopen')}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          </div>
          {overdue.items.length < overdue.total ? (
            <Button type="button" appearance="secondary-action-button" busy={overdue.busy} disabled={overdue.busy} onClick={() => void loadOverdue(true)}>
              {t('cw.overdue.more')}
            </Button>
          ) : null}
        </>
      )}
      {reminders.length > 0 ? (
        <section className="kk-panel" aria-labelledby="kk-reminders-title">
          <Heading level={3} id="kk-reminders-title">
            {t('cw.reminders.title')}
          </Heading>
          <Paragraph className="kk-muted">{t('cw.reminders.intro')}</Paragraph>
          <Table className="kk-table kk-table--compact">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('cw.dash.col.traject')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cw.tasks.titel')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cw.tasks.deadline')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {reminders.map((task) => (
                <TableRow key={task.id}>
                  <TableCell>
                    <OpenButton onClick={() => openCase({ area: 'trajecten', screen: 'traject', id: task.trajectId })}>
                      <Pseudonym code={task.pseudoniem} />
                    </OpenButton>
                  </TableCell>
                  <TableCell>{task.titel}</TableCell>
                  <TableCell>
                    {formatDate(task.deadline, language)} <Badge tone={deadlineTone(task.state)}>{t(`cw.deadline.${task.state}`)}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ) : null}
    </div>
  );
}
