import { Button, Heading, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { Dashboard, DashboardItem, DashboardSignaal } from '../../../shared/casework/dashboard.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectDashboard, selectDashboardError, selectDashboardJaar } from './caseSelectors';
import { SelectField } from '../../components/formBits';
import { Badge, DataTable, formatDate, NumberRow } from '../../components/dataBits';
import { Panel } from '../../components/screenBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { relativeDay } from '../../components/relativeDay';
import { BarTable, EmptyState, LoadingScreen, TrajectLink } from './caseBits';

/** How many rows a list on the dashboard shows before "Toon alle": the upper part stays one screen. */
const FIRST_ROWS = 5;

/** A row of a dated list: a task (its own title) or a deadline or stay (a code worded here). */
type Row = (DashboardItem | DashboardSignaal) & { teLang?: boolean };

/**
 * The dated items of one list (tasks, bedenktijd, opvang): for which traject, what, and when. What
 * and when share a cell, the date on a line of its own that never breaks ("04-12-2026 (morgen)"),
 * so every row is two lines and the table fits a quarter of a wide screen. Longer lists show their first rows and a
 * button for the rest (`more`), or, for the overdue tasks, the screen that lists them all.
 */
function ItemTable({ caption, items, extra, empty, more = true }: { caption: string; items: Row[]; extra?: 'overdue'; empty: string; more?: boolean }) {
  const { t } = useT();
  const [all, setAll] = useState(false);
  const when = (item: Row) => {
    // A crisisopvang past its limit still runs: its date is the day the limit passed, not an end.
    if (item.teLang) return t('cw.dash.grensVoorbij', { date: formatDate(item.datum) });
    const { key, vars } = relativeDay(item.dagen, extra === 'overdue');
    return `${formatDate(item.datum)} (${t(key, vars)})`;
  };
  if (items.length === 0) return <p className="kk-muted kk-dash__empty">{empty}</p>;
  const shown = all ? items : items.slice(0, FIRST_ROWS);
  return (
    <>
      <DataTable
        caption={caption}
        captionHidden
        columns={[{ label: t('cw.dash.col.traject') }, { label: t('cw.dash.col.watWanneer') }]}
        rows={shown}
        row={(item, index) => (
          <TableRow key={`${item.trajectId}-${index}`}>
            <TableCell className="kk-dash__code">
              <TrajectLink trajectId={item.trajectId} code={item.pseudoniem} />
            </TableCell>
            <TableCell>
              {/* A crisisopvang past its limit says so in its own words, in the error colour. */}
              <span className={item.teLang ? 'kk-dash__desc kk-error-text' : 'kk-dash__desc'}>{'wat' in item ? t(`cw.dash.wat.${item.wat}`) : item.omschrijving}</span> <span className="kk-dash__date">{when(item)}</span>
            </TableCell>
          </TableRow>
        )}
      />
      {more && items.length > FIRST_ROWS ? (
        <Button type="button" appearance="subtle-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('cw.dash.showFirst', { n: FIRST_ROWS }) : t('cw.dash.showRest', { n: items.length - FIRST_ROWS })}
        </Button>
      ) : null}
    </>
  );
}

/** A table of one figure per row (label and count), with a visible caption and an optional total. */
function CountTable({ caption, labelHeader, rows, total }: { caption: string; labelHeader: string; rows: { key: string; label: string; value: number }[]; total?: number }) {
  const { t } = useT();
  return (
    <DataTable
      caption={caption}
      columns={[{ label: labelHeader }, { label: t('cw.dash.col.aantal'), numeric: true }]}
      rows={rows}
      row={(r) => <NumberRow key={r.key} label={r.label} values={[r.value]} />}
      footer={total === undefined ? undefined : <NumberRow className="kk-table__total" label={t('cw.dash.col.totaal')} values={[total]} />}
    />
  );
}

/** A caption and "nothing to report", where a table would have no rows. */
function EmptyTable({ caption }: { caption: string }) {
  const { t } = useT();
  return (
    <div>
      <p className="utrecht-table__caption kk-table__caption">{caption}</p>
      <Paragraph className="kk-muted">{t('cw.dash.nothing')}</Paragraph>
    </div>
  );
}

/** The year picker: every year with data (and the year shown); a change reads that year's figures. */
function YearPicker({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useT();
  const { chooseDashboardJaar } = useAppStoreShallow(selectCaseActions);
  const jaren = [...new Set([dashboard.monitor.jaar, ...dashboard.jaren])].sort((a, b) => b - a);
  return (
    <div className="kk-year-picker">
      <SelectField label={t('cw.dash.jaar')} name="jaar" value={String(dashboard.monitor.jaar)} onChange={(v) => void chooseDashboardJaar(Number(v))} options={jaren.map((j) => ({ value: String(j), label: String(j) }))} />
    </div>
  );
}

/** A year's figures in the shape of the regional monitor: cliënten, meldingen, police contacts. */
function MonitorPanel({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useT();
  const chosen = useAppStore(selectDashboardJaar);
  const error = useAppStore(selectDashboardError);
  const m = dashboard.monitor;
  // A year was chosen whose figures are not there yet: the ones shown stay until they are.
  const busy = chosen !== null && chosen !== m.jaar && !error;
  const c = m.clienten;
  const mel = m.meldingen;
  const leeftijd = (v: { volwassen: number; minderjarig: number; onbekend: number }) => [v.volwassen, v.minderjarig, v.onbekend];
  const ageColumns = [{ label: t('cw.dash.col.volwassen'), numeric: true }, { label: t('cw.dash.col.minderjarig'), numeric: true }, { label: t('cw.dash.col.onbekend'), numeric: true }];
  return (
    <Panel id="kk-dash-monitor" title={t('cw.dash.monitor', { year: m.jaar })}>
      <div className="kk-monitor-head">
        <YearPicker dashboard={dashboard} />
        <div className="kk-monitor-regio">
          <p className="kk-monitor-regio__name">{m.regio}</p>
          {dashboard.regioBron === 'standaard' ? <p className="kk-muted kk-small">{t('cw.dash.regioStandaard')}</p> : null}
        </div>
      </div>
      <p role="status" className={busy ? 'kk-muted kk-small' : 'kk-visually-hidden'}>
        {busy ? t('cw.loading') : chosen !== null ? t('cw.dash.jaarLoaded', { year: m.jaar }) : ''}
      </p>

      <Heading level={4} className="kk-h4">
        {t('cw.dash.clienten')}
      </Heading>
      <Paragraph className="kk-muted kk-small">{t('cw.dash.clientsNote')}</Paragraph>
      <div className="kk-grid-2 kk-monitor-grid">
        <DataTable
          caption={t('cw.dash.monitor.clients')}
          columns={[{ label: t('cw.dash.col.categorie') }, { label: t('cw.dash.col.doorlopend'), numeric: true }, { label: t('cw.dash.col.nieuw'), numeric: true }, { label: t('cw.dash.col.totaal'), numeric: true }]}
          rows={c.perCategorie}
          row={(r) => <NumberRow key={r.categorie} label={t(`cw.dash.cat.${r.categorie}`)} values={[r.doorlopend, r.nieuw, r.totaal]} />}
          footer={<NumberRow className="kk-table__total" label={t('cw.dash.col.totaal')} values={[c.totaal.doorlopend, c.totaal.nieuw, c.totaal.totaal]} />}
        />
        <CountTable
          caption={t('cw.dash.leeftijd')}
          labelHeader={t('cw.dash.col.leeftijd')}
          rows={[
            { key: 'volwassen', label: t('cw.dash.col.volwassen'), value: c.leeftijd.volwassen },
            { key: 'minderjarig', label: t('cw.dash.col.minderjarig'), value: c.leeftijd.minderjarig },
            { key: 'onbekend', label: t('cw.dash.col.onbekend'), value: c.leeftijd.onbekend },
          ]}
        />
        <div>
          {c.perVorm.length === 0 ? (
            <EmptyTable caption={t('cw.dash.clientPerVorm')} />
          ) : (
            <CountTable caption={t('cw.dash.clientPerVorm')} labelHeader={t('cw.dash.col.vorm')} rows={c.perVorm.map((r) => ({ key: r.vorm, label: t(`cw.vorm.${r.vorm}`), value: r.aantal }))} />
          )}
          <Paragraph className="kk-muted kk-small">{t('cw.dash.clientPerVormNote')}</Paragraph>
        </div>
        <div>
          {c.afgesloten.perReden.length === 0 ? (
            <EmptyTable caption={t('cw.dash.afgesloten')} />
          ) : (
            <CountTable caption={t('cw.dash.afgesloten')} labelHeader={t('cw.dash.col.reden')} rows={c.afgesloten.perReden.map((r) => ({ key: r.reden, label: t(`cw.reden.${r.reden}`), value: r.aantal }))} total={c.afgesloten.totaal} />
          )}
          <Paragraph className="kk-small">{t('cw.dash.crisisopvang', { n: c.crisisopvangPlaatsingen })}</Paragraph>
        </div>
      </div>

      <Heading level={4} className="kk-h4">
        {t('cw.dash.monitor.meldingen')}
      </Heading>
      <Paragraph>{t('cw.dash.meldingenTotaal', { n: mel.totaal })}</Paragraph>
      <div className="kk-grid-2 kk-monitor-grid">
        <CountTable caption={t('cw.dash.perGroep')} labelHeader={t('cw.dash.col.herkomst')} rows={mel.perGemeenteGroep.map((r) => ({ key: r.groep, label: t(`cw.dash.groep.${r.groep}`), value: r.aantal }))} />
        <CountTable
          caption={t('cw.dash.perConclusie')}
          labelHeader={t('cw.dash.col.conclusie')}
          rows={[
            { key: 'wel', label: t('cw.conclusie.wel'), value: mel.perConclusie.wel },
            { key: 'verder-onderzoek', label: t('cw.conclusie.verder-onderzoek'), value: mel.perConclusie.verderOnderzoek },
            { key: 'geen', label: t('cw.conclusie.geen'), value: mel.perConclusie.geen },
            { key: 'open', label: t('cw.conclusie.open'), value: mel.perConclusie.open },
          ]}
        />
      </div>
      {/* Four columns: a table of its own width, so the forms are not squeezed into half a card. */}
      <div className="kk-monitor-wide">
        <DataTable
          caption={t('cw.dash.perVorm')}
          columns={[{ label: t('cw.dash.col.rij') }, ...ageColumns]}
          rows={mel.perVorm}
          row={(r) => <NumberRow key={r.rij} label={t(`cw.dash.rij.${r.rij}`)} values={leeftijd(r)} />}
          footer={<NumberRow className="kk-table__apart" label={t('cw.dash.rij.preventief')} values={leeftijd(mel.preventieveGesprekken)} />}
        />
        <Paragraph className="kk-muted kk-small">{t('cw.dash.perVormNote')}</Paragraph>
        <ul className="kk-facts">
          <li>{t('cw.dash.infoSekswerkers', { n: mel.informatieverzoeken.sekswerkers })}</li>
          <li>{t('cw.dash.infoOverig', { n: mel.informatieverzoeken.overig })}</li>
          <li>{t('cw.dash.acuut', { n: mel.acuut })}</li>
        </ul>
      </div>

      <Heading level={4} className="kk-h4">
        {t('cw.dash.politie')}
      </Heading>
      <div className="kk-monitor-wide">
        {m.politie.perVorm.length === 0 ? (
          <Paragraph className="kk-muted">{t('cw.dash.nothing')}</Paragraph>
        ) : (
          <DataTable
            caption={t('cw.dash.politie')}
            captionHidden
            columns={[{ label: t('cw.dash.col.vorm') }, { label: t('cw.dash.col.gesprekken'), numeric: true }, { label: t('cw.dash.col.aangiftes'), numeric: true }]}
            rows={m.politie.perVorm}
            row={(r) => <NumberRow key={r.vorm} label={t(`cw.vorm.${r.vorm}`)} values={[r.informatieveGesprekken, r.aangiftes]} />}
            footer={<NumberRow className="kk-table__total" label={t('cw.dash.col.totaal')} values={[m.politie.totaal.informatieveGesprekken, m.politie.totaal.aangiftes]} />}
          />
        )}
      </div>
    </Panel>
  );
}

/** Nothing in the vault yet: what to do first. */
function StartHere() {
  const { t } = useT();
  const { openCase } = useAppStoreShallow(selectCaseActions);
  return (
    <EmptyState
      title={t('cw.dash.emptyTitle')}
      text={t('cw.dash.emptyText')}
      actions={[
        { label: t('cw.tab.clientNew'), primary: true, onClick: () => openCase({ area: 'trajecten', screen: 'clientNew' }) },
        { label: t('cw.mtab.new'), onClick: () => openCase({ area: 'meldingen', screen: 'new' }) },
        { label: t('cw.empty.import'), onClick: () => openCase({ area: 'trajecten', screen: 'import' }) },
      ]}
    />
  );
}

/**
 * The coordinator's start screen. The upper part is what asks for attention today — tasks late
 * and due, bedenktijd and opvang ending — side by side where there is room, then the open
 * trajecten by phase and form (one table each, bars inside), then a year's figures.
 */
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
  const open = dashboard.openPerFase.reduce((n, r) => n + r.aantal, 0);
  const nothingYet = dashboard.jaren.length === 0 && open === 0;
  return (
    <div className="kk-subpage kk-dash" data-testid="dashboard">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.dash.title')}
      </Heading>
      <Paragraph className="kk-muted">
        {t('cw.dash.intro')} {t('cw.dash.today', { date: formatDate(dashboard.vandaag) })}
      </Paragraph>
      <ErrorAlert error={error} />
      {nothingYet ? <StartHere /> : null}

      <div className="kk-dash__today">
        <Panel id="kk-dash-overdue" title={<>{t('cw.dash.overdue')} <Badge tone={dashboard.verlopenTaken.aantal > 0 ? 'error' : 'ok'}>{dashboard.verlopenTaken.aantal}</Badge></>}>
          <ItemTable caption={t('cw.dash.overdue')} items={dashboard.verlopenTaken.eerste} extra="overdue" empty={t('cw.dash.empty.overdue')} more={false} />
          {dashboard.verlopenTaken.aantal > 0 ? (
            <Button type="button" appearance="subtle-button" onClick={() => openCase({ area: 'trajecten', screen: 'overdue' })}>
              {t('cw.dash.showAll')}
            </Button>
          ) : null}
        </Panel>
        <Panel id="kk-dash-soon" title={<>{t('cw.dash.soon')} <Badge tone={dashboard.takenBinnenkort.aantal > 0 ? 'warn' : 'neutral'}>{dashboard.takenBinnenkort.aantal}</Badge></>}>
          <ItemTable caption={t('cw.dash.soon')} items={dashboard.takenBinnenkort.eerste} empty={t('cw.dash.empty.soon')} />
        </Panel>
        <Panel id="kk-dash-bedenktijd" title={t('cw.dash.bedenktijd')}>
          <ItemTable caption={t('cw.dash.bedenktijd')} items={dashboard.bedenktijdEindigt} empty={t('cw.dash.empty.bedenktijd')} />
        </Panel>
        <Panel id="kk-dash-opvang" title={t('cw.dash.opvang')}>
          <ItemTable caption={t('cw.dash.opvang')} items={dashboard.opvangEindigt} empty={t('cw.dash.empty.opvang')} />
        </Panel>
      </div>

      <Panel id="kk-dash-open" title={<>{t('cw.dash.open')} <Badge>{open}</Badge></>}>
        <div className="kk-grid-2">
          <div id="kk-dash-fase">
            <BarTable caption={t('cw.dash.openPerFase')} captionHidden labelHeader={t('cw.dash.col.fase')} valueHeader={t('cw.dash.col.aantal')} rows={dashboard.openPerFase.map((r) => ({ key: r.fase, label: t(`cw.fase.${r.fase}`), value: r.aantal }))} />
          </div>
          <div id="kk-dash-vorm">
            {dashboard.openPerVorm.length === 0 ? (
              <p className="kk-muted kk-dash__empty">{t('cw.dash.empty.open')}</p>
            ) : (
              <BarTable caption={t('cw.dash.openPerVorm')} captionHidden labelHeader={t('cw.dash.col.vorm')} valueHeader={t('cw.dash.col.aantal')} rows={dashboard.openPerVorm.map((r) => ({ key: r.vorm, label: t(`cw.vorm.${r.vorm}`), value: r.aantal }))} />
            )}
          </div>
        </div>
      </Panel>

      <MonitorPanel dashboard={dashboard} />
    </div>
  );
}
