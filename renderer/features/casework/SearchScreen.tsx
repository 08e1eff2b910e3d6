import { Button, ButtonGroup, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { SearchHit } from '../../../shared/casework/query.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectSearch } from './caseSelectors';
import type { CaseTarget } from './caseNav.slice';
import { Badge, formatDate, formatNumber, OpenButton } from '../../components/dataBits';
import { TextField } from '../../components/formBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { EmptyState, Pseudonym } from './caseBits';

/** Where a search hit leads: the traject, the cliënt, or the melding. */
export function hitTarget(hit: SearchHit): CaseTarget {
  if (hit.kind === 'melding') return { area: 'meldingen', screen: 'melding', id: hit.id };
  if (hit.trajectId) return { area: 'trajecten', screen: 'traject', id: hit.trajectId };
  return { area: 'trajecten', screen: 'client', id: hit.clientId ?? hit.id };
}

/** The few words around the match the core sent, the match marked. */
function Snippet({ snippet }: { snippet: SearchHit['snippet'] }) {
  if (!snippet) return <span className="kk-muted">—</span>;
  return (
    <span className="kk-snippet">
      {snippet.voor}
      <mark>{snippet.treffer}</mark>
      {snippet.na}
    </span>
  );
}

/** What a hit is, in the words of the screen: the pseudonym code (a traject with its phase), or a melding by its date. */
function HitLink({ hit }: { hit: SearchHit }) {
  const { t } = useT();
  const { openCase } = useAppStoreShallow(selectCaseActions);
  const open = () => openCase(hitTarget(hit));
  if (hit.kind === 'melding') {
    return (
      <OpenButton onClick={open}>
        {t('cw.search.melding', { date: hit.datum ? formatDate(hit.datum) : '' })}
        {hit.pseudoniem ? (
          <>
            {' · '}
            <Pseudonym code={hit.pseudoniem} />
          </>
        ) : null}
      </OpenButton>
    );
  }
  return (
    <>
      <OpenButton onClick={open}>{hit.pseudoniem ? <Pseudonym code={hit.pseudoniem} /> : t(`cw.search.kind.${hit.kind}`)}</OpenButton>
      {hit.fase ? <span className="kk-muted kk-small"> {t('cw.search.fase', { fase: t(`cw.fase.${hit.fase}`) })}</span> : null}
    </>
  );
}

/**
 * Full-text search over cliënten, trajecten, meldingen and journal: the most relevant first,
 * how many there are beyond the first 100, and a few words around the match (from free text,
 * never a name: the core decides what it sends).
 */
export function SearchScreen() {
  const { t, language } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const search = useAppStore(selectSearch);
  const { runSearch } = useAppStoreShallow(selectCaseActions);
  const [q, setQ] = useState(search.q);

  function submit(event: FormEvent) {
    event.preventDefault();
    void runSearch(q);
  }

  const hits = search.hits;
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
        {hits === null ? null : hits.length === 0 ? (
          <EmptyState title={t('cw.search.none', { q: search.q })} text={t('cw.search.noneHint')} />
        ) : (
          <div className="kk-panel">
            {search.totaal > hits.length ? (
              <Paragraph className="kk-search-more">{t('cw.search.more', { shown: formatNumber(hits.length, language), totaal: formatNumber(search.totaal, language) })}</Paragraph>
            ) : null}
            <Table className="kk-table kk-search-table">
              <TableCaption className="kk-table__caption">{t('cw.search.count', { n: formatNumber(search.totaal, language), q: search.q })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('cw.search.col.kind')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('cw.search.col.label')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('cw.search.col.datum')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('cw.search.col.snippet')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {hits.map((hit) => (
                  <TableRow key={`${hit.kind}-${hit.id}`}>
                    <TableCell>
                      <Badge>{t(`cw.search.kind.${hit.kind}`)}</Badge>
                    </TableCell>
                    <TableCell>
                      <HitLink hit={hit} />
                    </TableCell>
                    <TableCell className="kk-nowrap">{hit.datum ? formatDate(hit.datum) : ''}</TableCell>
                    <TableCell>
                      <Snippet snippet={hit.snippet} />
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
