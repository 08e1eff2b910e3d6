import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { SearchHit } from '../../../shared/casework/query.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectSearch } from './caseSelectors';
import type { CaseTarget } from './caseNav.slice';
import { Badge, OpenButton } from '../../components/dataBits';
import { formatDatesIn } from '../../components/dateText';
import { TextField } from '../../components/formBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';

/** Where a search hit leads: the traject, the cliënt, or the melding. */
export function hitTarget(hit: SearchHit): CaseTarget {
  if (hit.kind === 'melding') return { area: 'meldingen', screen: 'melding', id: hit.id };
  if (hit.trajectId) return { area: 'trajecten', screen: 'traject', id: hit.trajectId };
  return { area: 'trajecten', screen: 'client', id: hit.clientId ?? hit.id };
}

/** Full-text search over cliënten, trajecten, meldingen and journal. Hits show a label, never the text. */
export function SearchScreen() {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const search = useAppStore(selectSearch);
  const { runSearch, openCase } = useAppStoreShallow(selectCaseActions);
  const [q, setQ] = useState(search.q);

  function submit(event: FormEvent) {
    event.preventDefault();
    void runSearch(q);
  }

  return (
    <div className="kk-subpage">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.search.title')}
      </Heading>
      <Paragraph className="kk-muted">{t('cw.search.intro')}</Paragraph>
      <form role="search" onSubmit={submit} noValidate className="kk-inline-form">
        <TextField label={t('cw.search.label')} name="q" type="text" value={q} onChange={setQ} className="kk-search-input" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={search.busy}>
            {t('cw.search.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <ErrorAlert error={search.error} />
      <div aria-live="polite">
        {search.hits === null ? null : search.hits.length === 0 ? (
          <Paragraph>{t('cw.search.none', { q: search.q })}</Paragraph>
        ) : (
          <div className="kk-panel">
          <Table className="kk-table">
            <TableCaption className="kk-table__caption">{t('cw.search.count', { n: search.hits.length, q: search.q })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('cw.search.col.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('cw.search.col.label')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {search.hits.map((hit) => (
                <TableRow key={`${hit.kind}-${hit.id}`}>
                  <TableCell>
                    <Badge>{t(`cw.search.kind.${hit.kind}`)}</Badge>
                  </TableCell>
                  <TableCell>
                    <OpenButton onClick={() => openCase(hitTarget(hit))}>
                      <span className="kk-pseudonym">{formatDatesIn(hit.label)}</span>
                    </OpenButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          </div>
        )}
      </div>
    </div>
  );
}
