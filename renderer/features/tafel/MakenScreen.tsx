import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TafelVoorbeeld } from '../../../shared/ipc/tafel.contract';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/formBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStoreShallow } from '../../store/StoreProvider';
import { KeuzeGroep } from '../verstrekkingen/vkBits';
import { PublicatieTabel, SleutelPanel, usePeriodeTekst, Waarschuwing } from './tafelBits';
import { selectTafelActions, selectTafelVoorbeeld } from './tafelSelectors';

/** The years a summary can be made for: this year and the six before it. */
function jaren(now: Date): number[] {
  const dit = now.getFullYear();
  return Array.from({ length: 7 }, (_, i) => dit - i);
}

/**
 * "Overzicht maken": choose a year or a quarter (no other periods), see exactly what would leave
 * — the tables as published, hidden cells marked, why each is hidden, the method statement — and
 * save it through main's save dialog. The result names the files, never a path.
 */
export function MakenScreen() {
  const { t } = useT();
  const periodeTekst = usePeriodeTekst();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const { voorbeeld, busy, error, opslag } = useAppStoreShallow(selectTafelVoorbeeld);
  const { loadTafelVoorbeeld, saveTafelOverzicht, clearTafelVoorbeeld } = useAppStoreShallow(selectTafelActions);
  const [soort, setSoort] = useState<'jaar' | 'kwartaal'>(voorbeeld?.periode.kwartaal === undefined && voorbeeld ? 'jaar' : 'kwartaal');
  const [jaar, setJaar] = useState(String(voorbeeld?.periode.jaar ?? new Date().getFullYear() - 1));
  const [kwartaal, setKwartaal] = useState(String(voorbeeld?.periode.kwartaal ?? 1));
  const [gevraagd, setGevraagd] = useState(false);
  const voorbeeldRef = useRef<HTMLHeadingElement>(null);
  const meldingRef = useRef<HTMLDivElement>(null);
  const uitkomstRef = useRef<HTMLDivElement>(null);

  const periode: TafelPeriode = soort === 'jaar' ? { jaar: Number(jaar) } : { jaar: Number(jaar), kwartaal: Number(kwartaal) as 1 | 2 | 3 | 4 };

  useEffect(() => {
    if (!gevraagd || busy) return;
    setGevraagd(false);
    // Focus where the answer is: the preview's heading, or the reason it cannot be made.
    if (voorbeeld?.mogelijk) voorbeeldRef.current?.focus();
    else meldingRef.current?.focus();
  }, [gevraagd, busy, voorbeeld]);

  useEffect(() => {
    if (opslag.uitkomst !== null || opslag.error !== null) uitkomstRef.current?.focus();
  }, [opslag.uitkomst, opslag.error]);

  function toon(event: FormEvent) {
    event.preventDefault();
    setGevraagd(true);
    void loadTafelVoorbeeld(periode);
  }

  function kies(update: () => void) {
    update();
    // A changed choice makes the preview on screen about another period: it goes.
    if (voorbeeld) clearTafelVoorbeeld();
  }

  return (
    <div className="kk-subpage kk-tafel-maken" data-testid="tafel-maken">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('tafel.maken.titel')}
      </Heading>
      <Paragraph className="kk-muted">{t('tafel.maken.uitleg')}</Paragraph>
      <form onSubmit={toon} noValidate className="kk-panel kk-tafel-periode" aria-label={t('tafel.maken.formulier')}>
        <KeuzeGroep
          legend={t('tafel.maken.soort')}
          name="tafel-soort"
          value={soort}
          onChange={(v) => kies(() => setSoort(v as 'jaar' | 'kwartaal'))}
          options={[
            { value: 'kwartaal', label: t('tafel.maken.soort.kwartaal') },
            { value: 'jaar', label: t('tafel.maken.soort.jaar') },
          ]}
        />
        <div className="kk-form-row">
          <SelectField label={t('tafel.maken.jaar')} name="tafel-jaar" value={jaar} onChange={(v) => kies(() => setJaar(v))} options={jaren(new Date()).map((j) => ({ value: String(j), label: String(j) }))} />
          {soort === 'kwartaal' ? (
            <SelectField
              label={t('tafel.maken.kwartaal')}
              name="tafel-kwartaal"
              value={kwartaal}
              onChange={(v) => kies(() => setKwartaal(v))}
              options={([1, 2, 3, 4] as const).map((q) => ({ value: String(q), label: t(`tafel.kwartaal.${q}`) }))}
            />
          ) : null}
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('tafel.maken.tonen')}
          </Button>
        </ButtonGroup>
        <p role="status" className="kk-muted kk-small">
          {busy ? t('tafel.maken.bezig') : ''}
        </p>
      </form>
      <div ref={error ? meldingRef : undefined} tabIndex={-1} className="kk-focus-target">
        <ErrorAlert error={error} />
      </div>
      {voorbeeld && !voorbeeld.mogelijk ? <Waarschuwing refObj={meldingRef} titel={t('tafel.nietMogelijk.titel', { periode: periodeTekst(voorbeeld.periode) })} tekst={voorbeeld.reden} /> : null}
      {voorbeeld?.mogelijk ? (
        <Voorbeeld voorbeeld={voorbeeld} headingRef={voorbeeldRef} uitkomstRef={uitkomstRef} busy={opslag.busy} onSave={() => void saveTafelOverzicht(voorbeeld.periode)} />
      ) : null}
      <SleutelPanel />
    </div>
  );
}

type Mogelijk = Extract<TafelVoorbeeld, { mogelijk: true }>;

function Voorbeeld({ voorbeeld: v, headingRef, uitkomstRef, busy, onSave }: { voorbeeld: Mogelijk; headingRef: React.Ref<HTMLHeadingElement>; uitkomstRef: React.Ref<HTMLDivElement>; busy: boolean; onSave(): void }) {
  const { t } = useT();
  const periodeTekst = usePeriodeTekst();
  const { opslag } = useAppStoreShallow(selectTafelVoorbeeld);
  const interval = (min: number, max: number | null) => (max === null ? t('tafel.waarom.intervalOpen', { min }) : min === max ? '' : t('tafel.waarom.interval', { min, max }));
  const u = opslag.uitkomst;
  // Gemeenten with fewer than k meldingen are one line: they are only counted in "overige gemeenten".
  const kleineGemeenten = v.verborgen.filter((c) => c.soort === 'kleine-gemeente');
  const overig = v.verborgen.filter((c) => c.soort !== 'kleine-gemeente');
  return (
    <section className="kk-tafel-voorbeeld" aria-labelledby="kk-tafel-voorbeeld">
      <Heading level={3} id="kk-tafel-voorbeeld" ref={headingRef} tabIndex={-1}>
        {t('tafel.voorbeeld.titel', { periode: periodeTekst(v.periode) })}
      </Heading>
      <Paragraph>
        {t('tafel.voorbeeld.samenvatting', { n: v.volgnummer, organisatie: v.organisatie, k: v.k, verborgen: v.verborgen.filter((c) => c.getoond !== '').length, cellen: v.aantalCellen, eerdere: v.eerdere })}
      </Paragraph>
      {v.verbetert !== null ? <Paragraph>{t('tafel.voorbeeld.verbetert', { n: v.verbetert })}</Paragraph> : null}
      {v.bronnen.length > 0 ? <Paragraph>{t('tafel.voorbeeld.bronnen', { namen: v.bronnen.join(', ') })}</Paragraph> : null}
      <Paragraph className="kk-tafel-legenda">{t('tafel.voorbeeld.legenda', { k: v.k, k1: v.k - 1 })}</Paragraph>
      {v.afronding !== null || v.ruisMax !== null ? (
        <Paragraph className="kk-muted">{[v.afronding !== null ? t('tafel.voorbeeld.afronding', { n: v.afronding }) : '', v.ruisMax !== null ? t('tafel.voorbeeld.ruis', { n: v.ruisMax }) : ''].filter(Boolean).join(' ')}</Paragraph>
      ) : null}
      <div className="kk-tafel-tabellen">
        {v.tabellen.map((tabel) => (
          <PublicatieTabel key={tabel.id} tabel={tabel} />
        ))}
      </div>
      <section className="kk-panel" aria-labelledby="kk-tafel-waarom">
        <Heading level={3} id="kk-tafel-waarom">
          {t('tafel.waarom.titel')}
        </Heading>
        <Paragraph className="kk-muted">{t('tafel.waarom.uitleg')}</Paragraph>
        {v.verborgen.length === 0 ? (
          <Paragraph>{t('tafel.waarom.geen')}</Paragraph>
        ) : (
          <ul className="kk-tafel-waarom" data-testid="tafel-waarom">
            {kleineGemeenten.length > 0 ? (
              <li key="kleine-gemeenten">
                <span className="kk-tafel-waarom__label">{t('tafel.waarom.kleineGemeenten', { k: v.k })}</span> <span>{kleineGemeenten.map((c) => c.label.replace(/^Meldingen uit /, '')).join(', ')}.</span>
              </li>
            ) : null}
            {overig.map((c) => (
              <li key={c.cel}>
                <span className="kk-tafel-waarom__label">{c.label}</span>
                {c.getoond !== '' ? <span className="kk-tafel-waarom__toon"> {t('tafel.waarom.getoond', { toon: c.getoond })}</span> : null}
                <span className="kk-tafel-waarom__uitleg"> {c.uitleg}</span>
                <span className="kk-muted kk-small">
                  {' '}
                  {t('tafel.waarom.echt', { n: c.waarde })} {interval(c.interval.min, c.interval.max)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <details className="kk-panel kk-tafel-methode">
        <summary>{t('tafel.methode.titel')}</summary>
        <div className="kk-tafel-methode__tekst">{v.methode}</div>
        <Heading level={4}>{t('tafel.grondslag.titel')}</Heading>
        <Paragraph>{v.grondslag}</Paragraph>
      </details>
      <div className="kk-panel kk-tafel-opslaan">
        <Paragraph>{t('tafel.opslaan.uitleg')}</Paragraph>
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" busy={busy} disabled={busy || u?.opgeslagen === true} onClick={onSave}>
            {t('tafel.opslaan')}
          </Button>
        </ButtonGroup>
        <div ref={uitkomstRef} tabIndex={-1} className="kk-focus-target" data-testid="tafel-uitkomst">
          <ErrorAlert error={opslag.error} />
          {u?.opgeslagen ? (
            <Alert type="ok" role="status" className="kk-alert">
              <Paragraph>{t('tafel.opgeslagen', { n: u.volgnummer })}</Paragraph>
              <ul className="kk-tafel-bestanden">
                <li>{u.bestanden.json}</li>
                <li>{u.bestanden.csv}</li>
                <li>{u.bestanden.pdf}</li>
              </ul>
              <Paragraph>{t('tafel.opgeslagenVolgende')}</Paragraph>
            </Alert>
          ) : null}
          {u && !u.opgeslagen && u.reden === 'geannuleerd' ? (
            <p role="status" className="kk-muted">
              {t('tafel.geannuleerd')}
            </p>
          ) : null}
          {u && !u.opgeslagen && u.reden === 'bestaat-al' ? (
            <Alert type="warning" role="alert" className="kk-alert">
              <Paragraph>{t('tafel.bestaatAl', { naam: u.tekst ?? '' })}</Paragraph>
            </Alert>
          ) : null}
          {u && !u.opgeslagen && u.reden === 'geweigerd' ? (
            <Alert type="warning" role="alert" className="kk-alert">
              <Paragraph>{u.tekst ?? t('tafel.nietMogelijk.titel', { periode: periodeTekst(v.periode) })}</Paragraph>
            </Alert>
          ) : null}
        </div>
      </div>
    </section>
  );
}
