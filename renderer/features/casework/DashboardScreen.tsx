import { Button, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import type { DashboardItem } from '../../../shared/casework/dashboard.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectDashboard, selectDashboardError } from './caseSelectors';
import { Badge, BarsWithTable, formatDate, OpenButton, Pseudonym } from './dataBits';
import { useScreenFocus } from './useScreenFocus';

function ItemTable({ caption, items, extra }: { caption: string; items: (DashboardItem & { teLang?: boolean })[]; extra?: 'overdue' }) {
  const { t, language } = useT();
  const { openCase } = useAppStoreShallow(selectCaseActions);
  if (items.length === 0) return <Paragraph className="kk-muted">{t('cw.dash.nothing')}</Paragraph>;
  return (
    <Table className="kk-table kk-table--compact">
      <TableCaption className="kk-visually-hidden">{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('cw.dash.col.traject')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cw.dash.col.wat')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('cw.dash.col.datum')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item, index) => (
          <TableRow key={`${item.trajectId}-${index}`}>
            <TableCell>
              <OpenButton onClick={() => openCase({ area: 'trajecten', screen: 'traject', id: item.trajectId })}>
                <Pseudonym code={item.pseudoniem} />
              </OpenButton>
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
              {formatDate(item.datum, language)}{' '}
              <span className="kk-muted">({extra === 'overdue' || item.dagen < 0 ? t('cw.dash.daysAgo', { n: Math.abs(item.dagen) }) : t('cw.dash.days', { n: item.dagen })})</span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** The coordinator's start screen: open trajecten, what is late or ending soon, and this year's figures. */
export function DashboardScreen() {
  const { t, language } = useT();
  const headingRef = useScreenFocus<HTMLHeadingElement>();
  const dashboard = useAppStore(selectDashboard);
  const error = useAppStore(selectDashboardError);
  const { loadDashboard, openCase } = useAppStoreShallow(selectCaseActions);

  useEffect(() => {
    void loadDashboard();
  }, [loadDashboard]);

  if (!dashboard) {
    return (
      <div className="kk-subpage">
        <Heading level={2} ref={headingRef} tabIndex={-1}>
          {t('cw.dash.title')}
        </Heading>
        <ErrorAlert error={error} />
        {!error ? <Paragraph role="status">{t('cw.loading')}</Paragraph> : null}
      </div>
    );
  }
  const m = dashboard.monitor;
  return (
    <div className="kk-subpage" data-testid="dashboard">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('cw.dash.title')}
      </Heading>
      <Paragraph className="kk-muted">
        {t('cw.dash.intro')} {t('cw.dash.today', { date: formatDate(dashboard.vandaag, language) })}
      </Paragraph>
      <ErrorAlert error={error} />

      <div className="kk-grid-2">
        <section className="kk-panel" aria-labelledby="kk-dash-overdue">
          <Heading level={3} id="kk-dash-overdue">
            {t('cw.dash.overdue')} <Badge tone={dashboard.verlopenTaken.aantal > 0 ? 'error' : 'ok'}>{dashboard.verlopenTaken.aantal}</Badge>
          </Heading>
          <ItemTable caption={t('cw.dash.overdue')} items={dashboard.verlopenTaken.eerste} extra="overdue" />
          {dashboard.verlopenTaken.aantal > 0 ? (
            <Button type="button" appearance="subtle-button" onClick={() => openCase({ area: 'trajecten', screen: 'overdue' })}>
              {t('cw.dash.showAll')}
            </Button>
          ) : null}
        </section>
        <section className="kk-panel" aria-labelledby="kk-dash-soon">
          <Heading level={3} id="kk-dash-soon">
            {t('cw.dash.soon')} <Badge tone={dashboard.takenBinnenkort.aantal > 0 ? 'warn' : 'neutral'}>{dashboard.takenBinnenkort.aantal}</Badge>
          </Heading>
          <ItemTable caption={t('cw.dash.soon')} items={dashboard.takenBinnenkort.eerste} />
        </section>
        <section className="kk-panel" aria-labelledby="kk-dash-bedenktijd">
          <Heading level={3} id="kk-dash-bedenktijd">
            {t('cw.dash.bedenktijd')}
          </Heading>
          <ItemTable caption={t('cw.dash.bedenktijd')} items={dashboard.bedenktijdEindigt} />
        </section>
        <section className="kk-panel" aria-labelledby="kk-dash-opvang">
          <Heading level={3} id="kk-dash-opvang">
            {t('cw.dash.opvang')}
          </Heading>
          <ItemTable caption={t('cw.dash.opvang')} items={dashboard.opvangEindigt} />
        </section>
      </div>

      <div className="kk-grid-2">
        <section className="kk-panel" aria-labelledby="kk-dash-fase">
          <Heading level={3} id="kk-dash-fase">
            {t('cw.dash.openPerFase')}
          </Heading>
          <BarsWithTable
            caption={t('cw.dash.openPerFase')}
            captionHidden
            labelHeader={t('cw.dash.col.fase')}
            valueHeader={t('cw.dash.col.aantal')}
            rows={dashboard.openPerFase.map((r) => ({ key: r.fase, label: t(`cw.fase.${r.fase}`), value: r.aantal }))}
          />
        </section>
        <section className="kk-panel" aria-labelledby="kk-dash-vorm">
          <Heading level={3} id="kk-dash-vorm">
            {t('cw.dash.openPerVorm')}
          </Heading>
          <BarsWithTable
            caption={t('cw.dash.openPerVorm')}
            captionHidden
            labelHeader={t('cw.dash.col.vorm')}
            valueHeader={t('cw.dash.col.aantal')}
            rows={dashboard.openPerVorm.map((r) => ({ key: r.vorm, label: t(`cw.vorm.${r.vorm}`), value: r.aantal }))}
          />
        </section>
      </div>

      <section className="kk-panel" aria-labelledby="kk-dash-monitor">
        <Heading level={3} id="kk-dash-monitor">
          {t('cw.dash.monitor', { year: m.jaar, regio: m.regio })}
        </Heading>
        <Table className="kk-table">
          <TableCaption className="kk-table__caption">{t('cw.dash.monitor.clients')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('cw.dash.col.categorie')}</TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('cw.dash.col.doorlopend')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('cw.dash.col.nieuw')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numericColumn>
                {t('cw.dash.col.totaal')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {m.clienten.perCategorie.map((r) => (
              <TableRow key={r.categorie}>
                <TableHeaderCell scope="row">{t(`cw.dash.cat.${r.categorie}`)}</TableHeaderCell>
                <TableCell numericColumn>{r.doorlopend}</TableCell>
                <TableCell numericColumn>{r.nieuw}</TableCell>
                <TableCell numericColumn>{r.totaal}</TableCell>
              </TableRow>
            ))}
            <TableRow className="kk-table__total">
              <TableHeaderCell scope="row">{t('cw.dash.col.totaal')}</TableHeaderCell>
              <TableCell numericColumn>{m.clienten.totaal.doorlopend}</TableCell>
              <TableCell numericColumn>{m.clienten.totaal.nieuw}</TableCell>
              <TableCell numericColumn>{m.clienten.totaal.totaal}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
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
          <Table className="kk-table kk-table--compact">
            <TableCaption className="kk-table__caption">{t('cw.dash.perVorm')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('cw.dash.col.vorm')}</TableHeaderCell>
                <TableHeaderCell scope="col" numericColumn>
                  {t('cw.dash.col.volwassen')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" numericColumn>
                  {t('cw.dash.col.minderjarig')}
                </TableHeaderCell>
                <TableHeaderCell scope="col" numericColumn>
                  {t('cw.dash.col.onbekend')}
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {m.meldingen.perVorm.map((r) => (
                <TableRow key={r.vorm}>
                  <TableHeaderCell scope="row">{t(`cw.vorm.${r.vorm}`)}</TableHeaderCell>
                  <TableCell numericColumn>{r.volwassen}</TableCell>
                  <TableCell numericColumn>{r.minderjarig}</TableCell>
                  <TableCell numericColumn>{r.onbekend}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          )}
        </div>
        <ul className="kk-facts">
          <li>{t('cw.dash.preventief', { volwassen: m.meldingen.preventieveGesprekken.volwassen, minderjarig: m.meldingen.preventieveGesprekken.minderjarig })}</li>
          <li>{t('cw.dash.info', { n: m.meldingen.informatieverzoeken })}</li>
          <li>{t('cw.dash.acuut', { n: m.meldingen.acuut })}</li>
        </ul>
      </section>
    </div>
  );
}
