import { Alert, Button, ButtonGroup, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { DataTable } from '../../components/dataBits';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary, serverErrors, TextField, type FieldErrors } from '../../components/formBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import { useAppStoreShallow } from '../../store/StoreProvider';
import type { AppState } from '../../store/appStore';
import { BalkGrafiek } from './BalkGrafiek';
import { IntrekStatusCel, IntrekVraagRij, useIntrekken } from './Intrekken';
import { useMonitorInTaal } from './monitorTaal';
import { MonitorTabelWeergave, PeriodeKeuze, usePeriodeTekst } from './tafelBits';

const selectModus = (s: AppState) => ({
  ondertekenaars: s.modusOndertekenaars,
  importUitkomst: s.modusImport,
  monitor: s.modusMonitor,
  error: s.modusError,
  write: s.modusWrite,
  loadOndertekenaars: s.loadOndertekenaars,
  registreerOndertekenaar: s.registreerOndertekenaar,
  trekOndertekenaarIn: s.trekOndertekenaarIn,
  importeerOverzichten: s.importeerOverzichten,
  stelMonitorSamen: s.stelMonitorSamen,
  bewaarMonitorPdf: s.bewaarMonitorPdf,
  resetModus: s.resetModus,
});

type Bezig = null | 'registreren' | 'inlezen' | 'samenstellen' | 'pdf';

/**
 * Tafel mode, for the secretariaat of the Regionale Tafel: register each organisation's signing
 * key (the fingerprint its profile shows), import the signed summaries of one period (every file
 * verified; each refusal shown with its reason), compile the regional monitor — the combined
 * figures with intervals, two charts with their tables, a section per organisation — and save it
 * as a PDF to publish. After each action focus goes to its result.
 */
export function ModusScreen() {
  const { t } = useT();
  const periodeTekst = usePeriodeTekst();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const m = useAppStoreShallow(selectModus);
  const [periode, setPeriode] = useState<TafelPeriode>({ jaar: new Date().getFullYear() - 1 });
  const [form, setForm] = useState({ naam: '', organisatieId: '', vingerafdruk: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [registered, setRegistered] = useState('');
  const [bezig, setBezig] = useState<Bezig>(null);
  const registerRef = useRef<HTMLDivElement>(null);
  const importRef = useRef<HTMLDivElement>(null);
  const monitorRef = useRef<HTMLHeadingElement>(null);
  const pdfRef = useRef<HTMLDivElement>(null);
  const { loadOndertekenaars, resetModus } = m;
  // Retiring a key: the question, refusal, announcement and focus (useIntrekken); the reason typed.
  const intrek = useIntrekken('modus', m.ondertekenaars);
  const [reden, setReden] = useState('');

  function vraagIntrekken(id: string) {
    intrek.vraag(id);
    setReden('');
  }

  async function bevestigIntrekken(id: string, naam: string) {
    await intrek.bevestig(
      id,
      async () => {
        const refusal = await m.trekOndertekenaarIn(id, reden);
        return refusal ? (serverErrors(refusal).reden ?? refusal.message) : undefined;
      },
      t('tafel.intrekken.modus.gedaan', { naam }),
    );
  }

  useEffect(() => {
    void loadOndertekenaars();
    return () => resetModus();
  }, [loadOndertekenaars, resetModus]);

  async function registreer(event: FormEvent) {
    event.preventDefault();
    setRegistered('');
    setBezig('registreren');
    const refusal = await m.registreerOndertekenaar(form);
    setBezig(null);
    if (refusal) setErrors(serverErrors(refusal));
    else {
      setErrors({});
      setRegistered(t('tafel.modus.geregistreerd', { naam: form.naam.trim() }));
      setForm({ naam: '', organisatieId: '', vingerafdruk: '' });
    }
    registerRef.current?.focus();
  }

  async function doe(wat: Exclude<Bezig, null | 'registreren'>) {
    setBezig(wat);
    if (wat === 'inlezen') await m.importeerOverzichten(periode);
    if (wat === 'samenstellen') await m.stelMonitorSamen(periode);
    if (wat === 'pdf') await m.bewaarMonitorPdf(periode);
    setBezig(null);
    // Focus follows the result: the import's outcome, or the PDF's (the monitor's heading takes it below).
    if (wat === 'inlezen') importRef.current?.focus();
    if (wat === 'pdf') pdfRef.current?.focus();
    if (wat === 'samenstellen' && !monitorRef.current) importRef.current?.focus();
  }

  // A newly compiled monitor: focus on its heading once it is on screen.
  useEffect(() => {
    if (m.monitor) monitorRef.current?.focus();
  }, [m.monitor]);

  const monitorInTaal = useMonitorInTaal();
  const monitor = m.monitor ? monitorInTaal(m.monitor) : null;
  const fieldName = (p: string) => `tafel-modus-${p}`;
  const actief = (m.ondertekenaars ?? []).filter((o) => o.ingetrokkenOp === null);
  return (
    <div className="kk-subpage kk-tafel-modus" data-testid="tafel-modus">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('tafel.modus.titel')}
      </Heading>
      <Paragraph className="kk-muted">{t('tafel.modus.uitleg')}</Paragraph>
      <ErrorAlert error={m.error} />

      <section className="kk-panel" aria-labelledby="kk-tafel-modus-org">
        <Heading level={3} id="kk-tafel-modus-org">
          {t('tafel.modus.organisaties')}
        </Heading>
        <Paragraph className="kk-muted">{t('tafel.modus.organisatiesUitleg')}</Paragraph>
        {m.ondertekenaars === null ? (
          <Paragraph role="status">{t('tafel.laden')}</Paragraph>
        ) : (
          <DataTable
            caption={t('tafel.modus.organisaties')}
            captionHidden
            empty={t('tafel.modus.geenOrganisaties')}
            columns={[
              { label: t('tafel.modus.col.naam') },
              { label: t('tafel.modus.col.code') },
              { label: t('tafel.modus.col.vingerafdruk') },
              { label: t('tafel.modus.col.ontvangen'), numeric: true },
              { label: t('tafel.intrekken.col.status') },
            ]}
            rows={m.ondertekenaars}
            row={(o) => (
              <Fragment key={o.id}>
                <TableRow className={o.ingetrokkenOp ? 'kk-tafel-rij--ingetrokken' : undefined}>
                  <TableHeaderCell scope="row">{o.naam}</TableHeaderCell>
                  <TableCell>{o.organisatieId}</TableCell>
                  <TableCell className="kk-tafel-vingerafdruk kk-small">{o.vingerafdruk}</TableCell>
                  <TableCell numericColumn>{o.ontvangen}</TableCell>
                  <IntrekStatusCel
                    soort="modus"
                    id={o.id}
                    ingetrokken={o.ingetrokkenOp}
                    reden={o.ingetrokkenReden}
                    knopLabel={t('tafel.intrekken.modus.knopLabel', { naam: o.naam })}
                    open={intrek.open === o.id}
                    disabled={bezig !== null || m.write.busy}
                    onVraag={() => vraagIntrekken(o.id)}
                  />
                </TableRow>
                {intrek.open === o.id && !o.ingetrokkenOp ? (
                  <IntrekVraagRij
                    colSpan={5}
                    label={t('tafel.intrekken.modus.knopLabel', { naam: o.naam })}
                    vraag={t('tafel.intrekken.modus.vraag', { naam: o.naam })}
                    gevolg={t('tafel.intrekken.modus.gevolg')}
                    busy={m.write.busy}
                    reden={{ name: 'tafel-modus-reden', value: reden, onChange: setReden, error: intrek.fout }}
                    onConfirm={() => bevestigIntrekken(o.id, o.naam)}
                    onCancel={() => intrek.annuleer(o.id)}
                  />
                ) : null}
              </Fragment>
            )}
          />
        )}
        <div role="status" className="kk-tafel-intrek-melding" data-testid="tafel-modus-intrek-melding">
          {intrek.melding ? <Paragraph>{intrek.melding}</Paragraph> : null}
        </div>
        <form onSubmit={(e) => void registreer(e)} noValidate className="kk-subform" aria-label={t('tafel.modus.registreren')}>
          <div ref={registerRef} tabIndex={-1} className="kk-focus-target" data-testid="tafel-modus-registratie">
            <ErrorSummary errors={errors} fieldName={fieldName} />
            {registered ? <p role="status">{registered}</p> : null}
          </div>
          <div className="kk-form-row">
            <TextField label={t('tafel.modus.naam')} name={fieldName('naam')} value={form.naam} onChange={(v) => setForm((f) => ({ ...f, naam: v }))} error={errors.naam} />
            <TextField label={t('tafel.modus.code')} hint={t('tafel.modus.codeHint')} name={fieldName('organisatieId')} value={form.organisatieId} onChange={(v) => setForm((f) => ({ ...f, organisatieId: v }))} error={errors.organisatieId} />
          </div>
          <TextField label={t('tafel.modus.vingerafdruk')} hint={t('tafel.modus.vingerafdrukHint')} name={fieldName('vingerafdruk')} value={form.vingerafdruk} onChange={(v) => setForm((f) => ({ ...f, vingerafdruk: v }))} error={errors.vingerafdruk} className="kk-mono" />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={bezig === 'registreren'} disabled={bezig !== null}>
              {t('tafel.modus.registreren')}
            </Button>
          </ButtonGroup>
        </form>
      </section>

      <section className="kk-panel" aria-labelledby="kk-tafel-modus-inlezen">
        <Heading level={3} id="kk-tafel-modus-inlezen">
          {t('tafel.modus.inlezen')}
        </Heading>
        <Paragraph className="kk-muted">{t('tafel.modus.inlezenUitleg')}</Paragraph>
        <PeriodeKeuze periode={periode} onChange={setPeriode} naam="tafel-modus" />
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" busy={bezig === 'inlezen'} disabled={bezig !== null || actief.length === 0} onClick={() => void doe('inlezen')}>
            {t('tafel.modus.kiezen')}
          </Button>
          <Button type="button" appearance="secondary-action-button" busy={bezig === 'samenstellen'} disabled={bezig !== null} onClick={() => void doe('samenstellen')}>
            {t('tafel.modus.samenstellen')}
          </Button>
        </ButtonGroup>
        {actief.length === 0 && m.ondertekenaars !== null ? <Paragraph className="kk-muted kk-small kk-tafel-hint">{t('tafel.modus.eerstRegistreren')}</Paragraph> : null}
        <div ref={importRef} tabIndex={-1} className="kk-focus-target" data-testid="tafel-modus-import">
          {bezig === null ? <ErrorAlert error={m.write.error && Object.keys(serverErrors(m.write.error)).length === 0 ? m.write.error : null} /> : null}
          {m.importUitkomst?.geannuleerd ? <p role="status">{t('tafel.modus.geannuleerd')}</p> : null}
          {m.importUitkomst && !m.importUitkomst.geannuleerd ? (
            <Alert type={m.importUitkomst.uitkomsten.some((u) => !u.ok) ? 'warning' : 'ok'} role="status" className="kk-alert">
              <Paragraph>
                {t('tafel.modus.uitkomst', { ok: m.importUitkomst.uitkomsten.filter((u) => u.ok).length, geweigerd: m.importUitkomst.uitkomsten.filter((u) => !u.ok).length })}
              </Paragraph>
              <ul className="kk-tafel-uitkomsten">
                {m.importUitkomst.uitkomsten.map((u, i) => (
                  <li key={i} className={u.ok ? 'kk-tafel-uitkomst--ok' : 'kk-tafel-uitkomst--geweigerd'}>
                    <strong>{u.bestandsnaam}</strong>: {u.ok ? `${t('tafel.modus.ingelezen')} ${u.melding}` : `${t('tafel.modus.geweigerd')} ${u.reden}`}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
        </div>
      </section>

      {monitor ? (
        <section className="kk-tafel-voorbeeld" aria-labelledby="kk-tafel-monitor">
          <Heading level={3} id="kk-tafel-monitor" ref={monitorRef} tabIndex={-1}>
            {t('tafel.modus.monitorTitel', { periode: periodeTekst(monitor.periode) })}
          </Heading>
          {monitor.secties.length === 0 ? <Paragraph>{t('tafel.modus.leeg')}</Paragraph> : null}
          <Paragraph>{t('tafel.modus.organisatiesIn', { namen: monitor.secties.map((s) => s.organisatie).join(', ') })}</Paragraph>
          {monitor.toelichting.map((regel, i) => (
            <Paragraph key={i} className="kk-muted">
              {regel}
            </Paragraph>
          ))}
          <Heading level={4}>{t('tafel.modus.grafieken')}</Heading>
          <div className="kk-tafel-grafieken">
            <BalkGrafiek titel={t('tafel.modus.grafiekMeldingen')} staven={monitor.grafieken.meldingenPerVorm} testId="tafel-grafiek-meldingen" />
            <BalkGrafiek titel={t('tafel.modus.grafiekClienten')} staven={monitor.grafieken.clientenPerCategorie} testId="tafel-grafiek-clienten" />
          </div>
          <Heading level={4}>{t('tafel.modus.samen')}</Heading>
          <div className="kk-tafel-tabellen" data-testid="tafel-monitor-samen">
            {monitor.gecombineerd.map((tabel) => (
              <MonitorTabelWeergave key={tabel.id} tabel={tabel} naam={t('tafel.modus.samenKort')} />
            ))}
          </div>
          {monitor.secties.map((s) => (
            <details key={s.vrijgaveId} className="kk-panel kk-tafel-sectie" data-testid="tafel-monitor-sectie">
              <summary>
                <strong>{s.organisatie}</strong> <span className="kk-muted kk-small">{t('tafel.modus.sectieMeta', { n: s.volgnummer, k: s.k })}</span>
              </summary>
              <p className="kk-muted kk-small kk-tafel-vingerafdruk">{s.ondertekenaar}</p>
              <div className="kk-tafel-tabellen">
                {s.tabellen.map((tabel) => (
                  <MonitorTabelWeergave key={tabel.id} tabel={tabel} naam={s.organisatie} />
                ))}
              </div>
            </details>
          ))}
          <div className="kk-panel kk-tafel-opslaan">
            <Paragraph>{t('tafel.modus.pdfUitleg')}</Paragraph>
            <ButtonGroup>
              <Button type="button" appearance="primary-action-button" busy={bezig === 'pdf'} disabled={bezig !== null || monitor.secties.length === 0} onClick={() => void doe('pdf')}>
                {t('tafel.modus.pdf')}
              </Button>
            </ButtonGroup>
            <div ref={pdfRef} tabIndex={-1} className="kk-focus-target" data-testid="tafel-modus-pdf">
              {m.write.pdf?.opgeslagen ? (
                <Alert type="ok" role="status" className="kk-alert">
                  <Paragraph>{t('tafel.modus.pdfOpgeslagen', { naam: m.write.pdf.bestandsnaam ?? '' })}</Paragraph>
                </Alert>
              ) : null}
              {m.write.pdf && !m.write.pdf.opgeslagen ? <p role="status">{t('tafel.modus.geannuleerd')}</p> : null}
            </div>
          </div>
        </section>
      ) : null}
    </div>
  );
}
