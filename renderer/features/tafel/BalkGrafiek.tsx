import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useId } from 'react';
import type { Staaf } from '../../../shared/tafel/monitor.schema';
import { useT } from '../../i18n/useT';

const BREEDTE = 640;
const LABEL = 210;
const RIJ = 28;
const BALK = 16;

/**
 * A horizontal bar chart of intervals, with the same figures as a table beside it. Each bar is
 * solid up to what is certain (`min`) and light from there to the largest possible count (`max`);
 * an open interval (no upper bound) ends in a light segment with a dashed end. The picture is
 * hidden from screen readers: the table says everything it shows.
 */
export function BalkGrafiek({ titel, staven, testId }: { titel: string; staven: readonly Staaf[]; testId?: string }) {
  const { t } = useT();
  const id = useId();
  const hoogste = Math.max(1, ...staven.map((s) => (s.max === null ? Math.ceil(s.min * 1.25) + 1 : s.max)));
  const schaal = (n: number) => ((BREEDTE - LABEL - 60) * n) / hoogste;
  const hoogte = staven.length * RIJ + 8;
  return (
    <figure className="kk-tafel-grafiek" aria-labelledby={`${id}-titel`} data-testid={testId}>
      <figcaption id={`${id}-titel`} className="kk-tafel-grafiek__titel">
        {titel}
      </figcaption>
      <svg viewBox={`0 0 ${BREEDTE} ${hoogte}`} width="100%" className="kk-tafel-grafiek__svg" aria-hidden="true" focusable="false" preserveAspectRatio="xMinYMin meet">
        {staven.map((s, i) => {
          const y = 4 + i * RIJ;
          const vast = schaal(s.min);
          const los = s.max === null ? schaal(hoogste) - vast : schaal(s.max) - vast;
          return (
            <g key={s.id} data-staaf={s.id}>
              <text x={LABEL - 8} y={y + BALK - 3} textAnchor="end" className="kk-tafel-grafiek__label">
                {s.label}
              </text>
              {vast > 0 ? <rect x={LABEL} y={y} width={vast} height={BALK} className="kk-tafel-grafiek__vast" /> : null}
              {los > 0 ? <rect x={LABEL + vast} y={y} width={los} height={BALK} className={s.max === null ? 'kk-tafel-grafiek__los kk-tafel-grafiek__los--open' : 'kk-tafel-grafiek__los'} /> : null}
              <text x={LABEL + vast + Math.max(0, los) + 6} y={y + BALK - 3} className="kk-tafel-grafiek__waarde">
                {s.toon}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="kk-tafel-grafiek__legenda kk-small">
        <span className="kk-tafel-grafiek__sleutel kk-tafel-grafiek__sleutel--vast" aria-hidden="true" /> {t('tafel.grafiek.zeker')}{' '}
        <span className="kk-tafel-grafiek__sleutel kk-tafel-grafiek__sleutel--los" aria-hidden="true" /> {t('tafel.grafiek.mogelijk')}
      </p>
      <Table className="kk-table kk-table--compact kk-tafel-grafiek__tabel">
        <TableCaption className="kk-table__caption">{t('tafel.grafiek.tabel', { titel })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('tafel.grafiek.groep')}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t('tafel.grafiek.aantal')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t('tafel.grafiek.minstens')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {t('tafel.grafiek.hoogstens')}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {staven.map((s) => (
            <TableRow key={s.id}>
              <TableHeaderCell scope="row">{s.label}</TableHeaderCell>
              <TableCell numericColumn>{s.toon}</TableCell>
              <TableCell numericColumn>{s.min}</TableCell>
              <TableCell numericColumn>{s.max === null ? t('tafel.grafiek.geenGrens') : s.max}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </figure>
  );
}
