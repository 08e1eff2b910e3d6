import { Alert, Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import type { VoorbeeldTabel } from '../../../shared/ipc/tafel.contract';
import type { MonitorTabel } from '../../../shared/tafel/monitor.schema';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { SelectField } from '../../components/formBits';
import { KeuzeGroep } from '../verstrekkingen/vkBits';
import { useT } from '../../i18n/useT';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectTafelActions, selectTafelSleutel } from './tafelSelectors';

/** "het jaar 2025" or "kwartaal 1 van 2025" in the chosen language. */
export function usePeriodeTekst(): (p: TafelPeriode) => string {
  const { t } = useT();
  return (p) => (p.kwartaal === undefined ? t('tafel.periode.jaar', { jaar: p.jaar }) : t('tafel.periode.kwartaal', { q: p.kwartaal, jaar: p.jaar }));
}

/**
 * One table of a summary as it would leave: the row labels as row headers, each count in its
 * own cell; a hidden cell ("<k" or "x") on a grey field with its kind for screen readers.
 */
export function PublicatieTabel({ tabel }: { tabel: VoorbeeldTabel }) {
  const { t } = useT();
  return (
    <TabelKader
      titel={tabel.titel}
      kolommen={tabel.kolommen}
      rijen={tabel.rijen}
      cel={(c, i) => (
        <TableCell key={i} numericColumn className={c?.verborgen ? 'kk-tafel-cel kk-tafel-cel--verborgen' : 'kk-tafel-cel'} data-cel={c?.cel}>
          <span className="kk-tafel-toon">{c ? c.toon : ''}</span>
          {c?.verborgen ? <span className="kk-visually-hidden"> ({t(`tafel.soort.${c.verborgen}`)})</span> : null}
        </TableCell>
      )}
    />
  );
}

/**
 * The frame every tafel table shares: a caption, the column labels, the row labels as row
 * headers and a total row set apart; each area draws its own cells.
 */
function TabelKader<C>({ titel, kolommen, rijen, cel }: { titel: string; kolommen: ReadonlyArray<{ id: string; label: string }>; rijen: ReadonlyArray<{ id: string; label: string; cellen: readonly C[] }>; cel: (c: C, i: number) => React.ReactNode }) {
  const { t } = useT();
  return (
    <div className={kolommen.length > 2 ? 'kk-tafel-tabel kk-tafel-tabel--breed' : 'kk-tafel-tabel'}>
      <Table className="kk-table kk-table--compact">
        <TableCaption className="kk-table__caption">{titel}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">
              <span className="kk-visually-hidden">{t('tafel.tabel.rij')}</span>
            </TableHeaderCell>
            {kolommen.map((k) => (
              <TableHeaderCell key={k.id} scope="col" numericColumn>
                {k.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.map((r) => (
            <TableRow key={r.id} className={r.id === 'totaal' ? 'kk-tafel-totaal' : undefined}>
              <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
              {r.cellen.map(cel)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The organisation's key fingerprint, to give the Regionale Tafel; or why there is none yet. */
export function SleutelPanel() {
  const { t } = useT();
  const sleutel = useAppStore(selectTafelSleutel);
  const { loadTafelSleutel } = useAppStoreShallow(selectTafelActions);
  useEffect(() => void loadTafelSleutel(), [loadTafelSleutel]);
  return (
    <section className="kk-panel kk-tafel-sleutel" aria-labelledby="kk-tafel-sleutel">
      <Heading level={3} id="kk-tafel-sleutel">
        {t('tafel.sleutel.titel')}
      </Heading>
      {sleutel ? (
        <>
          <Paragraph>{t('tafel.sleutel.uitleg', { organisatie: sleutel.organisatie })}</Paragraph>
          <p className="kk-tafel-vingerafdruk" data-testid="tafel-vingerafdruk">
            {sleutel.vingerafdruk}
          </p>
        </>
      ) : (
        <Paragraph>{t('tafel.sleutel.geen')}</Paragraph>
      )}
    </section>
  );
}

/** A calm warning with a text from the core (already Dutch), announced. */
export function Waarschuwing({ titel, tekst, refObj }: { titel: string; tekst: string; refObj?: React.Ref<HTMLDivElement> }) {
  return (
    <div ref={refObj} tabIndex={-1} className="kk-focus-target">
      <Alert type="warning" role="alert" className="kk-alert">
        <Paragraph>
          <strong>{titel}</strong>
        </Paragraph>
        <Paragraph>{tekst}</Paragraph>
      </Alert>
    </div>
  );
}

/** The years a summary can be about: this year and the six before it. */
export function tafelJaren(now: Date = new Date()): number[] {
  return Array.from({ length: 7 }, (_, i) => now.getFullYear() - i);
}

/** Choosing a year or a quarter (no other periods), for the combine step and tafel mode. */
export function PeriodeKeuze({ periode, onChange, naam }: { periode: TafelPeriode; onChange(p: TafelPeriode): void; naam: string }) {
  const { t } = useT();
  const soort = periode.kwartaal === undefined ? 'jaar' : 'kwartaal';
  return (
    <div className="kk-tafel-periode">
      <KeuzeGroep
        legend={t('tafel.maken.soort')}
        name={`${naam}-soort`}
        value={soort}
        onChange={(v) => onChange(v === 'jaar' ? { jaar: periode.jaar } : { jaar: periode.jaar, kwartaal: periode.kwartaal ?? 1 })}
        options={[
          { value: 'kwartaal', label: t('tafel.maken.soort.kwartaal') },
          { value: 'jaar', label: t('tafel.maken.soort.jaar') },
        ]}
      />
      <div className="kk-form-row">
        <SelectField
          label={t('tafel.maken.jaar')}
          name={`${naam}-jaar`}
          value={String(periode.jaar)}
          onChange={(v) => onChange({ ...periode, jaar: Number(v) })}
          options={tafelJaren().map((j) => ({ value: String(j), label: String(j) }))}
        />
        {periode.kwartaal !== undefined ? (
          <SelectField
            label={t('tafel.maken.kwartaal')}
            name={`${naam}-kwartaal`}
            value={String(periode.kwartaal)}
            onChange={(v) => onChange({ jaar: periode.jaar, kwartaal: Number(v) as 1 | 2 | 3 | 4 })}
            options={([1, 2, 3, 4] as const).map((q) => ({ value: String(q), label: t(`tafel.kwartaal.${q}`) }))}
          />
        ) : null}
      </div>
    </div>
  );
}

/** A table of the monitor (an organisation's as published, or the combined one with intervals). */
export function MonitorTabelWeergave({ tabel, naam }: { tabel: MonitorTabel; naam?: string }) {
  return (
    <TabelKader
      titel={naam ? `${tabel.titel} – ${naam}` : tabel.titel}
      kolommen={tabel.kolommen}
      rijen={tabel.rijen}
      cel={(c, i) => (
        <TableCell key={i} numericColumn className={c && c.max !== c.min ? 'kk-tafel-cel kk-tafel-cel--verborgen' : 'kk-tafel-cel'}>
          <span className="kk-tafel-toon">{c ? c.toon : ''}</span>
        </TableCell>
      )}
    />
  );
}
