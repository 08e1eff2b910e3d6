import { Alert, Button, ButtonGroup, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Fragment, useEffect, useRef, useState, type FormEvent } from 'react';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { DataTable, formatDate } from '../../components/dataBits';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ErrorSummary, serverErrors, TextField, type FieldErrors } from '../../components/formBits';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import type { AppState } from '../../store/appStore';
import { useAppStoreShallow } from '../../store/StoreProvider';
import { IntrekStatusCel, IntrekVraagRij, useIntrekken } from './Intrekken';
import { PeriodeKeuze, usePeriodeTekst } from './tafelBits';

const selectSv = (s: AppState) => ({
  sleutel: s.svSleutel,
  collegas: s.svCollegas,
  ontvanger: s.svOntvanger,
  status: s.svStatus,
  geladen: s.svGeladen,
  uitkomst: s.svUitkomst,
  write: s.svWrite,
  loadSamenvoegen: s.loadSamenvoegen,
  loadSamenvoegenStatus: s.loadSamenvoegenStatus,
  maakOntvangstsleutel: s.maakOntvangstsleutel,
  bewaarOntvangstsleutel: s.bewaarOntvangstsleutel,
  registreerCollega: s.registreerCollega,
  trekCollegaIn: s.trekCollegaIn,
  leesTelbestand: s.leesTelbestand,
  kiesOntvanger: s.kiesOntvanger,
  maakTelbestand: s.maakTelbestand,
});

/**
 * "Tellingen samenvoegen": colleagues of one organisation combine their raw counts before
 * suppression, so it is applied once, on the combined figures. The reporter makes a receiving key,
 * gives its file to colleagues, registers each colleague's fingerprint and reads their count files
 * (each refusal with its reason); a colleague chooses the reporter's key file once and makes a
 * count file per period. Count files are signed and encrypted to the reporter; never published.
 */
export function SamenvoegenScreen() {
  const { t } = useT();
  const periodeTekst = usePeriodeTekst();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const sv = useAppStoreShallow(selectSv);
  const [periode, setPeriode] = useState<TafelPeriode>({ jaar: new Date().getFullYear() - 1, kwartaal: 1 });
  const [form, setForm] = useState({ vingerafdruk: '', omschrijving: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const resultRef = useRef<HTMLDivElement>(null);
  const { loadSamenvoegen, loadSamenvoegenStatus } = sv;
  // Revoking a colleague: the question, refusal, announcement and focus (useIntrekken).
  const intrek = useIntrekken('sv', sv.collegas);

  async function bevestigIntrekken(id: string, naam: string) {
    await intrek.bevestig(id, async () => (await sv.trekCollegaIn(id))?.message, t('tafel.intrekken.sv.gedaan', { naam }));
  }

  useEffect(() => void loadSamenvoegen(), [loadSamenvoegen]);
  useEffect(() => void loadSamenvoegenStatus(periode), [loadSamenvoegenStatus, periode]);

  async function actie(work: () => Promise<unknown>) {
    setErrors({});
    await work();
    resultRef.current?.focus();
  }

  async function registreer(event: FormEvent) {
    event.preventDefault();
    if (!sv.sleutel) return;
    const refusal = await sv.registreerCollega({ vingerafdruk: form.vingerafdruk, organisatie: sv.sleutel.organisatie, omschrijving: form.omschrijving });
    if (refusal) setErrors(serverErrors(refusal));
    else {
      setErrors({});
      setForm({ vingerafdruk: '', omschrijving: '' });
    }
    resultRef.current?.focus();
  }

  const u = sv.uitkomst;
  const fieldName = (p: string) => `tafel-sv-${p}`;
  const huidige = (sv.status?.telbestanden ?? []).filter((f) => f.vervangenDoor === null);
  return (
    <div className="kk-subpage kk-tafel-samenvoegen" data-testid="tafel-samenvoegen">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {t('tafel.sv.titel')}
      </Heading>
      <Paragraph className="kk-muted">{t('tafel.sv.uitleg')}</Paragraph>

      <div ref={resultRef} tabIndex={-1} className="kk-focus-target" data-testid="tafel-sv-uitkomst">
        <ErrorSummary errors={errors} fieldName={fieldName} />
        {Object.keys(errors).length === 0 && intrek.open === null ? <ErrorAlert error={sv.write.error} /> : null}
        {u?.soort === 'geannuleerd' ? <p role="status">{t('tafel.sv.geannuleerd')}</p> : null}
        {u?.soort === 'sleutel-bewaard' ? (
          <Alert type="ok" role="status" className="kk-alert">
            <Paragraph>{t('tafel.sv.sleutelBewaard', { naam: u.bestandsnaam })}</Paragraph>
          </Alert>
        ) : null}
        {u?.soort === 'ontvanger-gekozen' ? (
          <Alert type="ok" role="status" className="kk-alert">
            <Paragraph>{t('tafel.sv.ontvangerGekozen')}</Paragraph>
          </Alert>
        ) : null}
        {u?.soort === 'telbestand' ? (
          <Alert type="ok" role="status" className="kk-alert">
            <Paragraph>{t('tafel.sv.telbestandGemaakt', { naam: u.bestandsnaam, clienten: u.clienten, meldingen: u.meldingen })}</Paragraph>
          </Alert>
        ) : null}
        {u?.soort === 'gelezen' && u.uitkomst.status === 'ingelezen' ? (
          <Alert type="ok" role="status" className="kk-alert">
            <Paragraph>
              <strong>{u.bestandsnaam}</strong>: {u.uitkomst.melding}
            </Paragraph>
          </Alert>
        ) : null}
        {u?.soort === 'gelezen' && u.uitkomst.status === 'geweigerd' ? (
          <Alert type="warning" role="alert" className="kk-alert">
            <Paragraph>
              <strong>{u.bestandsnaam}</strong>: {t('tafel.modus.geweigerd')} {u.uitkomst.reden}
            </Paragraph>
          </Alert>
        ) : null}
      </div>

      <section className="kk-panel" aria-labelledby="kk-tafel-sv-periode">
        <Heading level={3} id="kk-tafel-sv-periode">
          {t('tafel.sv.periode')}
        </Heading>
        <PeriodeKeuze periode={periode} onChange={setPeriode} naam="tafel-sv" />
      </section>

      <section className="kk-panel" aria-labelledby="kk-tafel-sv-melder">
        <Heading level={3} id="kk-tafel-sv-melder">
          {t('tafel.sv.melder')}
        </Heading>
        <Paragraph className="kk-muted">{t('tafel.sv.melderUitleg')}</Paragraph>
        {!sv.geladen ? null : sv.sleutel === null ? (
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" disabled={sv.write.busy} onClick={() => void actie(sv.maakOntvangstsleutel)}>
              {t('tafel.sv.maakSleutel')}
            </Button>
          </ButtonGroup>
        ) : (
          <>
            <Paragraph>{t('tafel.sv.sleutel')}</Paragraph>
            <p className="kk-tafel-vingerafdruk" data-testid="tafel-sv-ontvangstsleutel">
              {sv.sleutel.vingerafdruk}
            </p>
            <ButtonGroup>
              <Button type="button" appearance="secondary-action-button" disabled={sv.write.busy} onClick={() => void actie(sv.bewaarOntvangstsleutel)}>
                {t('tafel.sv.bewaarSleutel')}
              </Button>
            </ButtonGroup>
            <Heading level={4}>{t('tafel.sv.collegas')}</Heading>
            <DataTable
              caption={t('tafel.sv.collegas')}
              captionHidden
              empty={t('tafel.sv.geenCollegas')}
              columns={[{ label: t('tafel.sv.col.omschrijving') }, { label: t('tafel.modus.col.vingerafdruk') }, { label: t('tafel.sv.col.sinds') }, { label: t('tafel.intrekken.col.status') }]}
              rows={sv.collegas}
              row={(c) => {
                const naam = c.omschrijving || t('tafel.intrekken.sv.naamloos');
                return (
                  <Fragment key={c.id}>
                    <TableRow className={c.ingetrokken ? 'kk-tafel-rij--ingetrokken' : undefined}>
                      <TableHeaderCell scope="row">{c.omschrijving || '—'}</TableHeaderCell>
                      <TableCell className="kk-tafel-vingerafdruk kk-small">{c.vingerafdruk}</TableCell>
                      <TableCell className="kk-nowrap">{formatDate(c.geregistreerd.slice(0, 10))}</TableCell>
                      <IntrekStatusCel
                        soort="sv"
                        id={c.id}
                        ingetrokken={c.ingetrokken}
                        knopLabel={t('tafel.intrekken.sv.knopLabel', { naam })}
                        open={intrek.open === c.id}
                        disabled={sv.write.busy}
                        onVraag={() => intrek.vraag(c.id)}
                      />
                    </TableRow>
                    {intrek.open === c.id && !c.ingetrokken ? (
                      <IntrekVraagRij
                        colSpan={4}
                        label={t('tafel.intrekken.sv.knopLabel', { naam })}
                        vraag={t('tafel.intrekken.sv.vraag', { naam })}
                        gevolg={t('tafel.intrekken.sv.gevolg')}
                        busy={sv.write.busy}
                        fout={intrek.fout}
                        onConfirm={() => bevestigIntrekken(c.id, naam)}
                        onCancel={() => intrek.annuleer(c.id)}
                      />
                    ) : null}
                  </Fragment>
                );
              }}
            />
            <div role="status" className="kk-tafel-intrek-melding" data-testid="tafel-sv-intrek-melding">
              {intrek.melding ? <Paragraph>{intrek.melding}</Paragraph> : null}
            </div>
            <form onSubmit={(e) => void registreer(e)} noValidate className="kk-subform" aria-label={t('tafel.sv.registreer')}>
              <TextField label={t('tafel.sv.collegaVingerafdruk')} hint={t('tafel.sv.collegaVingerafdrukHint')} name={fieldName('vingerafdruk')} value={form.vingerafdruk} onChange={(v) => setForm((f) => ({ ...f, vingerafdruk: v }))} error={errors.vingerafdruk} className="kk-mono" />
              <TextField label={t('tafel.sv.omschrijving')} hint={t('tafel.sv.omschrijvingHint')} name={fieldName('omschrijving')} value={form.omschrijving} onChange={(v) => setForm((f) => ({ ...f, omschrijving: v }))} error={errors.omschrijving} optional />
              <ButtonGroup>
                <Button type="submit" appearance="secondary-action-button" disabled={sv.write.busy}>
                  {t('tafel.sv.registreer')}
                </Button>
              </ButtonGroup>
            </form>
            <Heading level={4}>{t('tafel.sv.telbestanden', { periode: periodeTekst(periode) })}</Heading>
            <DataTable
              caption={t('tafel.sv.telbestanden', { periode: periodeTekst(periode) })}
              captionHidden
              empty={t('tafel.sv.geenTelbestanden')}
              columns={[{ label: t('tafel.sv.col.omschrijving') }, { label: t('tafel.sv.col.clienten'), numeric: true }, { label: t('tafel.sv.col.meldingen'), numeric: true }]}
              rows={huidige}
              row={(f) => {
                const naam = sv.collegas.find((c) => c.vingerafdruk === f.ondertekenaar)?.omschrijving;
                return (
                <TableRow key={f.telbestandId}>
                  <TableHeaderCell scope="row" className={naam ? undefined : 'kk-tafel-vingerafdruk kk-small'}>
                    {naam || f.ondertekenaar}
                  </TableHeaderCell>
                  <TableCell numericColumn>{f.clienten}</TableCell>
                  <TableCell numericColumn>{f.meldingen}</TableCell>
                </TableRow>
                );
              }}
            />
            <ButtonGroup>
              <Button type="button" appearance="primary-action-button" disabled={sv.write.busy || sv.collegas.length === 0} onClick={() => void actie(() => sv.leesTelbestand(periode))}>
                {t('tafel.sv.lees')}
              </Button>
            </ButtonGroup>
          </>
        )}
      </section>

      <section className="kk-panel" aria-labelledby="kk-tafel-sv-collega">
        <Heading level={3} id="kk-tafel-sv-collega">
          {t('tafel.sv.collega')}
        </Heading>
        <Paragraph className="kk-muted">{t('tafel.sv.collegaUitleg')}</Paragraph>
        {sv.ontvanger ? (
          <>
            <Paragraph>{t('tafel.sv.ontvanger', { organisatie: sv.ontvanger.organisatieNaam })}</Paragraph>
            <p className="kk-tafel-vingerafdruk" data-testid="tafel-sv-ontvanger">
              {sv.ontvanger.vingerafdruk}
            </p>
          </>
        ) : (
          <Paragraph>{t('tafel.sv.geenOntvanger')}</Paragraph>
        )}
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" disabled={sv.write.busy} onClick={() => void actie(sv.kiesOntvanger)}>
            {t('tafel.sv.kiesOntvanger')}
          </Button>
          {sv.ontvanger ? (
            <Button type="button" appearance="primary-action-button" disabled={sv.write.busy} onClick={() => void actie(() => sv.maakTelbestand(periode))}>
              {t('tafel.sv.maakTelbestand', { periode: periodeTekst(periode) })}
            </Button>
          ) : null}
        </ButtonGroup>
      </section>
    </div>
  );
}
