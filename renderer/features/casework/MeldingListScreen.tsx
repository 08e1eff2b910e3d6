import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useEffect } from 'react';
import { MeldConclusie, type MeldingSummary } from '../../../shared/casework/melding.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectMeldingFilter, selectMeldingList, selectMeldingListError } from './caseSelectors';
import { Badge, formatDate, OpenButton, Pseudonym } from './dataBits';
import { CheckboxField, SelectField } from './formBits';
import type { MeldingListFilter } from './meldingen.slice';
import { gemeenteLabel } from './options';
import { rowAt } from './pagedList';
import { useScreenFocus } from './useScreenFocus';
import { VirtualTable, type Column } from './VirtualTable';

/** All meldingen, newest first, in a virtualised list with a few filters. */
export function MeldingListScreen() {
  const { t, language } = useT();
  const headingRef = useScreenFocus<HTMLHeadingElement>();
  const list = useAppStore(selectMeldingList);
  const error = useAppStore(selectMeldingListError);
  const filter = useAppStore(selectMeldingFilter);
  const { loadMeldingRows, setMeldingFilter, openCase, refreshMeldingList } = useAppStoreShallow(selectCaseActions);
  useEffect(() => refreshMeldingList(), [refreshMeldingList]);
  const onRange = useCallback((first: number, last: number) => void loadMeldingRows(first, last), [loadMeldingRows]);
  const change = (patch: Partial<MeldingListFilter>) => {
    const next: MeldingListFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof MeldingListFilter)[]) if (next[key] === undefined) delete next[key];
    setMeldingFilter(next);
  };

  const columns: Column<MeldingSummary>[] = [
    {
      key: 'datum',
      header: t('cw.mlist.col.datum'),
      cell: (r) => <OpenButton onClick={() => openCase({ area: 'meldingen', screen: 'melding', id: r.id })}>{formatDate(r.datum, language)}</OpenButton>,
    },
    {
      key: 'vorm',
      header: t('cw.mlist.col.vorm'),
      cell: (r) => (
        <span className="kk-ellipsis">
          {t(`cw.vorm.${r.vorm}`)}
          {r.acuut ? (
            <>
              {' '}
              <Badge tone="error">{t('cw.mlist.acuut')}</Badge>
            </>
          ) : null}
        </span>
      ),
    },
    { key: 'gemeente', header: t('cw.mlist.col.gemeente'), cell: (r) => <span className="kk-ellipsis">{gemeenteLabel(t, r.gemeente)}</span> },
    { key: 'melder', header: t('cw.mlist.col.melder'), cell: (r) => <span className="kk-ellipsis">{t(`cw.melder.${r.melderType}`)}</span> },
    { key: 'conclusie', header: t('cw.mlist.col.conclusie'), cell: (r) => <span className="kk-ellipsis">{t(`cw.conclusie.${r.conclusie ?? 'open'}`)}</span> },
    { key: 'traject', header: t('cw.mlist.col.traject'), cell: (r) => (r.trajectPseudoniem ? <Pseudonym code={r.trajectPseudoniem} /> : '—') },
  ];

  return (
    <div className="kk-subpage">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.mlist.title')}
      </Heading>
      <fieldset className="kk-filters kk-panel">
        <legend className="kk-visually-hidden">{t('cw.list.filters')}</legend>
        <SelectField
          label={t('cw.mlist.conclusie')}
          name="conclusie"
          value={filter.conclusie ?? ''}
          onChange={(v) => change({ conclusie: v === '' ? undefined : v === 'open' ? 'open' : MeldConclusie.parse(v) })}
          options={[{ value: '', label: t('cw.all') }, { value: 'open', label: t('cw.conclusie.open') }, ...MeldConclusie.options.map((c) => ({ value: c, label: t(`cw.conclusie.${c}`) }))]}
        />
        <CheckboxField label={t('cw.mlist.zonderTerugkoppeling')} name="zonderTerugkoppeling" checked={filter.zonderTerugkoppeling === true} onChange={(on) => change({ zonderTerugkoppeling: on ? true : undefined })} />
        <CheckboxField label={t('cw.mlist.acuutFilter')} name="acuut" checked={filter.acuut === true} onChange={(on) => change({ acuut: on ? true : undefined })} />
      </fieldset>
      <ErrorAlert error={error} />
      <Paragraph role="status" className="kk-count">
        {list.total === null ? t('cw.loading') : t('cw.mlist.count', { n: list.total.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB') })}
      </Paragraph>
      {list.total === 0 ? (
        <div className="kk-empty">
          <Paragraph>{t('cw.mlist.empty')}</Paragraph>
        </div>
      ) : (
        <VirtualTable key={list.generation} label={t('cw.mlist.caption', { n: list.total ?? 0 })} columns={columns} total={list.total} rowAt={(i) => rowAt(list, i)} onRange={onRange} rowKey={(r) => r.id} template="7rem minmax(7rem, 1.4fr) minmax(6rem, 1fr) minmax(6rem, 1fr) minmax(7rem, 1.2fr) 8.5rem" />
      )}
    </div>
  );
}
