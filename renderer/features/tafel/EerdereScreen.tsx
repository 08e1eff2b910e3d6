import { Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { DataTable, formatDate } from '../../components/dataBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStoreShallow } from '../../store/StoreProvider';
import { SleutelPanel, usePeriodeTekst } from './tafelBits';
import { selectTafelActions, selectTafelLedger } from './tafelSelectors';

/**
 * "Eerdere overzichten": every summary saved from this vault, newest first, with how it was made
 * (k, rounding, noise) and how much of it was hidden. Every new summary is checked together with
 * these. The true counts stay in the vault and are not shown here.
 */
export function EerdereScreen() {
  const { t } = useT();
  const periodeTekst = usePeriodeTekst();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { ledger, error } = useAppStoreShallow(selectTafelLedger);
  const { loadTafelLedger } = useAppStoreShallow(selectTafelActions);
  useEffect(() => void loadTafelLedger(), [loadTafelLedger]);
  const instelling = (k: number, afronding: number | null, ruisMax: number | null) =>
    [`k = ${k}`, afronding !== null ? t('tafel.eerdere.afronding', { n: afronding }) : '', ruisMax !== null ? t('tafel.eerdere.ruis', { n: ruisMax }) : ''].filter(Boolean).join(', ');
  return (
    <div className="kk-subpage kk-tafel-eerdere" data-testid="tafel-eerdere">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('tafel.eerdere.titel')}
      </Heading>
      <Paragraph className="kk-muted">{t('tafel.eerdere.uitleg')}</Paragraph>
      {error ? null : ledger === null ? (
        <Paragraph role="status">{t('tafel.laden')}</Paragraph>
      ) : (
        <DataTable
          caption={t('tafel.eerdere.titel')}
          captionHidden
          empty={t('tafel.eerdere.geen')}
          columns={[
            { label: t('tafel.col.nummer'), numeric: true },
            { label: t('tafel.col.periode') },
            { label: t('tafel.col.gemaakt') },
            { label: t('tafel.col.instellingen') },
            { label: t('tafel.col.verborgen'), numeric: true },
            { label: t('tafel.col.verbetert') },
          ]}
          rows={ledger}
          row={(l) => (
            <TableRow key={l.id}>
              <TableHeaderCell scope="row" numericColumn>
                {l.volgnummer}
              </TableHeaderCell>
              <TableCell>{periodeTekst(l.periode)}</TableCell>
              <TableCell className="kk-nowrap">{formatDate(l.gemaaktOp.slice(0, 10))}</TableCell>
              <TableCell>{instelling(l.k, l.afronding, l.ruisMax)}</TableCell>
              <TableCell numericColumn>{t('tafel.eerdere.verborgenVan', { v: l.verborgen, n: l.cellen })}</TableCell>
              <TableCell>{l.verbetert === null ? '—' : t('tafel.eerdere.verbetertNr', { n: l.verbetert })}</TableCell>
            </TableRow>
          )}
        />
      )}
      <SleutelPanel />
    </div>
  );
}
