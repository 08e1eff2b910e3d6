import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect, useState } from 'react';
import { MeldConclusie, MeldingVorm, type MeldingSummary } from '../../../shared/casework/melding.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectMeldingFilter, selectMeldingList, selectMeldingListError } from './caseSelectors';
import { type Column, VirtualTable } from '../../components/VirtualTable';
import { Badge, formatDate, formatNumber, OpenButton } from '../../components/dataBits';
import { CheckboxField, SelectField } from '../../components/formBits';
import { DateField } from '../../components/DateField';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { EmptyState, Pseudonym } from './caseBits';
import { dateRangeProblem, type MeldingListFilter } from './meldingen.slice';
import { GemeenteFilter, patchedFilter } from './GemeenteFilter';
import { gemeenteLabel, optionLists } from './options';
import { rowAt } from '../../store/pagedList';
import { SavedViews } from './SavedViews';

/** Yes / no / either, for a filter on a true-or-false field. */
function yesNoValue(value: boolean | undefined): string {
  return value === undefined ? '' : value ? 'ja' : 'nee';
}

/**
 * The filters of the meldingen list. Each change reads the list again, except a date range that
 * cannot be right (vanaf after tot): that gets a message and the list keeps its last filter.
 */
function MeldingFilters() {
  const { t } = useT();
  const filter = useAppStore(selectMeldingFilter);
  const { setMeldingFilter } = useAppStoreShallow(selectCaseActions);
  const [dates, setDates] = useState({ vanaf: filter.vanaf ?? '', tot: filter.tot ?? '' });
  // A saved view (or any other change of the filter) brings its own dates.
  useEffect(() => setDates({ vanaf: filter.vanaf ?? '', tot: filter.tot ?? '' }), [filter.vanaf, filter.tot]);

  const change = (patch: Partial<MeldingListFilter>) => setMeldingFilter(patchedFilter(filter, patch));
  const changeDate = (key: 'vanaf' | 'tot') => (value: string) => {
    const next = { ...dates, [key]: value };
    setDates(next);
    if (dateRangeProblem(next.vanaf, next.tot) !== null) return;
    if ((filter.vanaf ?? '') === next.vanaf && (filter.tot ?? '') === next.tot) return;
    change({ vanaf: next.vanaf || undefined, tot: next.tot || undefined });
  };
  const problem = dateRangeProblem(dates.vanaf, dates.tot);
  const vanafError = problem === 'vanafInvalid' ? t('form.invalidDate') : undefined;
  const totError = problem === 'totInvalid' ? t('form.invalidDate') : problem === 'order' ? t('cw.mlist.dateOrder') : undefined;

  return (
    <fieldset className="kk-filters">
      <legend className="kk-visually-hidden">{t('cw.list.filters')}</legend>
      <SelectField
        label={t('cw.mlist.conclusie')}
        name="conclusie"
        value={filter.conclusie ?? ''}
        onChange={(v) => change({ conclusie: v === '' ? undefined : v === 'open' ? 'open' : MeldConclusie.parse(v) })}
        options={[{ value: '', label: t('cw.all') }, { value: 'open', label: t('cw.conclusie.open') }, ...MeldConclusie.options.map((c) => ({ value: c, label: t(`cw.conclusie.${c}`) }))]}
      />
      <SelectField
        label={t('cw.mlist.vorm')}
        name="vorm"
        value={filter.vorm ?? ''}
        onChange={(v) => change({ vorm: v ? MeldingVorm.parse(v) : undefined })}
        options={[{ value: '', label: t('cw.all') }, ...optionLists.meldingVorm(t)]}
      />
      <GemeenteFilter label={t('cw.mlist.gemeente')} value={filter.gemeente} onChange={(gemeente) => change({ gemeente })} />
      <SelectField
        label={t('cw.mlist.minderjarig')}
        name="minderjarig"
        value={yesNoValue(filter.minderjarig)}
        onChange={(v) => change({ minderjarig: v === '' ? undefined : v === 'ja' })}
        options={[
          { value: '', label: t('cw.all') },
          { value: 'ja', label: t('cw.yes') },
          { value: 'nee', label: t('cw.no') },
        ]}
      />
      <DateField label={t('cw.mlist.vanaf')} name="vanaf" value={dates.vanaf} onChange={changeDate('vanaf')} error={vanafError} />
      <DateField label={t('cw.mlist.tot')} name="tot" value={dates.tot} onChange={changeDate('tot')} error={totError} />
      <div className="kk-filters__checks">
        <CheckboxField label={t('cw.mlist.zonderTerugkoppeling')} name="zonderTerugkoppeling" checked={filter.zonderTerugkoppeling === true} onChange={(on) => change({ zonderTerugkoppeling: on ? true : undefined })} />
        <CheckboxField label={t('cw.mlist.acuutFilter')} name="acuut" checked={filter.acuut === true} onChange={(on) => change({ acuut: on ? true : undefined })} />
      </div>
      {/* Announced when a date problem appears; the message itself stands at its field. */}
      <p className="kk-visually-hidden" role="status">
        {problem ? `${vanafError ?? totError ?? ''} ${t('cw.mlist.listKept')}` : ''}
      </p>
    </fieldset>
  );
}

/** All meldingen, newest first, in a virtualised list with filters and saved views. */
export function MeldingListScreen() {
  const { t, language } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const list = useAppStore(selectMeldingList);
  const error = useAppStore(selectMeldingListError);
  const { loadMeldingRows, openCase, refreshMeldingList, setMeldingFilter } = useAppStoreShallow(selectCaseActions);
  const filter = useAppStore(selectMeldingFilter);
  // The start filter has no conditions: any condition means the way out is to clear the filters.
  const filtered = Object.entries(filter).some(([key, value]) => key !== 'sort' && key !== 'richting' && value !== undefined);
  useEffect(() => refreshMeldingList(), [refreshMeldingList]);
  const onRange = useCallback((first: number, last: number) => void loadMeldingRows(first, last), [loadMeldingRows]);

  const columns: Column<MeldingSummary>[] = [
    {
      key: 'datum',
      header: t('cw.mlist.col.datum'),
      cell: (r) => (
        <OpenButton onClick={() => openCase({ area: 'meldingen', screen: 'melding', id: r.id })}>
          <span className="kk-nowrap">{formatDate(r.datum)}</span>
        </OpenButton>
      ),
    },
    {
      key: 'vorm',
      header: t('cw.mlist.col.vorm'),
      // Acuut first, so it is the first thing read in the row; the words wrap instead of being cut.
      cell: (r) => (
        <>
          {r.acuut ? (
            <>
              <Badge tone="error">{t('cw.mlist.acuut')}</Badge>{' '}
            </>
          ) : null}
          {t(`cw.vorm.${r.vorm}`)}
        </>
      ),
    },
    { key: 'gemeente', header: t('cw.mlist.col.gemeente'), cell: (r) => gemeenteLabel(t, r.gemeente) },
    { key: 'melder', header: t('cw.mlist.col.melder'), cell: (r) => t(`cw.melder.${r.melderType}`) },
    { key: 'conclusie', header: t('cw.mlist.col.conclusie'), cell: (r) => t(`cw.conclusie.${r.conclusie ?? 'open'}`) },
    { key: 'traject', header: t('cw.mlist.col.traject'), cell: (r) => (r.trajectPseudoniem ? <Pseudonym code={r.trajectPseudoniem} /> : '—') },
  ];

  return (
    <div className="kk-subpage">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.mlist.title')}
      </Heading>
      <div className="kk-panel">
        <MeldingFilters />
        <SavedViews lijst="meldingen" />
      </div>
      <ErrorAlert error={error} />
      <Paragraph role="status" className="kk-count">
        {list.total === null ? t('cw.loading') : t('cw.mlist.count', { n: formatNumber(list.total, language) })}
      </Paragraph>
      {list.total === 0 ? (
        filtered ? (
          <EmptyState title={t('cw.mlist.empty')} text={t('cw.mlist.emptyFiltered')} actions={[{ label: t('cw.empty.clearFilters'), primary: true, onClick: () => setMeldingFilter({ sort: filter.sort, richting: filter.richting }) }]} />
        ) : (
          <EmptyState
            title={t('cw.mlist.empty')}
            text={t('cw.mlist.emptyStart')}
            actions={[
              { label: t('cw.mtab.new'), primary: true, onClick: () => openCase({ area: 'meldingen', screen: 'new' }) },
              { label: t('cw.empty.import'), onClick: () => openCase({ area: 'trajecten', screen: 'import' }) },
            ]}
          />
        )
      ) : (
        <VirtualTable
          key={list.generation}
          label={t('cw.mlist.caption', { n: list.total ?? 0 })}
          columns={columns}
          total={list.total}
          rowAt={(i) => rowAt(list, i)}
          onRange={onRange}
          rowKey={(r) => r.id}
          template="6.5rem minmax(8rem, 1.3fr) minmax(6.5rem, 1fr) minmax(6rem, 1fr) minmax(7.5rem, 1.2fr) 7rem"
          rowHeight={52}
        />
      )}
    </div>
  );
}
