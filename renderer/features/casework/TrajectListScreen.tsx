import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect } from 'react';
import { Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import { Fase, type TrajectSummary } from '../../../shared/casework/traject.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectTrajectFilter, selectTrajectList, selectTrajectListError } from './caseSelectors';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { Badge, formatDate, formatNumber, OpenButton } from '../../components/dataBits';
import { SelectField } from '../../components/formBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { EmptyState, Pseudonym } from './caseBits';
import { GemeenteFilter, patchedFilter } from './GemeenteFilter';
import { gemeenteLabel } from './options';
import { rowAt } from '../../store/pagedList';
import { SavedViews } from './SavedViews';
import { defaultTrajectFilter, type TrajectListFilter } from './trajecten.slice';

function Filters() {
  const { t } = useT();
  const filter = useAppStore(selectTrajectFilter);
  const { setTrajectFilter } = useAppStoreShallow(selectCaseActions);
  const change = (patch: Partial<TrajectListFilter>) => setTrajectFilter(patchedFilter(filter, patch));
  const status = filter.open === undefined ? 'all' : filter.open ? 'open' : 'closed';
  const soort = filter.preventief === undefined ? '' : filter.preventief ? 'preventief' : 'hulp';
  return (
    <fieldset className="kk-filters">
      <legend className="kk-visually-hidden">{t('cw.list.filters')}</legend>
      <SelectField
        label={t('cw.list.status')}
        name="status"
        value={status}
        onChange={(v) => change({ open: v === 'all' ? undefined : v === 'open' })}
        options={[
          { value: 'open', label: t('cw.list.status.open') },
          { value: 'closed', label: t('cw.list.status.closed') },
          { value: 'all', label: t('cw.list.status.all') },
        ]}
      />
      <SelectField
        label={t('cw.list.fase')}
        name="fase"
        value={filter.fasen?.[0] ?? ''}
        onChange={(v) => change({ fasen: v ? [Fase.parse(v)] : undefined })}
        options={[{ value: '', label: t('cw.all') }, ...Fase.options.map((f) => ({ value: f, label: t(`cw.fase.${f}`) }))]}
      />
      <SelectField
        label={t('cw.list.vorm')}
        name="vorm"
        value={filter.vorm ?? ''}
        onChange={(v) => change({ vorm: v ? Uitbuitingsvorm.parse(v) : undefined })}
        options={[{ value: '', label: t('cw.all') }, ...Uitbuitingsvorm.options.map((f) => ({ value: f, label: t(`cw.vorm.${f}`) }))]}
      />
      <SelectField
        label={t('cw.list.soort')}
        name="soort"
        value={soort}
        onChange={(v) => change({ preventief: v === '' ? undefined : v === 'preventief' })}
        options={[
          { value: '', label: t('cw.all') },
          { value: 'hulp', label: t('cw.list.soort.hulp') },
          { value: 'preventief', label: t('cw.list.soort.preventief') },
        ]}
      />
      <GemeenteFilter label={t('cw.traject.gemeente')} value={filter.gemeente} onChange={(gemeente) => change({ gemeente })} />
      <SelectField
        label={t('cw.list.minorFilter')}
        name="minderjarig"
        value={filter.minderjarigBijStart === undefined ? '' : filter.minderjarigBijStart ? 'ja' : 'nee'}
        onChange={(v) => change({ minderjarigBijStart: v === '' ? undefined : v === 'ja' })}
        options={[
          { value: '', label: t('cw.all') },
          { value: 'ja', label: t('cw.yes') },
          { value: 'nee', label: t('cw.no') },
        ]}
      />
      <SelectField
        label={t('cw.list.sort')}
        name="sort"
        value={filter.sort}
        onChange={(v) => change({ sort: v as TrajectListFilter['sort'], richting: v === 'pseudoniem' ? 'asc' : 'desc' })}
        options={[
          { value: 'bijgewerkt', label: t('cw.list.sort.bijgewerkt') },
          { value: 'aanmelddatum', label: t('cw.list.sort.aanmelddatum') },
          { value: 'pseudoniem', label: t('cw.list.sort.pseudoniem') },
        ]}
      />
    </fieldset>
  );
}

/** All trajecten in a virtualised list with filters and saved views. Pseudonyms only, never names. */
export function TrajectListScreen() {
  const { t, language } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const list = useAppStore(selectTrajectList);
  const error = useAppStore(selectTrajectListError);
  const { loadTrajectRows, openCase, refreshTrajectList, setTrajectFilter } = useAppStoreShallow(selectCaseActions);
  const filter = useAppStore(selectTrajectFilter);
  // Any filter other than the start filter (open trajecten): then the way out is to clear it.
  const filtered = Object.entries(filter).some(([key, value]) => key !== 'sort' && key !== 'richting' && value !== undefined && value !== defaultTrajectFilter[key as keyof TrajectListFilter]);
  // Each visit reads the list afresh: what the core holds now, not what an earlier visit saw.
  useEffect(() => refreshTrajectList(), [refreshTrajectList]);
  const onRange = useCallback((first: number, last: number) => void loadTrajectRows(first, last), [loadTrajectRows]);

  const columns: Column<TrajectSummary>[] = [
    {
      key: 'pseudoniem',
      header: t('cw.list.col.pseudoniem'),
      cell: (r) => (
        <OpenButton onClick={() => openCase({ area: 'trajecten', screen: 'traject', id: r.id })}>
          <Pseudonym code={r.pseudoniem} />
        </OpenButton>
      ),
    },
    { key: 'fase', header: t('cw.list.col.fase'), cell: (r) => <Badge tone={r.fase === 'afgesloten' ? 'neutral' : 'info'}>{t(`cw.fase.${r.fase}`)}</Badge> },
    {
      key: 'vormen',
      header: t('cw.list.col.vormen'),
      // Words wrap (the row grows): a form or "minderjarig" is never cut off.
      cell: (r) => (
        <>
          {r.minderjarigBijStart ? <Badge tone="warn">{t('cw.list.minor')}</Badge> : r.minderjarigBijStart === null ? <Badge>{t('cw.list.minorUnknown')}</Badge> : null}
          {r.minderjarigBijStart !== false ? ' ' : null}
          {r.preventief ? t('cw.vorm.preventief') : r.vormen.map((v) => t(`cw.vorm.${v}`)).join(', ') || t('cw.vorm.onbekend')}
        </>
      ),
    },
    { key: 'gemeente', header: t('cw.list.col.gemeente'), cell: (r) => gemeenteLabel(t, r.gemeente) },
    { key: 'aanmelddatum', header: t('cw.list.col.aanmelddatum'), cell: (r) => <span className="kk-nowrap">{formatDate(r.aanmelddatum)}</span> },
    { key: 'taken', header: t('cw.list.col.taken'), cell: (r) => String(r.openTaken) },
  ];

  return (
    <div className="kk-subpage">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.list.title')}
      </Heading>
      <Paragraph className="kk-muted">{t('cw.quickSwitchHint')}</Paragraph>
      <div className="kk-panel">
        <Filters />
        <SavedViews lijst="trajecten" />
      </div>
      <ErrorAlert error={error} />
      <Paragraph role="status" className="kk-count">
        {list.total === null ? t('cw.loading') : t('cw.list.count', { n: formatNumber(list.total, language) })}
      </Paragraph>
      {list.total === 0 ? (
        filtered ? (
          <EmptyState title={t('cw.list.empty')} text={t('cw.list.emptyFiltered')} actions={[{ label: t('cw.empty.clearFilters'), primary: true, onClick: () => setTrajectFilter({ ...defaultTrajectFilter, sort: filter.sort, richting: filter.richting }) }]} />
        ) : (
          <EmptyState
            title={t('cw.list.empty')}
            text={t('cw.list.emptyStart')}
            actions={[
              { label: t('cw.tab.clientNew'), primary: true, onClick: () => openCase({ area: 'trajecten', screen: 'clientNew' }) },
              { label: t('cw.empty.import'), onClick: () => openCase({ area: 'trajecten', screen: 'import' }) },
            ]}
          />
        )
      ) : (
        <VirtualTable
          key={list.generation}
          label={t('cw.list.caption', { n: list.total ?? 0 })}
          columns={columns}
          total={list.total}
          rowAt={(i) => rowAt(list, i)}
          onRange={onRange}
          rowKey={(r) => r.id}
          template="8rem 6.5rem minmax(9.5rem, 1.6fr) minmax(7.5rem, 1fr) 6rem 4.5rem"
          rowHeight={52}
        />
      )}
    </div>
  );
}
