import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import type { DashboardItem } from '../../../shared/casework/dashboard.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectDashboard, selectDashboardError } from './caseSelectors';
import { Badge, DataTable, formatDate, NumberRow } from '../../components/dataBits';
import { Panel } from '../../components/screenBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { relativeDay } from '../../components/relativeDay';
import { BarsWithTable, LoadingScreen, TrajectLink } from './caseBits';

function ItemTable({ caption, items, extra }: { caption: string; items: (DashboardItem & { teLang?: boolean })[]; extra?: 'overdue' }) {
  const { t } = useT();
  const when = ({ key, vars }: ReturnType<typeof relativeDay>) => t(key, vars);
  return (
    <DataTable
      caption={caption}
      captionHidden
      empty={t('cw.dash.nothing')}
      columns={[{ label: t('cw.dash.col.traject') }, { label: t('cw.dash.col.wat') }, { label: t('cw.dash.col.datum') }]}
      rows={items}
      row={(item, index) => (
        <TableRow key={`${item.trajectId}-${index}`}>
          <TableCell>
            <TrajectLink trajectId={item.trajectId} code={item.pseudoniem} />
          </TableCell>
          <TableCell>
            {item.omschrijving}
            {item.teLang ? (
              <>
                {' '}
                <Badge tone="error">{t('cw.opvang.teLang')}</Badge>
              </>
            ) : null}
          </TableCell>
          <TableCell>
            {formatDate(item.datum)}{' '}
            <span className="kk-muted">({when(relativeDay(item.dagen, extra === 'overdue'))})</span>
          </TableCell>
        </TableRow>
      )}
    />
  );
}

/** One count per row as bars and a table, in its own panel. */
function BarsPanel({ id, title, labelHeader, rows }: { id: string; title: string; labelHeader: string; rows: { key: string; label: string; value: number }[] }) {
  const { t } = useT();
  return (
    <Panel id={id} title={title}>
      <BarsWithTable caption={title} captionHidden labelHeader={labelHeader} valueHeader={t('cw.dash.col.aantal')} rows={rows} />
    </Panel>
  );
}

/** The coordinator's start screen: open trajecten, what is late or ending soon, and this year's figures. */
export function DashboardScreen() {
  const { t } = useT();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const dashboard = useAppStore(selectDashboard);
  const error = useAppStore(selectDashboardError);
  const { loadDashboard, openCase } = useAppStoreShallow(selectCaseActions);

  useEffect(() => {
    void loadDashboard();
  }, [loadDashboard]);

  if (!dashboard) return <LoadingScreen title={t('cw.dash.title')} headingRef={headingRef} error={error} />;
  const m = dashboard.monitor;
  return (
    <div className="kk-subpage" data-testid="dashboard">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.dash.title')}
      </Heading>
      <Paragraph className="kk-muted">
        {t('cw.dash.intro')} {t('cw.dash.today', { date: formatDate(dashboard.vandaag) })}
      </Paragraph>
      <ErrorAlert error={error} />

      <div className="kk-grid-2">
        <Panel id="kk-dash-overdue" title={<>{t('cw.dash.overdue')} <Badge tone={dashboard.verlopenTaken.aantal > 0 ? 'error' : 'ok'}>{dashboard.verlopenTaken.aantal}</Badge></>}>
          <ItemTable caption={t('cw.dash.overdue')} items={dashboard.verlopenTaken.eerste} extra="overdue" />
          {dashboard.verlopenTaken.aantal > 0 ? (
            <Button type="button" appearance="subtle-button" onClick={() => openCase({ area: 'trajecten', screen: 'overdue' })}>
              {t('cw.dash.showAll')}
            </Button>
          ) : null}
        </Panel>
        <Panel id="kk-dash-soon" title={<>{t('cw.dash.soon')} <Badge tone={dashboard.takenBinnenkort.aantal > 0 ? 'warn' : 'neutral'}>{dashboard.takenBinnenkort.aantal}</Badge></>}>
          <ItemTable caption={t('cw.dash.soon')} items={dashboard.takenBinnenkort.eerste} />
        </Panel>
        <Panel id="kk-dash-bedenktijd" title={t('cw.dash.bedenktijd')}>
          <ItemTable caption={t('cw.dash.bedenktijd')} items={dashboard.bedenktijdEindigt} />
        </Panel>
        <Panel id="kk-dash-opvang" title={t('cw.dash.opvang')}>
          <ItemTable caption={t('cw.dash.opvang')} items={dashboard.opvangEindigt} />
        </Panel>
      </div>

      <div className="kk-grid-2">
        <BarsPanel id="kk-dash-fase" title={t('cw.dash.openPerFase')} labelHeader={t('cw.dash.col.fase')} rows={dashboard.openPerFase.map((r) => ({ key: r.fase, label: t(`cw.fase.${r.fase}`), value: r.aantal }))} />
        <BarsPanel id="kk-dash-vorm" title={t('cw.dash.openPerVorm')} labelHeader={t('cw.dash.col.vorm')} rows={dashboard.openPerVorm.map((r) => ({ key: r.vorm, label: t(`cw.vorm.${r.vorm}`), value: r.aantal }))} />
      </div>

      <Panel id="kk-dash-monitor" title={t('cw.dash.monitor', { year: m.jaar, regio: m.regio })}>
        <DataTable
          compact={false}
          caption={t('cw.dash.monitor.clients')}
          columns={[{ label: t('cw.dash.col.categorie') }, { label: t('cw.dash.col.doorlopend'), numeric: true }, { label: t('cw.dash.col.nieuw'), numeric: true }, { label: t('cw.dash.col.totaal'), numeric: true }]}
          rows={m.clienten.perCategorie}
          row={(r) => <NumberRow key={r.categorie} label={t(`cw.dash.cat.${r.categorie}`)} values={[r.doorlopend, r.nieuw, r.totaal]} />}
          footer={<NumberRow className="kk-table__total" label={t('cw.dash.col.totaal')} values={[m.clienten.totaal.doorlopend, m.clienten.totaal.nieuw, m.clienten.totaal.totaal]} />}
        />
        <Paragraph className="kk-muted">{t('cw.dash.minderjarig', { n: m.clienten.minderjarig })}</Paragraph>

        <Heading level={4} className="kk-h4">
          {t('cw.dash.monitor.meldingen')}
        </Heading>
        <Paragraph>{t('cw.dash.meldingenTotaal', { n: m.meldingen.totaal })}</Paragraph>
        <div className="kk-grid-2">
          <div>
            <p className="kk-table__caption" aria-hidden="true">
              {t('cw.dash.perGroep')}
            </p>
            <BarsWithTable
              caption={t('cw.dash.perGroep')}
              captionHidden
              labelHeader={t('cw.mlist.col.gemeente')}
              valueHeader={t('cw.dash.col.aantal')}
              rows={m.meldingen.perGemeenteGroep.map((r) => ({ key: r.groep, label: t(`cw.dash.groep.${r.groep}`), value: r.aantal }))}
            />
          </div>
          {m.meldingen.perVorm.length === 0 ? (
            <div>
              <p className="kk-table__caption">{t('cw.dash.perVorm')}</p>
              <Paragraph className="kk-muted">{t('cw.dash.nothing')}</Paragraph>
            </div>
          ) : (
            <DataTable
              caption={t('cw.dash.perVorm')}
              columns={[{ label: t('cw.dash.col.vorm') }, { label: t('cw.dash.col.volwassen'), numeric: true }, { label: t('cw.dash.col.minderjarig'), numeric: true }, { label: t('cw.dash.col.onbekend'), numeric: true }]}
              rows={m.meldingen.perVorm}
              row={(r) => <NumberRow key={r.vorm} label={t(`cw.vorm.${r.vorm}`)} values={[r.volwassen, r.minderjarig, r.onbekend]} />}
            />
          )}
        </div>
        <ul className="kk-facts">
          <li>{t('cw.dash.preventief', { volwassen: m.meldingen.preventieveGesprekken.volwassen, minderjarig: m.meldingen.preventieveGesprekken.minderjarig })}</li>
          <li>{t('cw.dash.info', { n: m.meldingen.informatieverzoeken })}</li>
          <li>{t('cw.dash.acuut', { n: m.meldingen.acuut })}</li>
        </ul>
      </Panel>
    </div>
  );
}
